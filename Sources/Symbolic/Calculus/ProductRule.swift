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
        for i in m.factors.indices {
            let (b, x) = m.factors[i]
            var p = FactorList()
            switch powerDerivative(b, x, into: &p) {
            case .zero:
                continue
            case .factors:
                if let (term, k) = p.merged(into: m.factors, skipping: i) {
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
            if case .number(let k) = x.kind { lowered = exponentExpression(k - .one) } else { lowered = x - .one }
            if !lowered.isZero { p.append(b, lowered) }
            return db.isOne ? .factors : p.multiply(db)
        }
        guard !b.contains(variable) else { return .general }
        let dx = diff(x)
        if dx.isZero { return .zero }
        // The factor b^x itself stays: only x'·log b is new.
        p.append(b, x)
        guard p.multiply(dx) == .factors else { return .general }
        return p.multiply(Expression.apply(.log, b))
    }
}

/// A coefficient and factors whose bases merge only with equal bases (by adding exponents),
/// in any order and possibly repeated; merged into a canonical product's sorted factors.
struct FactorList {
    var coefficient = Rational.one
    var factors: [(base: Expression, exponent: Expression)] = []

    init() { factors.reserveCapacity(4) }

    /// True for bases whose powers stay `base^exponent` for every exponent and merge only with
    /// powers of the same base (`MulBuilder` rewrites the others: numbers, `exp`, `|u|`,
    /// powers and products; sums are checked for their content where they are added).
    static func mergesPlainly(_ base: Expression) -> Bool {
        switch base.kind {
        case .symbol, .constant, .add: return true
        case .function(.exp, _), .function(.abs, _): return false
        case .function: return true
        default: return false
        }
    }

    mutating func append(_ base: Expression, _ exponent: Expression) { factors.append((base, exponent)) }

    /// Multiplies by `e`: `.general` when `e` has a factor that does not merge plainly.
    mutating func multiply(_ e: Expression) -> Differentiator.FactorDerivative {
        switch e.kind {
        case .number(let r):
            if r.isZero { return .zero }
            coefficient *= r
        case .mul(let m):
            for f in m.factors where !FactorList.mergesPlainly(f.base) { return .general }
            coefficient *= m.coefficient
            factors.append(contentsOf: m.factors)
        case .power(let b, let x):
            guard FactorList.mergesPlainly(b) else { return .general }
            // A sum's power inside a product is primitive (`MulBuilder` takes its content out).
            if case .add(let a) = b.kind, a.contentAndPrimitivePart() != nil { return .general }
            factors.append((b, x))
        case .add(let a):
            if let (content, primitive) = a.contentAndPrimitivePart() {
                coefficient *= content
                factors.append((primitive, .one))
            } else {
                factors.append((e, .one))
            }
        case .symbol, .constant, .function:
            guard FactorList.mergesPlainly(e) else { return .general }
            factors.append((e, .one))
        default:
            return .general
        }
        return .factors
    }

    /// The canonical term `Π sorted (skipping one) · Π self.factors` and its coefficient
    /// (this list's; the product's coefficient is the caller's), or nil when the result is not
    /// a plain term (fewer than two factors that could be a number or a sum to distribute).
    func merged(into sorted: [(base: Expression, exponent: Expression)], skipping: Int) -> (Expression, Rational)? {
        // Sort the few new factors (insertion sort) and merge repeated bases.
        var extra = factors
        for i in extra.indices.dropFirst() {
            var j = i
            while j > 0 && Expression.compare(extra[j - 1].base, extra[j].base) > 0 {
                extra.swapAt(j - 1, j)
                j -= 1
            }
        }
        var k = 0
        var combined: [(base: Expression, exponent: Expression)] = []
        combined.reserveCapacity(extra.count)
        while k < extra.count {
            var f = extra[k]
            k += 1
            while k < extra.count && extra[k].base == f.base {
                f.exponent = FactorList.add(f.exponent, extra[k].exponent)
                k += 1
            }
            if !f.exponent.isZero { combined.append(f) }
        }
        var out: [(base: Expression, exponent: Expression)] = []
        out.reserveCapacity(sorted.count + combined.count)
        var j = 0
        for index in sorted.indices where index != skipping {
            let f = sorted[index]
            while j < combined.count && Expression.compare(combined[j].base, f.base) < 0 {
                out.append(combined[j])
                j += 1
            }
            if j < combined.count && combined[j].base == f.base {
                let x = FactorList.add(f.exponent, combined[j].exponent)
                j += 1
                if !x.isZero { out.append((f.base, x)) }
            } else {
                out.append(f)
            }
        }
        out.append(contentsOf: combined[j...])
        if out.count < 2 {
            guard let f = out.first else { return nil }
            if case .add = f.base.kind, f.exponent.isOne { return nil }
            return (f.exponent.isOne ? f.base : Expression(.power(f.base, f.exponent)), coefficient)
        }
        return (Expression(.mul(Mul(coefficient: .one, factors: out))), coefficient)
    }

    /// The sum of two exponents; numbers without building a sum.
    private static func add(_ a: Expression, _ b: Expression) -> Expression {
        if case .number(let x) = a.kind, case .number(let y) = b.kind { return Expression(x + y) }
        return a + b
    }
}
