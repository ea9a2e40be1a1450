/// Multiplying a canonical product by one more expression without rebuilding it: the product
/// rule multiplies n − 1 sorted factors by one derivative n times, and going through
/// `MulBuilder` (a hash map of all factors, then a sort comparing every base again) made the
/// second derivative of a product of 50 sines spend most of its time re-sorting sorted factors.
extension Expression {
    /// `coefficient · Π factors · d`, for canonical, sorted, distinct `factors`; the same result
    /// as `Expression.product(coefficient:factors:) * d`.
    /// `skipping` leaves out one factor (the product rule's n − 1 factors, without copying them first).
    static func product(coefficient: Rational, factors: [(base: Expression, exponent: Expression)], skipping: Int? = nil,
                        times d: Expression) -> Expression {
        func general() -> Expression {
            var rest = factors
            if let skipping { rest.remove(at: skipping) }
            return Expression.product(coefficient: coefficient, factors: rest) * d
        }
        var c = coefficient
        let extra: [(base: Expression, exponent: Expression)]
        switch d.kind {
        case .number(let r):
            c *= r
            extra = []
        case .mul(let m):
            c *= m.coefficient
            extra = m.factors
        case .power(let b, let x):
            extra = [(b, x)]
        case .symbol, .function, .constant:
            extra = [(d, .one)]
        default:
            return general()
        }
        let count = factors.count - (skipping == nil ? 0 : 1)
        if c.isZero || count + extra.count < 2 { return general() }
        for f in extra where !Expression.mergesPlainly(f.base) { return general() }
        var out: [(base: Expression, exponent: Expression)] = []
        out.reserveCapacity(count + extra.count)
        var j = 0
        for (index, f) in factors.enumerated() where index != skipping {
            var merged = false
            while j < extra.count {
                let order = Expression.compare(extra[j].base, f.base)
                if order < 0 { out.append(extra[j]); j += 1; continue }
                if order == 0 {
                    // The same base: exponents add (`x^a·x^b = x^(a+b)`, as `MulBuilder` does).
                    let x = f.exponent + extra[j].exponent
                    j += 1
                    merged = true
                    if x.isOne {
                        out.append((f.base, x))
                    } else if !x.isZero {
                        guard case .power(let b, let y) = Expression.power(f.base, x).kind, b == f.base else { return general() }
                        out.append((b, y))
                    }
                }
                break
            }
            if !merged { out.append(f) }
        }
        out.append(contentsOf: extra[j...])
        if out.count < 2 { return general() }
        return Expression(.mul(Mul(coefficient: c, factors: out)))
    }

    /// True for bases whose powers merge only with powers of the same base (not numbers, whose
    /// roots renormalise; not `exp`, whose factors combine into one; not products or sums).
    static func mergesPlainly(_ base: Expression) -> Bool {
        switch base.kind {
        case .symbol, .constant: return true
        case .function(let f, _): return f != .exp
        default: return false
        }
    }
}
