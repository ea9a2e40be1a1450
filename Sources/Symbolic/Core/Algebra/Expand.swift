/// Expansion: products and positive integer powers of sums are multiplied out, at every depth.
///
/// The polynomial part of the expression (over its symbols and over any non-polynomial
/// sub-expressions, which act as opaque generators) is converted to a `SparsePolynomial`
/// with packed exponents, multiplied there, and converted back once.
extension Expression {
    /// The expression with every product and positive integer power of sums multiplied out.
    /// Shared subexpressions (function arguments, bases and exponents of powers) are expanded once
    /// and stay shared in the result.
    public func expanded() -> Expression {
        // The cache for nested expansions is made when a nested part first needs it: a small
        // expansion (many of them in a recurrence) spent a tenth of its time on a cache it never used.
        var expander = Expander()
        return expander.expand(self) ?? self
    }

    /// The expansion, or nil when it could have more than `maxTerms` terms (judged from the
    /// number of generators and the degree before any work is done).
    public func expanded(maxTerms: Int) -> Expression? {
        var expander = Expander()
        expander.maxTerms = maxTerms
        return expander.expand(self)
    }

    /// The expansion within `cache.maxTerms`, or nil; parts already expanded through the same
    /// cache (function arguments, bases of powers) are not expanded again.
    func expanded(using cache: ExpansionCache) -> Expression? {
        if let hit = cache.results[self] { return hit }
        var expander = Expander()
        expander.maxTerms = cache.maxTerms
        expander.cache = cache
        let result = expander.expand(self)
        cache.results[self] = result
        return result
    }
}

/// The polynomials of the sums converted in one expansion (one packing per expansion, so either
/// table is valid throughout it).
final class SumConversions {
    var packed: [Expression: SparsePolynomial] = [:]
    var lists: [Expression: ListPolynomial] = [:]
}

/// Expansions already made, shared by the expansions of one computation: expanding every
/// nested argument of `sin(sin(…(x)…))` anew made deep nests take cubic time, and expanding each
/// occurrence of a shared subexpression apart made a DAG such as SymEngine's diff_cache
/// (e_k = e_{k-1}^(… + e_{k-1})) take exponential time and come out as a tree of equal copies,
/// which every later hash lookup compared node by node.
final class ExpansionCache {
    /// The bound on the number of terms, if any.
    let maxTerms: Int?
    var results: [Expression: Expression?] = [:]
    init(maxTerms: Int?) { self.maxTerms = maxTerms }
}

struct Expander {
    /// Refuse (return nil) when the result could exceed this many terms.
    var maxTerms: Int? = nil
    /// Where nested expansions are looked up and recorded, if anywhere.
    var cache: ExpansionCache? = nil
    /// The opaque generators (symbols, functions, non-polynomial powers), sorted by `Expression.compare`.
    private(set) var generators: [Expression] = []
    private(set) var index: [Expression: Int] = [:]
    private var deepIndex: [Expression: Int] = [:]
    /// Sums already converted in this expansion: expand6's −(a2 + … + a99) stands in 99 terms and
    /// was converted for each of them.
    let sums = SumConversions()

    mutating func expand(_ e: Expression) -> Expression? {
        switch e.kind {
        case .number, .symbol, .constant, .undefined: return e
        default: break
        }
        guard let degree = scan(e) else { return maxTerms == nil ? e : nil }
        if let limit = maxTerms {
            let terms = Expander.termBound(generators: generators.count, degree: degree, cap: limit)
            if terms > limit || !Expander.fits(e, terms: terms) { return nil }
        }
        let order = generators.indices.sorted { Expression.compare(generators[$0], generators[$1]) < 0 }
        var remap = [Int](repeating: 0, count: generators.count)
        for (new, old) in order.enumerated() { remap[old] = new }
        generators = order.map { generators[$0] }
        for (k, v) in index { index[k] = remap[v] }
        let count = max(generators.count, 1)
        let bitsNeeded = max(1, Int.bitWidth - degree.leadingZeroBitCount)
        if count * bitsNeeded <= 64 && generators.count <= 64 {
            let bits = min(64 / count, 32)
            let p = polynomial(e, bits: bits)
            return expression(from: p)
        }
        return expression(from: listPolynomial(e))
    }

    /// True when the coefficients (and the power tables behind them) of an expansion with at
    /// most `terms` terms fit the limits, judged before any work.
    static func fits(_ e: Expression, terms: Int) -> Bool {
        let limits = Limits.default
        var table = 0
        let bits = ExpansionSize.coefficientBits(e, multiplicity: 1, table: &table)
        return bits <= limits.maximumPowerBits && table <= limits.maximumExpansionBits
            && ExpansionSize.times(terms, bits) <= limits.maximumExpansionBits
    }

    /// C(n + d, n), the number of monomials of degree at most d in n generators, capped.
    static func termBound(generators n: Int, degree d: Int, cap: Int) -> Int {
        // C(n+d, i+1) = C(n+d, i)·(n+d-i)/(i+1) is exact at every step.
        var r = 1
        for i in 0..<min(n, d) {
            let (p, o) = r.multipliedReportingOverflow(by: n + d - i)
            if o { return cap + 1 }
            r = p / (i + 1)
            if r > cap { return cap + 1 }
        }
        return r
    }

