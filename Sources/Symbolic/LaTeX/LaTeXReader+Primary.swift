import SymbolicCore
/// Primaries: numbers, symbols with decorations, groups, absolute values and commands.
extension LaTeXReader {
    /// Letters that name functions when followed by `(`: `f(x)`, `g'(z)`, `J(w)`, `P(w|c)`.
    package static let functionLetters: Set<Character> = ["f", "g", "h", "F", "G", "H", "J", "L", "P", "E"]

    /// A letter applied to what follows in parentheses: one of `functionLetters`, or one the
    /// document defines as a function, followed by `(` with no space.
    func isFunctionLetter(_ c: Character) -> Bool {
        if LaTeXReader.functionLetters.contains(c) { return true }
        guard functionNames.contains(c), let t = peek else { return false }
        return t.kind == .symbol("(") && !t.spaceBefore
    }

    mutating func readPrimary() throws(ReaderError) -> MathValue {
        depth += 1
        defer { depth -= 1 }
        if depth > LaTeXReader.maximumDepth { throw error("formula nested too deeply") }
        skipSpacing()
        guard let t = peek else { throw error("a formula that ends too early") }
        switch t.kind {
        case .number(let r):
            pos += 1
            return .scalar(Expression(r))
        case .letter(let l):
            pos += 1
            // A run of four or more letters is a word (`stride`, `carry`), not a product.
            var word = String(l)
            var j = pos
            while j < end, case .letter(let m) = tokens[j].kind, !tokens[j].spaceBefore { word.append(m); j += 1 }
            if word.count >= 4 {
                pos = j
                return try readSymbolOrApplication(word, accent: nil, start: t)
            }
            // A gradient named as the courses name it, `dc_{next}`, `da_{prev}`: `d` and a letter
            // written together, with a word as the subscript, is one name, not d times c_{next}.
            if l == "d", word.count == 2, j + 3 < end, tokens[j].kind == .symbol("_"), tokens[j + 1].kind == .symbol("{") {
                var k = j + 2, sub = ""
                while k < end, case .letter(let m) = tokens[k].kind { sub.append(m); k += 1 }
                if sub.count >= 3, k < end, tokens[k].kind == .symbol("}") {
                    pos = j
                    return try readSymbolOrApplication(word, accent: nil, start: t)
                }
            }
            // `d\gamma_f`, `d\Gamma_u`: `d` written against a subscripted Greek letter is that
            // letter's gradient, one name (as `dc_{next}` is), not d times \gamma_f.
            if l == "d", word.count == 1, j + 1 < end, !tokens[j].spaceBefore, case .command(let g) = tokens[j].kind,
               greekLetterNames.contains(g), tokens[j + 1].kind == .symbol("_") {
                pos = j + 1
                return try readSymbolOrApplication("d" + g, accent: nil, start: t)
            }
            if l == "e" && isSymbol("^") {
                // e^{x} is the exponential function.
                pos += 1
                let x = try readScript()
                guard case .scalar(let arg) = x else { throw error("a matrix exponent", at: t) }
                return .scalar(Expression.apply(.exp, arg))
            }
            return try readSymbolOrApplication(String(l), accent: nil, start: t)
        case .symbol("("), .symbol("["):
            let close: Character = t.kind == .symbol("(") ? ")" : "]"
            pos += 1
            return try readParenthesised(close: close, open: t)
        case .symbol("{"):
            return try readGroup()
        case .symbol("|"):
            pos += 1
            if isSymbol("|") && absDepth == 0 {
                // ||v|| of a scalar is |v|; a subscript _2 names the norm.
                pos += 1
                absDepth += 2
                let inner = try readValue()
                absDepth -= 2
                try expect("|")
                try expect("|")
                if isSymbol("_") { pos += 1; _ = try readRawGroup() }
                guard case .scalar(let e) = inner else { throw error("the norm of a matrix", at: t) }
                return .scalar(Expression.apply(.abs, e))
            }
            absDepth += 1
            let inner = try readValue()
            absDepth -= 1
            try expect("|")
            return .scalar(try absoluteValueOrDeterminant(inner, at: t))
        case .command(let c):
            pos += 1
            return try readCommand(c, t)
        case .prose, .symbol:
            throw unreadable(t)
        }
    }

    /// |x| of a scalar, and |M| of a square matrix (its determinant).
    func absoluteValueOrDeterminant(_ v: MathValue, at t: LaTeXToken) throws(ReaderError) -> Expression {
        switch v {
        case .scalar(let e): return Expression.apply(.abs, e)
        case .matrix(let m):
            guard let d = m.determinant else { throw error("|·| of a non-square matrix", at: t) }
            return d
        }
    }

