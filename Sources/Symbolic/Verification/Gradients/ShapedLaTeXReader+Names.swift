import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The primaries of vector notation that name things: gradients and Jacobians written as
/// fractions, functions applied to vectors, and the model's quantities by their spellings.
extension ShapedLaTeXReader {
    /// `\frac{\partial L}{\partial W}` (a gradient), `\frac{\partial A}{\partial B}` (a Jacobian) or `\frac{v}{n}`.
    mutating func fraction() throws(Failure) -> Value {
        let num = try group(), den = try group()
        if let n = Self.differentialTail(ts, num), let d = Self.differentialTail(ts, den) {
            guard let wrt = context.names.leaf(ts[d]), case .quantity(let q) = wrt.kind else {
                throw fail("a derivative with respect to \(QuantityNames.key(ts[d])), which the model does not define")
            }
            if Self.isLoss(ts[n]) {
                guard let g = context.gradient(q) else { throw fail("no gradient of \(q.plain) in the model") }
                return .shaped(g)
            }
            if Self.isPartOfLoss(ts[n]) { throw fail("the gradient of a part of the loss (\(QuantityNames.key(ts[n])))") }
            guard let of = context.names.leaf(ts[n]), case .quantity(let p) = of.kind else {
                throw fail("a derivative of \(QuantityNames.key(ts[n])), which the model does not define")
            }
            guard let j = context.jacobian(p, q) else { throw fail("the Jacobian ∂\(p.plain)/∂\(q.plain) is not diagonal or linear") }
            return .shaped(j)
        }
        if num.count == 1, ts[num.lowerBound].kind == .command("partial") || ts[num.lowerBound].kind == .letter("d"), Self.differentialTail(ts, den) != nil {
            throw fail("a derivative \\frac{\\partial}{\\partial …} of an expression of vectors (taken only in a recognised model)")
        }
        var a = ShapedLaTeXReader(ts, num, context: context), b = ShapedLaTeXReader(ts, den, context: context)
        (a.depth, b.depth) = (depth, depth)
        let top = try a.sum(), bottom = try b.sum()
        guard a.pos == a.end, b.pos == b.end else { throw fail("a fraction of vectors") }
        // Divided by a number, or by a 1 × 1 quantity (`\\sqrt{d}`).
        if case .shaped(let d) = bottom, d.shape.isScalar {
            return try multiply(top, try wrap { () throws(ShapeError) in try .elementwisePower(d, -1) }, hadamard: false)
        }
        guard case .number(let r) = bottom, let inv = r.inverse else { throw fail("a fraction of vectors") }
        return try multiply(top, .number(inv), hadamard: false)
    }

    /// `\\sqrt{…}` of a number or a 1 × 1 quantity.
    mutating func squareRoot() throws(Failure) -> Value {
        if isSymbol("[") { throw fail("a root other than the square root in vector notation") }
        let g = try group()
        var inner = ShapedLaTeXReader(ts, g, context: context)
        inner.depth = depth
        let v = try inner.readWholeValue()
        let half = Expression(Rational(1, 2)!)
        switch v {
        case .number(let r): return .shaped(.filled(.power(Expression(r), half), .scalar))
        case .shaped(let e) where e.shape.isScalar:
            if case .filled(let x) = e.kind { return .shaped(.filled(.power(x, half), .scalar)) }
            let u = Symbol("\u{1}u")
            return try wrap { () throws(ShapeError) in try .apply(EntrywiseTemplate(.power(Expression(u), half), variable: u), [e]) }
        default: throw fail("the square root of a matrix")
        }
    }

    /// The range after `\partial` or `d` at the start of `range`; nil when there is none.
    static func differentialTail(_ ts: [LaTeXToken], _ range: Range<Int>) -> Range<Int>? {
        guard !range.isEmpty else { return nil }
        let first = ts[range.lowerBound].kind
        guard first == .command("partial") || first == .letter("d"), range.count >= 2 else { return nil }
        return (range.lowerBound + 1)..<range.upperBound
    }

    /// `L`, `J`, `E`, `\mathcal{L}`, `\ell`: the loss the gradients are of.
    static func isLoss(_ ts: ArraySlice<LaTeXToken>) -> Bool {
        ["L", "J", "E", "\\mathcalL", "\\ell", "\\mathcalJ", "Loss", "\\textLoss"].contains(QuantityNames.key(ts))
    }

    /// `L^{(t)}`, `L'`, `L_t`: one part of the loss.
    static func isPartOfLoss(_ ts: ArraySlice<LaTeXToken>) -> Bool {
        guard let first = ts.first, first.kind == .letter("L") || first.kind == .letter("J") || first.kind == .letter("E") || first.kind == .command("mathcal") else { return false }
        return ts.contains { $0.kind == .symbol("^") || $0.kind == .symbol("'") || $0.kind == .symbol("_") }
    }