    /// Registers generators and returns an upper bound on the total degree, or nil when
    /// the degree would be unreasonable (then nothing is expanded).
    private mutating func scan(_ e: Expression) -> Int? {
        switch e.kind {
        case .number: return 0
        case .add(let a):
            if let packed = a.packed {
                for g in packed.generators { addGenerator(g) }
                return packed.totalDegree
            }
            var d = 0
            for (t, _) in a.terms { guard let k = scan(t) else { return nil }; d = max(d, k) }
            return d
        case .mul(let m):
            var d = 0
            for (b, x) in m.factors {
                guard let k = scanPower(b, x) else { return nil }
                d += k
            }
            return d
        case .power(let b, let x):
            return scanPower(b, x)
        default:
            addGenerator(e)
            return 1
        }
    }

    private mutating func scanPower(_ b: Expression, _ x: Expression) -> Int? {
        if let r = x.rationalValue, r.isInteger, !r.isNegative, let k = r.numerator.intValue, b.rationalValue == nil {
            guard let d = scan(b) else { return nil }
            let (total, o) = d.multipliedReportingOverflow(by: k)
            return o || total > Limits.default.maximumExpansionDegree ? nil : total
        }
        addGenerator(Expression.product(coefficient: .one, factors: [(b, x)]))
        return 1
    }

    private mutating func addGenerator(_ g: Expression) {
        if index[g] != nil { return }
        let deep = deepExpand(g)
        if let i = deepIndex[deep] {
            index[g] = i
        } else {
            index[g] = generators.count
            deepIndex[deep] = generators.count
            generators.append(deep)
        }
    }

    /// Expands inside function arguments and non-polynomial powers (within the same limits;
    /// a part too large to expand stays as it is).
    private mutating func deepExpand(_ g: Expression) -> Expression {
        switch g.kind {
        case .function, .power: break
        default: return g
        }
        if cache == nil { cache = ExpansionCache(maxTerms: maxTerms) }
        let cache = self.cache!
        func inner(_ e: Expression) -> Expression { e.expanded(using: cache) ?? e }
        switch g.kind {
        case .function(let f, let args): return Expression.apply(f, args.map(inner))
        case .power(let b, let x): return Expression.power(inner(b), inner(x))
        default: return g
        }
    }

    private func polynomial(_ e: Expression, bits: Int) -> SparsePolynomial {
        let n = generators.count
        switch e.kind {
        case .number(let r): return .constant(r, generatorCount: n, bits: bits)
        case .add(let a):
            if let p = sums.packed[e] { return p }
            // One table for the whole sum: adding term by term rebuilt it per term (quadratic).
            // Terms that are monomials over the generators (most terms of an expanded input) go
            // into it as words, without a one-term polynomial each.
            var parts: [(SparsePolynomial, Rational)] = [(.constant(.one, generatorCount: n, bits: bits), a.constant)]
            var words: [(key: UInt64, coefficient: Rational)] = []
            words.reserveCapacity(a.terms.count)
            var denominator = Integer.one
            func addWord(_ key: UInt64, _ c: Rational) {
                words.append((key, c))
                if !c.denominator.isOne { denominator = denominator * c.denominator.dividedExactly(by: Integer.gcd(denominator, c.denominator)) }
            }
            if let packed = a.packed {
                // An earlier expansion's packed terms: each monomial's fields moved to this packing.
                let shifts = packed.generators.map { UInt64((n - 1 - index[$0]!) * bits) }
                let samePacking = shifts == packed.shifts && packed.fieldMask == UInt64((1 << bits) - 1)
                for (i, m) in packed.keys.enumerated() {
                    var key = m
                    if !samePacking {
                        key = 0
                        for g in shifts.indices { key &+= UInt64(packed.exponent(m, g)) << shifts[g] }
                    }
                    addWord(key, packed.coefficients[i])
                }
            } else {
                for (t, c) in a.terms {
                    if let key = monomialKey(t, bits: bits) {
                        addWord(key, c)
                    } else {
                        parts.append((polynomial(t, bits: bits), c))
                    }
                }
            }
            if !words.isEmpty {
                // Over the least common denominator; equal words (generators whose expansions
                // coincide) are merged by the sum below.
                var monomials = SparsePolynomial(generatorCount: n, bits: bits)
                monomials.denominator = denominator
                monomials.terms = words.map { w in
                    (w.key, denominator.isOne ? w.coefficient.numerator : w.coefficient.numerator * denominator.dividedExactly(by: w.coefficient.denominator))
                }
                parts.append((monomials, .one))
            }
            let p = SparsePolynomial.sum(parts, generatorCount: n, bits: bits)
            sums.packed[e] = p
            return p
        case .mul(let m):
            var p = SparsePolynomial.constant(m.coefficient, generatorCount: n, bits: bits)
            if let key = monomialKey(e, bits: bits) {
                p.terms[0].key = key
                return p
            }
            for (b, x) in m.factors { p = p * powerPolynomial(b, x, bits: bits) }
            return p
        case .power(let b, let x):
            return powerPolynomial(b, x, bits: bits)
        default:
            return .generator(index[e]!, generatorCount: n, bits: bits)
        }
    }

