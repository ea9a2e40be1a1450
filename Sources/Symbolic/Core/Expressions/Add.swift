/// A canonical sum: `constant + Σ coefficient·term`.
///
/// Invariants: every term is a non-numeric expression that is not itself a sum and, if
/// a product, has coefficient 1; coefficients are non-zero; terms are unique and sorted
/// by `Expression.compareTerms`; there are at least two summands in all.
///
/// An expansion's terms may be held packed (see `PackedTerms`) and built when first read; that
/// is invisible here: `terms`, the hash and equality are those of the sum built term by term.
public final class Add: Sendable {
    public let constant: Rational
    private let listedTerms: [(term: Expression, coefficient: Rational)]
    /// The terms as packed monomials, when the sum came out of an expansion over atoms.
    let packed: PackedTerms?

    init(constant: Rational, terms: [(term: Expression, coefficient: Rational)]) {
        self.constant = constant
        self.listedTerms = terms
        self.packed = nil
    }

    /// - Precondition: at least two summands in all (`packed.count` terms and the constant).
    init(constant: Rational, packed: PackedTerms) {
        self.constant = constant
        self.listedTerms = []
        self.packed = packed
    }

    /// The terms, sorted by `Expression.compareTerms`.
    public var terms: [(term: Expression, coefficient: Rational)] {
        guard let packed else { return listedTerms }
        return packed.terms
    }

    /// The number of terms (without building packed ones).
    public var termCount: Int { packed?.count ?? listedTerms.count }

    /// The same terms with another constant (packed terms stay packed).
    func withConstant(_ c: Rational) -> Add {
        if let packed { return Add(constant: c, packed: packed) }
        return Add(constant: c, terms: listedTerms)
    }
}

/// Accumulates summands into canonical form: like terms are merged through one hash map,
/// so building a sum of n terms costs O(n log n) for the final sort and no more. Terms are
/// kept in the order they first arrived, never in the hash map's order (which depends on
/// the process's hash seed).
public struct AddBuilder {
    public private(set) var constant: Rational = .zero
    private var index: [Expression: Int] = [:]
    private var entries: [(term: Expression, coefficient: Rational)] = []
    private var isUndefined = false

    /// Up to this many distinct terms are matched by a linear scan (the hash and a comparison
    /// of stored hashes), without a hash map: the product rule's and small sums' builders
    /// allocated and filled one for two or three terms.
    private static let smallCount = 8

    /// True when nothing but zero has been added.
    var isEmpty: Bool { entries.isEmpty && constant.isZero && !isUndefined }

    public init(capacity: Int = 0) {
        if capacity > Self.smallCount { index.reserveCapacity(capacity) }
        entries.reserveCapacity(capacity)
    }

    /// Adds `factor · e`.
    public mutating func add(_ e: Expression, times factor: Rational = .one) {
        if factor.isZero { return }
        switch e.kind {
        case .number(let r):
            constant += r * factor
        case .add(let a):
            constant += a.constant * factor
            for (t, c) in a.terms { addTerm(t, c * factor) }
        case .mul(let m) where !m.coefficient.isOne:
            addTerm(m.unitTerm, m.coefficient * factor)
        case .undefined:
            isUndefined = true
        default:
            addTerm(e, factor)
        }
    }

    /// Adds `coefficient · term` for a term already in canonical term form.
    mutating func addTerm(_ term: Expression, _ coefficient: Rational) {
        if entries.count < Self.smallCount {
            for i in entries.indices where entries[i].term == term {
                entries[i].coefficient += coefficient
                return
            }
            if entries.isEmpty && entries.capacity == 0 { entries.reserveCapacity(4) }  // no regrowth at 1, 2, 4 terms
            entries.append((term, coefficient))
            if entries.count == Self.smallCount {
                for (i, e) in entries.enumerated() { index[e.term] = i }
            }
            return
        }
        if let i = index[term] {
            entries[i].coefficient += coefficient
        } else {
            index[term] = entries.count
            entries.append((term, coefficient))
        }
    }

    /// The canonical expression for the accumulated sum.
    public func build() -> Expression {
        if isUndefined { return .undefined }
        var terms = nonZeroEntries
        return Add.make(constant: constant, terms: &terms)
    }

