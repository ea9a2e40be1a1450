/// Whether a proof rests on the convention that `u^v` with a variable exponent needs `u > 0`.
///
/// Under `DomainRules`, `(x^n)^m = x^(nm)` holds wherever both sides are defined (x > 0). Read
/// pointwise, as a student who means integer `n` does, `x = -1, n = 2, m = 1/2` gives 1 and -1.
/// The checker then does not call the claim valid: it names the convention and the point.
enum PointwisePowers {
    /// The bases of powers with a variable exponent that are not known to be positive.
    static func variableBases(_ a: Expression, _ b: Expression) -> [Expression] {
        var out: [Expression] = []
        var seen = Set<Expression>()
        func walk(_ e: Expression) {
            if case .power(let u, let v) = e.kind, v.rationalValue == nil, !u.isPositive, seen.insert(u).inserted { out.append(u) }
            if case .mul(let m) = e.kind {
                for (u, v) in m.factors where v.rationalValue == nil && !u.isPositive && seen.insert(u).inserted { out.append(u) }
            }
            for c in e.children { walk(c) }
        }
        walk(a)
        walk(b)
        return out
    }

    /// A point, with exponents of odd denominator and negative bases, where both sides read
    /// pointwise are defined and differ; nil when there is none among the points tried.
    static func counterexample(_ a: Expression, _ b: Expression, _ domain: Domain) -> Counterexample? {
        let bases = variableBases(a, b)
        if bases.isEmpty { return nil }
        let baseSymbols = Set(bases.flatMap { $0.freeSymbols })
        let symbols = Array(Set(a.freeSymbols + b.freeSymbols)).sorted { Symbol.compare($0, $1) < 0 }
        // The written conditions other than the positive bases themselves still apply, read pointwise.
        let others = domain.conditions.filter { c in
            if case .positive(let u) = c, bases.contains(u) { return false }
            return true
        }
        let exponents: [Rational] = [1, 2, 3, -1, Rational(1, 3)!, Rational(2, 3)!, Rational(1, 2)!, 4]
        let negatives: [Rational] = [-1, -2, Rational(-1, 2)!, Rational(-3, 2)!, -3, Rational(-2, 3)!]
        for i in 0..<32 {
            var point: [Symbol: Rational] = [:]
            for (j, s) in symbols.enumerated() {
                point[s] = baseSymbols.contains(s)
                    ? negatives[(i + j * 5) % negatives.count]
                    : exponents[(i / 2 + j * 3) % exponents.count]
            }
            let evaluator = ExactEvaluator(point: point, pointwisePowers: true)
            guard others.allSatisfy({ c in
                guard case .rational(let v) = evaluator.value(c.expression) else { return false }
                return c.holds(sign: v.signum)
            }) else { continue }
            guard case .rational(let x) = evaluator.value(a), case .rational(let y) = evaluator.value(b), x != y else { continue }
            return Counterexample(point: symbols.map { ($0, point[$0]!) }, lhs: .exact(x), rhs: .exact(y))
        }
        return nil
    }
}
