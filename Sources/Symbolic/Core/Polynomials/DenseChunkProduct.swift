/// The product of two dense-enough polynomials in chunks: one chunk per exponent of the first
/// generator, accumulated in a dense array indexed by the other exponents in mixed radix.
///
/// In the hash-table kernel every multiply-add of Fateman's f·(f + 1) (113 million of them) was a
/// random access into a table of several megabytes, and most of the time went to waiting for those
/// loads. A chunk of the output (41³ 128-bit words for Fateman's benchmark) stays in the cache, the
/// index of a product is the sum of its factors' precomputed offsets, and when the coefficients are
/// known small enough that no sum can overflow 127 bits no overflow check is made (FLINT's dense
/// "array" multiplication works the same way).
extension SparsePolynomial {
    /// Largest chunk, in entries (4 MiB of 128-bit words).
    private static let maximumChunk = 1 << 18

    /// The product's terms, or nil when the product is too sparse for chunks, a coefficient has
    /// more than 128 bits, or the coefficients could make a sum overflow 255 bits.
    static func multiplyDense(_ a: SparsePolynomial, _ b: SparsePolynomial) -> [(key: UInt64, value: Integer)]? {
        let n = a.generatorCount
        guard n >= 1, !a.terms.isEmpty, !b.terms.isEmpty else { return nil }
        let da = a.degrees(), db = b.degrees()
        let top = (0..<n).map { da[$0] + db[$0] }
        // Strides of generators 1..<n in the chunk (the last varies fastest).
        var strides = [Int](repeating: 1, count: n)
        var chunk = 1
        for i in stride(from: n - 1, through: 1, by: -1) {
            strides[i] = chunk
            let (c, o) = chunk.multipliedReportingOverflow(by: top[i] + 1)
            if o || c > maximumChunk { return nil }
            chunk = c
        }
        let products = a.terms.count * b.terms.count  // both are below 2^31 in practice
        let (volume, o) = chunk.multipliedReportingOverflow(by: top[0] + 1)
        if o || volume > 4 * products { return nil }
        let lengthBits = Int.bitWidth - min(a.terms.count, b.terms.count).leadingZeroBitCount
        let bound = maximumBits(a) + maximumBits(b) + lengthBits
        let layout = ChunkLayout(generatorCount: n, bits: a.bits, strides: strides, chunk: chunk, top: top, da: da, db: db)
        // |Σ cᵢdᵢ| < 2^bits(a) · 2^bits(b) · min(len): no partial sum can overflow the accumulator.
        if bound <= 126, let ga = groups(a, da[0], strides, { $0.intValue.map(Int64.init) }),
           let gb = groups(b, db[0], strides, { $0.intValue.map(Int64.init) }) {
            return multiplyNarrow(ga, gb, layout)
        }
        if bound <= 254, let ga = groups(a, da[0], strides, SignedMagnitude.init),
           let gb = groups(b, db[0], strides, SignedMagnitude.init) {
            return multiplyWide(ga, gb, layout)
        }
        return nil
    }

    /// The shape of the chunks: strides of generators 1..<n, entries per chunk, degree bounds.
    struct ChunkLayout {
        let generatorCount: Int, bits: Int, strides: [Int], chunk: Int, top: [Int], da: [Int], db: [Int]

        /// The packed monomial of entry `k` of chunk `e`.
        func key(_ e: Int, _ k: Int) -> UInt64 {
            var key = UInt64(e) << UInt64((generatorCount - 1) * bits)
            var rest = k
            for i in 1..<generatorCount {
                let digit = rest / strides[i]
                rest -= digit * strides[i]
                key |= UInt64(digit) << UInt64((generatorCount - 1 - i) * bits)
            }
            return key
        }
    }

    /// Machine-word coefficients, 128-bit accumulators.
    private static func multiplyNarrow(_ a: ChunkGroups<Int64>, _ b: ChunkGroups<Int64>, _ layout: ChunkLayout) -> [(key: UInt64, value: Integer)] {
        var out: [(key: UInt64, value: Integer)] = []
        var acc = [Int128](repeating: 0, count: layout.chunk)
        acc.withUnsafeMutableBufferPointer { acc in
          a.offsets.withUnsafeBufferPointer { aOff in a.coefficients.withUnsafeBufferPointer { aCoef in
          b.offsets.withUnsafeBufferPointer { bOff in b.coefficients.withUnsafeBufferPointer { bCoef in
            for e in 0...layout.top[0] {
                var touched = false
                for d in max(0, e - layout.db[0])...min(e, layout.da[0]) {
                    let ar = a.starts[d] ..< a.starts[d + 1], br = b.starts[e - d] ..< b.starts[e - d + 1]
                    if ar.isEmpty || br.isEmpty { continue }
                    touched = true
                    for i in ar {
                        let oa = aOff[i], ca = Int128(aCoef[i])
                        for j in br { acc[oa &+ bOff[j]] &+= ca &* Int128(bCoef[j]) }
                    }
                }
                if !touched { continue }
                for k in 0..<layout.chunk where acc[k] != 0 {
                    out.append((layout.key(e, k), Integer(acc[k])))
                    acc[k] = 0
                }
            }
          } }
          } }
        }
        return out
    }

