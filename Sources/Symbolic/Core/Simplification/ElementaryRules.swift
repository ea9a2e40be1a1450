/// The rewrite rules that bring elementary functions to a small basis (sin, cos, exp,
/// log of an absolute value) before an identity is tested. Each holds wherever its left
/// side is defined.
extension RuleSet {
    /// `tan = sin/cos`, `cot = cos/sin`, `sec = 1/cos`, `csc = 1/sin`.
    public static let trigonometricBasis = RuleSet([
        .function("tan u = sin u / cos u", .tan) { .apply(.sin, $0) / .apply(.cos, $0) },
        .function("cot u = cos u / sin u", .cot) { .apply(.cos, $0) / .apply(.sin, $0) },
        .function("sec u = 1 / cos u", .sec) { .one / .apply(.cos, $0) },
        .function("csc u = 1 / sin u", .csc) { .one / .apply(.sin, $0) },
    ])

    /// Hyperbolic functions and the logistic sigmoid through `exp`.
    public static let exponentialBasis = RuleSet([
        .function("sinh u = (e^u - e^-u)/2", .sinh) { (Expression.apply(.exp, $0) - .apply(.exp, -$0)) / 2 },
        .function("cosh u = (e^u + e^-u)/2", .cosh) { (Expression.apply(.exp, $0) + .apply(.exp, -$0)) / 2 },
        .function("tanh u = (e^2u - 1)/(e^2u + 1)", .tanh) {
            let e2 = Expression.apply(.exp, 2 * $0)
            return (e2 - 1) / (e2 + 1)
        },
        .function("sigmoid u = 1/(1 + e^-u)", .sigmoid) { .one / (.one + .apply(.exp, -$0)) },
        // A power with a symbolic exponent is defined for a positive base only, where it is exp(v log u).
        RewriteRule("u^v = e^(v log u)") { e in
            guard case .power(let u, let v) = e.kind, v.rationalValue == nil else { return nil }
            return Expression.apply(.exp, v * Expression.apply(.log, u))
        },
    ])

    /// Even roots through absolute values: `u^(p/q) = |u|^(p/q)` for even q (u ≥ 0 wherever the
    /// left side is defined) and `(Π fᵢ)^(p/q) = Π |fᵢ|^(p/q)` (valid where the product is ≥ 0),
    /// so `√x √y` and `√(xy)` meet.
    public static let evenRoots = RuleSet([
        RewriteRule("u^(p/q) = |u|^(p/q) for even q") { e in
            guard case .power(let u, let x) = e.kind, let r = x.rationalValue, r.denominator.isEven,
                  !u.isNonNegative else { return nil }
            if case .mul(let m) = u.kind {
                var out = MulBuilder()
                out.multiply(Expression.power(Expression(m.coefficient.magnitude), x))
                for f in m.factors {
                    let factor = Expression.product(coefficient: .one, factors: [f])
                    out.multiply(Expression.power(factor.isNonNegative ? factor : Expression.apply(.abs, factor), x))
                }
                return out.build()
            }
            return Expression.power(Expression.apply(.abs, u), x)
        },
    ])

    /// Logarithms of products, powers and rationals split into logarithms of absolute
    /// values of the factors: `log(c·Π fᵢ^kᵢ) = log|c| + Σ kᵢ log|fᵢ|` (valid where the
    /// argument is positive, which is where the left side is defined).
    public static let logarithms = RuleSet([
        .function("log(c Π f^k) = log|c| + Σ k log|f|", .log) { u in
            switch u.kind {
            case .number(let r):
                return r.isNegative || r.isZero ? nil : LogarithmRules.logOfPositiveRational(r)
            case .mul(let m):
                var out = LogarithmRules.logOfPositiveRational(m.coefficient.magnitude)
                for (b, x) in m.factors { out = out + x * LogarithmRules.logOfMagnitude(b) }
                return out
            case .power(let b, let x):
                return x * LogarithmRules.logOfMagnitude(b)
            default:
                return u.isNonNegative ? nil : Expression.apply(.log, Expression.apply(.abs, u))
            }
        },
        .function("|c Π f^k| = |c| Π |f|^k", .abs) { u in
            guard case .mul(let m) = u.kind else { return nil }
            var b = MulBuilder()
            b.multiply(Expression(m.coefficient.magnitude))
            for (base, x) in m.factors { b.multiply(Expression.power(Expression.apply(.abs, base), x)) }
            return b.build()
        },
    ])
}

enum LogarithmRules {
    /// `log|f|`, or `log f` when f is known non-negative.
    static func logOfMagnitude(_ f: Expression) -> Expression {
        Expression.apply(.log, f.isNonNegative ? f : Expression.apply(.abs, f))
    }

    /// `log(p/q)` as `Σ e·log(prime)` when the numerator and denominator factor completely.
    static func logOfPositiveRational(_ r: Rational) -> Expression {
        if r.isOne { return .zero }
        var out = AddBuilder()
        for (n, sign) in [(r.numerator, Rational.one), (r.denominator, Rational.minusOne)] where !n.isOne {
            let (ps, cofactor) = n.trialFactor()
            if ps.count == 1 && ps[0].exponent == 1 && cofactor.isOne {
                out.add(Expression(.function(.log, [Expression(Rational(n))])), times: sign)
                continue
            }
            for (p, k) in ps { out.add(Expression(.function(.log, [Expression(Rational(p))])), times: sign * Rational(k)) }
            if !cofactor.isOne { out.add(Expression(.function(.log, [Expression(Rational(cofactor))])), times: sign) }
        }
        return out.build()
    }
}
