import SymbolicCore
/// Commands: fractions and derivatives, roots, functions, decorations, text, sums and matrices.
extension LaTeXReader {
    static let functionCommands: [String: Function] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "cot": .cot, "sec": .sec, "csc": .csc,
        "sinh": .sinh, "cosh": .cosh, "tanh": .tanh, "exp": .exp, "log": .log, "ln": .log,
        "arcsin": .asin, "arccos": .acos, "arctan": .atan,
    ]

    static let accents: [String: Symbol.Accent] = [
        "hat": .hat, "widehat": .hat, "tilde": .tilde, "widetilde": .tilde, "bar": .bar, "overline": .bar,
        "vec": .vec, "dot": .dot, "mathbf": .bold, "boldsymbol": .bold, "bm": .bold, "textbf": .bold,
    ]

    /// Names written in `\text{…}` or `\operatorname{…}` that are functions.
    static let textFunctions: [String: Function] = [
        "ReLU": .relu, "relu": .relu, "Relu": .relu, "sigmoid": .sigmoid, "tanh": .tanh, "exp": .exp,
        "log": .log, "sin": .sin, "cos": .cos, "H": .heaviside, "step": .heaviside,
    ]

    mutating func readCommand(_ c: String, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        switch c {
        case "frac", "dfrac", "tfrac", "cfrac":
            return try readFraction(t)
        case "sqrt":
            var index = 2
            skipSpacing()
            if isSymbol("[") {
                pos += 1
                guard let tk = next(), case .number(let r) = tk.kind, r.isInteger, let n = r.numerator.intValue, n >= 2 else {
                    throw error("a root index", at: t)
                }
                index = n
                try expect("]")
            }
            let v = try readScript()
            guard case .scalar(let e) = v else { throw error("the root of a matrix", at: t) }
            let exponent = Expression(Rational(Integer(1), Integer(index))!)
            require(DomainRules.power(e, exponent))
            return .scalar(Expression.power(e, exponent))
        case "left":
            return try readLeftRight(t)
        case "partial" where isSymbol("_") || isSymbol("^"):
            return try readSubscriptPartial(t)
        case "lim":
            return try readLimit(t)
        case "int":
            return try readIntegral(t)
        case "max", "min":
            return try readExtremum(c, t)
        case "arg":
            skipSpacing()
            if isCommand(["max", "min"]) { throw error("\\arg" + LaTeXReader.text([peek!]) + " (an optimum, not a value)", at: t) }
            throw error("\\arg", at: t)
        case "pi":
            return .scalar(.pi)
        case "sigma" where isSymbol("(") || isSymbol("'") || isCommand(["left"]):
            var primes = 0
            while isSymbol("'") { pos += 1; primes += 1 }
            let args = try readArguments()
            guard args.count == 1 else { throw error("\\sigma with several arguments", at: t) }
            let s = Expression.apply(.sigmoid, args[0])
            if primes == 0 { return .scalar(s) }
            if primes == 1 { return .scalar(s * (1 - s)) }
            throw error("\\sigma''", at: t)
        case _ where greekLetterNames.contains(c):
            return try readSymbolOrApplication(c, accent: nil, start: t)
        case _ where LaTeXReader.functionCommands[c] != nil:
            return try readFunction(LaTeXReader.functionCommands[c]!, t)
        case "text", "mathrm", "operatorname", "mathit", "textit", "mathsf", "textrm", "textnormal":
            let raw = LaTeXReader.text(try readRawGroup()).trimmingCharacters()
            if let f = LaTeXReader.textFunctions[raw] { return try readFunction(f, t) }
            if raw == "sign" || raw == "sgn" {
                // sign(u) = u/|u| (away from 0, where the two agree).
                let u = try readFunctionArgument(t)
                require(DomainRules.quotient(by: Expression.apply(.abs, u)))
                return .scalar(u / Expression.apply(.abs, u))
            }
            if raw.count == 1, let l = raw.first, l.isLetter, l.isASCII {
                return try readSymbolOrApplication(raw, accent: nil, start: t)
            }
            if raw.isEmpty { return .scalar(.one) }
            if ["Var", "Cov", "E"].contains(raw) { return .scalar(try readMoment(raw, t)) }
            skipSpacing()
            if isSymbol("(") || isCommand(["left"]) {
                // softmax(…), Attention(…): a function the engine does not know.
                let args = try readArguments()
                return .scalar(Expression.apply(.undefined(raw), args))
            }
            return try readSymbolOrApplication(raw, accent: nil, start: t)
        case _ where LaTeXReader.accents[c] != nil:
            let inner = try readRawGroup()
            let name: String
            if inner.count == 1, case .letter(let l) = inner[0].kind { name = String(l) }
            else if inner.count == 1, case .command(let g) = inner[0].kind, greekLetterNames.contains(g) { name = g }
            else if !inner.isEmpty, inner.allSatisfy({ if case .letter = $0.kind { return true }; return false }) { name = LaTeXReader.text(inner) }
            else { throw error("\\\(c) over a formula", at: t) }
            return try readSymbolOrApplication(name, accent: LaTeXReader.accents[c], start: t)
        case "boxed", "underline":
            return try readGroup()
        case "det":
            let v = try readPower()
            guard case .matrix(let m) = v else { throw error("\\det of a non-matrix", at: t) }
            guard let d = m.determinant else { throw error("\\det of a non-square matrix", at: t) }
            return .scalar(d)
        case "underbrace", "overbrace":
            let v = try readGroup()
            skipSpacing()
            if isSymbol("_") || isSymbol("^") { pos += 1; _ = try readRawGroup() }
            return v
        case "sum", "prod":
            return try readBigOperator(c, t)
        case "begin":
            return try readEnvironment(t)
        case "{":
            let v = try readValue()
            skipSpacing()
            guard isCommand(["}"]) else { throw peek.map(unreadable) ?? error("missing \\}", at: t) }
            pos += 1
            return v
        case "#":
            // `\#params`: a count written as a name.
            var name = "#"
            while let tk = peek, case .letter(let l) = tk.kind, !tk.spaceBefore { name.append(l); pos += 1 }
            return try readSymbolOrApplication(name, accent: nil, start: t)
        case "lvert", "vert":
            // \lvert x \rvert without \left and \right.
            let v = try readValue()
            skipSpacing()
            guard isCommand(["rvert", "vert"]) else { throw peek.map(unreadable) ?? error("missing \\rvert", at: t) }
            pos += 1
            return .scalar(try absoluteValueOrDeterminant(v, at: t))
        case "piecewise":
            throw error("a definition by cases", at: t)
        case "ell", "hbar", "imath", "jmath":
            return try readSymbolOrApplication(c, accent: nil, start: t)
        case "mathcal", "mathscr", "mathfrak":
            let raw = LaTeXReader.text(try readRawGroup())
            skipSpacing()
            if isSymbol("(") { throw error("a distribution \\\(c){\(raw)}(…)", at: t) }
            return try readSymbolOrApplication(c + raw, accent: nil, start: t)
        case "mathbb":
            let raw = LaTeXReader.text(try readRawGroup())
            if raw == "E" { return .scalar(try readMoment("E", t)) }
            return try readSymbolOrApplication("mathbb" + raw, accent: nil, start: t)
        default:
            throw error("\\" + c, at: t)
        }
    }

    /// `\sin x`, `\sin(x)`, `\sin^2 x`, `\log_2 x`, `\sin^{-1} x`.
    mutating func readFunction(_ f: Function, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        var f = f
        var outerPower: Expression? = nil
        skipSpacing()
        // \tanh'(x), \sin''(x): derivatives of the function, at the argument.
        var primes = 0
        while isSymbol("'") { pos += 1; primes += 1 }
        if primes > 0 {
            let arg = try readFunctionArgument(t)
            require(DomainRules.application(f, [arg]))
            let u = Symbol("\u{1}u")
            let d = Expression.apply(f, Expression(u)).derivative(with: u, times: primes)
            return .scalar(d.substituting([u: arg]))
        }
        if isSymbol("_") {
            pos += 1
            // `\log_2 x`, `\log_{b} x`: log x / log b.
            var br = reader(of: try skipRawGroup())
            guard f == .log, case .scalar(let b) = try br.readWhole() else { throw error("a subscript on a function", at: t) }
            domain.formUnion(br.domain)
            let arg = try readFunctionArgument(t)
            require(DomainRules.application(.log, [arg]) + DomainRules.application(.log, [b]))
            require(DomainRules.quotient(by: Expression.apply(.log, b)))
            return .scalar(Expression.apply(.log, arg) / Expression.apply(.log, b))
        }
        if isSymbol("^") {
            pos += 1
            guard case .scalar(let p) = try readScript() else { throw error("a matrix power of a function", at: t) }
            if p == -1 {
                switch f {
                case .sin: f = .asin
                case .cos: f = .acos
                case .tan: f = .atan
                default: throw error("an inverse function written with ^{-1}", at: t)
                }
            } else {
                outerPower = p
            }
        }
        let arg = startsFactor() ? try readFunctionArgument(t) : LaTeXReader.implicitArgument
        require(DomainRules.application(f, [arg]))
        let value = Expression.apply(f, arg)
        if let p = outerPower { require(DomainRules.power(value, p)) }
        return .scalar(outerPower.map { Expression.power(value, $0) } ?? value)
    }

    /// The argument of a function name written alone (`\begin{bmatrix} \cos & \sin \end{bmatrix}`):
    /// one implicit argument shared by every such name, so `\cos^2 + \sin^2 = 1` reads as an identity.
    public static let implicitArgument = Expression(Symbol("_"))

    /// The argument of a named function: parenthesised, or the following factors of an implicit product.
    mutating func readFunctionArgument(_ t: LaTeXToken) throws(ReaderError) -> Expression {
        skipSpacing()
        if isSymbol("(") || isCommand(["left"]) {
            let args = try readArguments()
            guard args.count == 1 else { throw error("a function of several arguments", at: t) }
            return args[0]
        }
        // \sin 2x, \log x: factors up to the next operator or command.
        guard case .scalar(var arg) = try readPower() else { throw error("a matrix argument", at: t) }
        while let tk = peek {
            if case .letter = tk.kind {} else if case .number = tk.kind {}
            else if case .command(let c) = tk.kind, greekLetterNames.contains(c) {}
            else { break }
            guard case .scalar(let more) = try readPower() else { throw error("a matrix argument", at: t) }
            arg = arg * more
        }
        return arg
    }

    /// `\left( … \right)`, `\left[ … \right]`, `\left| … \right|`.
    mutating func readLeftRight(_ t: LaTeXToken) throws(ReaderError) -> MathValue {
        skipSpacing()
        guard let open = next() else { throw error("\\left without a delimiter", at: t) }
        let isAbs: Bool
        switch open.kind {
        case .symbol("("), .symbol("["): isAbs = false
        case .symbol("|"), .command("lvert"), .command("vert"): isAbs = true
        case .command("{"): isAbs = false
        case .command("|"), .command("Vert"): throw error("a norm \\| · \\|", at: t)
        case .symbol("."): isAbs = false
        default: throw error("\\left" + LaTeXReader.text([open]), at: t)
        }
        let saveAbs = absDepth
        absDepth = 0
        let v = try readValue()
        absDepth = saveAbs
        skipSpacing()
        if isSymbol(",") { throw error("a tuple", at: t) }
        guard isCommand(["right"]) else { throw peek.map(unreadable) ?? error("missing \\right", at: t) }
        pos += 1
        let closer = next()  // the closing delimiter
        if isAbs { return .scalar(try absoluteValueOrDeterminant(v, at: t)) }
        if open.kind == .symbol("."), let c = closer?.kind, c == .symbol("|") || c == .command("vert") || c == .command("rvert") {
            return try readEvaluationBar(v, t)
        }
        if open.kind == .symbol("["), closer?.kind == .symbol("]"), isSymbol("_") { return try readBoundsEvaluation(v, t) }
        return v
    }

    /// `\frac{a}{b}`, and derivatives: `\frac{\partial L}{\partial w}`, `\frac{d}{dx} f`, `\frac{\partial^2 f}{\partial x^2}`.
    mutating func readFraction(_ t: LaTeXToken) throws(ReaderError) -> MathValue {
        let num = try skipRawGroup()
        let den = try skipRawGroup()
        if let d = try derivative(num, den, t) { return d }
        // An ordinary fraction: read both groups as values, each by a reader of its own.
        var top = reader(of: num), bottom = reader(of: den)
        let a = try top.readWhole(), b = try bottom.readWhole()
        domain.formUnion(top.domain)
        domain.formUnion(bottom.domain)
        guard case .scalar(let q) = b else { throw error("division by a matrix", at: t) }
        require(DomainRules.quotient(by: q))
        return try multiply(a, .scalar(Expression.one / q))
    }

    /// Reads all tokens as one value.
    package mutating func readWhole() throws(ReaderError) -> MathValue {
        let v = try readValue()
        skipSpacing()
        if let t = peek { throw unreadable(t) }
        return v
    }

    /// A reader of the tokens in `range` (a group of this reader's tokens), sharing them.
    func reader(of range: Range<Int>) -> LaTeXReader { LaTeXReader(group: range, of: self) }

    /// `\sum_{i=1}^{n} body`: expanded when the bounds are small integers, else unreadable.
    /// `\mathbb{E}[X]`, `\mathbb{E}_{x \sim p}[X]`, `\operatorname{Var}(X)`, `\mathrm{Cov}(X, Y)`:
    /// Var(X) = E[X²] − E[X]² and Cov(X, Y) = E[XY] − E[X]E[Y].
    mutating func readMoment(_ kind: String, _ t: LaTeXToken) throws(ReaderError) -> Expression {
        skipSpacing()
        // The distribution written under E is the document's business (`E_{x \sim p}`).
        if isSymbol("_") { pos += 1; _ = try readRawGroup(); skipSpacing() }
        guard isSymbol("(") || isSymbol("[") || isCommand(["left"]) else { throw error("\(kind) without an argument", at: t) }
        let args = try readArguments()
        switch (kind, args.count) {
        case ("E", 1): return Expression.expectation(args[0])
        case ("Var", 1):
            return Expression.expectation(args[0].pow(2)) - Expression.expectation(args[0]).pow(2)
        case ("Cov", 2):
            return Expression.expectation(args[0] * args[1]) - Expression.expectation(args[0]) * Expression.expectation(args[1])
        default: throw error("\(kind) of \(args.count) arguments", at: t)
        }
    }

    mutating func readBigOperator(_ c: String, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        var lower: [LaTeXToken] = [], upper: Range<Int>? = nil
        for _ in 0..<2 {
            skipSpacing()
            if isSymbol("_") { pos += 1; lower = try readRawGroup() }
            else if isSymbol("^") { pos += 1; upper = try skipRawGroup() }
        }
        guard let first = lower.first, case .letter(let index) = first.kind else { throw error("\\\(c) without an index", at: t) }
        let i = Symbol(String(index))
        // `_{i=a}`, `_i` (the index's whole range) or `_{j \neq i}` (all but one value).
        var lo: Expression? = nil, hi: Expression? = nil, excluded: Expression? = nil
        func bound(_ ts: ArraySlice<LaTeXToken>) throws(ReaderError) -> Expression {
            var r = LaTeXReader(tokens: Array(ts))
            r.depth = depth  // nested readers count towards the same nesting limit
            guard case .scalar(let e) = try r.readWhole() else { throw error("\\\(c) with a matrix bound", at: t) }
            return e
        }
        if lower.count > 2, lower[1].kind == .symbol("=") { lo = try bound(lower[2...]) }
        else if lower.count > 2, lower[1].kind == .command("neq") || lower[1].kind == .command("ne") { excluded = try bound(lower[2...]) }
        else if lower.count != 1 { throw error("\\\(c) over this range", at: t) }
        if let upper { hi = try bound(tokens[upper][...]) }
        guard (lo == nil) == (hi == nil), excluded.map({ !$0.contains(i) }) ?? true else { throw error("\\\(c) with one bound", at: t) }
        if excluded != nil && c == "prod" { throw error("\\prod over all indices but one", at: t) }
        // The body's conditions are kept for a generic index value (`x_i ≠ 0`).
        guard case .scalar(let body) = try readProduct() else { throw error("a \\\(c) of matrices", at: t) }
        let op: BigOperator.Operation = c == "sum" ? .sum : .product
        let whole = Expression.bigOperator(op, index: i, lower: lo, upper: hi, body: body)
        guard let excluded else { return .scalar(whole) }
        // ∑_{j≠i} f(j) = ∑_j f(j) - f(i), on the convention that i lies in the range.
        return .scalar(whole - body.binding(i, to: excluded))
    }

    /// `\begin{pmatrix} … \end{pmatrix}` (also bmatrix, matrix, vmatrix for a determinant).
    mutating func readEnvironment(_ t: LaTeXToken) throws(ReaderError) -> MathValue {
        let name = LaTeXReader.text(try readRawGroup())
        guard ["pmatrix", "bmatrix", "matrix", "vmatrix", "Bmatrix", "smallmatrix"].contains(name) else {
            throw error("the \(name) environment", at: t)
        }
        var rows: [[Expression]] = [[]]
        while true {
            skipSpacing()
            if isCommand(["end"]) {
                pos += 1
                _ = try readRawGroup()
                break
            }
            if atEnd { throw error("an unclosed \(name)", at: t) }
            if isCommand(["cdot", "dots", "cdots", "ldots"]) {
                // A lone dot in a sparse matrix stands for zero.
                pos += 1
                rows[rows.count - 1].append(.zero)
            } else {
                guard case .scalar(let e) = try readValue() else { throw error("a matrix inside a matrix", at: t) }
                rows[rows.count - 1].append(e)
            }
            skipSpacing()
            if isSymbol("&") { pos += 1; continue }
            if isCommand(["\\"]) { pos += 1; rows.append([]); continue }
        }
        if rows.last?.isEmpty == true { rows.removeLast() }
        guard let m = Matrix(rows) else { throw error("a matrix with rows of different lengths", at: t) }
        if name == "vmatrix" {
            guard let d = m.determinant else { throw error("the determinant of a non-square matrix", at: t) }
            return .scalar(d)
        }
        return .matrix(m)
    }
}
