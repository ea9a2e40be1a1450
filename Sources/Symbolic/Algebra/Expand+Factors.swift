/// Writing the monomials of an expansion as canonical products directly, without `MulBuilder`.
///
/// A generator is a symbol, a function or a constant (its power k is `g^k`), or a power `b^x`
/// of such a base with a non-numeric exponent (SymEngine's expand3 has x^y, y^x, z^x), whose
/// power k is `b^(k·x)`. With distinct bases no two factors merge, so a monomial is the list of
/// its factors in base order: building each through a hash map and a sort took 73% of expand3.
struct GeneratorFactors {
    private let bases: [Expression]
    /// The exponent of each generator's base, nil for an atom (exponent 1).
    private let exponents: [Expression?]
    /// Generator indices in the canonical order of their bases.
    let order: [Int]
    /// True when `order` is the identity.
    let isIdentityOrder: Bool
    /// True when every generator is an atom: then the packed and list kernels' monomial orders
    /// are the canonical term order.
    let allAtoms: Bool
    /// `k·x` for power generators, by `i << 32 | k`.
    private var scaled: [Int: Expression] = [:]

    /// Nil when a generator is of another kind or two generators share a base.
    init?(_ generators: [Expression]) {
        var bases: [Expression] = [], exponents: [Expression?] = []
        for g in generators {
            switch g.kind {
            case .symbol, .function, .constant:
                if case .function(.exp, _) = g.kind { return nil }
                bases.append(g); exponents.append(nil)
            case .power(let b, let x) where Expression.mergesPlainly(b) && x.rationalValue == nil:
                bases.append(b); exponents.append(x)
            default:
                return nil
            }
        }
        if Set(bases).count != bases.count { return nil }
        self.bases = bases
        self.exponents = exponents
        order = bases.indices.sorted { Expression.compare(bases[$0], bases[$1]) < 0 }
        isIdentityOrder = order.elementsEqual(bases.indices)
        allAtoms = exponents.allSatisfy { $0 == nil }
    }

    /// The factor for generator `i` to the power `k ≥ 1`.
    mutating func factor(_ i: Int, _ k: Int) -> (base: Expression, exponent: Expression) {
        guard let x = exponents[i] else { return (bases[i], Expression.smallInteger(k)) }
        if k == 1 { return (bases[i], x) }
        let key = i << 32 | k
        if let e = scaled[key] { return (bases[i], e) }
        let e = Expression(k) * x
        scaled[key] = e
        return (bases[i], e)
    }

    /// The term (coefficient 1) with these factors, in base order.
    static func term(_ factors: [(base: Expression, exponent: Expression)]) -> Expression {
        if factors.count == 1 {
            return factors[0].exponent.isOne ? factors[0].base : Expression(.power(factors[0].base, factors[0].exponent))
        }
        return Expression(.mul(Mul(coefficient: .one, factors: factors)))
    }
}

extension SparsePolynomial {
    /// The canonical sum of this polynomial over atom generators (symbols, functions other
    /// than exp, π), which are its canonical term order by descending packed key.
    ///
    /// Each monomial's factor list is written once, at its final size, from the generators and
    /// shared exponent nodes: building the 591,235 terms of a sparse product through a reused
    /// scratch list and a factor lookup per generator spent half its time retaining and
    /// releasing the same few nodes.
    /// - Parameter order: generator indices in the canonical order of the generators.
    func atomSum(generators: [Expression], order: [Int]) -> Expression {
        let shifts = order.map { UInt64((generatorCount - 1 - $0) * bits) }
        let atoms = order.map { generators[$0] }
        let fieldMask = UInt64(maximumExponent)
        // Shared exponent nodes up to the largest exponent present (at most 256; larger ones are
        // built where they occur): a fixed table of 257 cost more than a small expansion itself.
        var highest: UInt64 = 0
        for (m, _) in terms { for s in shifts { highest = max(highest, (m >> s) & fieldMask) } }
        let exponents = (0...min(Int(highest), 256)).map(Expression.smallInteger)
        var positions = terms.indices.map { (key: terms[$0].key, position: $0) }
        positions.sort { $0.key > $1.key }
        var constant = Rational.zero
        var sum: [(term: Expression, coefficient: Rational)] = []
        sum.reserveCapacity(terms.count)
        let unitDenominator = denominator.isOne
        shifts.withUnsafeBufferPointer { shifts in atoms.withUnsafeBufferPointer { atoms in
          exponents.withUnsafeBufferPointer { exponents in
            for (m, position) in positions {
                let c = terms[position].value
                let coefficient = unitDenominator ? Rational(c) : Rational.normalised(c, denominator)
                if m == 0 { constant += coefficient; continue }
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
                sum.append((term, coefficient))
            }
          }
        } }
        return Add.makeSorted(constant: constant, terms: &sum)
    }
}
