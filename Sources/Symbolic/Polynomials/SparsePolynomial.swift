/// A sparse multivariate polynomial with exponent vectors packed into one machine word
/// and integer coefficients over a common denominator.
///
/// This is the kernel behind `expand`: products accumulate in place into a single hash
/// map keyed by the packed monomial, so multiplying two polynomials with m and n terms
/// costs m·n word additions and coefficient multiply-adds (machine integers until they
/// overflow, then GMP) and allocates nothing per term.
struct SparsePolynomial {
    /// Bits per exponent field; `generatorCount * bits <= 64`.
    let bits: Int
    let generatorCount: Int
    /// Packed monomial -> integer coefficient (zero coefficients may linger until `pruned`).
    var terms: [UInt64: Integer]
    /// The polynomial is `terms / denominator`.
    var denominator: Integer

    init(generatorCount: Int, bits: Int) {
        self.generatorCount = generatorCount
        self.bits = bits
        terms = [:]
        denominator = .one
    }

    /// The largest exponent a field can hold.
    var maximumExponent: Int { (1 << bits) - 1 }

    static func constant(_ r: Rational, generatorCount: Int, bits: Int) -> SparsePolynomial {
        var p = SparsePolynomial(generatorCount: generatorCount, bits: bits)
        if !r.isZero { p.terms[0] = r.numerator }
        p.denominator = r.denominator
        return p
    }

    static func generator(_ i: Int, generatorCount: Int, bits: Int) -> SparsePolynomial {
        var p = SparsePolynomial(generatorCount: generatorCount, bits: bits)
        p.terms[UInt64(1) << UInt64(i * bits)] = .one
        return p
    }

    /// Exponent of generator `i` in a packed monomial.
    @inline(__always) func exponent(_ m: UInt64, _ i: Int) -> Int {
        Int((m >> UInt64(i * bits)) & UInt64(maximumExponent))
    }

    /// Total degree bound per generator (the largest exponent of each generator).
    func degrees() -> [Int] {
        var d = [Int](repeating: 0, count: generatorCount)
        for m in terms.keys { for i in 0..<generatorCount { d[i] = max(d[i], exponent(m, i)) } }
        return d
    }

    static func + (a: SparsePolynomial, b: SparsePolynomial) -> SparsePolynomial {
        var r = a
        let g = Integer.gcd(a.denominator, b.denominator)
        let fa = b.denominator.dividedExactly(by: g), fb = a.denominator.dividedExactly(by: g)
        if !fa.isOne { for (m, c) in r.terms { r.terms[m] = c * fa } }
        r.denominator = a.denominator * fa
        for (m, c) in b.terms { r.terms[m, default: .zero] += fb.isOne ? c : c * fb }
        return r
    }

    /// The product; the caller guarantees exponents stay within `maximumExponent`.
    static func * (a: SparsePolynomial, b: SparsePolynomial) -> SparsePolynomial {
        var r = SparsePolynomial(generatorCount: a.generatorCount, bits: a.bits)
        r.denominator = a.denominator * b.denominator
        if a.terms.isEmpty || b.terms.isEmpty { return r }
        r.terms.reserveCapacity(max(a.terms.count, b.terms.count) * 2)
        let bt = Array(b.terms)
        for (ma, ca) in a.terms {
            for (mb, cb) in bt {
                let m = ma &+ mb
                if let old = r.terms[m] {
                    r.terms[m] = old + ca * cb
                } else {
                    r.terms[m] = ca * cb
                }
            }
        }
        return r
    }

    /// `self^n` for n ≥ 1, by repeated multiplication with the base (cheapest for sparse bases).
    func power(_ n: Int) -> SparsePolynomial {
        var result = self
        if n == 1 { return result }
        for _ in 1..<n { result = result * self }
        return result
    }

    /// Removes zero coefficients.
    mutating func prune() {
        terms = terms.filter { !$0.value.isZero }
    }
}
