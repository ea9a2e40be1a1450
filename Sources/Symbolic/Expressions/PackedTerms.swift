import Synchronization

/// The terms of an expanded sum kept as packed monomials over atom generators, turned into
/// expression nodes only when they are first read (the idea of Maple 17's POLY: Monagan and
/// Pearce, "POLY: a new polynomial data structure for Maple 17", 2013).
///
/// The sparse 5-variable product (591,235 terms) spent about 80% of its time building a product
/// node per term and freeing the previous result's nodes, 15% multiplying. A sum held this way
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
    private let built = AtomicLazyReference<TermList>()

    /// - Precondition: `keys` strictly descending and non-zero, `coefficients` non-zero, the
    ///   generators distinct atoms in canonical order.
    init(generators: [Expression], shifts: [UInt64], fieldMask: UInt64, keys: [UInt64], coefficients: [Rational]) {
        self.generators = generators
        self.shifts = shifts
        self.fieldMask = fieldMask
        self.keys = keys
        self.coefficients = coefficients
    }

    var count: Int { keys.count }

    /// The exponent of generator `g` in monomial `m`.
    @inline(__always) func exponent(_ m: UInt64, _ g: Int) -> Int { Int((m >> shifts[g]) & fieldMask) }

    /// The terms as canonical expressions, built once.
    var terms: [(term: Expression, coefficient: Rational)] {
        if let list = built.load() { return list.terms }
        return built.storeIfNil(TermList(buildTerms())).terms
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

    /// The same terms with every coefficient multiplied by `c ≠ 0`.
    func scaled(by c: Rational) -> PackedTerms {
        PackedTerms(generators: generators, shifts: shifts, fieldMask: fieldMask, keys: keys, coefficients: coefficients.map { $0 * c })
    }

    /// Mixes in each term's node hash and coefficient, as `Node` does for a sum's terms, without
    /// building the nodes.
    func combineTerms(into h: inout StableHasher) {
        let exponentHashes = (0...min(highestExponent, 256)).map { Expression.smallInteger($0).node.hash }
        func exponentHash(_ k: Int) -> Int { k < exponentHashes.count ? exponentHashes[k] : Node.numberHash(Rational(k)) }
        let baseHashes = generators.map { $0.node.hash }
        for (i, m) in keys.enumerated() {
            var count = 0, last = 0
            for g in shifts.indices where exponent(m, g) != 0 { count += 1; last = g }
            let termHash: Int
            if count == 1 {
                let k = exponent(m, last)
                termHash = k == 1 ? baseHashes[last] : Node.powerHash(base: baseHashes[last], exponent: exponentHash(k))
            } else {
                var t = Node.productHasher(coefficient: .one)
                for g in shifts.indices {
                    let k = exponent(m, g)
                    if k != 0 { t.combine(baseHashes[g]); t.combine(exponentHash(k)) }
                }
                termHash = t.value
            }
            h.combine(termHash); h.combine(coefficients[i].numerator); h.combine(coefficients[i].denominator)
        }
    }

    private var highestExponent: Int {
        var highest = 0
        for m in keys { for g in shifts.indices { highest = max(highest, exponent(m, g)) } }
        return highest
    }

    /// Each monomial's factor list written once, at its final size, from the generators and
    /// shared exponent nodes (building them through a reused scratch list spent half the time
    /// retaining and releasing the same few nodes).
    private func buildTerms() -> [(term: Expression, coefficient: Rational)] {
        let exponents = (0...min(highestExponent, 256)).map(Expression.smallInteger)
        var sum: [(term: Expression, coefficient: Rational)] = []
        sum.reserveCapacity(keys.count)
        shifts.withUnsafeBufferPointer { shifts in generators.withUnsafeBufferPointer { atoms in
          exponents.withUnsafeBufferPointer { exponents in
            for (i, m) in keys.enumerated() {
                var count = 0, last = 0
                for g in shifts.indices where (m >> shifts[g]) & fieldMask != 0 { count += 1; last = g }
                let term: Expression
                if count == 1 {
                    let k = Int((m >> shifts[last]) & fieldMask)
                    term = k == 1 ? atoms[last] : Expression(.power(atoms[last], k < exponents.count ? exponents[k] : Expression(k)))
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
                    term = Expression(.mul(Mul(coefficient: .one, factors: factors)))
                }
                sum.append((term, coefficients[i]))
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
