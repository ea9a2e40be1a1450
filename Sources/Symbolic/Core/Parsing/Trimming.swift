extension String {
    /// The string without leading and trailing whitespace (without Foundation).
    package func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
