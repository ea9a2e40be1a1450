/// A sparse multivariate polynomial whose monomials are sorted lists of (generator, exponent)
/// words, for more generators than one packed word holds (SymEngine's expand6 has 100, the
/// square of Σ x_i y_i has 2,000), with integer coefficients over a common denominator.
///
/// A monomial costs one word per generator it contains, not per generator of the ring, so
/// products of sums of short monomials stay cheap however many generators there are: the
/// term-by-term expansion this replaces built an expression and hashed it for every product.
struct ListPolynomial {
    /// Monomial i is `words[starts[i] ..< starts[i + 1]]`; a word is `generator << 32 | exponent`,
    /// by increasing generator, exponents positive.
    var words: [UInt64] = []
    var starts: [Int] = [0]
    /// Non-zero integer coefficients, one per monomial.
    var coefficients: [Integer] = []
    /// The polynomial is `Σ coefficients[i]·monomial(i) / denominator`.
    var denominator: Integer = .one

    var count: Int { coefficients.count }

    /// The words of monomial `i`.
    @inline(__always) func monomial(_ i: Int) -> ArraySlice<UInt64> { words[starts[i] ..< starts[i + 1]] }

    mutating func append<C: Collection>(_ monomial: C, _ coefficient: Integer) where C.Element == UInt64 {
        words.append(contentsOf: monomial)
        starts.append(words.count)
        coefficients.append(coefficient)
    }

    static func constant(_ r: Rational) -> ListPolynomial {
        var p = ListPolynomial()
        if !r.isZero { p.append(EmptyCollection(), r.numerator) }
        p.denominator = r.denominator
        return p
    }

    static func generator(_ i: Int) -> ListPolynomial {
        var p = ListPolynomial()
        p.append(CollectionOfOne(UInt64(i) << 32 | 1), .one)
        return p
    }

    /// `Σ cᵢ pᵢ` in one table, over the least common denominator.
    static func sum(_ parts: [(ListPolynomial, Rational)]) -> ListPolynomial {
        var denominator = Integer.one
        var total = 0
        for (p, c) in parts where !c.isZero && p.count > 0 {
            let d = p.denominator * c.denominator
            if !d.isOne { denominator = denominator * d.dividedExactly(by: Integer.gcd(denominator, d)) }
            total += p.count
        }
        var table = ListMonomialTable(minimumCapacity: max(total, 1))
        for (p, c) in parts where !c.isZero && p.count > 0 {
            let scale = denominator.dividedExactly(by: p.denominator * c.denominator) * c.numerator
            p.words.withUnsafeBufferPointer { w in
                for i in 0..<p.count {
                    let m = UnsafeBufferPointer(rebasing: w[p.starts[i] ..< p.starts[i + 1]])
                    table.add(m, scale.isOne ? p.coefficients[i] : p.coefficients[i] * scale)
                }
            }
        }
        var r = table.polynomial()
        r.denominator = denominator
        return r
    }

    /// The product: every pair of monomials is merged into one scratch buffer and accumulated
    /// in one table.
    static func * (a: ListPolynomial, b: ListPolynomial) -> ListPolynomial {
        if a.count == 1 || b.count == 1 { return timesTerm(a.count == 1 ? (b, a) : (a, b)) }
        var table = ListMonomialTable(minimumCapacity: max(a.count, b.count) * 2)
        let longest = (a.starts.indices.dropFirst().map { a.starts[$0] - a.starts[$0 - 1] }.max() ?? 0)
            + (b.starts.indices.dropFirst().map { b.starts[$0] - b.starts[$0 - 1] }.max() ?? 0)
        var scratch = [UInt64](repeating: 0, count: max(longest, 1))
        a.words.withUnsafeBufferPointer { aw in
            b.words.withUnsafeBufferPointer { bw in
                scratch.withUnsafeMutableBufferPointer { out in
                    for i in 0..<a.count {
                        let ma = UnsafeBufferPointer(rebasing: aw[a.starts[i] ..< a.starts[i + 1]])
                        let ca = a.coefficients[i]
                        for j in 0..<b.count {
                            let mb = UnsafeBufferPointer(rebasing: bw[b.starts[j] ..< b.starts[j + 1]])
                            let n = merge(ma, mb, into: out)
                            table.add(UnsafeBufferPointer(rebasing: out[0 ..< n]), ca * b.coefficients[j])
                        }
                    }
                }
            }
        }
        var r = table.polynomial()
        r.denominator = a.denominator * b.denominator
        return r
    }

