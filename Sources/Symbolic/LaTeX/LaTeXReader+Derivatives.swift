import SymbolicCore
/// Derivative notations: `\frac{d}{dx} f`, `\frac{d^2 y}{dx^2}`, `\frac{\partial^2 f}{\partial x \partial y}`,
/// `\frac{dg}{dx}(x)`, `\partial_w L`, `(…)'` and the evaluation bar `\left. … \right|_{x=a}`.
extension LaTeXReader {
    /// The variable of a prime on a parenthesised expression, `(x^2 \sin x)'`: which name it
    /// differentiates by is decided once the document's definitions are known (`Definitions.resolve`).
    public static let primeVariable = Symbol("\u{1}prime")

    /// A derivative when the fraction (groups `num` and `den` of the tokens) is `∂…/∂v` or `d…/dv`, else nil.
    mutating func derivative(_ num: Range<Int>, _ den: Range<Int>, _ t: LaTeXToken) throws(ReaderError) -> MathValue? {
        func isD(_ k: Int) -> Bool { peekSplit(k).kind == .command("partial") || peekSplit(k).kind == .letter("d") }
        guard let n0 = num.first, let d0 = den.first, isD(n0), isD(d0), den.count >= 2 else { return nil }
        var numRest = num.dropFirst()
        var order: Int? = nil
        if let (k, length) = scriptNumber(at: numRest.lowerBound, in: numRest) {
            order = k
            numRest = numRest.dropFirst(length)
        }
        var variables = try derivativeVariables(den, partial: peekSplit(d0).kind == .command("partial"), t)
        if variables.count == 1, let order { variables[0].order = order }
        else if let order, variables.reduce(0, { $0 + $1.order }) != order { throw error("a derivative whose orders disagree", at: t) }
        let target: Expression
        if numRest.isEmpty {
            // \frac{d}{dx} applies to the rest of the product: `\frac{d}{dx} \frac{1}{2} (x - y)^2`.
            guard case .scalar(let f) = try readProduct() else { throw error("the derivative of a matrix", at: t) }
            target = f
        } else {
            var nr = reader(of: numRest)
            guard case .scalar(let f) = try nr.readWhole() else { throw error("the derivative of a matrix", at: t) }
            domain.formUnion(nr.domain)
            target = f
        }
        // `\frac{dg}{dx}(x)`: the derivative of a function at a point, as `g'(x)`.
        if case .symbol(let s) = target.kind, s.name.count == 1, isFunctionLetter(s.name.first!),
           s.subscriptText == nil, s.accent == nil, variables.count == 1, let open = peek, open.kind == .symbol("("), !open.spaceBefore {
            let args = try readArguments()
            guard args.count == 1 else { throw error("a derivative of a function of several arguments at a point", at: t) }
            return .scalar(Expression.apply(.undefined(s.name + String(repeating: "'", count: variables[0].order)), args))
        }
        return .scalar(try differentiate(target, by: variables, t))
    }

    /// The variables of a derivative's denominator, each with its order: `dx`, `dx^2`,
    /// `\partial x \partial y`, `\partial x^2 \partial y`.
    private func derivativeVariables(_ den: Range<Int>, partial: Bool, _ t: LaTeXToken) throws(ReaderError) -> [(symbol: Symbol, order: Int)] {
        // With ∂ every `\partial` starts a variable; with d there is one (a `d` inside is a name's).
        var starts = [den.lowerBound]
        if partial { starts = den.filter { peekSplit($0).kind == .command("partial") } }
        var out: [(Symbol, Int)] = []
        for (n, s) in starts.enumerated() {
            var piece = (s + 1)..<(n + 1 < starts.count ? starts[n + 1] : den.upperBound)
            var order = 1
            // A trailing `^2` or `^{2}`.
            for length in [2, 4] where piece.count > length {
                if let (k, used) = scriptNumber(at: piece.upperBound - length, in: piece), used == length {
                    order = k
                    piece = piece.lowerBound..<(piece.upperBound - length)
                    break
                }
            }
            guard !piece.isEmpty else { throw error("a derivative with respect to nothing", at: t) }
            var vr = reader(of: piece)  // nested readers count towards the same nesting limit
            guard case .scalar(let ve) = try vr.readWhole(), case .symbol(let variable) = ve.kind else {
                throw error("a derivative with respect to a non-symbol", at: t)
            }
            out.append((variable, order))
        }
        return out
    }

    /// `^2` or `^{2}` at `k` (inside `range`): the whole number ≥ 1 and how many tokens it spans.
    private func scriptNumber(at k: Int, in range: Range<Int>) -> (Int, Int)? {
        guard k + 1 < range.upperBound, peekSplit(k).kind == .symbol("^") else { return nil }
        var j = k + 1, braced = false
        if peekSplit(j).kind == .symbol("{") { braced = true; j += 1 }
        guard j < range.upperBound, case .number(let r) = peekSplit(j).kind, r.isInteger, let n = r.numerator.intValue, n >= 1 else { return nil }
        if braced { guard j + 1 < range.upperBound, peekSplit(j + 1).kind == .symbol("}") else { return nil }; return (n, 4) }
        return (n, 2)
    }

