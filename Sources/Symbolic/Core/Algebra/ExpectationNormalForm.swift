/// What a document says about its random quantities: Gaussian families (`a_i \sim \mathcal{N}(0, 1)`,
/// entries independent of one another), whether different families are independent ("independent",
/// "i.i.d."), and the convention that `X`, `Y`, `Z` (with any subscript) are random variables of
/// unknown distribution.
public struct ProbabilityModel: Sendable {
    public struct Gaussian: Sendable {
        public let mean: Expression
        public let variance: Expression
        public init(mean: Expression, variance: Expression) { self.mean = mean; self.variance = variance }
    }
    /// Gaussian families by their name without subscript (`a` for `a_i`).
    public var gaussians: [Symbol: Gaussian] = [:]
    /// Different families (and the unknown-distribution variables) are independent of one another.
    public var independent = false
    /// Names known not to be random (a dimension `D`, a weight), wherever they are written.
    public var constants: Set<Symbol> = []
    /// Unknown-distribution variables taking two values with probability 1/2 each (a witness
    /// distribution for counterexamples); empty for the document's own model.
    package var twoPoint: [Symbol: (Rational, Rational)] = [:]

    public init() {}

    /// The Gaussian family of a name (`a_3`, `a_i`, `a`).
    package func gaussian(_ s: Symbol) -> Gaussian? { gaussians[s.family] ?? gaussians[s] }

    /// Random variables of unknown distribution: by convention `X`, `Y`, `Z`.
    package func isUnknownRandom(_ s: Symbol) -> Bool { ["X", "Y", "Z"].contains(s.name) && s.accent == nil && gaussian(s) == nil }

    package func isRandom(_ s: Symbol) -> Bool { gaussian(s) != nil || isUnknownRandom(s) }
    var isEmpty: Bool { gaussians.isEmpty }
}