    /// Coefficients of up to 128 bits (rational coefficients over a common denominator have
    /// 100-bit numerators), 256-bit two's-complement accumulators: each multiply-add was a GMP
    /// product and sum with allocations before.
    private static func multiplyWide(_ a: ChunkGroups<SignedMagnitude>, _ b: ChunkGroups<SignedMagnitude>, _ layout: ChunkLayout) -> [(key: UInt64, value: Integer)] {
        var out: [(key: UInt64, value: Integer)] = []
        var low = [UInt128](repeating: 0, count: layout.chunk), high = [UInt128](repeating: 0, count: layout.chunk)
        low.withUnsafeMutableBufferPointer { low in high.withUnsafeMutableBufferPointer { high in
            for e in 0...layout.top[0] {
                var touched = false
                for d in max(0, e - layout.db[0])...min(e, layout.da[0]) {
                    let ar = a.starts[d] ..< a.starts[d + 1], br = b.starts[e - d] ..< b.starts[e - d + 1]
                    if ar.isEmpty || br.isEmpty { continue }
                    touched = true
                    for i in ar {
                        let oa = a.offsets[i], ca = a.coefficients[i]
                        for j in br {
                            let cb = b.coefficients[j], k = oa &+ b.offsets[j]
                            let p = ca.magnitude.multipliedFullWidth(by: cb.magnitude)
                            if ca.negative == cb.negative {
                                let (l, c) = low[k].addingReportingOverflow(p.low)
                                low[k] = l
                                high[k] = high[k] &+ p.high &+ (c ? 1 : 0)
                            } else {
                                let (l, c) = low[k].subtractingReportingOverflow(p.low)
                                low[k] = l
                                high[k] = high[k] &- p.high &- (c ? 1 : 0)
                            }
                        }
                    }
                }
                if !touched { continue }
                for k in 0..<layout.chunk where low[k] != 0 || high[k] != 0 {
                    out.append((layout.key(e, k), SignedMagnitude.integer(high: high[k], low: low[k])))
                    low[k] = 0
                    high[k] = 0
                }
            }
        } }
        return out
    }

    /// The bit length of the largest coefficient's magnitude.
    private static func maximumBits(_ p: SparsePolynomial) -> Int {
        var bits = 0
        for (_, c) in p.terms {
            var words = 0, top: UInt = 0
            c.forEachWord { words += 1; top = $0 }
            bits = max(bits, (words - 1) * UInt.bitWidth + UInt.bitWidth - top.leadingZeroBitCount)
        }
        return bits
    }

    /// The terms grouped by the exponent of generator 0 (group d is `starts[d] ..< starts[d + 1]`),
    /// with their chunk offsets and coefficients; nil when a coefficient does not convert.
    private static func groups<C>(_ p: SparsePolynomial, _ degree: Int, _ stride: [Int], _ convert: (Integer) -> C?) -> ChunkGroups<C>? {
        let n = p.generatorCount
        var starts = [Int](repeating: 0, count: degree + 2)
        for (m, _) in p.terms { starts[p.exponent(m, 0) + 1] += 1 }
        for d in 0...degree { starts[d + 1] += starts[d] }
        var next = starts
        var offsets = [Int](repeating: 0, count: p.terms.count)
        var coefficients: [C?] = Array(repeating: nil, count: p.terms.count)
        for (m, c) in p.terms {
            guard let v = convert(c) else { return nil }
            var offset = 0
            for i in 1..<max(n, 1) { offset += p.exponent(m, i) * stride[i] }
            let d = p.exponent(m, 0)
            offsets[next[d]] = offset
            coefficients[next[d]] = v
            next[d] += 1
        }
        return ChunkGroups(starts: starts, offsets: offsets, coefficients: coefficients.map { $0! })
    }
}

/// Terms grouped by the exponent of the first generator, with offsets within a chunk.
struct ChunkGroups<C> {
    let starts: [Int]
    let offsets: [Int]
    let coefficients: [C]
}

/// An integer of at most 128 bits as sign and magnitude.
struct SignedMagnitude {
    let negative: Bool
    let magnitude: UInt128

    /// Nil past 128 bits.
    init?(_ i: Integer) {
        var words: [UInt] = []
        i.forEachWord { words.append($0) }
        if words.count > 2 { return nil }
        magnitude = UInt128(words[0]) | (words.count == 2 ? UInt128(words[1]) << 64 : 0)
        negative = i.signum < 0
    }

    /// The integer whose 256-bit two's complement is `high·2^128 + low`.
    static func integer(high: UInt128, low: UInt128) -> Integer {
        let negative = high >> 127 == 1
        var (h, l) = (high, low)
        if negative {
            (l, h) = (~l &+ 1, ~h &+ (l == 0 ? 1 : 0))
        }
        if h == 0 && l >> 127 == 0 {
            let v = Int128(l)
            return Integer(negative ? -v : v)
        }
        let words = [UInt64(truncatingIfNeeded: l), UInt64(truncatingIfNeeded: l >> 64), UInt64(truncatingIfNeeded: h), UInt64(truncatingIfNeeded: h >> 64)]
        return Integer(magnitude: words, negative: negative)
    }
}