    static let functions: [String: Function] = ["sigma": .sigmoid, "tanh": .tanh, "exp": .exp, "log": .log, "ln": .log]

    /// `\text{softmax}(z)`, `\operatorname{ReLU}(x)`.
    mutating func namedFunction() throws(Failure) -> Value {
        pos += 1
        let g = try group()
        let spelled = ts[g].map { t -> String in if case .letter(let l) = t.kind { return String(l) }; return "" }.joined()
        let word = spelled.lowercased()
        if word == "tr" || word == "trace" {
            // `\operatorname{tr}(A B)`: the trace of a square matrix.
            skipSpacing()
            let arg: Value = isSymbol("(") || isCommand(["left"]) || isSymbol("[") ? try primary() : try postfix(try primary())
            guard case .shaped(let x) = arg else { throw fail("the trace of a number") }
            return try wrap { () throws(ShapeError) in try .trace(x) }
        }
        guard ["softmax", "relu", "sigmoid", "tanh"].contains(word) else {
            throw fail(word.isEmpty ? "words" : "\\text{\(spelled)}, a function the document does not define")
        }
        return try function(word)
    }

    /// A function applied to a vector: `\tanh(c)`, `\tanh^2 c`, `\sigma'(z)`, `\tanh'(c)`.
    mutating func function(_ name: String) throws(Failure) -> Value {
        var power = 1
        var derivative = false
        if isSymbol("'") { pos += 1; derivative = true }
        if isSymbol("^") {
            pos += 1
            let g = try group()
            guard g.count == 1, case .number(let r) = ts[g.lowerBound].kind, let k = r.numerator.intValue, r.isInteger, k >= 1, k <= 8 else {
                throw fail("a function power that is not a small integer")
            }
            power = k
        }
        if isSymbol("'") { pos += 1; derivative = true }
        skipSpacing()
        let arg: Value = isSymbol("(") || isCommand(["left"]) || isSymbol("[") ? try primary() : try postfix(try primary())
        guard case .shaped(let x) = arg else { throw fail("a function of a number in vector notation") }
        let op: any ShapedOperation
        switch name {
        case "softmax": op = Softmax()
        case "relu": op = Elementwise(.relu)
        case "sigmoid", "sigma": op = Elementwise(.sigmoid)
        case "tanh": op = Elementwise(.tanh)
        case "exp": op = Elementwise(.exp)
        default: op = Elementwise(.log)
        }
        var v = try wrap { () throws(ShapeError) in try .apply(op, [x]) }
        if derivative {
            guard case .shaped(let r) = v, let e = op as? Elementwise else { throw fail("the derivative of \(name) is not elementwise") }
            v = try wrap { () throws(ShapeError) in try e.adjoint(0, operands: [x], result: r, seed: .filled(.one, x.shape)) }
        }
        if power != 1, case .shaped(let e) = v { v = try wrap { () throws(ShapeError) in try .elementwisePower(e, power) } }
        return v
    }

    /// The number of tokens spelling the identity here (`I`, or `I` in a font command), or nil.
    func identityLength() -> Int? {
        if peek == .letter("I") { return 1 }
        if case .command(let c) = peek, ["mathbf", "mathbb", "mathrm", "boldsymbol", "bm"].contains(c),
           peek(1) == .symbol("{"), peek(2) == .letter("I"), peek(3) == .symbol("}") { return 4 }
        return nil
    }

    /// A letter no name covers, read as a number: its length in tokens and the symbol the scalar
    /// reader gives it (`d`, `D_{k_h}`, `\\lambda`); nil for anything else.
    func scalarLetter() -> (Int, Expression)? {
        let length = LetterUse.nameLength(ts, pos, end: end)
        guard length > 0 else { return nil }
        // `E[…]`, `P(…)`: an expectation or a probability, no number times a bracket.
        if pos + length < end, ts[pos + length].kind == .symbol("[") { return nil }
        if length == 1, [.letter("E"), .letter("P")].contains(ts[pos].kind), pos + 1 < end, ts[pos + 1].kind == .symbol("(") { return nil }
        var reader = LaTeXReader(tokens: Array(ts[pos..<(pos + length)]))
        guard case .scalar(let e)? = try? reader.readWhole(), case .symbol = e.kind else { return nil }
        return (length, e)
    }

