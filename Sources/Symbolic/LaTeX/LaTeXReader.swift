import SymbolicCore
/// A construct the reader could not interpret, with its position.
public struct ReaderError: Error, Sendable, CustomStringConvertible {
    /// The construct, as the user wrote it (`\sum`, `a tuple`, `\in`).
    public let construct: String
    public let line: Int
    public let column: Int
    /// For `\lim` that is infinite or does not exist: its value, which no number represents.
    public var limit: LimitValue? = nil
    public init(_ construct: String, line: Int, column: Int, limit: LimitValue? = nil) {
        self.construct = construct
        self.line = line
        self.column = column
        self.limit = limit
    }
    public var description: String { "cannot read \(construct) (line \(line), column \(column))" }
}

/// Reads LaTeX math into values: a recursive-descent parser over `LaTeXToken`s with
/// source positions. It stops (without consuming) at relations and separators at the
/// top level, so `StatementReader` can split chains such as `a = b = c`.
public struct LaTeXReader {
    var tokens: [LaTeXToken]
    var pos = 0
    /// The end of the tokens this reader reads: a reader of one group shares its parent's
    /// tokens (copying each group made a deep nest of fractions take memory depth × length).
    var end: Int
    /// A multi-digit script split by `readScript` (`x^23` is `x^2·3`): the token that stands
    /// at its index now, kept aside so that the shared tokens are never written.
    var splitRemainder: (index: Int, token: LaTeXToken)? = nil
    /// For each `{` of the tokens, the index of its matching `}` (-1 when unclosed), so a
    /// group is skipped in one step however deeply fractions nest.
    let braces: [Int]
    var depth = 0
    var absDepth = 0
    /// Names known to stand for matrices (from earlier definitions), read as those matrices.
    public var matrices: [Symbol: Matrix] = [:]
    /// Names known to stand for vectors (declared random vectors, `a \in \mathbb{R}^D`) with their
    /// dimension: `a^T b` of two of them reads as the sum `\sum_{i=1}^{D} a_i b_i`.
    public var vectors: [Symbol: Expression] = [:]
    /// Families the document defines member by member (`\hat{y}_i = …`), by their names without
    /// subscript: a derivative of an expression holding a member is left for the definitions.
    public var families: Set<Symbol> = []
    /// Letters the document defines as functions (`q(x) = 3x^2 + 1`) besides `functionLetters`:
    /// `q(2)` written right after them (no space before `(`) is an application.
    public var functionNames: Set<Character> = []
    /// The document's functions (`f(x) = x^2`), applied by their bodies inside the body of a
    /// limit or an integral, which is computed when read (`\lim_{h \to 0} \frac{f(x+h) - f(x)}{h}`).
    public var functionBodies: [String: (parameters: [Symbol], body: Expression)] = [:]
    /// True while reading the body of a limit or an integral.
    var inlinesFunctions = false
    /// Where the value as written is defined: the conditions of its divisions, roots, powers and
    /// functions (see `DomainRules`), which canonical forms such as `x/x = 1` drop.
    public internal(set) var domain = Domain()
    /// Nesting deeper than this is reported instead of risking the stack.
    static var maximumDepth: Int { Limits.default.maximumNestingDepth }


    public init(tokens: [LaTeXToken]) {
        self.tokens = tokens
        end = tokens.count
        braces = LaTeXReader.matchingBraces(tokens)
    }

    /// A reader of a group, `parent.tokens[range]`, sharing the parent's tokens without copying them.
    init(group range: Range<Int>, of parent: LaTeXReader) {
        tokens = parent.tokens
        braces = parent.braces
        splitRemainder = parent.splitRemainder
        pos = range.lowerBound
        end = range.upperBound
        depth = parent.depth
        matrices = parent.matrices
        vectors = parent.vectors
        functionNames = parent.functionNames
        functionBodies = parent.functionBodies
        inlinesFunctions = parent.inlinesFunctions
    }

    /// For each `{`, the index of its matching `}` (-1 elsewhere and when unclosed), in one pass.
    package static func matchingBraces(_ ts: [LaTeXToken]) -> [Int] {
        var out = [Int](repeating: -1, count: ts.count)
        var open: [Int] = []
        for (k, t) in ts.enumerated() {
            if t.kind == .symbol("{") { open.append(k) }
            else if t.kind == .symbol("}"), let o = open.popLast() { out[o] = k }
        }
        return out
    }

    /// Reads a whole string as one value.
    public static func read(_ latex: String) throws(ReaderError) -> MathValue {
        var r = LaTeXReader(tokens: LaTeXLexer.tokens(latex))
        let v = try r.readValue()
        r.skipSpacing()
        if let t = r.peek { throw r.unreadable(t) }
        return v
    }

    /// Reads a whole string as one value, with the domain of its written form.
    public static func readWithDomain(_ latex: String) throws(ReaderError) -> (value: MathValue, domain: Domain) {
        var r = LaTeXReader(tokens: LaTeXLexer.tokens(latex))
        let v = try r.readWhole()
        return (v, r.domain)
    }

