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
    /// Packed monomial -> integer coefficient, without zero coefficients.
    var terms: [(key: UInt64, value: Integer)]
    /// The polynomial is `terms / denominator`.
    var denominator: Integer

    init(generatorCount: Int, bits: Int) {
        self.generatorCount = generatorCount
        self.bits = bits
        terms = []
        denominator = .one
    }

    /// The largest exponent a field can hold.
    var maximumExponent: Int { (1 << bits) - 1 }

    static func constant(_ r: Rational, generatorCount: Int, bits: Int) -> SparsePolynomial {
        var p = SparsePolynomial(generatorCount: generatorCount, bits: bits)
        if !r.isZero { p.terms = [(0, r.numerator)] }
        p.denominator = r.denominator
        return p
    }

    static func generator(_ i: Int, generatorCount: Int, bits: Int) -> SparsePolynomial {
        var p = SparsePolynomial(generatorCount: generatorCount, bits: bits)
        p.terms = [(UInt64(1) << UInt64((generatorCount - 1 - i) * bits), .one)]
        return p
    }

    /// Exponent of generator `i` in a packed monomial. Generator 0 sits in the highest field,
    /// so comparing packed words compares exponent vectors lexicographically.
    @inline(__always) func exponent(_ m: UInt64, _ i: Int) -> Int {
        Int((m >> UInt64((generatorCount - 1 - i) * bits)) & UInt64(maximumExponent))
    }

    /// Total degree bound per generator (the largest exponent of each generator).
    func degrees() -> [Int] {
        var d = [Int](repeating: 0, count: generatorCount)
        for (m, _) in terms { for i in 0..<generatorCount { d[i] = max(d[i], exponent(m, i)) } }
        return d
    }

    static func + (a: SparsePolynomial, b: SparsePolynomial) -> SparsePolynomial {
        var r = SparsePolynomial(generatorCount: a.generatorCount, bits: a.bits)
        let g = Integer.gcd(a.denominator, b.denominator)
        let fa = b.denominator.dividedExactly(by: g), fb = a.denominator.dividedExactly(by: g)
        var table = MonomialTable<Integer>(minimumCapacity: a.terms.count + b.terms.count)
        for (m, c) in a.terms { table.add(m, fa.isOne ? c : c * fa) }
        for (m, c) in b.terms { table.add(m, fb.isOne ? c : c * fb) }
        r.terms = table.entries
        r.denominator = a.denominator * fa
        return r
    }

    /// `Σ cᵢ pᵢ` in one pass over all terms, over the least common denominator.
    static func sum(_ parts: [(SparsePolynomial, Rational)], generatorCount: Int, bits: Int) -> SparsePolynomial {
        var r = SparsePolynomial(generatorCount: generatorCount, bits: bits)
        var denominator = Integer.one
        var total = 0
        for (p, c) in parts where !c.isZero && !p.terms.isEmpty {
            let d = p.denominator * c.denominator
            if !d.isOne { denominator = denominator * d.dividedExactly(by: Integer.gcd(denominator, d)) }
            total += p.terms.count
        }
        var table = MonomialTable<Integer>(minimumCapacity: max(total, 1))
        for (p, c) in parts where !c.isZero && !p.terms.isEmpty {
            let scale = denominator.dividedExactly(by: p.denominator * c.denominator) * c.numerator
            for (m, v) in p.terms { table.add(m, scale.isOne ? v : v * scale) }
        }
        r.terms = table.entries
        r.denominator = denominator
        return r
    }

    /// The product; the caller guarantees exponents stay within `maximumExponent`.
    /// Machine-word coefficients accumulate in 128 bits (a product of two words always fits),
    /// so GMP is reached only when a sum really outgrows 127 bits.
    static func * (a: SparsePolynomial, b: SparsePolynomial) -> SparsePolynomial {
        var r = SparsePolynomial(generatorCount: a.generatorCount, bits: a.bits)
        r.denominator = a.denominator * b.denominator
        if a.terms.isEmpty || b.terms.isEmpty { return r }
        if a.terms.count == 1 || b.terms.count == 1 {
            // Times one term: the monomials stay distinct, so no table is needed (converting a
            // sum of 10,626 monomials built a table for each factor of each of them).
            let (single, other) = a.terms.count == 1 ? (a, b) : (b, a)
            let (m, c) = single.terms[0]
            r.terms = other.terms.map { ($0.key &+ m, c.isOne ? $0.value : $0.value * c) }
            return r
        }
        if let dense = multiplyDense(a, b) {
            r.terms = dense
            return r
        }
        if let grouped = multiplyGrouped(a, b) {
            r.terms = grouped
            return r
        }
        if let wide = multiplyWide(a, b) {
            r.terms = wide
            return r
        }
        var table = MonomialTable<Integer>(minimumCapacity: max(a.terms.count, b.terms.count) * 2)
        for (ma, ca) in a.terms {
            for (mb, cb) in b.terms {
                table.add(ma &+ mb, ca * cb)
            }
        }
        r.terms = table.entries
        return r
    }

    /// The product with 128-bit accumulation, or nil when a coefficient is not a machine word
    /// or a sum overflows.
    private static func multiplyWide(_ a: SparsePolynomial, _ b: SparsePolynomial) -> [(key: UInt64, value: Integer)]? {
        var ak: [UInt64] = [], av: [Int64] = [], bk: [UInt64] = [], bv: [Int64] = []
        ak.reserveCapacity(a.terms.count); av.reserveCapacity(a.terms.count)
        bk.reserveCapacity(b.terms.count); bv.reserveCapacity(b.terms.count)
        for (m, c) in a.terms { guard let v = c.intValue else { return nil }; ak.append(m); av.append(Int64(v)) }
        for (m, c) in b.terms { guard let v = c.intValue else { return nil }; bk.append(m); bv.append(Int64(v)) }
        var table = MonomialTable<Int128>(minimumCapacity: max(ak.count, bk.count) * 2)
        for i in ak.indices {
            let ma = ak[i], ca = Int128(av[i])
            for j in bk.indices {
                guard table.add(ma &+ bk[j], ca &* Int128(bv[j])) else { return nil }
            }
        }
        return table.entries.map { ($0.key, Integer($0.value)) }
    }

    /// `self^n` for n ≥ 1 by the multinomial theorem: one coefficient per composition
    /// k₁ + … + k_m = n of the exponent over the m terms, `n!/(k₁!…k_m!) Π cᵢ^kᵢ`, so the
    /// cost is proportional to the number of output terms, not to n multiplications.
    func power(_ n: Int) -> SparsePolynomial {
        if n == 1 { return self }
        if terms.count <= 1 {
            var r = SparsePolynomial(generatorCount: generatorCount, bits: bits)
            r.denominator = denominator.power(n)
            if let (m, c) = terms.first { r.terms = [(m &* UInt64(n), c.power(n))] }
            return r
        }
        let m = terms.count
        // powers[i][k] = cᵢ^k
        let powers: [[Integer]] = terms.map { t in
            var row = [Integer.one]
            row.reserveCapacity(n + 1)
            for _ in 0..<n { row.append(row.last! * t.value) }
            return row
        }
        var table = MonomialTable<Integer>(minimumCapacity: 64)
        // Walk compositions depth-first, carrying the partial monomial and coefficient.
        func walk(_ i: Int, _ remaining: Int, _ monomial: UInt64, _ coefficient: Integer) {
            if i == m - 1 {
                let c = coefficient * powers[i][remaining]
                table.add(monomial &+ terms[i].key &* UInt64(remaining), c)
                return
            }
            var binomial = Integer.one  // C(remaining, k)
            for k in 0...remaining {
                walk(i + 1, remaining - k, monomial &+ terms[i].key &* UInt64(k), coefficient * binomial * powers[i][k])
                binomial = (binomial * Integer(remaining - k)).dividedExactly(by: Integer(k + 1))
            }
        }
        walk(0, n, 0, .one)
        var r = SparsePolynomial(generatorCount: generatorCount, bits: bits)
        r.terms = table.entries
        r.denominator = denominator.power(n)
        return r
    }

}
