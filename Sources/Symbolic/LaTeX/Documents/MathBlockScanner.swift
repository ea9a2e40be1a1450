import SymbolicCore
/// A piece of math found in a document, with where it starts.
public struct MathBlock: Sendable, Equatable {
    /// The LaTeX between the delimiters.
    public let latex: String
    /// 1-based line and column of the first character of `latex` in the file.
    public let line: Int
    public let column: Int
    /// True for display math (`$$`, `\[`, environments), false for inline `$…$` and `\(…\)`.
    public let display: Bool
    /// The prose between the previous block's closing delimiter (or the start of the document)
    /// and this block's opening one: the words that link it to what came before.
    public var proseBefore: String = ""
    /// The prose after this block's closing delimiter, up to the next block (or the end).
    public var proseAfter: String = ""

    public init(latex: String, line: Int, column: Int, display: Bool, proseBefore: String = "") {
        self.latex = latex
        self.line = line
        self.column = column
        self.display = display
        self.proseBefore = proseBefore
    }
}

/// Finds the math in Markdown or LaTeX prose: `$$…$$`, `\[…\]`, `$…$`, `\(…\)`, kramdown's
/// escaped `\\[…\\]` and `\\(…\\)` (Markdown eats one backslash) and the `equation`, `align`,
/// `gather`, `multline` and `eqnarray` environments (starred or not). Text in any language
/// around it is ignored; an escaped dollar `\$` is not a delimiter.
public enum MathBlockScanner {
    package static let environments = ["equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*", "eqnarray", "eqnarray*"]

    public static func blocks(in text: String) -> [MathBlock] {
        var scanner = DelimiterScanner(bytes: Array(text.utf8))
        return scanner.blocks()
    }
}

/// The scan over UTF-8 bytes. Every delimiter is ASCII, so the text is read once, byte by
/// byte, in time linear in its length; columns (in characters) are counted only for the
/// blocks found, from the previous block on the same line.
private struct DelimiterScanner {
    let bytes: [UInt8]
    private var line = 1
    private var lineStart = 0
    /// A byte offset on the current line whose column is known.
    private var known = (offset: 0, column: 1)

    init(bytes: [UInt8]) { self.bytes = bytes }

    private static let newline = UInt8(ascii: "\n"), dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
    private static let displayDollars = Array("$$".utf8), inlineDollar = Array("$".utf8)
    private static let openBracket = Array("\\[".utf8), closeBracket = Array("\\]".utf8)
    private static let openParen = Array("\\(".utf8), closeParen = Array("\\)".utf8)
    private static let kramdownBracket = (Array("\\\\[".utf8), Array("\\\\]".utf8))
    private static let kramdownParen = (Array("\\\\(".utf8), Array("\\\\)".utf8))
    private static let begin = Array("\\begin{".utf8)
    private static let environments = MathBlockScanner.environments.map { (Array("\\begin{\($0)}".utf8), Array("\\end{\($0)}".utf8)) }

    mutating func blocks() -> [MathBlock] {
        var out: [MathBlock] = []
        var i = 0
        var proseStart = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == DelimiterScanner.newline { newLine(at: i); i += 1; continue }
            guard c == DelimiterScanner.dollar || c == DelimiterScanner.backslash else { i += 1; continue }
            if c == DelimiterScanner.backslash && i + 1 < bytes.count && bytes[i + 1] == DelimiterScanner.dollar { i += 2; continue }
            guard let (open, close, display) = opener(at: i) else { i += 1; continue }
            let contentStart = i + open.count
            guard let end = find(close, from: contentStart) else { i += open.count; continue }
            // Inline $…$ does not span blank lines: an unmatched $ is text.
            if !display && hasBlankLine(contentStart, end) { i += 1; continue }
            let column = self.column(at: contentStart)
            out.append(MathBlock(latex: String(decoding: bytes[contentStart..<end], as: UTF8.self), line: line, column: column, display: display,
                                 proseBefore: String(decoding: bytes[proseStart..<i], as: UTF8.self)))
            let after = end + close.count
            proseStart = after
            for k in contentStart..<after where bytes[k] == DelimiterScanner.newline { newLine(at: k) }
            i = after
        }
        for k in out.indices.dropLast() { out[k].proseAfter = out[k + 1].proseBefore }
        if !out.isEmpty { out[out.count - 1].proseAfter = String(decoding: bytes[min(proseStart, bytes.count)...], as: UTF8.self) }
        return out
    }

    private mutating func newLine(at k: Int) {
        line += 1
        lineStart = k + 1
        known = (lineStart, 1)
    }

    /// The 1-based column, in characters, of byte offset `k` on the current line.
    private mutating func column(at k: Int) -> Int {
        if known.offset < lineStart || known.offset > k { known = (lineStart, 1) }
        let column = known.column + String(decoding: bytes[known.offset..<k], as: UTF8.self).count
        known = (k, column)
        return column
    }

    /// The opening delimiter at `k`, its closer, and whether it is display math.
    private func opener(at k: Int) -> ([UInt8], [UInt8], Bool)? {
        if starts(DelimiterScanner.displayDollars, at: k) { return (DelimiterScanner.displayDollars, DelimiterScanner.displayDollars, true) }
        if starts(DelimiterScanner.kramdownBracket.0, at: k) { return (DelimiterScanner.kramdownBracket.0, DelimiterScanner.kramdownBracket.1, true) }
        if starts(DelimiterScanner.kramdownParen.0, at: k) { return (DelimiterScanner.kramdownParen.0, DelimiterScanner.kramdownParen.1, false) }
        if starts(DelimiterScanner.openBracket, at: k) { return (DelimiterScanner.openBracket, DelimiterScanner.closeBracket, true) }
        if starts(DelimiterScanner.openParen, at: k) { return (DelimiterScanner.openParen, DelimiterScanner.closeParen, false) }
        if bytes[k] == DelimiterScanner.dollar { return (DelimiterScanner.inlineDollar, DelimiterScanner.inlineDollar, false) }
        if starts(DelimiterScanner.begin, at: k) {
            for (open, close) in DelimiterScanner.environments where starts(open, at: k) { return (open, close, true) }
        }
        return nil
    }

    private func starts(_ s: [UInt8], at k: Int) -> Bool {
        guard k + s.count <= bytes.count else { return false }
        for j in 0..<s.count where bytes[k + j] != s[j] { return false }
        return true
    }

    /// Offset of the closing delimiter at or after `k`, skipping escaped characters.
    private func find(_ s: [UInt8], from k: Int) -> Int? {
        let escapes = s.first != DelimiterScanner.backslash
        var j = k
        while j < bytes.count {
            if escapes && bytes[j] == DelimiterScanner.backslash { j += 2; continue }
            if bytes[j] == s[0] && starts(s, at: j) { return j }
            j += 1
        }
        return nil
    }

    /// True when the bytes in `[from, to)` contain an empty line (`\n\n` or `\n\r\n`).
    private func hasBlankLine(_ from: Int, _ to: Int) -> Bool {
        var k = from
        while k + 1 < to {
            if bytes[k] == DelimiterScanner.newline {
                if bytes[k + 1] == DelimiterScanner.newline { return true }
                if bytes[k + 1] == UInt8(ascii: "\r"), k + 2 < to, bytes[k + 2] == DelimiterScanner.newline { return true }
            }
            k += 1
        }
        return false
    }
}
