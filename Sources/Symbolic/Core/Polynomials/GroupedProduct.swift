/// The product of two sparse polynomials in chunks of equal leading exponents, with the
/// output in descending monomial order.
///
/// In the single-table kernel every multiply-add of a large sparse product (1.66 million of
/// them for two 1,287-term factors with a 591,235-term product) was a random access into a
/// table of many megabytes that had to grow several times, and the output came out in hash
/// order, so building the expression sorted it again. Here the terms of each factor are
/// grouped by their exponents of the first K generators; every pair of groups adds to exactly
/// one output chunk (packed exponent fields never carry, so the leading part of a sum is the
/// sum of the leading parts), the pairs are visited chunk by chunk from the highest, and each
/// chunk accumulates in a small table that stays in the cache and is emptied in sorted order.
/// FLINT's sparse products get the same locality from a heap (Monagan and Pearce).
extension SparsePolynomial {
    /// Products per pair of groups below which a finer split stops paying for its overhead.
    private static let productsPerPair = 16

    /// The product's terms in descending key order, or nil when a coefficient is not a machine
    /// word, a sum overflows 127 bits, or the factors are too small to gain from chunks.
    /// - Parameter largestTable: the most slots a chunk's table starts with (2^20, 26 MB); a chunk
    ///   with more monomials than half of it grows its table.
    static func multiplyGrouped(_ a: SparsePolynomial, _ b: SparsePolynomial, largestTable: Int = 1 << 20) -> [(key: UInt64, value: Integer)]? {
        let n = a.generatorCount
        guard n >= 2, let fa = WordTerms(a), let fb = WordTerms(b) else { return nil }
        let products = fa.count * fb.count
        guard products >= 1 << 12 else { return nil }
        // The finest split (most leading generators) whose pairs of groups still hold enough products each.
        var shift: UInt64? = nil
        for k in 1..<n {
            let s = UInt64((n - k) * a.bits)
            if fa.groupCount(shift: s) * fb.groupCount(shift: s) * productsPerPair > products { break }
            shift = s
        }
        guard let shift else { return nil }
        let ga = fa.groups(shift: shift), gb = fb.groups(shift: shift)
        // Each pair of groups, tagged with the leading part of its chunk, highest chunk first.
        var pairs: [(lead: UInt64, a: Int32, b: Int32)] = []
        pairs.reserveCapacity(ga.count * gb.count)
        for i in ga.indices { for j in gb.indices { pairs.append((ga[i].lead &+ gb[j].lead, Int32(i), Int32(j))) } }
        pairs.sort { $0.lead > $1.lead }
        // |Σ aᵢbᵢ| < 2^(bits(a) + bits(b)) · min(len): when that is below 2^127 no sum is checked.
        let lengthBits = Int.bitWidth - min(fa.count, fb.count).leadingZeroBitCount
        let unchecked = fa.maximumBits + fb.maximumBits + lengthBits <= 126
        var table = ChunkTable(largestPrefix: largestTable)
        var out: [(key: UInt64, value: Integer)] = []
        out.reserveCapacity(min(products, 1 << 24))  // at most one term per product; untouched pages cost nothing
        var start = 0
        while start < pairs.count {
            var end = start, size = 0
            while end < pairs.count && pairs[end].lead == pairs[start].lead {
                size += ga[Int(pairs[end].a)].range.count * gb[Int(pairs[end].b)].range.count
                end += 1
            }
            table.prepare(forAtMost: size)
            for p in pairs[start..<end] {
                let ra = ga[Int(p.a)].range, rb = gb[Int(p.b)].range
                for i in ra {
                    let ka = fa.keys[i], ca = Int128(fa.values[i])
                    for j in rb {
                        if unchecked {
                            table.add(ka &+ fb.keys[j], ca &* Int128(fb.values[j]))
                        } else if !table.addChecked(ka &+ fb.keys[j], ca &* Int128(fb.values[j])) {
                            return nil
                        }
                    }
                }
            }
            table.drainSorted(into: &out)
            start = end
        }
        return out
    }
}

/// A polynomial's terms with machine-word coefficients, in descending key order.
private struct WordTerms {
    var keys: [UInt64] = []
    var values: [Int64] = []
    /// The bit length of the largest coefficient's magnitude.
    var maximumBits = 0
    var count: Int { keys.count }

