import SymbolicCore
/// Values: sums, products (explicit and implicit), powers with their scripts and transposes,
/// and braced groups; the factors themselves are read in `LaTeXReader+Primary.swift`.
extension LaTeXReader {
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
}