/// Expectations computed under a `ProbabilityModel`: linearity (the body expanded), constants
/// taken out, products of sums written as nested sums, independent groups factorised, moments
/// of zero-mean Gaussian families by Isserlis' theorem with `E[a_u a_v] = σ² δ_{uv}`.
/// What remains (moments of unknown distributions) stays as `E[monomial]`.
/// Every rewrite is an identity under the model, so equal results prove equality.
package enum ExpectationNormalForm {
    /// Why an expectation cannot be computed soundly (a name not known to be random or constant).
    package struct Unclassified: Error { package let symbol: Symbol }

    /// `e` with every expectation computed; `constants` are the names known not to be random.
    package static func normalize(_ e: Expression, _ model: ProbabilityModel, constants: Set<Symbol>) throws(Unclassified) -> Expression {
        var failure: Unclassified? = nil
        let out = e.transformed { node in
            guard failure == nil, case .expectation(let body) = node.kind else { return node }
            do throws(Unclassified) { return try expectation(body, model, constants) } catch { failure = error; return node }
        }
        if let failure { throw failure }
        return out
    }

    private static func expectation(_ body: Expression, _ model: ProbabilityModel, _ constants: Set<Symbol>) throws(Unclassified) -> Expression {
        guard let expanded = body.expanded(maxTerms: 10_000) else { return Expression.expectation(body) }
        var out = AddBuilder()
        for term in expanded.summandList {
            if let (opened, inner) = openingSums(term) {
                // E[∏_k ∑_{i_k} f_k] = ∑_{i_1} … ∑_{i_n} E[∏_k f_k(i_k)]: the expectation is taken
                // inside, before the sums close again (closing first would factor them back out).
                var e = try expectation(inner, model, constants)
                for (fresh, o) in opened.reversed() { e = Expression.bigOperator(.sum, index: fresh, lower: o.lower, upper: o.upper, body: e) }
                out.add(e)
                continue
            }
            out.add(try monomial(term, model, constants))
        }
        return out.build()
    }

    /// A term with sums among its factors (powers up to the fourth), each opened at a fresh
    /// index: the opened indices with their sums, and the product of the bodies and the rest.
    static func openingSums(_ term: Expression) -> (opened: [(Symbol, BigOperator)], inner: Expression)? {
        var factors: [(Expression, Expression)] = []
        var c = Rational.one
        switch term.kind {
        case .mul(let m): factors = m.factors; c = m.coefficient
        case .power(let b, let x): factors = [(b, x)]
        case .bigOperator: factors = [(term, .one)]
        default: return nil
        }
        var sums: [BigOperator] = [], rest = Expression(c)
        for (b, x) in factors {
            if case .bigOperator(let o) = b.kind, o.operation == .sum, let r = x.rationalValue, r.isInteger,
               let k = r.numerator.intValue, k >= 1, k <= 4 {
                sums += Array(repeating: o, count: k)
            } else { rest = rest * Expression.power(b, x) }
        }
        guard !sums.isEmpty else { return nil }
        var inner = rest
        var opened: [(Symbol, BigOperator)] = []
        for (n, o) in sums.enumerated() {
            let fresh = Symbol.openedIndex((term.node.hash &+ n) & 0xffff_ffff)
            inner = inner * o.body(at: Expression(fresh))
            opened.append((fresh, o))
        }
        return (opened, inner)
    }

    /// A name known not to be random: listed, a member of a listed family, or an opened index.
    static func isConstant(_ s: Symbol, _ constants: Set<Symbol>) -> Bool {
        constants.contains(s) || constants.contains(s.family) || s.name.unicodeScalars.first == "\u{3}"
    }

    /// E[c · ∏ factors] for one expanded term.
    private static func monomial(_ term: Expression, _ model: ProbabilityModel, _ constants: Set<Symbol>) throws(Unclassified) -> Expression {
        var factors: [(Expression, Expression)] = []
        var coefficient = Expression.one
        if case .mul(let m) = term.kind { factors = m.factors; coefficient = Expression(m.coefficient) }
        else if case .power(let b, let x) = term.kind { factors = [(b, x)] }
        else { factors = [(term, .one)] }
        var gaussian: [Symbol: [Expression]] = [:], unknown: [Symbol: [(Expression, Expression)]] = [:]
        var other = Expression.one
        for (b, x) in factors {
            let randoms = b.freeSymbols.filter { model.isRandom($0) } + x.freeSymbols.filter { model.isRandom($0) }
            if randoms.isEmpty && !(b.containsRandomMember(model) || x.containsRandomMember(model)) {
                for s in b.freeSymbols + x.freeSymbols where !isConstant(s, constants) { throw Unclassified(symbol: s) }
                coefficient = coefficient * Expression.power(b, x)
                continue
            }
            if let s = b.randomName(model), let g = model.gaussian(s), let k = x.rationalValue?.numerator.intValue,
               x.rationalValue!.isInteger, k >= 1, g.mean.isZero {
                gaussian[s.family, default: []] += Array(repeating: b, count: k)
            } else if case .symbol(let s) = b.kind, model.isUnknownRandom(s), x.rationalValue?.isInteger == true {
                unknown[model.independent ? s : Symbol("\u{4}"), default: []].append((b, x))
            } else {
                other = other * Expression.power(b, x)
            }
        }
        if !other.isOne {
            // A random part the model does not compute (a function of a random name, say).
            return coefficient * Expression(.expectation(other * Expression.product(gaussian.values.flatMap { $0 }) * Expression.product(unknown.values.flatMap { $0.map { Expression.power($0.0, $0.1) } })))
        }
        if !model.independent && gaussian.count + unknown.count > 1 {
            let all = Expression.product(gaussian.values.flatMap { $0 }) * Expression.product(unknown.values.flatMap { $0.map { Expression.power($0.0, $0.1) } })
            return coefficient * Expression(.expectation(all))
        }
        var result = coefficient
        for (family, members) in gaussian {
            guard members.count <= Limits.default.maximumIsserlisFactors else { return coefficient * Expression(.expectation(term / coefficient)) }
            result = result * isserlis(members, variance: model.gaussians[family]!.variance)
        }
        for (_, parts) in unknown {
            let m = Expression.product(parts.map { Expression.power($0.0, $0.1) })
            result = result * witnessMoment(m, parts, model)
        }
        return result
    }

    /// E[∏ members] for a zero-mean Gaussian family with E[a_u a_v] = σ² δ_{uv}: the sum over
    /// pairings of the products of covariances (Isserlis' theorem).
    static func isserlis(_ members: [Expression], variance: Expression) -> Expression {
        if members.isEmpty { return .one }
        if members.count % 2 == 1 { return .zero }
        var total = Expression.zero
        let first = members[0]
        for j in 1..<members.count {
            var rest = members
            rest.remove(at: j)
            rest.removeFirst()
            total = total + covariance(first, members[j], variance) * isserlis(rest, variance: variance)
        }
        return total
    }

    private static func covariance(_ u: Expression, _ v: Expression, _ variance: Expression) -> Expression {
        if u == v { return variance }
        let (iu, iv) = (u.memberIndices, v.memberIndices)
        guard iu.count == iv.count, !iu.isEmpty else { return u == v ? variance : Expression.zero }
        return variance * Expression.product(zip(iu, iv).map { Expression.indexed(Symbol("delta"), [$0, $1]) })
    }

    /// A moment of unknown-distribution variables: a witness value when the model gives them
    /// two-point distributions, otherwise the expectation itself.
    private static func witnessMoment(_ m: Expression, _ parts: [(Expression, Expression)], _ model: ProbabilityModel) -> Expression {
        guard !model.twoPoint.isEmpty else { return Expression(.expectation(m)) }
        var value = Expression.one
        for (b, x) in parts {
            guard case .symbol(let s) = b.kind, let (p, q) = model.twoPoint[s] else { return Expression(.expectation(m)) }
            value = value * (Expression.power(Expression(p), x) + Expression.power(Expression(q), x)) / Expression(2)
        }
        return value
    }
}

extension Expression {
    /// The random name this factor is (`a_3`, `a_i`, `X`), or nil.
    package func randomName(_ model: ProbabilityModel) -> Symbol? {
        switch kind {
        case .symbol(let s): return model.isRandom(s) ? s : nil
        case .indexed(let base, _): return model.isRandom(base) ? base : nil
        default: return nil
        }
    }

    /// True when a member of a random family occurs (at a bound index).
    package func containsRandomMember(_ model: ProbabilityModel) -> Bool {
        if case .indexed(let base, _) = kind, model.isRandom(base) { return true }
        return children.contains { $0.containsRandomMember(model) }
    }

    /// The indices of a member: `[3]` for `a_3`, `[i, j]` for `w_{ij}`, `[K]` at a bound index.
    var memberIndices: [Expression] {
        switch kind {
        case .indexed(_, let ix): return ix
        case .symbol(let s):
            guard let sub = s.subscriptText else { return [] }
            let parts = IndexedName.components(sub).map(IndexedName.index)
            return parts.allSatisfy { $0 != nil } ? parts.map { $0! } : []
        default: return []
        }
    }
}
