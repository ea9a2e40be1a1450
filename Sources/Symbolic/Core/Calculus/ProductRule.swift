/// The product rule written straight into canonical terms: `d(c·Π fᵢ) = Σᵢ c·Π_{j≠i} fⱼ · dfᵢ`,
/// where each `dfᵢ` is taken as a coefficient and a few factors and merged into the other,
/// already sorted and distinct, factors. Going through the general `*` (a `MulBuilder`, a
/// product node with its coefficient, then a sum node of the summands) built and freed several
/// nodes per summand: most of the time of differentiating a large expanded sum (symbench S3).
/// Factors whose derivative is not of that form go through the general product, as before.
extension Differentiator {
    /// Adds the summands of `d(times · m)` to `out`; summands in factor form go to `ranks`
    /// instead, the k-th summand of the product to `ranks[k]` (the caller adds the ranks in order).
    func productRule(_ m: Mul, times c: Rational, ranks: inout [[(term: Expression, coefficient: Rational)]],
                     out: inout AddBuilder) {
        var rank = 0
        // One factor list for all the product's factors, and its storage kept for the next
        // product (a list allocated per factor was one allocation in four of S3's derivative).
        var p = FactorList()
        p.factors = caches.takeScratch()
        defer { caches.returnScratch(p.factors) }
        for i in m.factors.indices {
            let (b, x) = m.factors[i]
            p.clear()
            switch powerDerivative(b, x, into: &p) {
            case .zero:
                continue
            case .factors:
                if let (term, k) = p.merged(into: m.factors, skipping: i, caches: caches) {
                    if rank == ranks.count { ranks.append([]) }
                    ranks[rank].append((term, k * m.coefficient * c))
                    rank += 1
                    continue
                }
            case .general:
                break
            }
            let d = diffPower(b, x)
            if d.isZero { continue }
            out.add(Expression.product(coefficient: m.coefficient, factors: m.factors, skipping: i, times: d), times: c)
        }
    }

    enum FactorDerivative { case zero, factors, general }

    /// `d(b^x)` as the factors of `p` when it is a product of factors that merge plainly:
    /// `x·b^(x-1)·b'` for `x` free of the variable, `b^x·x'·log b` for a constant base.
    private func powerDerivative(_ b: Expression, _ x: Expression, into p: inout FactorList) -> FactorDerivative {
        if x.isOne { return p.multiply(diff(b)) }
        if !x.contains(variable) {
            let db = diff(b)
            if db.isZero { return .zero }
            guard FactorList.mergesPlainly(b), p.multiply(x) == .factors else { return .general }
            let lowered: Expression
            if case .number(let k) = x.kind { lowered = Expression.exponent(k - .one) } else { lowered = caches.shift(x, by: .minusOne) }
            if !lowered.isZero { p.append(b, lowered) }
            return db.isOne ? .factors : p.multiply(db)
        }
        guard !b.contains(variable) else { return .general }
        // The factor b^x itself stays: only x'·log b is new.
        p.append(b, x)
        if case .mul(let m) = x.kind, isMonomial(m) {
            // x' for an exponent such as 3x, without building it.
            p.multiplyByDerivative(of: m, with: variable)
        } else {
            let dx = diff(x)
            if dx.isZero { return .zero }
            guard p.multiply(dx) == .factors else { return .general }
        }
        return p.multiply(logarithm(b))
    }
}

/// A coefficient and factors whose bases merge only with equal bases (by adding exponents),
/// in any order and possibly repeated; merged into a canonical product's sorted factors.
struct FactorList {
    var coefficient = Rational.one
    var factors: [(base: Expression, exponent: Expression)] = []

    /// True for bases whose powers stay `base^exponent` for every exponent and merge only with
    /// powers of the same base (`MulBuilder` rewrites the others: numbers, `exp`, `|u|`,
    /// powers and products; sums are checked for their content where they are added).
    static func mergesPlainly(_ base: Expression) -> Bool {
        switch base.kind {
        case .add: return true
        case .function(.abs, _): return false
        default: return Expression.mergesPlainly(base)
        }
    }

