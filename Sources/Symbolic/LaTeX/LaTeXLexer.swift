import SymbolicCore
/// A token of LaTeX math, with its position in the source (1-based line and column).
public struct LaTeXToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `\frac`, `\alpha`, `\,` (the name without the backslash).
        case command(String)
        /// A number, already normalised: Persian and Arabic-Indic digits, thousands separators
        /// and decimal commas read (`۷,۶۸۰,۰۰۰` is 7680000, `2,8` is 2.8).
        case number(Rational)
        /// A single letter (Latin).
        case letter(Character)
        /// Any other single character: `{ } ( ) [ ] ^ _ + - * / = < > , : ; ' | & ! .`
        case symbol(Character)
        /// A run of text the math reader cannot interpret (for example Persian prose).
        case prose(String)
    }

    public let kind: Kind
    public let line: Int
    public let column: Int
    /// Whether whitespace preceded the token (decides `2, 8` versus `2,8`).
    public let spaceBefore: Bool
    /// Character offsets of the token in the lexed text: `[start, end)`.
    public var start: Int = 0
    public var end: Int = 0

    package init(kind: Kind, line: Int, column: Int, spaceBefore: Bool, start: Int = 0, end: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
        self.spaceBefore = spaceBefore
        self.start = start
        self.end = end
    }
}

/// Splits LaTeX math into tokens. Never fails: unknown characters become `prose` tokens,
/// which the reader reports as unreadable constructs.
public struct LaTeXLexer {
    public static func tokens(_ text: String, line: Int = 1, column: Int = 1) -> [LaTeXToken] {
        let chars = Array(text)
        var out: [LaTeXToken] = []
        var i = 0, ln = line, col = column
        var space = false
        func advance(_ n: Int) {
            for _ in 0..<n {
                if i < chars.count && chars[i] == "\n" { ln += 1; col = 1 } else { col += 1 }
                i += 1
            }
        }
        func append(_ kind: LaTeXToken.Kind, _ l0: Int, _ c0: Int, _ s0: Bool, _ from: Int) {
            var t = LaTeXToken(kind: kind, line: l0, column: c0, spaceBefore: s0)
            t.start = from
            t.end = i
            out.append(t)
        }
        while i < chars.count {
            let c = chars[i]
            let from = i
            if c.isWhitespace { advance(1); space = true; continue }
            if c == "%" {  // comment to end of line
                while i < chars.count && chars[i] != "\n" { advance(1) }
                continue
            }
            let (l0, c0, s0) = (ln, col, space)
            space = false
            if c == "\\" {
                var j = i + 1
                if j < chars.count, chars[j].isASCII, chars[j].isLetter {
                    while j < chars.count, chars[j].isASCII, chars[j].isLetter { j += 1 }
                } else if j < chars.count {
                    j += 1
                }
                let name = String(chars[(i + 1)..<j])
                advance(j - i)
                append(.command(name), l0, c0, s0, from)
                continue
            }
            if digitValue(c) != nil || (c == "." && i + 1 < chars.count && digitValue(chars[i + 1]) != nil) {
                let (value, length) = readNumber(chars, i)
                advance(length)
                append(.number(value), l0, c0, s0, from)
                continue
            }
            if c.isASCII && c.isLetter {
                advance(1)
                append(.letter(c), l0, c0, s0, from)
                continue
            }
            if let replacement = LaTeXLexer.unicodeMath[c] {
                // Pasted Unicode math (α, π, ≤, ⇒, ∂, x²) reads as the LaTeX it stands for.
                advance(1)
                for (k, kind) in replacement.enumerated() {
                    var t = LaTeXToken(kind: kind, line: l0, column: c0, spaceBefore: k == 0 ? s0 : false)
                    t.start = from
                    t.end = i
                    out.append(t)
                }
                continue
            }
            if c.isASCII || "−×·…".contains(c) {
                let mapped: Character = c == "−" ? "-" : (c == "×" || c == "·" ? "*" : c)
                advance(1)
                append(.symbol(mapped), l0, c0, s0, from)
                continue
            }
            // A run of non-ASCII, non-digit characters (prose in another script).
            var j = i
            while j < chars.count, !chars[j].isASCII || chars[j] == " ", digitValue(chars[j]) == nil {
                if chars[j] == " " && (j + 1 >= chars.count || chars[j + 1].isASCII) { break }
                j += 1
            }
            if j == i { j = i + 1 }
            let text = String(chars[i..<j])
            advance(j - i)
            append(.prose(text), l0, c0, s0, from)
        }
        return out
    }