    /// Records the conditions an operation as written imposes.
    mutating func require(_ conditions: [DomainCondition]) {
        for c in conditions { domain.insert(c) }
    }

    /// Reads a whole string as one scalar expression.
    public static func readExpression(_ latex: String) throws(ReaderError) -> Expression {
        let v = try read(latex)
        guard let e = v.scalar else { throw ReaderError("a matrix where a scalar was expected", line: 1, column: 1) }
        return e
    }

    // MARK: Token access

    var peek: LaTeXToken? {
        guard pos < end else { return nil }
        if let s = splitRemainder, s.index == pos { return s.token }
        return tokens[pos]
    }
    var atEnd: Bool { pos >= end }

    mutating func next() -> LaTeXToken? {
        defer { pos += 1 }
        return peek
    }

    /// Skips thin spaces and other spacing commands that carry no meaning, with the argument of
    /// those that take one (`\hspace{1em}`, `\hspace*{2cm}`, `\phantom{x}`).
    mutating func skipSpacing() {
        while let t = peek, case .command(let c) = t.kind {
            if LaTeXReader.spacing.contains(c) { pos += 1; continue }
            guard LaTeXReader.spacingWithArgument.contains(c) else { return }
            var k = pos + 1
            if k < end, tokens[k].kind == .symbol("*") { k += 1 }
            guard k < end, tokens[k].kind == .symbol("{"), braces[k] >= 0, braces[k] < end else { return }
            pos = braces[k] + 1
        }
    }

    static let spacingWithArgument: Set<String> = ["hspace", "vspace", "phantom", "hphantom", "vphantom", "mspace", "hskip", "mkern", "kern"]

    package static let spacing: Set<String> = [
        ",", ";", "!", " ", ":", ">", "displaystyle", "textstyle", "left.", "nonumber", "notag", "limits",
        "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
    ]

    func isSymbol(_ c: Character) -> Bool {
        if let t = peek, case .symbol(let s) = t.kind { return s == c }
        return false
    }

    func isCommand(_ names: Set<String>) -> Bool {
        if let t = peek, case .command(let c) = t.kind { return names.contains(c) }
        return false
    }

    func error(_ construct: String, at t: LaTeXToken? = nil) -> ReaderError {
        let tok = t ?? peek ?? (end > 0 ? tokens[end - 1] : nil)
        return ReaderError(construct, line: tok?.line ?? 1, column: tok?.column ?? 1)
    }

    func unreadable(_ t: LaTeXToken) -> ReaderError {
        switch t.kind {
        case .command(let c): return error("\\" + c, at: t)
        case .symbol(let s): return error("'\(s)'", at: t)
        case .prose(let p): return error("prose \"\(p.prefix(20))\"", at: t)
        case .letter(let l): return error("'\(l)'", at: t)
        case .number(let n): return error("number \(n)", at: t)
        }
    }

    mutating func expect(_ c: Character) throws(ReaderError) {
        skipSpacing()
        guard isSymbol(c) else { throw peek.map(unreadable) ?? error("missing '\(c)'") }
        pos += 1
    }

    // MARK: Raw groups

    /// The raw tokens of a braced group (for `\text`, subscripts and labels).
    mutating func readRawGroup() throws(ReaderError) -> [LaTeXToken] {
        let range = try skipRawGroup()
        guard let first = range.first, splitRemainder?.index == first else { return Array(tokens[range]) }
        return [peekSplit(first)] + tokens[range.dropFirst()]
    }

    /// Skips a braced group (or a single token) and returns the range of its contents.
    mutating func skipRawGroup() throws(ReaderError) -> Range<Int> {
        skipSpacing()
        guard isSymbol("{") else {
            guard next() != nil else { throw error("missing argument") }
            return (pos - 1)..<pos
        }
        let open = pos
        guard braces[open] >= 0, braces[open] < end else { throw error("an unclosed '{'", at: peek) }
        pos = braces[open] + 1
        return (open + 1)..<braces[open]
    }

    /// The token at index `k`, as `peek` would show it there.
    func peekSplit(_ k: Int) -> LaTeXToken {
        if let s = splitRemainder, s.index == k { return s.token }
        return tokens[k]
    }

    /// Source-like text of tokens (for names and labels).
    package static func text(_ ts: [LaTeXToken]) -> String {
        var s = ""
        for t in ts {
            if t.spaceBefore && !s.isEmpty { s += " " }
            switch t.kind {
            case .command(let c): s += c.count == 1 && !c.first!.isLetter ? (c == " " ? " " : c) : "\\" + c
            case .number(let r): s += r.isInteger ? r.description : PlainPrinter.string(Expression(r))
            case .letter(let l): s.append(l)
            case .symbol(let c): s.append(c)
            case .prose(let p): s += p
            }
        }
        return s
    }
}