    /// The accumulated sum's content and primitive part (`Add.makePrimitive`).
    func buildPrimitive() -> (content: Rational, sum: Expression) {
        if isUndefined { return (.one, .undefined) }
        var terms = nonZeroEntries
        return Add.makePrimitive(constant: constant, terms: &terms)
    }

    /// The entries whose coefficients did not cancel (the entries themselves, not a copy, when none did).
    private var nonZeroEntries: [(term: Expression, coefficient: Rational)] {
        entries.contains { $0.coefficient.isZero } ? entries.filter { !$0.coefficient.isZero } : entries
    }
}

extension Add {
    /// The rational content (gcd of numerators over lcm of denominators, signed so that the
    /// primitive part has a positive leading coefficient) and the primitive part; nil when the
    /// content is 1.
    func contentAndPrimitivePart() -> (Rational, Expression)? {
        guard let content = Add.content(constant: constant, terms: terms) else { return nil }
        var scaled = terms
        return (content, Add.dividing(constant: constant, terms: &scaled, by: content))
    }

    /// The sum of sorted terms with the constant and every coefficient divided by `content`
    /// (dividing keeps the terms, so their order and number stay).
    private static func dividing(constant: Rational, terms: inout [(term: Expression, coefficient: Rational)],
                                 by content: Rational) -> Expression {
        let inverse = content.inverse!
        for i in terms.indices { terms[i].coefficient *= inverse }
        return Expression(.add(Add(constant: constant * inverse, terms: terms)))
    }

    /// The content of the sum `constant + Σ terms` (terms sorted, at least two summands), or nil
    /// when it is 1.
    static func content(constant: Rational, terms: [(term: Expression, coefficient: Rational)]) -> Rational? {
        let positiveConstant = prefersPositiveConstant(constant: constant, terms: terms)
        let negative = positiveConstant ? constant.isNegative : terms[0].coefficient.isNegative
        if hasUnitContent(constant: constant, terms: terms) && !negative {
            return nil  // the content is 1: no gcd to compute (every product with a sum factor asks)
        }
        var g = Integer.zero, l = Integer.one
        for (_, c) in terms { g = Integer.gcd(g, c.numerator); l = Integer.lcm(l, c.denominator) }
        if !constant.isZero { g = Integer.gcd(g, constant.numerator); l = Integer.lcm(l, constant.denominator) }
        var content = Rational(g, l)!
        // The sign: `1 - σ(z)` and `1 - tanh²z` keep a positive constant (the textbook forms);
        // otherwise the leading coefficient is positive (`x - 1`).
        if negative { content = -content }
        return content.isOne ? nil : content
    }

    /// True when the content is ±1 at sight: integer coefficients, one of them ±1.
    private static func hasUnitContent(constant: Rational, terms: [(term: Expression, coefficient: Rational)]) -> Bool {
        guard constant.denominator.isOne else { return false }
        var unit = constant.numerator.intValue.map { $0 == 1 || $0 == -1 } ?? false
        for (_, c) in terms {
            guard c.denominator.isOne else { return false }
            if !unit, let v = c.numerator.intValue, v == 1 || v == -1 { unit = true }
        }
        return unit
    }

    /// True for `c ± f(…)…` sums: a constant plus terms led by function applications.
    var prefersPositiveConstant: Bool { Add.prefersPositiveConstant(constant: constant, terms: terms) }

    private static func prefersPositiveConstant(constant: Rational, terms: [(term: Expression, coefficient: Rational)]) -> Bool {
        guard !constant.isZero else { return false }
        return terms.allSatisfy { t in
            switch t.term.kind {
            case .function: return true
            case .power(let b, _): if case .function = b.kind { return true }; return false
            case .mul(let m): if case .function = m.factors[0].base.kind { return true }; return false
            default: return false
            }
        }
    }

    /// Builds a sum from distinct canonical terms with non-zero coefficients, in any order.
    static func make(constant: Rational, terms: inout [(term: Expression, coefficient: Rational)]) -> Expression {
        if terms.isEmpty { return Expression(constant) }
        if terms.count == 1 && constant.isZero { return Expression.scale(terms[0].term, by: terms[0].coefficient) }
        sortTerms(&terms)
        return Expression(.add(Add(constant: constant, terms: terms)))
    }