    /// Unicode characters that stand for LaTeX math (`UnicodeMath`), as tokens.
    static let unicodeMath: [Character: [LaTeXToken.Kind]] = {
        var m: [Character: [LaTeXToken.Kind]] = [:]
        for (c, name) in UnicodeMath.commands { m[c] = [.command(name)] }
        for (c, n) in UnicodeMath.superscripts { m[c] = [.symbol("^"), .number(Rational(n))] }
        return m
    }()

    /// The value of an ASCII, Persian or Arabic-Indic digit.
    package static func digitValue(_ c: Character) -> Int? { UnicodeMath.digitValue(c) }

    /// Reads digits with thousands separators (`7,680,000`), a decimal point or a decimal
    /// comma (`2,8`: the group after the comma is not three digits), and the Arabic
    /// decimal separator `٫`.
    static func readNumber(_ chars: [Character], _ start: Int) -> (Rational, Int) {
        var i = start
        func digits() -> String {
            var s = ""
            while i < chars.count, let d = digitValue(chars[i]) { s.append(Character(String(d))); i += 1 }
            return s
        }
        var whole = digits()
        var fraction = ""
        // Thousands groups: ",ddd" repeated, each followed by a non-digit.
        while i < chars.count, chars[i] == "," {
            var j = i + 1, group = ""
            while j < chars.count, let d = digitValue(chars[j]) { group.append(Character(String(d))); j += 1 }
            if group.count == 3 {
                whole += group
                i = j
            } else if !group.isEmpty && fraction.isEmpty && whole.count <= 3 && i == start + whole.count {
                // A decimal comma: `2,8`.
                fraction = group
                i = j
                break
            } else {
                break
            }
        }
        if fraction.isEmpty, i < chars.count, chars[i] == "." || chars[i] == "٫",
           i + 1 < chars.count, digitValue(chars[i + 1]) != nil {
            i += 1
            fraction = digits()
        }
        let text = (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction)
        return (Rational(text) ?? .zero, i - start)
    }
}

extension LaTeXToken {
    /// +1 for openers (`{`, `(`, `[`, `\left`, `\begin`), -1 for their closers, 0 otherwise.
    package var nesting: Int {
        switch kind {
        case .symbol("{"), .symbol("("), .symbol("["), .command("left"), .command("begin"): return 1
        case .symbol("}"), .symbol(")"), .symbol("]"), .command("right"), .command("end"): return -1
        default: return 0
        }
    }
}

extension Array where Element == LaTeXToken {
    /// The index of the `}` closing the `{` at `open`, before `end`; nil when it is unclosed.
    package func closingBrace(from open: Int, end: Int? = nil) -> Int? {
        var depth = 0
        for j in open..<Swift.min(end ?? count, count) {
            if self[j].kind == .symbol("{") { depth += 1 }
            if self[j].kind == .symbol("}") { depth -= 1; if depth == 0 { return j } }
        }
        return nil
    }

    /// The argument at `k` — the tokens inside `{…}`, or the one token there — and the index
    /// after it; nil past the end or for an unclosed brace.
    package func group(at k: Int) -> (tokens: [LaTeXToken], next: Int)? {
        guard k < count else { return nil }
        guard self[k].kind == .symbol("{") else { return ([self[k]], k + 1) }
        guard let close = closingBrace(from: k) else { return nil }
        return (Array(self[(k + 1)..<close]), close + 1)
    }
}
