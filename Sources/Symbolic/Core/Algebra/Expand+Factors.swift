/// Writing the monomials of an expansion as canonical products directly, without `MulBuilder`.
///
/// A generator is a symbol, a function or a constant (its power k is `g^k`), or a power `b^x`
/// of such a base with a non-numeric exponent (SymEngine's expand3 has x^y, y^x, z^x), whose
/// power k is `b^(k·x)`. With distinct bases no two factors merge, so a monomial is the list of
/// its factors in base order, built without a hash map or a sort.
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
    /// than exp, π), whose canonical term order is the descending packed order. Its terms stay
    /// packed (`PackedTerms`) until they are read.
    /// - Parameter order: generator indices in the canonical order of the generators.
    func atomSum(generators: [Expression], order: [Int]) -> Expression {
        var positions = terms.indices.map { (key: terms[$0].key, position: $0) }
        positions.sort { $0.key > $1.key }
        // The zero monomial, if present, sorts last.
        var constant = Rational.zero
        if let last = positions.last, last.key == 0 {
            constant = Rational.normalised(terms[last.position].value, denominator)
            positions.removeLast()
        }
        let unitDenominator = denominator.isOne
        func coefficient(_ i: Int) -> Rational {
            let c = terms[positions[i].position].value
            return unitDenominator ? Rational(c) : Rational.normalised(c, denominator)
        }
        let atoms = order.map { generators[$0] }, shifts = order.map { UInt64((generatorCount - 1 - $0) * bits) }
        let fieldMask = UInt64(maximumExponent)
        if positions.count >= PackedTerms.minimumCount {
            let packed = PackedTerms(generators: atoms, shifts: shifts, fieldMask: fieldMask, keys: positions.map(\.key),
                                     coefficients: positions.indices.map(coefficient))
            return Expression(.add(Add(constant: constant, packed: packed)))
        }
        let highest = PackedTerms.highestExponent(shifts: shifts, fieldMask: fieldMask, keys: positions.lazy.map(\.key))
        var listed = PackedTerms.buildTerms(generators: atoms, shifts: shifts, fieldMask: fieldMask, count: positions.count,
                                            key: { positions[$0].key }, coefficient: coefficient,
                                            highestExponent: highest, hashes: nil)
        return Add.makeSorted(constant: constant, terms: &listed)
    }
}