    /// The generator index and exponent of the factor `base^exponent` (exponent nil for 1) when the
    /// base is a registered atom generator and the exponent a positive machine integer, or nil.
    func generatorPower(_ base: Expression, _ exponent: Expression?) -> (index: Int, exponent: Int)? {
        var k = 1
        if let exponent {
            guard case .number(let r) = exponent.kind, r.isInteger, let v = r.numerator.intValue, v > 0 else { return nil }
            k = v
        }
        switch base.kind {
        case .symbol, .function, .constant: break
        default: return nil
        }
        guard let i = index[base] else { return nil }
        return (i, k)
    }

    /// The packed word of `t` (its coefficient aside) when it is a registered generator or a product
    /// of registered generators to positive integer powers, or nil. Such a term (most terms of an
    /// expanded input) becomes one word directly instead of a product of one-term polynomials.
    func monomialKey(_ t: Expression, bits: Int) -> UInt64? {
        let n = generators.count
        func word(_ b: Expression, _ x: Expression?) -> UInt64? {
            generatorPower(b, x).map { UInt64($0.exponent) << UInt64((n - 1 - $0.index) * bits) }
        }
        switch t.kind {
        case .symbol, .function, .constant: return word(t, nil)
        case .power(let b, let x): return word(b, x)
        case .mul(let m):
            var key: UInt64 = 0
            for (b, x) in m.factors {
                guard let w = word(b, x) else { return nil }
                key &+= w
            }
            return key
        default: return nil
        }
    }

    /// A monomial's (generator, exponent) pairs when every factor is a registered generator to a
    /// positive integer power, or nil (the list kernel's form of `monomialKey`).
    func generatorPowers(_ m: Mul) -> [(Int, Int)]? {
        var out: [(Int, Int)] = []
        out.reserveCapacity(m.factors.count)
        for (b, x) in m.factors {
            guard let p = generatorPower(b, x) else { return nil }
            out.append(p)
        }
        return out
    }

    private func powerPolynomial(_ b: Expression, _ x: Expression, bits: Int) -> SparsePolynomial {
        if let r = x.rationalValue, r.isInteger, !r.isNegative, let k = r.numerator.intValue, b.rationalValue == nil {
            if k == 0 { return .constant(.one, generatorCount: generators.count, bits: bits) }
            return polynomial(b, bits: bits).power(k)
        }
        let g = Expression.product(coefficient: .one, factors: [(b, x)])
        return .generator(index[g]!, generatorCount: generators.count, bits: bits)
    }

    /// Converts back to a canonical sum, building each monomial's product directly.
    private func expression(from p: SparsePolynomial) -> Expression {
        var direct = GeneratorFactors(generators)
        if let atoms = direct, atoms.allAtoms { return p.atomSum(generators: generators, order: atoms.order) }
        var constant = Rational.zero
        var terms: [(term: Expression, coefficient: Rational)] = []
        terms.reserveCapacity(p.terms.count)
        let dIsOne = p.denominator.isOne
        var general = AddBuilder()
        // Terms go in descending packed order (generators in canonical order), which the final
        // sort in `Add.make` mostly finds in order. The keys are sorted with their positions (plain
        // words): sorting the (key, coefficient) pairs retained and released the coefficients on
        // every move.
        var order = p.terms.indices.map { (key: p.terms[$0].key, position: $0) }
        order.sort { $0.key > $1.key }
        var factors: [(base: Expression, exponent: Expression)] = []
        for (m, position) in order {
            let c = p.terms[position].value
            let coefficient = dIsOne ? Rational(c) : Rational.normalised(c, p.denominator)
            if m == 0 { constant += coefficient; continue }
            if direct != nil {
                factors.removeAll(keepingCapacity: true)
                for i in direct!.order {
                    let k = p.exponent(m, i)
                    if k > 0 { factors.append(direct!.factor(i, k)) }
                }
                terms.append((GeneratorFactors.term(factors), coefficient))
            } else {
                var b = MulBuilder()
                b.multiply(Expression(coefficient))
                for i in 0..<generators.count {
                    let k = p.exponent(m, i)
                    if k > 0 { b.multiply(generators[i], power: k) }
                }
                general.add(b.build())
            }
        }
        if direct == nil {
            general.add(Expression(constant))
            return general.build()
        }
        return Add.make(constant: constant, terms: &terms)
    }
}

extension Expression {
    private static let smallIntegers: [Expression] = (0...256).map { Expression(Rational($0)) }

    /// A shared node for small non-negative integers, so exponents do not allocate.
    static func smallInteger(_ k: Int) -> Expression {
        k >= 0 && k <= 256 ? smallIntegers[k] : Expression(k)
    }
}
