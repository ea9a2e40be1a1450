/// A piece of math found in a document, with where it starts.
public struct MathBlock: Sendable, Equatable {
    /// The LaTeX between the delimiters.
    public let latex: String
    /// 1-based line and column of the first character of `latex` in the file.
    public let line: Int
    public let column: Int
    /// True for display math (`$$`, `\[`, environments), false for inline `$…$` and `\(…\)`.
    public let display: Bool
}

/// Finds the math in Markdown or LaTeX prose: `$$…$$`, `\[…\]`, `$…$`, `\(…\)` and the
/// `equation`, `align`, `gather` and `multline` environments (starred or not). Text in any
/// language around it is ignored; an escaped dollar `\$` is not a delimiter.
public enum MathBlockScanner {
    static let environments = ["equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*", "eqnarray", "eqnarray*"]

    public static func blocks(in text: String) -> [MathBlock] {
        let chars = Array(text)
        var out: [MathBlock] = []
        var i = 0, line = 1, column = 1
        func advance(_ n: Int) {
            for _ in 0..<n where i < chars.count {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        func starts(_ s: String, at k: Int) -> Bool {
            let p = Array(s)
            guard k + p.count <= chars.count else { return false }
            for j in 0..<p.count where chars[k + j] != p[j] { return false }
            return true
        }
        /// Index of the closing delimiter at or after `k`, skipping escaped characters.
        func find(_ s: String, from k: Int) -> Int? {
            var j = k
            while j < chars.count {
                if chars[j] == "\\" && !s.hasPrefix("\\") { j += 2; continue }
                if starts(s, at: j) { return j }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && i + 1 < chars.count && chars[i + 1] == "$" { advance(2); continue }
            var opener: String? = nil, closer = "", display = true
            if starts("$$", at: i) { opener = "$$"; closer = "$$" }
            else if starts("\\[", at: i) { opener = "\\["; closer = "\\]" }
            else if starts("\\(", at: i) { opener = "\\("; closer = "\\)"; display = false }
            else if c == "$" { opener = "$"; closer = "$"; display = false }
            else if starts("\\begin{", at: i) {
                for env in environments where starts("\\begin{\(env)}", at: i) {
                    opener = "\\begin{\(env)}"; closer = "\\end{\(env)}"
                    break
                }
            }
            guard let open = opener else { advance(1); continue }
            let contentStart = i + open.count
            guard let end = find(closer, from: contentStart) else { advance(open.count); continue }
            // Inline $…$ does not span blank lines: an unmatched $ is text.
            let content = String(chars[contentStart..<end])
            if !display && content.contains("\n\n") { advance(1); continue }
            advance(open.count)
            out.append(MathBlock(latex: content, line: line, column: column, display: display))
            advance(end - contentStart + closer.count)
        }
        return out
    }
}
