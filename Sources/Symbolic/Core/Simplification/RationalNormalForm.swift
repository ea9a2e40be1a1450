/// A rational function `numerator / denominator` with both parts expanded polynomials.
package struct Fraction {
    package var numerator: Expression
    package var denominator: Expression

    /// Combines an atomized expression into one fraction. Returns nil when an expansion
    /// would exceed `termLimit` terms (the caller then falls back to sampling).
    package static func from(_ e: Expression, termLimit: Int) -> Fraction? {
        switch e.kind {
        case .add(let a):
            // Numerators over the same denominator are summed in one pass: adding the terms one by
            // one would rebuild the growing sum each time (quadratic in the number of terms).
            var denominators: [Expression: Int] = [.one: 0]
            var groups: [(denominator: Expression, numerator: AddBuilder)] = [(.one, AddBuilder())]
            groups[0].numerator.add(Expression(a.constant))
            for (t, c) in a.terms {
                guard let f = from(t, termLimit: termLimit) else { return nil }
                if let i = denominators[f.denominator] {
                    groups[i].numerator.add(f.numerator, times: c)
                } else {
                    denominators[f.denominator] = groups.count
                    var numerator = AddBuilder()
                    numerator.add(f.numerator, times: c)
                    groups.append((f.denominator, numerator))
                }
            }
            var acc = Fraction(numerator: .zero, denominator: .one)
            for (denominator, numerator) in groups {
                guard let n = numerator.build().expanded(maxTerms: termLimit), n.termCount <= termLimit,
                      let s = acc.adding(Fraction(numerator: n, denominator: denominator), termLimit: termLimit) else { return nil }
                acc = s
            }
            return acc
        case .mul(let m):
            var num = Expression(m.coefficient), den = Expression.one
            for (b, x) in m.factors {
                guard let f = from(b, termLimit: termLimit) else { return nil }
                guard let k = x.rationalValue, k.isInteger, let n = k.numerator.intValue, n.magnitude <= Limits.default.maximumNormalFormExponent else {
                    return nil
                }
                let (top, bottom) = n >= 0 ? (f.numerator, f.denominator) : (f.denominator, f.numerator)
                guard let nn = (num * top.pow(Int(n.magnitude))).expanded(maxTerms: termLimit),
                      let dd = (den * bottom.pow(Int(n.magnitude))).expanded(maxTerms: termLimit) else { return nil }
                num = nn
                den = dd
                if num.termCount > termLimit || den.termCount > termLimit { return nil }
            }
            return Fraction(numerator: num, denominator: den)
        case .power:
            return from(Expression(.mul(Mul(coefficient: .one, factors: [powerParts(e)]))), termLimit: termLimit)
        default:
            return Fraction(numerator: e, denominator: .one)
        }
    }

    private static func powerParts(_ e: Expression) -> (base: Expression, exponent: Expression) {
        if case .power(let b, let x) = e.kind { return (b, x) }
        return (e, .one)
    }

    func adding(_ o: Fraction, termLimit: Int) -> Fraction? {
        if denominator == o.denominator {
            guard let n = (numerator + o.numerator).expanded(maxTerms: termLimit) else { return nil }
            return Fraction(numerator: n, denominator: denominator)
        }
        if o.denominator.isOne {
            guard let n = (numerator + o.numerator * denominator).expanded(maxTerms: termLimit) else { return nil }
            return Fraction(numerator: n, denominator: denominator)
        }
        if denominator.isOne {
            guard let n = (numerator * o.denominator + o.numerator).expanded(maxTerms: termLimit) else { return nil }
            return Fraction(numerator: n, denominator: o.denominator)
        }
        guard let n = (numerator * o.denominator + o.numerator * denominator).expanded(maxTerms: termLimit),
              let d = (denominator * o.denominator).expanded(maxTerms: termLimit) else { return nil }
        return Fraction(numerator: n, denominator: d)
    }
}

extension Expression {
    /// Number of summands (1 for a non-sum).
    var termCount: Int {
        if case .add(let a) = kind { return a.terms.count + (a.constant.isZero ? 0 : 1) }
        return 1
    }
}

enum RelationReducer {
    /// Rewrites `p^k` with k ≥ degree as `p^(k mod degree) · replacement^(k div degree)` for
    /// every relation, re-expanding until no power can be lowered.
    static func reduce(_ e: Expression, _ relations: [Atomizer.Relation], termLimit: Int) -> Expression? {
        if relations.isEmpty { return e }
        var byPlaceholder: [Expression: Atomizer.Relation] = [:]
        for r in relations { byPlaceholder[Expression(r.placeholder)] = r }
        var current = e
        for _ in 0..<32 {
            var changed = false
            var out = AddBuilder()
            for term in current.summandList {
                guard case .mul = term.kind else {
                    if case .power(let b, let x) = term.kind, let r = byPlaceholder[b], let k = x.rationalValue?.numerator.intValue, k >= r.degree {
                        out.add(b.pow(k % r.degree) * r.replacement.pow(k / r.degree)); changed = true
                    } else { out.add(term) }
                    continue
                }
                guard case .mul(let m) = term.kind else { continue }
                var hit = false
                var b = MulBuilder()
                b.multiply(Expression(m.coefficient))
                for (base, x) in m.factors {
                    if let r = byPlaceholder[base], let k = x.rationalValue?.numerator.intValue, k >= r.degree {
                        b.multiply(base.pow(k % r.degree)); b.multiply(r.replacement.pow(k / r.degree)); hit = true
                    } else {
                        b.multiply(Expression.power(base, x))
                    }
                }
                if hit { out.add(b.build()); changed = true } else { out.add(term) }
            }
            guard let next = out.build().expanded(maxTerms: termLimit) else { return nil }
            current = next
            if !changed { return current }
        }
        return current
    }
}
