/// Whether a proof rests on the convention that `u^v` with a variable exponent needs `u > 0`.
///
/// Under `DomainRules`, `(x^n)^m = x^(nm)` holds wherever both sides are defined (x > 0). Read
/// pointwise, as a student who means integer `n` does, `x = -1, n = 2, m = 1/2` gives 1 and -1.
/// The checker then does not call the claim valid: it names the convention and the point.
///
/// The probe is a search, not a list of points: the letters of the exponents take small integer,
/// half-integer and third values, the other letters values of every sign and size (negative,
/// in (0, 1), above 1), and the combinations are tried in shells of growing index, so every
/// letter meets every small value whatever the letters are called. With the exponents fixed, a
/// power has a number for its exponent and `DomainRules` reads it pointwise (odd roots of
/// negative numbers are real); both sides are compared exactly or by certified intervals.
enum PointwisePowers {
    /// The bases of powers with a variable exponent that are not known to be positive.
    static func variableBases(_ a: Expression, _ b: Expression) -> [Expression] {
        variablePowers(a, b).map(\.base)
    }

    /// The powers with a variable exponent whose base is not known to be positive, once each.
    static func variablePowers(_ a: Expression, _ b: Expression) -> [(base: Expression, exponent: Expression)] {
        var out: [(base: Expression, exponent: Expression)] = []
        var seen = Set<Expression>()
        let memo = NodeMemo<Bool>()
        func walk(_ e: Expression) {
            // Each node once: shared subexpressions are not walked again.
            _ = memo.value(e) { e in
                if case .power(let u, let v) = e.kind, v.rationalValue == nil, !positivePointwise(u), seen.insert(u).inserted { out.append((u, v)) }
                if case .mul(let m) = e.kind {
                    for (u, v) in m.factors where v.rationalValue == nil && !positivePointwise(u) && seen.insert(u).inserted { out.append((u, v)) }
                }
                for c in e.children { walk(c) }
                return true
            }
        }
        walk(a)
        walk(b)
        return out
    }

    /// Positive without the convention itself (`x^n` is positive only because of it).
    static func positivePointwise(_ u: Expression) -> Bool {
        u.isPositive && !u.hasVariablePower
    }

    /// The letters written outside every variable exponent (`x` in `(x^n)^m`, not `n` or `m`).
    static func outsideExponents(_ e: Expression) -> Set<Symbol> {
        var out = Set<Symbol>()
        let memo = NodeMemo<Bool>()
        func walk(_ e: Expression) {
            _ = memo.value(e) { e in
                switch e.kind {
                case .symbol(let s): out.insert(s)
                case .power(let u, let v) where v.rationalValue == nil: walk(u)
                case .mul(let m):
                    for (u, v) in m.factors {
                        walk(u)
                        if v.rationalValue != nil { walk(v) }
                    }
                    walk(Expression(m.coefficient))
                default: for c in e.children { walk(c) }
                }
                return true
            }
        }
        walk(e)
        return out
    }

    /// Values tried for the letters of exponents: small integers, halves and thirds of both signs.
    static let exponentValues: [Rational] = [2, Rational(1, 2)!, -2, 3, Rational(1, 3)!, -1, Rational(-1, 2)!, Rational(2, 3)!,
                                             Rational(3, 2)!, 1, -3, 4, Rational(-1, 3)!, Rational(5, 2)!]
    /// Values tried for the other letters: negative, in (0, 1) and above 1.
    static let baseValues: [Rational] = [-1, -2, Rational(1, 3)!, Rational(-1, 2)!, 2, -3, Rational(1, 2)!, Rational(-3, 2)!, 3,
                                         Rational(-2, 3)!, Rational(2, 3)!, 5]
    /// The most points the probe evaluates for one claim.
    static let maximumPoints = 2_000

    /// A point where both sides, read pointwise, are certainly defined and differ and the written
    /// conditions other than the positive bases hold; nil when the search finds none.
    static func counterexample(_ a: Expression, _ b: Expression, _ domain: Domain) -> Counterexample? {
        let powers = variablePowers(a, b)
        if powers.isEmpty { return nil }
        let bases = powers.map(\.base)
        let symbols = Array(Set(a.freeSymbols + b.freeSymbols)).sorted { Symbol.compare($0, $1) < 0 }
        // Letters written only inside variable exponents take exponent values; the rest base values.
        let exponentLetters = Set(powers.flatMap { $0.exponent.freeSymbols }).subtracting(outsideExponents(a).union(outsideExponents(b)))
        let sizes = symbols.map { exponentLetters.contains($0) ? exponentValues.count : baseValues.count }
        // The written conditions other than the positive bases themselves still apply, read pointwise.
        let others = Domain(domain.conditions.filter { c in
            if case .positive(let u) = c, bases.contains(u) { return false }
            return true
        })
        let checker = EquivalenceChecker()
        var tried = 0
        var found: Counterexample?
        Shells.enumerate(sizes: sizes) { index in
            tried += 1
            if tried > maximumPoints { return false }
            var exponents: [Symbol: Expression] = [:]
            var point: [Symbol: Rational] = [:]
            for (j, s) in symbols.enumerated() {
                if exponentLetters.contains(s) { exponents[s] = Expression(exponentValues[index[j]]) } else { point[s] = baseValues[index[j]] }
            }
            // With its exponent a number, a power is read by `DomainRules` as the real power.
            let (x, y) = (a.substituting(exponents), b.substituting(exponents))
            guard let ce = checker.compare(x, y, at: point, symbols, domain: others.substituting(exponents)) else { return true }
            let all = symbols.map { s in (s, point[s] ?? exponents[s]!.rationalValue!) }
            found = Counterexample(point: all, lhs: ce.lhs, rhs: ce.rhs)
            return false
        }
        return found
    }
}

extension Expression {
    /// True when a power with an exponent that is not a number occurs.
    var hasVariablePower: Bool {
        switch kind {
        case .power(let u, let v): return v.rationalValue == nil || u.hasVariablePower
        case .mul(let m): return m.factors.contains { $0.exponent.rationalValue == nil || $0.base.hasVariablePower }
        default: return children.contains { $0.hasVariablePower }
        }
    }
}

/// Tuples of indices `(i_1, …, i_k)` with `i_j < sizes[j]`, in shells of growing largest index
/// (all tuples within `0…r` before any with an index above `r`), so that a bounded prefix of the
/// order treats every position alike.
enum Shells {
    /// Calls `body` on each tuple in shell order until it returns false or the tuples run out.
    static func enumerate(sizes: [Int], _ body: ([Int]) -> Bool) {
        if sizes.isEmpty { _ = body([]); return }
        guard let largest = sizes.max(), sizes.allSatisfy({ $0 > 0 }) else { return }
        var tuple = Array(repeating: 0, count: sizes.count)
        for r in 0..<largest {
            // Tuples with every index ≤ r and some index equal to r.
            var going = true
            func fill(_ j: Int, _ reached: Bool) {
                guard going else { return }
                if j == sizes.count {
                    if reached { going = body(tuple) }
                    return
                }
                let top = min(r, sizes[j] - 1)
                for i in 0...top {
                    tuple[j] = i
                    fill(j + 1, reached || i == r)
                    if !going { return }
                }
            }
            fill(0, false)
            if !going { return }
        }
    }
}
