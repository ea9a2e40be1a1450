import Synchronization

/// The terms of an expanded sum kept as packed monomials over atom generators, turned into
/// expression nodes only when they are first read (the idea of Maple 17's POLY: Monagan and
/// Pearce, "POLY: a new polynomial data structure for Maple 17", 2013).
///
/// Building a product node per term (and freeing the previous result's nodes) costs a large
/// product of sparse polynomials far more than the multiplications themselves. A sum held this way
/// is the same canonical sum (the same hash, equal to the sum built term by term); it only
/// defers the nodes, so an expansion that is multiplied, evaluated or compared again never
/// builds them.
final class PackedTerms: Sendable {
    /// The atom generators (symbols, functions other than exp, π) in canonical order.
    let generators: [Expression]
    /// The right shift of each generator's exponent field in a monomial.
    let shifts: [UInt64]
    /// The mask of one exponent field.
    let fieldMask: UInt64
    /// The monomials in descending order, which is the canonical term order over atoms; none is
    /// 0 (the constant is the sum's).
    let keys: [UInt64]
    /// The coefficient of each monomial, non-zero.
    let coefficients: [Rational]
    /// Each term's node hash, computed once: the sum's hash needs them, and building the nodes
    /// reuses them.
    private let termHashes: [Int]
    /// The largest exponent of any generator.
    private let highestExponent: Int
    private let built = AtomicLazyReference<TermList>()

    /// Sums with fewer terms are built as lists at once: a small expansion's terms are nearly
    /// always read (a recurrence such as symbench R2's Hermite polynomials expands, combines and
    /// expands again), and holding them packed first cost more than the nodes.
    static let minimumCount = 128

    /// - Precondition: `keys` strictly descending and non-zero, `coefficients` non-zero, the
    ///   generators distinct atoms in canonical order.
    convenience init(generators: [Expression], shifts: [UInt64], fieldMask: UInt64, keys: [UInt64], coefficients: [Rational]) {
        let highest = PackedTerms.highestExponent(shifts: shifts, fieldMask: fieldMask, keys: keys)
        self.init(generators: generators, shifts: shifts, fieldMask: fieldMask, keys: keys, coefficients: coefficients,
                  termHashes: PackedTerms.termHashes(generators: generators, shifts: shifts, fieldMask: fieldMask, keys: keys,
                                                     highestExponent: highest),
                  highestExponent: highest)
    }

    private init(generators: [Expression], shifts: [UInt64], fieldMask: UInt64, keys: [UInt64], coefficients: [Rational],
                 termHashes: [Int], highestExponent: Int) {
        self.generators = generators
        self.shifts = shifts
        self.fieldMask = fieldMask
        self.keys = keys
        self.coefficients = coefficients
        self.termHashes = termHashes
        self.highestExponent = highestExponent
    }

    var count: Int { keys.count }

    /// The exponent of generator `g` in monomial `m`.
    @inline(__always) func exponent(_ m: UInt64, _ g: Int) -> Int { Int((m >> shifts[g]) & fieldMask) }

    /// The terms as canonical expressions, built once.
    var terms: [(term: Expression, coefficient: Rational)] {
        if let list = built.load() { return list.terms }
        let list = keys.withUnsafeBufferPointer { keys in coefficients.withUnsafeBufferPointer { coefficients in
            PackedTerms.buildTerms(generators: generators, shifts: shifts, fieldMask: fieldMask, count: keys.count,
                                   key: { keys[$0] }, coefficient: { coefficients[$0] }, highestExponent: highestExponent, hashes: termHashes)
        } }
        return built.storeIfNil(TermList(list)).terms
    }

    /// The largest total degree of a monomial.
    var totalDegree: Int {
        var d = 0
        for m in keys {
            var s = 0
            for g in shifts.indices { s += exponent(m, g) }
            d = max(d, s)
        }
        return d
    }

    /// True when both hold the same monomials over the same generators.
    func samePolynomial(as other: PackedTerms) -> Bool {
        shifts == other.shifts && fieldMask == other.fieldMask && generators == other.generators
            && keys == other.keys && coefficients == other.coefficients
    }

    /// The same terms with every coefficient multiplied by `c ≠ 0` (the terms' hashes do not
    /// depend on their coefficients, so they are kept).
    func scaled(by c: Rational) -> PackedTerms {
        PackedTerms(generators: generators, shifts: shifts, fieldMask: fieldMask, keys: keys, coefficients: coefficients.map { $0 * c },
                    termHashes: termHashes, highestExponent: highestExponent)
    }