    /// The content and primitive part of the sum (`make`, then `contentAndPrimitivePart`, with
    /// one sum built instead of two): the form a product holds it in.
    static func makePrimitive(constant: Rational, terms: inout [(term: Expression, coefficient: Rational)]) -> (content: Rational, sum: Expression) {
        if terms.isEmpty || (terms.count == 1 && constant.isZero) { return (.one, make(constant: constant, terms: &terms)) }
        sortTerms(&terms)
        guard let content = Add.content(constant: constant, terms: terms) else {
            return (.one, Expression(.add(Add(constant: constant, terms: terms))))
        }
        return (content, dividing(constant: constant, terms: &terms, by: content))
    }

    /// Sorts distinct terms by `Expression.compareTerms`.
    private static func sortTerms(_ terms: inout [(term: Expression, coefficient: Rational)]) {
        // Producers such as `expand` and `derivative` usually deliver sorted terms: check first.
        var sorted = true
        for i in terms.indices.dropFirst() where Expression.compareTerms(terms[i - 1].term, terms[i].term) >= 0 {
            sorted = false
            break
        }
        if !sorted {
            // Sorting indices, then permuting once: moving the (term, coefficient) pairs inside the
            // sort would retain and release both on every move.
            let order = terms.withUnsafeBufferPointer { t in
                t.indices.sorted { Expression.compareTerms(t[$0].term, t[$1].term) < 0 }
            }
            terms = order.map { terms[$0] }
        }
    }

    /// `make` for terms its producer already delivers in canonical order (the expansion kernels,
    /// whose monomial order is the term order): checking the order cost a comparison of
    /// products per term, about a third of converting a large expansion back. Checked in debug builds.
    static func makeSorted(constant: Rational, terms: inout [(term: Expression, coefficient: Rational)]) -> Expression {
        if terms.count < 2 { return make(constant: constant, terms: &terms) }
        assert(terms.indices.dropFirst().allSatisfy { Expression.compareTerms(terms[$0 - 1].term, terms[$0].term) < 0 },
               "terms out of canonical order")
        return Expression(.add(Add(constant: constant, terms: terms)))
    }

    /// The summands as expressions, in canonical order, constant last.
    public var summands: [Expression] {
        var out = terms.map { Expression.scale($0.term, by: $0.coefficient) }
        if !constant.isZero { out.append(Expression(constant)) }
        return out
    }
}

extension Expression {
    /// The canonical sum of `items`.
    public static func sum<S: Sequence>(_ items: S) -> Expression where S.Element == Expression {
        var b = AddBuilder(capacity: items.underestimatedCount)
        // The first few numbers are added as they come; past them, all are summed at the end by
        // binary splitting, which keeps the operands balanced (5,000 fractions grow too large to
        // add one by one). The list was an allocation per sum of a handful of numbers.
        let runningLimit = 8
        var running = Rational.zero, runningCount = 0
        var numbers: [Rational] = []
        for e in items {
            guard case .number(let r) = e.kind else { b.add(e); continue }
            if runningCount < runningLimit {
                running += r
                runningCount += 1
            } else {
                numbers.append(r)
            }
        }
        if !numbers.isEmpty { numbers.append(running); running = Rational.sum(numbers) }
        if runningCount == 0 { return b.build() }
        if b.isEmpty { return Expression(running) }
        b.add(Expression(running))
        return b.build()
    }

    /// `coefficient · term`, for a term in canonical term form (never a sum or a number).
    static func scale(_ term: Expression, by coefficient: Rational) -> Expression {
        if coefficient.isOne { return term }
        if coefficient.isZero { return .zero }
        switch term.kind {
        case .mul(let m):
            return Expression(.mul(Mul(coefficient: m.coefficient * coefficient, factors: m.factors)))
        case .power(let b, let e):
            return Expression(.mul(Mul(coefficient: coefficient, factors: [(b, e)])))
        case .number(let r):
            return Expression(r * coefficient)
        case .add:
            return term * Expression(coefficient)
        default:
            return Expression(.mul(Mul(coefficient: coefficient, factors: [(term, .one)])))
        }
    }
}
