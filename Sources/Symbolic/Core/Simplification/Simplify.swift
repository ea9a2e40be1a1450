/// `simplified()`: the smallest of several equal forms of an expression.
extension Expression {
    /// A simpler equal form: the least complex of the expression itself, its expansion,
    /// and its normal form over a common denominator with trigonometric and root
    /// relations applied and common univariate factors cancelled.
    public func simplified() -> Expression {
        var candidates = [self]
        if let e = expanded(maxTerms: 100_000) { candidates.append(e) }
        // Normal forms with tan, sinh, σ… kept as they are, through sin and cos, and through exp.
        for rules in [RuleSet([]), .trigonometricBasis, .trigonometricBasis + .exponentialBasis] {
            if let n = normalForm(rules: rules) { candidates.append(n) }
        }
        return candidates.min { $0.complexity < $1.complexity }!
    }

    /// The number of nodes, with numbers counted by their size: the measure `simplified` minimises.
    public var complexity: Int {
        switch kind {
        case .number(let r): return (r.isInteger ? 1 : 2) + r.extraWords
        case .symbol, .constant, .undefined: return 1
        case .add(let a):
            let constant = a.constant.isZero ? 0 : 1 + a.constant.extraWords
            return a.terms.reduce(constant) { total, t in
                total + t.term.complexity + (t.coefficient.magnitude.isOne ? 1 : 2) + t.coefficient.extraWords
            }
        case .mul(let m):
            let coefficient = (m.coefficient.magnitude.isOne ? 0 : 1) + m.coefficient.extraWords
            return m.factors.reduce(coefficient) { $0 + $1.base.complexity + ($1.exponent.isOne ? 0 : $1.exponent.complexity) }
        case .power(let b, let x): return b.complexity + x.complexity
        case .function(_, let args): return args.reduce(1) { $0 + $1.complexity }
        case .derivative(let f, _, _): return f.complexity + 2
        case .indexed(_, let ix): return ix.reduce(1) { $0 + $1.complexity }
        case .bigOperator, .expectation: return children.reduce(2) { $0 + $1.complexity }
        }
    }

    /// Numerator over denominator, relations applied, univariate gcd cancelled, atoms restored.
    func normalForm(rules: RuleSet, termLimit: Int = 5_000) -> Expression? {
        var atomizer = Atomizer()
        let atomized = atomizer.atomize(rules.apply(to: self))
        guard let f = Fraction.from(atomized, termLimit: termLimit),
              var num = RelationReducer.reduce(f.numerator, atomizer.relations, termLimit: termLimit),
              var den = RelationReducer.reduce(f.denominator, atomizer.relations, termLimit: termLimit) else { return nil }
        if den.isZero { return nil }
        if let (q, r) = UnivariateDivision.cancel(num, den) { num = q; den = r }
        let back = atomizer.expressions
        return (num.substituting(back) / den.substituting(back))
    }
}

extension Rational {
    /// Machine words past the first one: a large number is not a simple one.
    var extraWords: Int { max(0, numerator.bitWidth + denominator.bitWidth - 64) / 64 }
}

/// Cancelling the greatest common divisor of two polynomials in one symbol with rational coefficients.
package enum UnivariateDivision {
    package typealias Poly = [Rational]  // coefficient of x^i at index i

    /// The largest sum of degrees for which the gcd is computed by Euclid's algorithm.
    static let maximumEuclidDegree = 64

    static func cancel(_ num: Expression, _ den: Expression) -> (Expression, Expression)? {
        let symbols = Set(num.freeSymbols + den.freeSymbols)
        guard symbols.count == 1, let x = symbols.first,
              let p = poly(num, x), let q = poly(den, x), q.count > 1 else { return nil }
        // A monomial factor x^k is taken out directly; Euclid's algorithm over the rationals is
        // kept to small degrees, where its coefficient growth stays small.
        let lowest = min(p.firstIndex { !$0.isZero } ?? 0, q.firstIndex { !$0.isZero } ?? 0)
        if p.count + q.count > maximumEuclidDegree {
            guard lowest > 0 else { return nil }
            return (expression(Array(p.dropFirst(lowest)), x), expression(Array(q.dropFirst(lowest)), x))
        }
        let g = gcd(p, q)
        guard g.count > 1 else { return nil }
        let (pq, _) = divide(p, g), (qq, _) = divide(q, g)
        return (expression(pq, x), expression(qq, x))
    }

    package static func poly(_ e: Expression, _ x: Symbol) -> Poly? {
        guard let cs = e.coefficients(in: x) else { return nil }
        var out: Poly = []
        for (k, c) in cs {
            guard k.isInteger, let i = k.numerator.intValue, i >= 0, i < 4096, let v = c.rationalValue else { return nil }
            if out.count <= i { out += Array(repeating: .zero, count: i + 1 - out.count) }
            out[i] = v
        }
        return trim(out)
    }

    package static func trim(_ p: Poly) -> Poly {
        var p = p
        while let l = p.last, l.isZero { p.removeLast() }
        return p
    }

    package static func divide(_ a: Poly, _ b: Poly) -> (Poly, Poly) {
        var r = a
        guard let lead = b.last, a.count >= b.count else { return ([], a) }
        var q = Poly(repeating: .zero, count: a.count - b.count + 1)
        for i in stride(from: a.count - b.count, through: 0, by: -1) {
            let c = (r[i + b.count - 1] / lead)!
            q[i] = c
            if c.isZero { continue }
            for j in 0..<b.count { r[i + j] -= c * b[j] }
        }
        return (trim(q), trim(r))
    }

    package static func gcd(_ a: Poly, _ b: Poly) -> Poly {
        var (x, y) = (a, b)
        while !y.isEmpty {
            let (_, r) = divide(x, y)
            (x, y) = (y, r)
        }
        guard let l = x.last else { return x }
        return x.map { ($0 / l)! }
    }

    package static func expression(_ p: Poly, _ x: Symbol) -> Expression {
        var b = AddBuilder()
        for (i, c) in p.enumerated() where !c.isZero { b.add(Expression(x).pow(i), times: c) }
        return b.build()
    }
}