    /// Mixes in each term's node hash and coefficient, as `Node` does for a sum's terms.
    func combineTerms(into h: inout StableHasher) {
        for i in keys.indices {
            h.combine(termHashes[i]); h.combine(coefficients[i].numerator); h.combine(coefficients[i].denominator)
        }
    }

    /// The node hash of each monomial's term, without building the nodes.
    private static func termHashes(generators: [Expression], shifts: [UInt64], fieldMask: UInt64, keys: [UInt64],
                                   highestExponent: Int) -> [Int] {
        let exponentHashes = (0...min(highestExponent, 256)).map {
            Expression.smallInteger($0).node.hash
        }
        func exponentHash(_ k: Int) -> Int { k < exponentHashes.count ? exponentHashes[k] : Node.numberHash(Rational(k)) }
        let baseHashes = generators.map { $0.node.hash }
        return keys.map { m in
            var count = 0, last = 0
            for g in shifts.indices where (m >> shifts[g]) & fieldMask != 0 { count += 1; last = g }
            if count == 1 {
                let k = Int((m >> shifts[last]) & fieldMask)
                return k == 1 ? baseHashes[last] : Node.powerHash(base: baseHashes[last], exponent: exponentHash(k))
            }
            var t = Node.productHasher(coefficient: .one)
            for g in shifts.indices {
                let k = Int((m >> shifts[g]) & fieldMask)
                if k != 0 { t.combine(baseHashes[g]); t.combine(exponentHash(k)) }
            }
            return t.value
        }
    }

    /// The largest exponent field in `keys`.
    static func highestExponent<Keys: Sequence<UInt64>>(shifts: [UInt64], fieldMask: UInt64, keys: Keys) -> Int {
        var highest: UInt64 = 0
        for m in keys { for s in shifts { highest = max(highest, (m >> s) & fieldMask) } }
        return Int(highest)
    }

    /// Each monomial's factor list written once, at its final size, from the generators and
    /// shared exponent nodes (building them through a reused scratch list spent half the time
    /// retaining and releasing the same few nodes).
    /// - Parameter hashes: each term's node hash, when known.
    /// - Parameters: `count` terms, the i-th with monomial `key(i)` and coefficient `coefficient(i)`
    ///   (a small expansion builds its list straight from the kernel's terms, without arrays).
    static func buildTerms(generators: [Expression], shifts: [UInt64], fieldMask: UInt64, count termCount: Int,
                           key: (Int) -> UInt64, coefficient: (Int) -> Rational,
                           highestExponent: Int, hashes: [Int]?) -> [(term: Expression, coefficient: Rational)] {
        let exponents = (0...min(highestExponent, 256)).map(Expression.smallInteger)
        func node(_ kind: Kind, _ i: Int) -> Expression {
            guard let hashes else { return Expression(kind) }
            return Expression(node: Node(kind, hash: hashes[i]))
        }
        var sum: [(term: Expression, coefficient: Rational)] = []
        sum.reserveCapacity(termCount)
        shifts.withUnsafeBufferPointer { shifts in generators.withUnsafeBufferPointer { atoms in
          exponents.withUnsafeBufferPointer { exponents in
            for i in 0..<termCount {
                let m = key(i)
                var count = 0, last = 0
                for g in shifts.indices where (m >> shifts[g]) & fieldMask != 0 { count += 1; last = g }
                let term: Expression
                if count == 1 {
                    let k = Int((m >> shifts[last]) & fieldMask)
                    term = k == 1 ? atoms[last] : node(.power(atoms[last], k < exponents.count ? exponents[k] : Expression(k)), i)
                } else {
                    let factors = [(base: Expression, exponent: Expression)](unsafeUninitializedCapacity: count) { buffer, initialized in
                        var j = 0
                        for g in shifts.indices {
                            let k = Int((m >> shifts[g]) & fieldMask)
                            if k == 0 { continue }
                            (buffer.baseAddress! + j).initialize(to: (atoms[g], k < exponents.count ? exponents[k] : Expression(k)))
                            j += 1
                        }
                        initialized = j
                    }
                    term = node(.mul(Mul(coefficient: .one, factors: factors)), i)
                }
                sum.append((term, coefficient(i)))
            }
          }
        } }
        assert(sum.indices.dropFirst().allSatisfy { Expression.compareTerms(sum[$0 - 1].term, sum[$0].term) < 0 },
               "packed terms out of canonical order")
        return sum
    }
}

/// A built term list, shared once built.
private final class TermList: Sendable {
    let terms: [(term: Expression, coefficient: Rational)]
    init(_ terms: [(term: Expression, coefficient: Rational)]) { self.terms = terms }
}