    init?(_ p: SparsePolynomial) {
        var sorted: [(key: UInt64, value: Int64)] = []
        sorted.reserveCapacity(p.terms.count)
        for (m, c) in p.terms {
            guard let v = c.intValue, v != Int.min else { return nil }
            sorted.append((m, Int64(v)))
            maximumBits = max(maximumBits, Int64.bitWidth - v.magnitude.leadingZeroBitCount)
        }
        sorted.sort { $0.key > $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// The number of distinct leading parts `key >> shift` (runs, since the keys are sorted).
    func groupCount(shift: UInt64) -> Int {
        var groups = 0, last: UInt64? = nil
        for k in keys where k >> shift != last { groups += 1; last = k >> shift }
        return groups
    }

    /// The runs of equal leading part, with that part (in place, as a packed key).
    func groups(shift: UInt64) -> [(lead: UInt64, range: Range<Int>)] {
        var out: [(lead: UInt64, range: Range<Int>)] = []
        var start = 0
        while start < keys.count {
            let lead = keys[start] >> shift
            var end = start + 1
            while end < keys.count && keys[end] >> shift == lead { end += 1 }
            out.append((lead << shift, start..<end))
            start = end
        }
        return out
    }
}

/// An open-addressing table for one chunk, reused across chunks: only the slots a chunk used
/// are cleared, and a chunk uses a power-of-two prefix sized for its number of products.
private struct ChunkTable {
    private var keys: [UInt64] = []
    private var values: [Int128] = []
    private var used: [Bool] = []
    private var usedSlots: [Int32] = []
    private var mask = 0
    /// Most slots a chunk starts with; a chunk with more monomials than half of them grows its table.
    private let largestPrefix: Int

    init(largestPrefix: Int) { self.largestPrefix = largestPrefix }

    /// Sizes the table for a chunk of `products` multiply-adds (at most that many monomials).
    mutating func prepare(forAtMost products: Int) {
        var capacity = 16
        while capacity < 2 * products && capacity < largestPrefix { capacity <<= 1 }
        reserve(capacity)
        mask = capacity - 1
    }

    private mutating func reserve(_ capacity: Int) {
        if keys.count >= capacity { return }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int128](repeating: 0, count: capacity)
        used = [Bool](repeating: false, count: capacity)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds without an overflow check (the caller has bounded every sum).
    @inline(__always) mutating func add(_ key: UInt64, _ value: Int128) {
        var i = slot(key)
        while used[i] {
            if keys[i] == key { values[i] &+= value; return }
            i = (i + 1) & mask
        }
        insert(i, key, value)
    }

    /// Adds, or returns false when the sum overflows 127 bits.
    @inline(__always) mutating func addChecked(_ key: UInt64, _ value: Int128) -> Bool {
        var i = slot(key)
        while used[i] {
            if keys[i] == key {
                let (s, o) = values[i].addingReportingOverflow(value)
                if o { return false }
                values[i] = s
                return true
            }
            i = (i + 1) & mask
        }
        insert(i, key, value)
        return true
    }

    @inline(__always) private mutating func insert(_ i: Int, _ key: UInt64, _ value: Int128) {
        used[i] = true
        keys[i] = key
        values[i] = value
        usedSlots.append(Int32(i))
        if usedSlots.count * 2 > mask + 1 { grow() }
    }

    /// Doubles the chunk's prefix (only when a chunk outgrows `largestPrefix / 2` monomials).
    private mutating func grow() {
        let entries = usedSlots.map { (keys[Int($0)], values[Int($0)]) }
        for s in usedSlots { used[Int(s)] = false }
        usedSlots.removeAll(keepingCapacity: true)
        let capacity = (mask + 1) * 2
        reserve(capacity)
        mask = capacity - 1
        for (k, v) in entries { add(k, v) }
    }

    /// Appends the chunk's non-zero entries in descending key order and empties the table.
    mutating func drainSorted(into out: inout [(key: UInt64, value: Integer)]) {
        var entries: [(key: UInt64, value: Int128)] = []
        entries.reserveCapacity(usedSlots.count)
        for s in usedSlots {
            let i = Int(s)
            used[i] = false
            if values[i] != 0 { entries.append((keys[i], values[i])) }
        }
        usedSlots.removeAll(keepingCapacity: true)
        entries.sort { $0.key > $1.key }
        for (k, v) in entries { out.append((k, Integer(v))) }
    }
}