    /// Empties the list, keeping its storage.
    mutating func clear() {
        coefficient = .one
        factors.removeAll(keepingCapacity: true)
    }

    mutating func append(_ base: Expression, _ exponent: Expression) {
        reserve()
        factors.append((base, exponent))
    }

    /// Room for a few factors at once, allocated on the first one (most factors' derivatives
    /// are zero or have two or three factors; growing from empty reallocated twice).
    private mutating func reserve() {
        if factors.capacity == 0 { factors.reserveCapacity(4) }
    }

    /// Multiplies by `e`: `.general` when `e` has a factor that does not merge plainly.
    mutating func multiply(_ e: Expression) -> Differentiator.FactorDerivative {
        switch e.kind {
        case .number(let r):
            if r.isZero { return .zero }
            coefficient *= r
        case .mul(let m):
            for f in m.factors where !FactorList.mergesPlainly(f.base) { return .general }
            coefficient *= m.coefficient
            reserve()
            factors.append(contentsOf: m.factors)
        case .power(let b, let x):
            guard FactorList.mergesPlainly(b) else { return .general }
            // A sum's power inside a product is primitive (`MulBuilder` takes its content out).
            if case .add(let a) = b.kind, a.contentAndPrimitivePart() != nil { return .general }
            append(b, x)
        case .add(let a):
            if let (content, primitive) = a.contentAndPrimitivePart() {
                coefficient *= content
                append(primitive, .one)
            } else {
                append(e, .one)
            }
        case .symbol, .constant, .function:
            guard FactorList.mergesPlainly(e) else { return .general }
            append(e, .one)
        default:
            return .general
        }
        return .factors
    }

    /// Multiplies by the derivative of a monomial in plain symbols with numeric exponents that
    /// contains `variable` (`diffProduct`'s monomial case, factor by factor).
    mutating func multiplyByDerivative(of m: Mul, with variable: Symbol) {
        coefficient *= m.coefficient
        reserve()
        for (b, x) in m.factors {
            guard case .symbol(let s) = b.kind, s == variable, case .number(let k) = x.kind else {
                factors.append((b, x))
                continue
            }
            coefficient *= k
            let lowered = k - .one
            if lowered.isZero { continue }
            factors.append((b, Expression.exponent(lowered)))
        }
    }

    /// The canonical term `Π sorted (skipping one) · Π self.factors` and its coefficient
    /// (this list's; the product's coefficient is the caller's), or nil when the result is not
    /// a plain term (fewer than two factors that could be a number or a sum to distribute).
    func merged(into sorted: [(base: Expression, exponent: Expression)], skipping: Int,
                caches: DerivativeCaches) -> (Expression, Rational)? {
        var out: [(base: Expression, exponent: Expression)] = []
        out.reserveCapacity(sorted.count + factors.count)
        for index in sorted.indices where index != skipping { out.append(sorted[index]) }
        // The few new factors are placed one by one (a linear scan; equal bases add exponents).
        for f in factors {
            var i = 0
            var order = 1
            while i < out.count {
                order = Expression.compare(out[i].base, f.base)
                if order >= 0 { break }
                i += 1
            }
            if i < out.count && order == 0 {
                let x = FactorList.add(out[i].exponent, f.exponent, caches)
                if x.isZero { out.remove(at: i) } else { out[i].exponent = x }
            } else {
                out.insert(f, at: i)
            }
        }
        if out.count < 2 {
            guard let f = out.first else { return nil }
            if case .add = f.base.kind, f.exponent.isOne { return nil }
            return (f.exponent.isOne ? f.base : Expression(.power(f.base, f.exponent)), coefficient)
        }
        return (Expression(.mul(Mul(coefficient: .one, factors: out))), coefficient)
    }

    /// The sum of two exponents; a number added through the shared shifts, without a builder.
    private static func add(_ a: Expression, _ b: Expression, _ caches: DerivativeCaches) -> Expression {
        if case .number(let x) = a.kind, case .number(let y) = b.kind { return Expression.exponent(x + y) }
        if case .number(let y) = b.kind { return caches.shift(a, by: y) }
        if case .number(let x) = a.kind { return caches.shift(b, by: x) }
        return a + b
    }
}
