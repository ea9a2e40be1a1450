/// The canonical total order on expressions. It never depends on hashes or memory
/// addresses, so sums and products print the same way in every run, and it is 0 only
/// for equal expressions: a tie would leave the order of a sum to the hash map it was
/// accumulated in, which differs from process to process.
extension Expression {
    private var rank: Int {
        switch node.kind {
        case .number: 0
        case .constant: 1
        case .symbol: 2
        case .derivative: 3
        case .function: 4
        case .power: 5
        case .mul: 6
        case .add: 7
        case .undefined: 8
        case .indexed: 9
        case .bigOperator: 10
        case .expectation: 11
        }
    }

    /// -1, 0 or 1: the order of factors in a product and of structurally different nodes.
    public static func compare(_ a: Expression, _ b: Expression) -> Int {
        if a.node === b.node { return 0 }
        let ra = a.rank, rb = b.rank
        if ra != rb {
            // Numbers come first, also before powers and products: `compareTerms` puts a number
            // last (a sum's constant), and deferring to it made the order cyclic (5 < y < 3y < 5),
            // so a sum's canonical order depended on the order its terms arrived in.
            if ra == 0 || rb == 0 { return ra < rb ? -1 : 1 }
            // A symbol and a power of it sort together: x < x^2 < y.
            if ra == 5 || rb == 5 || ra == 6 || rb == 6 { return compareTerms(b, a) * -1 }
            return ra < rb ? -1 : 1
        }
        switch (a.node.kind, b.node.kind) {
        case let (.number(x), .number(y)): return Rational.compare(x, y)
        case let (.constant(x), .constant(y)): return x.rawValue < y.rawValue ? -1 : (x == y ? 0 : 1)
        case let (.symbol(x), .symbol(y)): return Symbol.compare(x, y)
        case let (.derivative(e1, s1, n1), .derivative(e2, s2, n2)):
            let c = compare(e1, e2)
            if c != 0 { return c }
            let s = Symbol.compare(s1, s2)
            return s != 0 ? s : (n1 < n2 ? -1 : (n1 == n2 ? 0 : 1))
        case let (.function(f, xs), .function(g, ys)):
            if f != g {  // an enum comparison first: names are compared only when they differ
                if f.name != g.name { return f.name < g.name ? -1 : 1 }
                // `\mathrm{sinh}(x)` names an unknown function spelled like a known one: known first.
                return f.isUndefined ? 1 : -1
            }
            return compareLists(xs, ys)
        case (.power, .power), (.mul, .mul):
            return compareTerms(a, b)
        case let (.add(x), .add(y)):
            let c = x.terms.withUnsafeBufferPointer { xs in
                y.terms.withUnsafeBufferPointer { ys in
                    for i in 0..<min(xs.count, ys.count) {
                        let c = compareTerms(xs[i].term, ys[i].term)
                        if c != 0 { return c }
                        let d = Rational.compare(xs[i].coefficient, ys[i].coefficient)
                        if d != 0 { return d }
                    }
                    return 0
                }
            }
            if c != 0 { return c }
            if x.terms.count != y.terms.count { return x.terms.count < y.terms.count ? -1 : 1 }
            return Rational.compare(x.constant, y.constant)
        case let (.indexed(s, xs), .indexed(t, ys)):
            let c = Symbol.compare(s, t)
            return c != 0 ? c : compareLists(xs, ys)
        case let (.bigOperator(x), .bigOperator(y)):
            if x.operation != y.operation { return x.operation == .sum ? -1 : 1 }
            let c = compare(x.body, y.body)
            if c != 0 { return c }
            let s = Symbol.compare(x.index, y.index)
            if s != 0 { return s }
            return compareLists([x.lower ?? .undefined, x.upper ?? .undefined], [y.lower ?? .undefined, y.upper ?? .undefined])
        case let (.expectation(x), .expectation(y)):
            return compare(x, y)
        case (.undefined, .undefined):
            return 0
        case (.number, _), (.constant, _), (.symbol, _), (.derivative, _), (.function, _), (.power, _), (.mul, _),
             (.add, _), (.undefined, _), (.indexed, _), (.bigOperator, _), (.expectation, _):
            return 0  // different ranks were compared above
        }
    }

