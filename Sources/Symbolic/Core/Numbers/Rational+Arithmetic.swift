/// Field operations on `Rational`. Sums and products use Henrici's gcd tricks, so the
/// intermediate integers stay as small as the result allows and the common case
/// (machine-word numerators and denominators) never touches GMP.
extension Rational {
    @inlinable public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator.isOne && b.denominator.isOne { return Rational(reduced: a.numerator + b.numerator, .one) }
        let g = Integer.gcd(a.denominator, b.denominator)
        if g.isOne {
            return Rational(reduced: a.numerator * b.denominator + b.numerator * a.denominator,
                            a.denominator * b.denominator)
        }
        let ad = a.denominator.dividedExactly(by: g), bd = b.denominator.dividedExactly(by: g)
        let t = a.numerator * bd + b.numerator * ad
        if t.isZero { return .zero }
        let g2 = Integer.gcd(t, g)
        if g2.isOne { return Rational(reduced: t, ad * b.denominator) }
        return Rational(reduced: t.dividedExactly(by: g2), ad * b.denominator.dividedExactly(by: g2))
    }

    @inlinable public static prefix func - (a: Rational) -> Rational {
        Rational(reduced: -a.numerator, a.denominator)
    }

    @inlinable public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    @inlinable public static func * (a: Rational, b: Rational) -> Rational {
        if a.denominator.isOne && b.denominator.isOne { return Rational(reduced: a.numerator * b.numerator, .one) }
        if a.isZero || b.isZero { return .zero }
        if a.isOne { return b }
        if b.isOne { return a }
        let g1 = Integer.gcd(a.numerator, b.denominator), g2 = Integer.gcd(b.numerator, a.denominator)
        let n = a.numerator.dividedExactly(by: g1) * b.numerator.dividedExactly(by: g2)
        let d = a.denominator.dividedExactly(by: g2) * b.denominator.dividedExactly(by: g1)
        return Rational(reduced: n, d)
    }

    /// The reciprocal; nil for zero.
    public var inverse: Rational? {
        if isZero { return nil }
        return numerator.isNegative
            ? Rational(reduced: -denominator, -numerator)
            : Rational(reduced: denominator, numerator)
    }

    /// `a / b`; nil when `b` is zero.
    public static func / (a: Rational, b: Rational) -> Rational? {
        guard let bi = b.inverse else { return nil }
        return a * bi
    }

    @inlinable public static func += (a: inout Rational, b: Rational) { a = a + b }
    @inlinable public static func -= (a: inout Rational, b: Rational) { a = a - b }
    @inlinable public static func *= (a: inout Rational, b: Rational) { a = a * b }

    public var magnitude: Rational { isNegative ? -self : self }

    /// `self` raised to an integer power; nil for zero to a negative power.
    public func power(_ exponent: Int) -> Rational? {
        if exponent >= 0 {
            return Rational(reduced: numerator.power(exponent), denominator.power(exponent))
        }
        return inverse?.power(-exponent)
    }

    /// The exact rational k-th root when one exists (odd k for negative values), else nil.
    public func exactRoot(_ k: Int) -> Rational? {
        guard let n = numerator.exactRoot(k), let d = denominator.exactRoot(k) else { return nil }
        return Rational(reduced: n, d)
    }

    /// The greatest integer not above `self`.
    public var floor: Integer { numerator.floorDivided(by: denominator) }

    /// Exact sum of many rationals by balanced binary splitting: the operands of each
    /// addition have similar sizes, which keeps long sums (harmonic numbers) near-linear
    /// in the size of the result instead of quadratic.
    public static func sum<C: Collection>(_ terms: C) -> Rational where C.Element == Rational {
        let array = Array(terms)
        if array.isEmpty { return .zero }
        func split(_ lo: Int, _ hi: Int) -> (Integer, Integer) {
            if hi - lo == 1 { return (array[lo].numerator, array[lo].denominator) }
            let mid = (lo + hi) / 2
            let (p1, q1) = split(lo, mid), (p2, q2) = split(mid, hi)
            if q1 == q2 { return (p1 + p2, q1) }
            return (p1 * q2 + p2 * q1, q1 * q2)
        }
        let (p, q) = split(0, array.count)
        return normalised(p, q)
    }
}
