/// Canonical powers `base ^ exponent` under real-valued semantics.
///
/// A non-integer rational power `u^(p/q)` is the real root: defined for `u ≥ 0`, and for
/// `u < 0` only when `q` is odd. Every rewrite here keeps the value wherever the
/// original expression is defined: `(x^2)^(1/2)` is `|x|`, never `x`.
/// Numeric powers whose result would pass `Limits.maximumPowerBits` stay unevaluated (`7^(10^20)`).
extension Expression {
    /// The canonical form of `base ^ exponent`.
    public static func power(_ base: Expression, _ exponent: Expression) -> Expression {
        if case .undefined = base.kind { return .undefined }
        if case .undefined = exponent.kind { return .undefined }
        if exponent.isZero { return .one }
        if exponent.isOne { return base }
        if base.isOne { return .one }
        if case .number(let e) = exponent.kind {
            return power(base, rational: e)
        }
        if case .function(.exp, let args) = base.kind { return apply(.exp, args[0] * exponent) }
        if case .number(let b) = base.kind, b.isZero { return Expression(.power(base, exponent)) }
        return Expression(.power(base, exponent))
    }

    static func power(_ base: Expression, rational e: Rational) -> Expression {
        if e.isZero { return .one }
        if e.isOne { return base }
        switch base.kind {
        case .number(let b):
            return numericPower(b, e)
        case .power(let inner, let x):
            return nestedPower(inner, x, e)
        case .mul(let m):
            return productPower(m, e)
        case .function(.exp, let args):
            return apply(.exp, args[0] * Expression(e))
        case .function(.abs, let args) where e.isInteger && e.numerator.isEven:
            return power(args[0], rational: e)
        default:
            return Expression(.power(base, Expression(e)))
        }
    }

    /// `(u^x)^e`.
    private static func nestedPower(_ u: Expression, _ x: Expression, _ e: Rational) -> Expression {
        if e.isInteger || u.isNonNegative { return power(u, x * Expression(e)) }
        if case .number(let n) = x.kind, n.isInteger {
            if n.numerator.isEven {
                // (u^(2k))^e = |u|^(2k·e)
                return power(apply(.abs, u), rational: n * e)
            }
            // odd integer n: u^n has the sign of u, so (u^n)^e = u^(n·e) wherever defined.
            return power(u, rational: n * e)
        }
        return Expression(.power(Expression(.power(u, x)), Expression(e)))
    }

    /// `(c · Π f)^e`: integer powers distribute; otherwise the positive part of the
    /// coefficient and the factors known to be non-negative are taken out.
    private static func productPower(_ m: Mul, _ e: Rational) -> Expression {
        if e.isInteger && !Limits.default.allowsPower(m.coefficient, e.numerator) {
            // `(2x)^(10^11)`: the coefficient's power is too large to compute.
            return Expression(.power(Expression(.mul(m)), Expression(e)))
        }
        if e.isInteger, let k = e.numerator.intValue {
            var b = MulBuilder()
            b.multiply(Expression(m.coefficient), power: k)
            for (base, x) in m.factors { b.multiply(power(base, x * Expression(k))) }
            return b.build()
        }
        var outside = MulBuilder()
        var inside: [(base: Expression, exponent: Expression)] = []
        var c = m.coefficient
        let oddRoot = !e.denominator.isEven
        if c.isNegative && !oddRoot { outside.multiply(numericPower(-c, e)); c = .minusOne }
        else { outside.multiply(numericPower(c, e)); c = .one }
        for (base, x) in m.factors {
            let f = Expression.product(coefficient: .one, factors: [(base, x)])
            if oddRoot || f.isNonNegative { outside.multiply(power(f, rational: e)) } else { inside.append((base, x)) }
        }
        if !inside.isEmpty || !c.isOne {
            let rest = Expression.product(coefficient: c, factors: inside)
            if rest.isOne { return outside.build() }
            outside.multiply(Expression(.power(rest, Expression(e))))
        }
        return outside.build()
    }

    /// `b^e` for rationals: exact where possible; otherwise a coefficient times prime
    /// roots with exponents in (0, 1), so `12^(1/2)` is `2·3^(1/2)` and `2^(-1/2)` is `2^(1/2)/2`.
    /// A result past `Limits.maximumPowerBits` stays the power `b^e`, unevaluated.
    static func numericPower(_ b: Rational, _ e: Rational) -> Expression {
        let unevaluated = Expression(.power(Expression(b), Expression(e)))
        if b.isZero { return e.isNegative ? .undefined : .zero }
        if e.isInteger {
            if b.magnitude.isOne { return Expression(b.isNegative && !e.numerator.isEven ? -1 : 1) }
            guard Limits.default.allowsPower(b, e.numerator), let k = e.numerator.intValue, let r = b.power(k) else {
                return unevaluated
            }
            return Expression(r)
        }
        if b.isNegative {
            guard !e.denominator.isEven else { return .undefined }  // even root of a negative number
            let sign: Rational = e.numerator.isEven ? .one : .minusOne
            return Expression(sign) * numericPower(-b, e)
        }
        if b.isOne { return .one }
        // The result and every part of it have at most about (|e| + 1)·bits(b) bits.
        let whole = e.floor
        guard let q = e.denominator.intValue, Limits.default.allowsPower(b, whole.magnitude + 1) else { return unevaluated }
        if let root = b.exactRoot(q) {
            // A perfect q-th power (`4^(3/2)`, `(2^(2^20))^(1/2)`): no factoring needed.
            guard let p = e.numerator.intValue, let r = root.power(p) else { return unevaluated }
            return Expression(r)
        }
        return rootsOf(b, whole: whole, fraction: e - Rational(whole))
    }

    /// `b^(whole + fraction)` for a positive rational `b` that is not a perfect power of the
    /// root, with `0 < fraction < 1`: a coefficient times prime roots. The sizes were checked.
    private static func rootsOf(_ b: Rational, whole: Integer, fraction: Rational) -> Expression {
        var coefficient = Rational.one
        if let w = whole.intValue, let p = b.power(w) { coefficient = p }
        // b^frac = n^frac · d^(-frac) = n^frac · d^(1-frac) / d
        var factors: [(base: Expression, exponent: Expression)] = []
        func rootOf(_ n: Integer, _ f: Rational) {
            if n.isOne { return }
            let (ps, cofactor) = n.trialFactor()
            var merged: [(Integer, Rational)] = ps.map { ($0.prime, f * Rational($0.exponent)) }
            if !cofactor.isOne {
                // A cofactor that is a perfect power of the root's degree (a large prime squared) is taken out.
                if let q = f.denominator.intValue, let r = cofactor.exactRoot(q) {
                    merged.append((r, f * Rational(q)))
                } else {
                    merged.append((cofactor, f))
                }
            }
            for (p, x) in merged {
                let w = x.floor
                if let wi = w.intValue { coefficient *= Rational(p.power(wi)) }
                let rest = x - Rational(w)
                if !rest.isZero { factors.append((Expression(Rational(p)), Expression(rest))) }
            }
        }
        rootOf(b.numerator, fraction)
        if !b.denominator.isOne {
            coefficient = coefficient * Rational(reduced: .one, b.denominator)
            rootOf(b.denominator, Rational.one - fraction)
        }
        if factors.isEmpty { return Expression(coefficient) }
        return Mul.make(coefficient: coefficient, factors: &factors)
    }
}