    /// `p · q` for a `q` of one term: the monomials stay distinct, so no table is needed.
    private static func timesTerm(_ pq: (ListPolynomial, ListPolynomial)) -> ListPolynomial {
        let (p, q) = pq
        var r = ListPolynomial()
        r.denominator = p.denominator * q.denominator
        let c = q.coefficients[0]
        let mq = Array(q.monomial(0))
        r.words.reserveCapacity(p.words.count + p.count * mq.count)
        r.starts.reserveCapacity(p.count + 1)
        r.coefficients.reserveCapacity(p.count)
        var scratch = [UInt64](repeating: 0, count: p.words.count + mq.count)
        p.words.withUnsafeBufferPointer { pw in
            mq.withUnsafeBufferPointer { qw in
                scratch.withUnsafeMutableBufferPointer { out in
                    for i in 0..<p.count {
                        let n = merge(UnsafeBufferPointer(rebasing: pw[p.starts[i] ..< p.starts[i + 1]]), qw, into: out)
                        r.append(UnsafeBufferPointer(rebasing: out[0 ..< n]), c.isOne ? p.coefficients[i] : p.coefficients[i] * c)
                    }
                }
            }
        }
        return r
    }

    /// The product monomial of two sorted word lists (exponents of a common generator add).
    @inline(__always)
    private static func merge(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, into out: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            let gx = x >> 32, gy = y >> 32
            if gx == gy {
                out[n] = x &+ (y & 0xFFFF_FFFF); i += 1; j += 1
            } else if gx < gy {
                out[n] = x; i += 1
            } else {
                out[n] = y; j += 1
            }
            n += 1
        }
        while i < a.count { out[n] = a[i]; i += 1; n += 1 }
        while j < b.count { out[n] = b[j]; j += 1; n += 1 }
        return n
    }

    /// `self^n` for n ≥ 1 by repeated multiplication (the multiplier stays the short base).
    func power(_ n: Int) -> ListPolynomial {
        var r = self
        for _ in 1..<max(n, 1) { r = r * self }
        return r
    }

    /// The monomial indices in canonical term order: lexicographic on exponent vectors, higher
    /// first (a smaller generator present first; the same generator with a higher exponent first;
    /// a monomial that extends another first), as `Expression.compareTerms` orders products of
    /// generators sorted by `Expression.compare`.
    func canonicalOrder() -> [Int] {
        var order = Array(0..<count)
        words.withUnsafeBufferPointer { w in
            order.sort { i, j in
                var p = starts[i], q = starts[j]
                let pe = starts[i + 1], qe = starts[j + 1]
                while p < pe && q < qe {
                    let x = w[p], y = w[q]
                    if x != y {
                        let gx = x >> 32, gy = y >> 32
                        return gx != gy ? gx < gy : x > y
                    }
                    p += 1; q += 1
                }
                return p < pe && q == qe
            }
        }
        return order
    }
}

/// An open-addressing table from word-list monomials to integer coefficients; the monomials
/// live in one arena, so an insertion allocates nothing once the arrays have grown.
struct ListMonomialTable {
    private var arena: [UInt64] = []
    private var entryStart: [Int] = []
    private var entryLength: [Int32] = []
    private var entryHash: [UInt32] = []
    private var values: [Integer] = []
    /// Entry index + 1 per slot, 0 for empty.
    private var slots: [Int32]
    private var mask: Int

    init(minimumCapacity: Int) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        entryStart.reserveCapacity(minimumCapacity)
        entryLength.reserveCapacity(minimumCapacity)
        entryHash.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    @inline(__always) private static func hash(_ m: UnsafeBufferPointer<UInt64>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for w in m { h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 31 }
        return h
    }

    /// Adds `value` to the coefficient of `monomial`.
    mutating func add(_ monomial: UnsafeBufferPointer<UInt64>, _ value: Integer) {
        let h = ListMonomialTable.hash(monomial)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] != 0 {
            let e = Int(slots[s]) - 1
            if entryHash[e] == tag && Int(entryLength[e]) == monomial.count && equal(e, monomial) {
                values[e] = values[e] + value
                return
            }
            s = (s + 1) & mask
        }
        slots[s] = Int32(values.count + 1)
        entryStart.append(arena.count)
        entryLength.append(Int32(monomial.count))
        entryHash.append(tag)
        arena.append(contentsOf: monomial)
        values.append(value)
        if values.count * 2 > slots.count { grow() }
    }

    @inline(__always) private func equal(_ e: Int, _ m: UnsafeBufferPointer<UInt64>) -> Bool {
        let start = entryStart[e]
        for k in 0..<m.count where arena[start + k] != m[k] { return false }
        return true
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        arena.withUnsafeBufferPointer { a in
            for e in values.indices {
                let m = UnsafeBufferPointer(rebasing: a[entryStart[e] ..< entryStart[e] + Int(entryLength[e])])
                var s = Int(truncatingIfNeeded: ListMonomialTable.hash(m)) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Int32(e + 1)
            }
        }
    }

    /// The entries with non-zero coefficients, in insertion order.
    func polynomial() -> ListPolynomial {
        var p = ListPolynomial()
        p.words.reserveCapacity(arena.count)
        p.starts.reserveCapacity(values.count + 1)
        p.coefficients.reserveCapacity(values.count)
        for e in values.indices where !values[e].isZero {
            p.append(arena[entryStart[e] ..< entryStart[e] + Int(entryLength[e])], values[e])
        }
        return p
    }
}