    /// The longest run of tokens from here that spells a known quantity.
    mutating func name() throws(Failure) -> Value {
        var best: (end: Int, leaf: ShapedExpression)?
        var d = 0
        var k = pos
        while k < end, k - pos < QuantityNames.maximumTokens {
            let t = ts[k].kind
            if d == 0 {
                // `w^*`: a star after `^` belongs to the name.
                let starred = t == .symbol("*") && k > pos && ts[k - 1].kind == .symbol("^")
                if case .symbol(let c) = t, !["_", "^", "'", "{"].contains(c), !starred { break }
                if case .command(let c) = t, Self.matrixProducts.contains(c) || Self.elementwiseProducts.contains(c) || ["left", "right", "frac", "quad", "qquad", "oplus", "\\", "end", "begin"].contains(c) || Self.functions[c] != nil { break }
                if t == .symbol("^"), k + 1 < end, ts[k + 1].kind == .letter("T") || ts[k + 1].kind == .command("top") { break }
                if t == .symbol("^"), k + 2 < end, ts[k + 1].kind == .symbol("{"), ts[k + 2].kind == .letter("T") || ts[k + 2].kind == .command("top") { break }
            }
            if t == .symbol("{") { d += 1 }
            if t == .symbol("}") { d -= 1; if d < 0 { break } }
            k += 1
            // A run ending in a font command (`\mathbf{A}\mathbf`) spells the same key as without
            // it, but the command belongs to the next name.
            let endsInFont: Bool = { if case .command(let c) = ts[k - 1].kind { return QuantityNames.ignored.contains(c) }; return false }()
            if d == 0, !endsInFont, let leaf = context.names.leaf(ts[pos..<k]) { best = (k, leaf) }
        }
        guard let best else {
            // `I`, `\mathbf{I}`, `\mathbb{I}`: the identity, sized by the matrix it meets.
            if let n = identityLength() {
                pos += n
                return .identity(.one)
            }
            if ts[pos].kind == .letter("E"), pos + 1 < end, ts[pos + 1].kind == .symbol("[") { throw fail("an expectation E[…] of vectors (the entries' distribution is read only when the document declares it)") }
            if context.scalarLetters, let (length, e) = scalarLetter() {
                pos += length
                return .shaped(.filled(e, .scalar))
            }
            throw fail("an unknown name \(QuantityNames.key(ts[pos..<max(k, pos + 1)]))")
        }
        pos = best.end
        return .shaped(best.leaf)
    }
}

extension ShapedLaTeXReader {
    static let normClosers: Set<String> = ["|", "rVert", "Vert"]

    /// `\|x\|` (the Euclidean norm of a vector, `\sqrt{x^\top x}`), `\|x\|_2`, `\|x\|^2` and
    /// `\|x\|_2^2` (`x^\top x`), `\|A\|_F` (Frobenius, `\sqrt{\operatorname{tr}(A^\top A)}`) and
    /// `\|A\|_F^2`. The norm of a matrix without a subscript, and other norms, are not read:
    /// which one is meant is not written.
    mutating func norm(right: Bool = false) throws(Failure) -> Value {
        normDepth += 1
        let inner = try sum()
        normDepth -= 1
        if right {
            guard isCommand(["right"]) else { throw fail("a \\left\\| without its \\right\\|") }
            pos += 1
        }
        guard isCommand(Self.normClosers) else { throw fail("an unclosed norm") }
        pos += 1
        guard case .shaped(let x) = inner, !x.shape.isScalar else { throw fail("the norm of a number") }
        // The subscript: 2, F or none, and a square right after it.
        var kind = ""
        if isSymbol("_") {
            pos += 1
            let g = try group()
            kind = ts[g].map { t -> String in
                switch t.kind { case .number(let r): return r.description; case .letter(let l): return String(l); default: return "?" }
            }.joined()
        }
        var squared = false
        if isSymbol("^"), peek(1) == .number(2) { pos += 2; squared = true }
        else if isSymbol("^"), peek(1) == .symbol("{"), peek(2) == .number(2), peek(3) == .symbol("}") { pos += 4; squared = true }
        let vector = x.shape.columns.isOne || x.shape.rows.isOne
        let sumOfSquares: ShapedExpression
        switch (kind, vector) {
        case ("", true), ("2", true), ("F", _):
            sumOfSquares = try wrap { () throws(ShapeError) in
                x.shape.columns.isOne ? try .product(.transpose(x), x)
                    : x.shape.rows.isOne ? try .product(x, .transpose(x)) : try .trace(.product(.transpose(x), x))
            }.shapedValue
        case ("", false), ("2", false):
            throw fail("the norm of a matrix without F (Frobenius or spectral: the document does not say)")
        default:
            throw fail("the norm \\|·\\|_\(kind)")
        }
        if squared { return .shaped(sumOfSquares) }
        let u = Symbol("\u{1}u")
        return try wrap { () throws(ShapeError) in try .apply(EntrywiseTemplate(.power(Expression(u), Expression(Rational(1, 2)!)), variable: u), [sumOfSquares]) }
    }
}

extension ShapedLaTeXReader.Value {
    /// The shaped expression of a value known to be one.
    var shapedValue: ShapedExpression {
        if case .shaped(let e) = self { return e }
        return .zero(.scalar)
    }
}