    private static func compareLists(_ xs: [Expression], _ ys: [Expression]) -> Int {
        for (x, y) in zip(xs, ys) {
            let c = compare(x, y)
            if c != 0 { return c }
        }
        return xs.count < ys.count ? -1 : (xs.count == ys.count ? 0 : 1)
    }

    /// The order of terms in a sum: lexicographic on (base, exponent) lists with higher
    /// powers first, as in `x^2 + 2xy + x + y^2 + 1`.
    public static func compareTerms(_ a: Expression, _ b: Expression) -> Int {
        if a.node === b.node { return 0 }
        if case .mul(let ma) = a.node.kind, case .mul(let mb) = b.node.kind {
            // Through buffer pointers: reading the factor pairs out of the arrays retained and
            // released each expression (most of the time of sorting a large derivative).
            let c = ma.factors.withUnsafeBufferPointer { fa in
                mb.factors.withUnsafeBufferPointer { fb in
                    let n = min(fa.count, fb.count)
                    var i = 0
                    while i < n {
                        // Shared factors (a derivative's terms share most of theirs) are equal at sight.
                        if fa[i].base.node === fb[i].base.node && fa[i].exponent.node === fb[i].exponent.node {
                            i += 1
                            continue
                        }
                        let c = compareFactor(fa[i].base, fa[i].exponent, fb[i].base, fb[i].exponent)
                        if c != 0 { return c }
                        i += 1
                    }
                    return fa.count == fb.count ? 0 : (fa.count > fb.count ? -1 : 1)
                }
            }
            if c != 0 { return c }
            return Rational.compare(ma.coefficient, mb.coefficient)
        }
        let (ba, xa, na) = leadingFactor(a), (bb, xb, nb) = leadingFactor(b)
        if na == 0 || nb == 0 {
            if na != nb { return na > nb ? -1 : 1 }
            return compare(a, b)
        }
        let c = compareFactor(ba, xa, bb, xb)
        if c != 0 { return c }
        if na != nb { return na > nb ? -1 : 1 }
        // One factor each, the same one: `x` and `-x`, `x^2` and `3x^2` differ in the coefficient only.
        return Rational.compare(coefficient(a), coefficient(b))
    }

    /// The numeric coefficient of a term (1 unless it is a product).
    private static func coefficient(_ e: Expression) -> Rational {
        if case .mul(let m) = e.kind { return m.coefficient }
        return .one
    }

    @inline(__always)
    private static func compareFactor(_ b1: Expression, _ x1: Expression, _ b2: Expression, _ x2: Expression) -> Int {
        let c = compareBases(b1, b2)
        if c != 0 { return c }
        return -compareExponents(x1, x2)
    }

    /// The first (base, exponent) of a term and its number of factors (0 for a number).
    private static func leadingFactor(_ e: Expression) -> (Expression, Expression, Int) {
        switch e.kind {
        case .mul(let m): return (m.factors[0].base, m.factors[0].exponent, m.factors.count)
        case .power(let b, let x): return (b, x, 1)
        case .number: return (e, .one, 0)
        default: return (e, .one, 1)
        }
    }

    private static func compareBases(_ a: Expression, _ b: Expression) -> Int {
        if a.node === b.node { return 0 }
        let ra = a.rank, rb = b.rank
        if ra != rb { return ra < rb ? -1 : 1 }
        return compare(a, b)
    }

    private static func compareExponents(_ a: Expression, _ b: Expression) -> Int {
        if case .number(let x) = a.kind, case .number(let y) = b.kind { return Rational.compare(x, y) }
        return compare(a, b)
    }

}
