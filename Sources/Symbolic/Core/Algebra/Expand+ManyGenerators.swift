/// Expansion over more generators than one packed exponent word holds: the polynomial part is
/// converted to a `ListPolynomial` (monomials as sorted (generator, exponent) lists), multiplied
/// there and converted back once, as the packed path does with `SparsePolynomial`.
extension Expander {
    func listPolynomial(_ e: Expression) -> ListPolynomial {
        switch e.kind {
        case .number(let r): return .constant(r)
        case .add(let a):
            if let p = sums.lists[e] { return p }
            var parts: [(ListPolynomial, Rational)] = [(.constant(.one), a.constant)]
            parts.reserveCapacity(a.terms.count + 1)
            for (t, c) in a.terms { parts.append((listPolynomial(t), c)) }
            let p = ListPolynomial.sum(parts)
            sums.lists[e] = p
            return p
        case .mul(let m):
            if let powers = generatorPowers(m), !m.coefficient.isZero {
                var words = powers.map { UInt64($0.0) << 32 | UInt64($0.1) }
                words.sort()
                // Two bases may stand for one generator (their deep expansions agree): merge them.
                var merged: [UInt64] = []
                for w in words {
                    if let last = merged.last, last >> 32 == w >> 32 { merged[merged.count - 1] = last &+ (w & 0xFFFF_FFFF) } else { merged.append(w) }
                }
                var p = ListPolynomial()
                p.append(merged, m.coefficient.numerator)
                p.denominator = m.coefficient.denominator
                return p
            }
            var p = ListPolynomial.constant(m.coefficient)
            for (b, x) in m.factors { p = p * listPowerPolynomial(b, x) }
            return p
        case .power(let b, let x):
            return listPowerPolynomial(b, x)
        default:
            return .generator(index[e]!)
        }
    }

    private func listPowerPolynomial(_ b: Expression, _ x: Expression) -> ListPolynomial {
        if let r = x.rationalValue, r.isInteger, !r.isNegative, let k = r.numerator.intValue, b.rationalValue == nil {
            if k == 0 { return .constant(.one) }
            return listPolynomial(b).power(k)
        }
        return .generator(index[Expression.product(coefficient: .one, factors: [(b, x)])]!)
    }

    /// Converts back to a canonical sum. With atomic generators (symbols, functions, constants,
    /// sorted) each monomial is its product directly and the terms come out in canonical order.
    func expression(from p: ListPolynomial) -> Expression {
        var direct = GeneratorFactors(generators)
        if direct?.isIdentityOrder == false { direct = nil }
        var constant = Rational.zero
        var terms: [(term: Expression, coefficient: Rational)] = []
        terms.reserveCapacity(p.count)
        var general = AddBuilder()
        var factors: [(base: Expression, exponent: Expression)] = []
        for i in p.canonicalOrder() {
            let c = p.coefficients[i]
            let coefficient = p.denominator.isOne ? Rational(c) : Rational.normalised(c, p.denominator)
            let monomial = p.monomial(i)
            if monomial.isEmpty { constant += coefficient; continue }
            if direct != nil {
                factors.removeAll(keepingCapacity: true)
                for w in monomial { factors.append(direct!.factor(Int(w >> 32), Int(w & 0xFFFF_FFFF))) }
                terms.append((GeneratorFactors.term(factors), coefficient))
            } else {
                var b = MulBuilder()
                b.multiply(Expression(coefficient))
                for w in monomial { b.multiply(generators[Int(w >> 32)], power: Int(w & 0xFFFF_FFFF)) }
                general.add(b.build())
            }
        }
        if direct == nil {
            general.add(Expression(constant))
            return general.build()
        }
        // With atoms, `canonicalOrder` is the canonical term order.
        if direct!.allAtoms { return Add.makeSorted(constant: constant, terms: &terms) }
        return Add.make(constant: constant, terms: &terms)
    }
}
