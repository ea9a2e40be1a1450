import SymbolicCore
/// Truncated power series at k = 0 of exp, log, sin and cos of polynomials in k, so that a limit
/// such as `\lim_{x \to 0} \frac{\sin 3x}{x}` becomes one of polynomials. Every coefficient below
/// `order + 1` of a series is exact; `LaTeXReader.readLimit` trusts only those.
package enum LimitSeries {
    package static let order = 8

    /// `e` with each function of a polynomial in k replaced by its series up to `k^order`, and
    /// whether any was; nil when a function of k is of another kind or argument.
    package static func expand(_ e: Expression, in k: Symbol) -> (Expression, Bool)? {
        var used = false, failed = false
        let out = e.transformed { node in
            guard !failed, case .function(let f, let args) = node.kind, args.count == 1, args[0].contains(k) else { return node }
            guard let s = series(f, args[0], k) else { failed = true; return node }
            used = true
            return s
        }
        return failed ? nil : (out, used)
    }

    /// The series of f(u) with u a polynomial in k: u = u₀ + v, v of order ≥ 1 in k.
    private static func series(_ f: Function, _ u: Expression, _ k: Symbol) -> Expression? {
        guard let cs = u.coefficients(in: k), cs.keys.allSatisfy({ $0.isInteger && !$0.isNegative }) else { return nil }
        let u0 = cs[.zero] ?? .zero
        let v = u - u0
        var powers = [Expression.one]
        for n in 1...order { guard let p = (powers[n - 1] * v).expanded(maxTerms: LaTeXReader.limitTermLimit) else { return nil }; powers.append(p) }
        var factorial = Rational(1)
        var sinV: [Expression] = [], cosV: [Expression] = [], expV: [Expression] = []
        for n in 0...order {
            if n > 0 { factorial = factorial * Rational(n) }
            let term = powers[n] / Expression(factorial)
            expV.append(term)
            if n % 2 == 1 { sinV.append(n % 4 == 1 ? term : -term) } else { cosV.append(n % 4 == 0 ? term : -term) }
        }
        let (S, C, E) = (Expression.sum(sinV), Expression.sum(cosV), Expression.sum(expV))
        switch f {
        case .exp: return Expression.apply(.exp, u0) * E
        case .sin: return Expression.apply(.sin, u0) * C + Expression.apply(.cos, u0) * S
        case .cos: return Expression.apply(.cos, u0) * C - Expression.apply(.sin, u0) * S
        case .log:
            // log(u₀ + v) = log u₀ + Σ (-1)^{n+1} (v/u₀)^n / n, for a number u₀ > 0.
            guard let r = u0.rationalValue, r.signum > 0 else { return nil }
            var terms = [Expression.apply(.log, u0)]
            for n in 1...order {
                guard let rn = r.power(n) else { return nil }
                terms.append(powers[n] / Expression(rn) * Expression(Rational(n % 2 == 1 ? 1 : -1)) / Expression(n))
            }
            return Expression.sum(terms)
        default: return nil
        }
    }
}
