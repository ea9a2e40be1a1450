/// Multiplying canonical products by merging their sorted factor lists, without `MulBuilder`.
///
/// A canonical product's factors are sorted, distinct and already normalised (sums primitive,
/// numeric roots reduced, at most one `exp`), so the product of two of them is their merge:
/// equal bases add exponents, everything else interleaves. Only where a merged exponent makes a
/// power rewrite (`|x|·|x| = x²`, `√2·√2 = 2`, a sum's content appearing), or both sides hold an
/// `exp`, is the builder needed; the merge then answers nil and the caller falls back to it.
/// The builder's lists, its sort and the merge round were most of the cost of the products in
/// a derivative (the product rule's n − 1 factors times one derivative; SymEngine's diff_cache,
/// whose chain rule multiplies small products all the way down).
extension Expression {
    typealias Factor = (base: Expression, exponent: Expression)

    /// `coefficient · Π factors · d`, for canonical, sorted, distinct `factors`; the same result
    /// as `Expression.product(coefficient:factors:) * d`.
    /// `skipping` leaves out one factor (the product rule's n − 1 factors, without copying them first).
    static func product(coefficient: Rational, factors: [Factor], skipping: Int? = nil,
                        times d: Expression) -> Expression {
        if case .number(let r) = d.kind, !r.isZero, factors.count - (skipping == nil ? 0 : 1) >= 2 {
            var rest = factors
            if let skipping { rest.remove(at: skipping) }
            return Expression(.mul(Mul(coefficient: coefficient * r, factors: rest)))
        }
        let merged = factors.withUnsafeBufferPointer { left -> Expression? in
            withFactors(of: d) { c, right, opened -> Expression? in
                if let opened, contains(left, opened) { return nil }
                return merge(coefficient * c, left, skipping: skipping, right)
            } ?? nil
        }
        if let merged { return merged }
        var rest = factors
        if let skipping { rest.remove(at: skipping) }
        return Expression.product(coefficient: coefficient, factors: rest) * d
    }

    /// `a · b` by merging their factors, or nil when the product needs `MulBuilder`'s rewrites.
    /// Numbers are not operands here (`*` scales by them).
    static func mergedProduct(_ a: Expression, _ b: Expression) -> Expression? {
        withFactors(of: a) { ca, left, openedLeft -> Expression? in
            withFactors(of: b) { cb, right, openedRight -> Expression? in
                if let openedLeft, contains(right, openedLeft) { return nil }
                if let openedRight, contains(left, openedRight) { return nil }
                return merge(ca * cb, left, skipping: nil, right)
            } ?? nil
        } ?? nil
    }

    /// True when `sum` is a base in `factors`: the builder merges it with the same sum on the
    /// other side before taking its content out (`(2x + 2)·√(2x + 2)` is `(2x + 2)^(3/2)`).
    private static func contains(_ factors: UnsafeBufferPointer<Factor>, _ sum: Expression) -> Bool {
        factors.contains { $0.base == sum }
    }

