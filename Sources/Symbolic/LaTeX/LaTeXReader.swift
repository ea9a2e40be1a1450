/// A construct the reader could not interpret, with its position.
public struct ReaderError: Error, Sendable, CustomStringConvertible {
    /// The construct, as the user wrote it (`\sum`, `a tuple`, `\in`).
    public let construct: String
    public let line: Int
    public let column: Int
    public init(_ construct: String, line: Int, column: Int) {
        self.construct = construct
        self.line = line
        self.column = column
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
    static func matchingBraces(_ ts: [LaTeXToken]) -> [Int] {
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

    static let spacing: Set<String> = [
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

    // MARK: Values

    /// A sum: products joined by `+` and `-`.
    public mutating func readValue() throws(ReaderError) -> MathValue {
        depth += 1
        defer { depth -= 1 }
        if depth > LaTeXReader.maximumDepth { throw error("formula nested too deeply") }
        skipSpacing()
        var acc: MathValue
        if isSymbol("-") { pos += 1; acc = try negate(try readProduct()) }
        else if isSymbol("+") { pos += 1; acc = try readProduct() }
        else if isCommand(["pm", "mp"]) { throw error("\\pm") }
        else { acc = try readProduct() }
        // Scalar summands are summed once at the end: adding them one at a time would rebuild
        // the growing sum each time (quadratic in its length).
        var summands: [Expression] = []
        func total() -> MathValue {
            guard !summands.isEmpty, case .scalar(let first) = acc else { return acc }
            return .scalar(Expression.sum([first] + summands))
        }
        while true {
            skipSpacing()
            let next: MathValue
            if isSymbol("+") { pos += 1; next = try readProduct() }
            else if isSymbol("-") { pos += 1; next = try negate(try readProduct()) }
            else if isCommand(["pm", "mp"]) { throw error("\\pm") }
            else { return total() }
            if case .scalar = acc, case .scalar(let y) = next { summands.append(y); continue }
            acc = try add(total(), next)
            summands = []
        }
    }

    /// Factors joined by `\cdot`, `\times`, `*`, `/`, `\div` or juxtaposition.
    mutating func readProduct() throws(ReaderError) -> MathValue {
        var acc = try readPower()
        // Scalar factors are multiplied once at the end: multiplying them one at a time would
        // rebuild the growing product each time (quadratic in its length).
        var factors: [Expression] = []
        func total() -> MathValue {
            guard !factors.isEmpty, case .scalar(let first) = acc else { return acc }
            return .scalar(Expression.product([first] + factors))
        }
        while true {
            skipSpacing()
            let rhs: MathValue
            if isCommand(["cdot"]) {
                // `u \cdot v` of two vectors of one length is their dot product.
                pos += 1
                rhs = try readSignedFactor()
                if case .matrix(let a) = acc, case .matrix(let b) = rhs, a.columns != b.rows,
                   min(a.rows, a.columns) == 1, min(b.rows, b.columns) == 1, a.entries.count == b.entries.count {
                    acc = .scalar(Expression.sum(zip(a.entries, b.entries).map { $0 * $1 }))
                    continue
                }
            } else if isSymbol("*") || isCommand(["times", "ast"]) {
                pos += 1
                rhs = try readSignedFactor()
            } else if isSymbol("/") || isCommand(["div"]) {
                let t = peek
                pos += 1
                let d = try readPower()
                guard case .scalar(let den) = d else { throw error("division by a matrix", at: t) }
                require(DomainRules.quotient(by: den))
                rhs = .scalar(Expression.one / den)
            } else if startsFactor() {
                rhs = try readPower()
            } else {
                return total()
            }
            if case .scalar = acc, case .scalar(let y) = rhs { factors.append(y); continue }
            acc = try multiply(total(), rhs)
            factors = []
        }
    }

    /// The factor after an explicit product sign, which may carry a sign of its own
    /// (`x \cdot -e^{-x}`, `2 \times -3`).
    mutating func readSignedFactor() throws(ReaderError) -> MathValue {
        skipSpacing()
        if isSymbol("-") { pos += 1; return try negate(try readPower()) }
        if isSymbol("+") { pos += 1 }
        return try readPower()
    }

    /// True when the next token can begin a factor of an implicit product.
    func startsFactor() -> Bool {
        guard let t = peek else { return false }
        switch t.kind {
        case .number, .letter: return true
        case .symbol(let s):
            if s == "|" { return absDepth == 0 }
            return s == "(" || s == "[" || s == "{"
        case .command(let c):
            return !LaTeXReader.stopCommands.contains(c) && !["cdot", "times", "ast", "div", "pm", "mp", "right", "end", "pmod", "rvert", "vert", "rVert", "rangle", "mid"].contains(c)
        case .prose: return false
        }
    }

    /// Commands that end a value: relations, arrows and separators.
    static let stopCommands: Set<String> = [
        "Rightarrow", "rightarrow", "Leftarrow", "leftarrow", "to", "implies", "iff", "Longrightarrow",
        "longrightarrow", "Leftrightarrow", "leftrightarrow", "xrightarrow", "xleftarrow", "mapsto",
        "leq", "le", "geq", "ge", "neq", "ne", "approx", "sim", "simeq", "equiv", "cong", "in", "notin",
        "subset", "subseteq", "propto", "quad", "qquad", "\\", "downarrow", "uparrow",
        "therefore", "because", "forall", "exists", "colon", "hline", "label", "tag", "and", "or",
    ]

    /// A factor with its exponents, primes and transposes.
    mutating func readPower() throws(ReaderError) -> MathValue {
        let first = peek
        var base = try readPrimary()
        // `(…)'`: a prime on a parenthesised expression is a derivative.
        if let first, first.kind == .symbol("(") || first.kind == .symbol("[") || first.kind == .command("left"), isSymbol("'") {
            base = try readGroupPrimes(base, at: first)
        }
        // `[F]_a^b`: F between the bounds.
        if let first, first.kind == .symbol("["), isSymbol("_") { base = try readBoundsEvaluation(base, first) }
        while true {
            skipSpacing()
            if isSymbol("^") {
                let t = peek
                pos += 1
                if let marker = try readTransposeMarker() {
                    if marker, let product = try readInnerProduct(base, at: t) { base = product; continue }
                    guard marker, case .matrix(let m) = base else { throw error("a transpose of a non-matrix", at: t) }
                    base = .matrix(m.transposed)
                    continue
                }
                let exponent = try readScript()
                guard case .scalar(let x) = exponent else { throw error("a matrix exponent", at: t) }
                base = try power(base, x, at: t)
            } else if isSymbol("!") {
                throw error("factorial '!'")
            } else {
                return base
            }
        }
    }

    /// After `^`: true for `T`, `\top`, `{T}` (a transpose), nil when it is an ordinary exponent.
    mutating func readTransposeMarker() throws(ReaderError) -> Bool? {
        let save = pos
        skipSpacing()
        if let t = peek {
            if case .letter("T") = t.kind { pos += 1; return true }
            if case .command(let c) = t.kind, c == "top" || c == "intercal" { pos += 1; return true }
            if case .symbol("{") = t.kind, pos + 2 < end, case .symbol("}") = tokens[pos + 2].kind {
                let inner = tokens[pos + 1].kind
                if inner == .letter("T") || inner == .command("top") || inner == .command("intercal") { pos += 3; return true }
            }
        }
        pos = save
        return nil
    }

    /// A script argument: a braced group, or a single token (`x^2`, `x^n`, `e^\alpha`).
    mutating func readScript() throws(ReaderError) -> MathValue {
        skipSpacing()
        guard let t = peek else { throw error("missing exponent") }
        switch t.kind {
        case .symbol("{"):
            return try readGroup()
        case .number(let r):
            // TeX takes one digit: x^23 is x^2·3. Split a multi-digit token.
            let digits = r.numerator.description
            if r.isInteger, !r.isNegative, digits.count > 1 {
                let first = Int(String(digits.first!))!
                splitRemainder = (pos, LaTeXToken(kind: .number(Rational(Integer(String(digits.dropFirst()))!)),
                                                  line: t.line, column: t.column + 1, spaceBefore: false))
                return .scalar(Expression(first))
            }
            pos += 1
            return .scalar(Expression(r))
        case .letter, .command:
            return try readPrimary()
        case .symbol("-"):
            pos += 1
            return try negate(try readScript())
        default:
            throw unreadable(t)
        }
    }

    /// `{ … }` read as one value.
    mutating func readGroup() throws(ReaderError) -> MathValue {
        try expect("{")
        let v = try readValue()
        skipSpacing()
        guard isSymbol("}") else { throw peek.map(unreadable) ?? error("missing '}'") }
        pos += 1
        return v
    }

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
    static func text(_ ts: [LaTeXToken]) -> String {
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