    /// `( … )` or `[ … ]`; a comma inside makes it a tuple, which is not a value.
    mutating func readParenthesised(close: Character, open: LaTeXToken) throws(ReaderError) -> MathValue {
        let saveAbs = absDepth
        absDepth = 0
        defer { absDepth = saveAbs }
        if close == "]", let row = try readSpacedRow(open: open) { return row }
        let v = try readValue()
        skipSpacing()
        if isSymbol(",") { throw error("a tuple", at: open) }
        if isSymbol(close) || (close == "]" && isSymbol(")")) || (close == ")" && isSymbol("]")) {
            pos += 1
            return v
        }
        throw peek.map(unreadable) ?? error("an unclosed '\(open.kind == .symbol("(") ? "(" : "[")'", at: open)
    }

    /// A symbol with subscripts, time-step superscripts and primes, or a function application.
    mutating func readSymbolOrApplication(_ name: String, accent: Symbol.Accent?, start: LaTeXToken) throws(ReaderError) -> MathValue {
        var subscriptText: String? = nil
        var timeStep: Symbol.TimeStep? = nil
        var primes = 0
        var name = name
        while true {
            if isSymbol("_") && subscriptText == nil {
                pos += 1
                subscriptText = LaTeXReader.text(try readRawGroup()).filter { !$0.isWhitespace }
            } else if isSymbol("^"), timeStep == nil, let ts = try readTimeStep() {
                timeStep = ts
            } else if isSymbol("^"), timeStep == nil, let label = peekLabelSuperscript(base: name) {
                // W^Q, W_i^K: an upper-case letter over an upper-case name labels it (T is a transpose).
                pos += label.count
                timeStep = Symbol.TimeStep(label.text, style: .label)
            } else if isSymbol("^"), let star = peekStarSuperscript() {
                pos += star
                name += "*"
            } else if isSymbol("'") {
                pos += 1
                primes += 1
            } else {
                break
            }
        }
        let symbol = Symbol(name, accent: accent, subscriptText: subscriptText, timeStep: timeStep, primes: primes)
        // Application: f(x), g'(z), J(\mathbf{w}), E[...]
        if accent == nil, name.count == 1, isFunctionLetter(name.first!),
           isSymbol("(") || (name == "E" && isSymbol("[")) || isCommand(["left"]) {
            if name == "E" && subscriptText == nil && accent == nil && primes == 0 { return .scalar(try readMoment("E", start)) }
            let args = try readArguments()
            var fname = name + (subscriptText.map { "_" + $0 } ?? "")
            if inlinesFunctions, let (params, body) = functionBodies[fname], params.count == args.count, primes <= 1, primes == 0 || params.count == 1 {
                // Inside a limit or an integral: the defined function at its arguments.
                let b = primes == 0 ? body : body.derivative(with: params[0])
                return .scalar(b.substituting(Dictionary(uniqueKeysWithValues: zip(params, args))))
            }
            if primes > 0 { fname += String(repeating: "'", count: primes) }
            return .scalar(Expression.apply(.undefined(fname), args))
        }
        if name == "pi" && subscriptText == nil && accent == nil { return .scalar(.pi) }
        // A bare `e` is Euler's number (`e_t` or `\hat{e}` stay names).
        if name == "e" && subscriptText == nil && accent == nil && timeStep == nil && primes == 0 {
            return .scalar(Expression.apply(.exp, .one))
        }
        if let m = matrices[symbol] { return .matrix(m) }
        return .scalar(Expression(symbol))
    }

    /// `^Q` or `^{Q}` over an upper-case name: the label and the number of tokens it spans.
    func peekLabelSuperscript(base: String) -> (text: String, count: Int)? {
        guard base.count == 1, base.first!.isUppercase, pos + 1 < end else { return nil }
        func label(_ k: LaTeXToken.Kind) -> String? {
            if case .letter(let l) = k, l.isUppercase, l != "T" { return String(l) }
            return nil
        }
        if let l = label(tokens[pos + 1].kind) { return (l, 2) }
        if tokens[pos + 1].kind == .symbol("{"), pos + 3 < end, let l = label(tokens[pos + 2].kind),
           tokens[pos + 3].kind == .symbol("}") { return (l, 4) }
        return nil
    }

    /// `^*` or `^{*}` after a name (an optimum, `w^*`): the number of tokens it spans.
    func peekStarSuperscript() -> Int? {
        guard pos + 1 < end else { return nil }
        let a = tokens[pos + 1].kind
        if a == .symbol("*") || a == .command("ast") || a == .command("star") { return 2 }
        if a == .symbol("{"), pos + 3 < end,
           tokens[pos + 2].kind == .symbol("*") || tokens[pos + 2].kind == .command("ast"),
           tokens[pos + 3].kind == .symbol("}") { return 4 }
        return nil
    }

    /// `^{<t>}`, `^{(t-1)}`, `^{\langle t \rangle}`, `^{<t>}` (a time step), or nil (then nothing is consumed).
    mutating func readTimeStep() throws(ReaderError) -> Symbol.TimeStep? {
        guard pos + 2 < end, tokens[pos + 1].kind == .symbol("{") else { return nil }
        let opener = tokens[pos + 2].kind
        let style: Symbol.TimeStep.Style
        let closer: LaTeXToken.Kind
        switch opener {
        case .symbol("<"): style = .angle; closer = .symbol(">")
        case .command("langle"): style = .angle; closer = .command("rangle")
        case .symbol("("): style = .paren; closer = .symbol(")")
        case .symbol("["): style = .bracket; closer = .symbol("]")
        default: return nil
        }
        // Find the closer followed by '}'.
        var j = pos + 3
        var inner: [LaTeXToken] = []
        while j < end, tokens[j].kind != closer {
            if tokens[j].kind == .symbol("}") { return nil }
            inner.append(tokens[j]); j += 1
        }
        guard j + 1 < end, tokens[j + 1].kind == .symbol("}") else { return nil }
        // `W^{(1)}`, `W^{[l]}`, `x^{(i)}`, `a^{(t-1)}`: a layer, example or time index, never a power
        // (a power is written without the inner brackets). Only a number or an index expression.
        let text = LaTeXReader.text(inner)
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "+-, ".contains($0) }) else { return nil }
        pos = j + 2
        return Symbol.TimeStep(text, style: style)
    }

    /// Spacing that separates the entries of a row written in brackets.
    static let entrySeparators: Set<String> = ["quad", "qquad", ",", ";", ":", " ", "enspace", "thinspace"]

    /// `[W_{ua} \quad W_{ux}]`, `[1 \, 2 \, 3]`: entries separated by spacing at the bracket's top
    /// level are a row, as `\begin{bmatrix} a & b \end{bmatrix}` is. Nil (nothing read) when the
    /// bracket has no such spacing between two entries, or holds an integral (whose `\,` stands
    /// before its differential). `pos` is just after the `[`.
    mutating func readSpacedRow(open: LaTeXToken) throws(ReaderError) -> MathValue? {
        var depth = 0, j = pos, close: Int? = nil
        var segments: [Range<Int>] = [], start = pos
        scan: while j < end {
            switch tokens[j].kind {
            case .symbol("{"):
                // A group is passed in one step (its closing brace is known).
                guard braces[j] > j else { return nil }
                j = braces[j]
            case .symbol("("), .symbol("["): depth += 1
            case .symbol(")"), .symbol("}"): depth -= 1
            case .symbol("]"):
                if depth == 0 { close = j; break scan }
                depth -= 1
            case .command("int"), .command("iint"), .command("oint"), .command("left"), .command("right"): return nil
            case .command(let c) where depth == 0 && LaTeXReader.entrySeparators.contains(c):
                if j > start { segments.append(start..<j) }
                start = j + 1
            default: break
            }
            if depth < 0 { return nil }
            j += 1
        }
        guard let close else { return nil }
        if close > start { segments.append(start..<close) }
        guard segments.count >= 2 else { return nil }
        var entries: [Expression] = []
        for segment in segments {
            var r = reader(of: segment)
            guard case .scalar(let e) = try r.readWhole() else { throw error("a matrix inside a matrix", at: open) }
            domain.formUnion(r.domain)
            entries.append(e)
        }
        guard let row = Matrix([entries]) else { return nil }
        pos = close + 1
        return .matrix(row)
    }

    /// Arguments in parentheses, separated by commas: `(x)`, `(x, y)`, `\left( … \right)`.
    mutating func readArguments() throws(ReaderError) -> [Expression] {
        skipSpacing()
        var leftRight = false
        if isCommand(["left"]) { pos += 1; leftRight = true }
        guard isSymbol("(") || isSymbol("[") else { throw peek.map(unreadable) ?? error("missing '('") }
        let open = peek!
        pos += 1
        var args: [Expression] = []
        while true {
            let v = try readValue()
            guard case .scalar(let e) = v else { throw error("a matrix argument", at: open) }
            args.append(e)
            skipSpacing()
            if isSymbol(",") { pos += 1; continue }
            if isSymbol("|") { throw error("a conditional bar '|'") }
            if isCommand(["mid"]) { throw error("a conditional bar \\mid") }
            break
        }
        if leftRight {
            guard isCommand(["right"]) else { throw peek.map(unreadable) ?? error("missing \\right", at: open) }
            pos += 1
        }
        guard isSymbol(")") || isSymbol("]") else { throw peek.map(unreadable) ?? error("an unclosed '('", at: open) }
        pos += 1
        return args
    }
}