    /// Calls `body` with the coefficient and sorted factors `e` has as a factor of a product
    /// (a sum's content comes out, as in `MulBuilder`: `6y + 9` is `3·(2y + 3)`; the sum opened
    /// so is passed too), or returns nil for a number, `undefined`, or a content too large to raise.
    private static func withFactors<R>(of e: Expression,
                                       _ body: (Rational, UnsafeBufferPointer<Factor>, Expression?) -> R) -> R? {
        var single: Factor
        var coefficient = Rational.one
        var opened: Expression? = nil
        switch e.kind {
        case .mul(let m):
            // A sum's term times its coefficient keeps the term's power as it stands (`-3·(-y - 3)²`,
            // `2·(xy)^(1/2)`, so that the sum prints and parses back the same); such a product is
            // left to the builder, which takes the content out and makes the power a base.
            for f in m.factors {
                switch f.base.kind {
                case .mul: return nil
                case .add(let s):
                    if f.exponent.rationalValue?.isInteger == true, Add.content(constant: s.constant, terms: s.terms) != nil {
                        return nil
                    }
                default: break
                }
            }
            return m.factors.withUnsafeBufferPointer { body(m.coefficient, $0, nil) }
        case .symbol, .constant, .function, .derivative, .indexed, .bigOperator, .expectation:
            single = (e, .one)
        case .add(let s):
            single = (e, .one)
            if let (content, primitive) = s.contentAndPrimitivePart() {
                coefficient = content
                single = (primitive, .one)
                opened = e
            }
        case .power(let b, let x):
            switch b.kind {
            case .mul:
                single = (e, .one)  // `(xy)^(1/2)` that did not split is a base of its own
            case .add(let s):
                single = (b, x)
                if let k = x.rationalValue, k.isInteger, let (content, primitive) = s.contentAndPrimitivePart() {
                    guard let n = k.numerator.intValue, Limits.default.allowsPower(content, n),
                          let c = content.power(n) else { return nil }
                    coefficient = c
                    single = (primitive, x)
                    opened = b
                }
            default:
                single = (b, x)
            }
        case .number, .undefined:
            return nil
        }
        return withUnsafePointer(to: &single) { body(coefficient, UnsafeBufferPointer(start: $0, count: 1), opened) }
    }

    /// The canonical product `c · Π left (without `skipping`) · Π right`, or nil when a merged
    /// factor rewrites or both lists hold an `exp`.
    private static func merge(_ c: Rational, _ left: UnsafeBufferPointer<Factor>, skipping: Int?,
                              _ right: UnsafeBufferPointer<Factor>) -> Expression? {
        var out: [Factor] = []
        out.reserveCapacity(left.count + right.count)
        var sawExp = false
        // False when a second `exp` arrives (exponentials combine into one).
        func append(_ f: Factor) -> Bool {
            if case .function(.exp, _) = f.base.kind {
                if sawExp { return false }
                sawExp = true
            }
            out.append(f)
            return true
        }
        var i = 0, j = 0
        while true {
            if i == skipping { i += 1 }
            if i == left.count {
                while j < right.count { guard append(right[j]) else { return nil }; j += 1 }
                break
            }
            if j == right.count {
                while i < left.count { if i != skipping { guard append(left[i]) else { return nil } }; i += 1 }
                break
            }
            let order = compare(left[i].base, right[j].base)
            if order < 0 {
                guard append(left[i]) else { return nil }
                i += 1
            } else if order > 0 {
                guard append(right[j]) else { return nil }
                j += 1
            } else {
                // The same base: exponents add (`x^a·x^b = x^(a+b)`, as `MulBuilder` does).
                let base = left[i].base
                let x = left[i].exponent + right[j].exponent
                i += 1
                j += 1
                if x.isZero { continue }
                guard let f = mergedFactor(base, x), append(f) else { return nil }
            }
        }
        if out.isEmpty { return Expression(c) }
        if out.count == 1 {
            let (b, x) = out[0]
            if c.isOne { return x.isOne ? b : Expression(.power(b, x)) }
            if x.isOne, case .add = b.kind { return Mul.distribute(c, over: b) }
        }
        return Expression(.mul(Mul(coefficient: c, factors: out)))
    }

    /// `base^x` as a factor when it stays a power of `base`; nil when it rewrites.
    private static func mergedFactor(_ base: Expression, _ x: Expression) -> Factor? {
        if case .add(let s) = base.kind, let k = x.rationalValue, k.isInteger, Add.content(constant: s.constant, terms: s.terms) != nil {
            return nil  // `(2y + 2)^(1/2)` squared: its content comes out
        }
        if x.isOne || powerKeepsBase(base, x) { return (base, x) }
        guard case .power(let b, let y) = Expression.power(base, x).kind, b == base else { return nil }
        return (b, y)
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
