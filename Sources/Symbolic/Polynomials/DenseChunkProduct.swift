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

    /// The product's terms, or nil when the product is too sparse for chunks, a coefficient is
    /// not a machine word, or the coefficients could make a sum overflow.
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
        guard let (ag, aOff, aCoef, aBits) = groups(a, da[0], strides),
              let (bg, bOff, bCoef, bBits) = groups(b, db[0], strides) else { return nil }
        // |Σ cᵢdᵢ| < 2^aBits · 2^bBits · min(len): no partial sum can overflow 127 bits.
        let lengthBits = Int.bitWidth - min(a.terms.count, b.terms.count).leadingZeroBitCount
        if aBits + bBits + lengthBits > 126 { return nil }

        var out: [(key: UInt64, value: Integer)] = []
        let shift0 = UInt64((n - 1) * a.bits)
        var acc = [Int128](repeating: 0, count: chunk)
        acc.withUnsafeMutableBufferPointer { acc in
          aOff.withUnsafeBufferPointer { aOff in aCoef.withUnsafeBufferPointer { aCoef in
          bOff.withUnsafeBufferPointer { bOff in bCoef.withUnsafeBufferPointer { bCoef in
            for e in 0...top[0] {
                var touched = false
                for d in max(0, e - db[0])...min(e, da[0]) {
                    let ar = ag[d] ..< ag[d + 1], br = bg[e - d] ..< bg[e - d + 1]
                    if ar.isEmpty || br.isEmpty { continue }
                    touched = true
                    for i in ar {
                        let oa = aOff[i], ca = Int128(aCoef[i])
                        for j in br { acc[oa &+ bOff[j]] &+= ca &* Int128(bCoef[j]) }
                    }
                }
                if !touched { continue }
                for k in 0..<chunk where acc[k] != 0 {
                    var key = UInt64(e) << shift0
                    var rest = k
                    for i in 1..<n {
                        let digit = rest / strides[i]
                        rest -= digit * strides[i]
                        key |= UInt64(digit) << UInt64((n - 1 - i) * a.bits)
                    }
                    out.append((key, Integer(acc[k])))
                    acc[k] = 0
                }
            }
          } }
          } }
        }
        return out
    }

    /// The terms grouped by the exponent of generator 0 (group d is `starts[d] ..< starts[d + 1]`),
    /// with their chunk offsets, coefficients and the bit length of the largest coefficient;
    /// nil when a coefficient is not a machine word.
    private static func groups(_ p: SparsePolynomial, _ degree: Int, _ stride: [Int])
        -> (starts: [Int], offsets: [Int], coefficients: [Int64], bits: Int)? {
        let n = p.generatorCount
        var starts = [Int](repeating: 0, count: degree + 2)
        for (m, _) in p.terms { starts[p.exponent(m, 0) + 1] += 1 }
        for d in 0...degree { starts[d + 1] += starts[d] }
        var next = starts
        var offsets = [Int](repeating: 0, count: p.terms.count)
        var coefficients = [Int64](repeating: 0, count: p.terms.count)
        var largest: UInt64 = 0
        for (m, c) in p.terms {
            guard let v = c.intValue else { return nil }
            var offset = 0
            for i in 1..<max(n, 1) { offset += p.exponent(m, i) * stride[i] }
            let d = p.exponent(m, 0)
            offsets[next[d]] = offset
            coefficients[next[d]] = Int64(v)
            next[d] += 1
            largest = max(largest, UInt64(v.magnitude))
        }
        return (starts, offsets, coefficients, UInt64.bitWidth - largest.leadingZeroBitCount)
    }
}