    /// `target` differentiated by each variable in turn.
    func differentiate(_ target: Expression, by variables: [(symbol: Symbol, order: Int)], _ t: LaTeXToken) throws(ReaderError) -> Expression {
        if case .symbol = target.kind, !variables.contains(where: { Expression($0.symbol) == target }) {
            // ∂L/∂w of a name: resolved later against the document's definitions.
            var e = target
            for v in variables.reversed() { e = Expression(.derivative(e, v.symbol, order: v.order)) }
            return e
        }
        // A member of a family defined member by member may depend on the variable through its
        // definition: the derivative is taken once the definitions are applied.
        if !families.isEmpty, target.mentionsFamily(families) {
            var e = target
            for v in variables.reversed() { e = Expression(.derivative(e, v.symbol, order: v.order)) }
            return e
        }
        var e = target
        for v in variables.reversed() {
            // `\frac{\partial}{\partial w_0} J(\mathbf{w})`: a function not defined here, or a vector,
            // may depend on the variable without showing it; 0 would be a guess, not a reading.
            if !e.contains(v.symbol), e.appliesUndefinedFunction || e.freeSymbols.contains(where: { $0.accent == .bold || $0.accent == .vec }) {
                throw error("a derivative with respect to \(PlainPrinter.name(v.symbol)) of a function or vector that does not show it", at: t)
            }
            e = e.derivative(with: v.symbol, times: v.order)
        }
        return e
    }

    /// `\partial_w L`, `\partial_{o_j} L`, `\partial^2_x f`: the derivative of the rest of the product.
    mutating func readSubscriptPartial(_ t: LaTeXToken) throws(ReaderError) -> MathValue {
        var order = 1
        var variable: Symbol? = nil
        for _ in 0..<2 {
            skipSpacing()
            if isSymbol("_") {
                pos += 1
                var vr = reader(of: try skipRawGroup())
                guard case .scalar(let ve) = try vr.readWhole(), case .symbol(let s) = ve.kind else {
                    throw error("a derivative with respect to a non-symbol", at: t)
                }
                variable = s
            } else if isSymbol("^") {
                pos += 1
                guard case .scalar(let k) = try readScript(), let r = k.rationalValue, r.isInteger, let n = r.numerator.intValue, n >= 1 else {
                    throw error("a derivative of no whole order", at: t)
                }
                order = n
            }
        }
        guard let variable else { throw error("\\partial", at: t) }
        guard case .scalar(let f) = try readProduct() else { throw error("the derivative of a matrix", at: t) }
        return .scalar(try differentiate(f, by: [(variable, order)], t))
    }

    /// `(…)'`, `(…)''`: a derivative of the parenthesised expression, by the one name it depends
    /// on once the document's definitions are applied.
    mutating func readGroupPrimes(_ base: MathValue, at t: LaTeXToken?) throws(ReaderError) -> MathValue {
        var primes = 0
        while isSymbol("'") { pos += 1; primes += 1 }
        guard case .scalar(let e) = base else { throw error("a prime on a matrix", at: t) }
        return .scalar(Expression(.derivative(e, LaTeXReader.primeVariable, order: primes)))
    }

    /// `\left. F \right|_{x=a}` (after the closing bar): F with x replaced by a. A derivative of a
    /// function named alone (`\frac{dh}{dx}`) is evaluated as `h'(a)`.
    mutating func readEvaluationBar(_ v: MathValue, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        guard isSymbol("_") else { throw error("\\left. … \\right| without a point", at: t) }
        let start = pos
        pos += 1
        let range = try skipRawGroup()
        guard let eq = range.first(where: { peekSplit($0).kind == .symbol("=") }) else {
            // `\right|_a^b`: between bounds.
            pos = start
            return try readBoundsEvaluation(v, t)
        }
        var nr = reader(of: range.lowerBound..<eq), vr = reader(of: (eq + 1)..<range.upperBound)
        guard case .scalar(let ne) = try nr.readWhole(), case .symbol(let x) = ne.kind, case .scalar(let a) = try vr.readWhole(),
              case .scalar(let f) = v else { throw error("an evaluation bar", at: t) }
        domain.formUnion(vr.domain)
        if case .derivative(let g, let s, let n) = f.kind, s == x, case .symbol(let name) = g.kind, name.subscriptText == nil, name.accent == nil {
            return .scalar(Expression.apply(.undefined(name.name + String(repeating: "'", count: n)), [a]))
        }
        if f.contains(derivative: ()) || f.appliesUndefinedFunction { throw error("an evaluation bar on a derivative of this form", at: t) }
        return .scalar(f.substituting([x: a]))
    }
}

extension Expression {
    /// True when a member of one of `families` occurs (`\hat{y}_j`, or `\hat{y}_i` inside `\sum_i`).
    package func mentionsFamily(_ families: Set<Symbol>) -> Bool {
        switch kind {
        case .symbol(let s): return s.subscriptText != nil && families.contains(s.family)
        case .indexed(let base, _): return families.contains(base)
        default: return children.contains { $0.mentionsFamily(families) }
        }
    }
}
