/// Deciding whether two expressions are equal as real functions, wherever both are defined.
///
/// `equal` only with a proof: the canonical forms agree after rewriting to a basis
/// (sin, cos, exp, log|·|), combining into one fraction and reducing by the relations
/// between atoms; or, for rational functions too large to expand, the Schwartz–Zippel
/// bound. `different` only with a point where both sides are certainly defined and
/// certainly differ (exact rationals, or disjoint MPFI intervals). Otherwise `unknown`.
public enum EquivalenceResult: Sendable {
    case equal(method: String)
    case different(Counterexample)
    case unknown(reason: String)
}

/// A point where both sides are defined and differ, with both values.
public struct Counterexample: Sendable {
    public let point: [(symbol: Symbol, value: Rational)]
    public let lhs: SampleValue
    public let rhs: SampleValue

    /// `x = -1, n = 1`.
    public var pointDescription: String {
        point.isEmpty ? "every point" : point.map { "\(PlainPrinter.name($0.symbol)) = \($0.value)" }.joined(separator: ", ")
    }
}

/// A value at a sample point: exact, or an interval shown by a decimal approximation.
public enum SampleValue: Sendable, CustomStringConvertible {
    case exact(Rational)
    case approximate(String)

    public var description: String {
        switch self {
        case .exact(let r): return r.description
        case .approximate(let s): return "≈ " + s
        }
    }
}

public struct EquivalenceChecker: Sendable {
    /// Largest number of terms any intermediate expansion may reach before sampling takes over.
    public var termLimit = 20_000
    /// Number of sample points tried when looking for a counterexample.
    public var samples = 12
    /// Where decisions are kept for later calls with the same arguments (none by default).
    public var memo: EquivalenceMemo?

    public init() {}

    /// Decides `a = b` wherever both are defined: the canonical forms' own domains, and the
    /// conditions `domain` of the forms as written (what canonical forms such as `x/x = 1` dropped).
    public func check(_ a: Expression, _ b: Expression, domain: Domain = Domain()) -> EquivalenceResult {
        guard let memo else { return decide(a, b, domain: domain) }
        let key = EquivalenceMemo.Key(a: a, b: b, domain: domain, termLimit: termLimit, samples: samples)
        if let kept = memo.decision(key) { return kept }
        let result = decide(a, b, domain: domain)
        memo.keep(key, result)
        return result
    }

    private func decide(_ a: Expression, _ b: Expression, domain: Domain) -> EquivalenceResult {
        if a.isUndefined || b.isUndefined || domain.isEmpty {
            return .unknown(reason: "a side is defined nowhere" + (domain.emptinessReason.map { ": " + $0 } ?? ""))
        }
        let symbols = Array(Set(a.freeSymbols + b.freeSymbols + domain.conditions.flatMap { $0.expression.freeSymbols }))
            .sorted { Symbol.compare($0, $1) < 0 }
        let sampler = SamplePoints(symbols: symbols)
        if a != b, let ce = findCounterexample(a, b, sampler, domain) { return .different(ce) }
        // Where the domain says u ≥ 0, |u| is u.
        let (ra, rb) = (domain.refining(a), domain.refining(b))
        let proof: ZeroProof = ra == rb ? .proved("identical canonical forms") : proveZero(ra - rb, domain: domain)
        switch proof {
        case .proved(let method):
            return provedEqual(a, b, domain, sampler, method: method)
        case .notZero:
            if let ce = findCounterexample(a, b, sampler, domain, extended: true) { return .different(ce) }
            guard haveCommonDomain(a, b, sampler, domain) else {
                return .unknown(reason: "no proof found, and no sample point where both sides could be evaluated")
            }
            return .unknown(reason: "no proof found; the two sides agree at every sample point tried")
        case .tooLarge:
            if (ra - rb).isRationalFunction, let m = schwartzZippel(ra - rb, symbols) { return provedEqual(a, b, domain, sampler, method: m) }
            return .unknown(reason: "expressions too large to normalise")
        }
    }

    /// `equal` once a proof covers the common domain, when that domain is not empty and the
    /// claim does not rest on the convention that a power with a variable exponent needs a
    /// positive base while a pointwise reading refutes it.
    private func provedEqual(_ a: Expression, _ b: Expression, _ domain: Domain, _ sampler: SamplePoints, method: String) -> EquivalenceResult {
        guard haveCommonDomain(a, b, sampler, domain) else {
            return .unknown(reason: "no point found where both sides are defined" + (domain.conditions.isEmpty ? "" : " (" + domain.conditions.prefix(3).map(\.description).joined(separator: ", ") + ")"))
        }
        if let ce = PointwisePowers.counterexample(a, b, domain) {
            let bases = PointwisePowers.variableBases(a, b).map { PlainPrinter.string($0) + " > 0" }.joined(separator: " and ")
            return .unknown(reason: "holds where \(bases), as a power with a variable exponent requires; read pointwise it fails at \(ce.pointDescription) (left \(ce.lhs), right \(ce.rhs))")
        }
        return .equal(method: method)
    }

    enum ZeroProof { case proved(String), notZero, tooLarge }

    /// Normalises `d` and reports whether it is provably zero.
    func proveZero(_ d: Expression, domain: Domain = Domain()) -> ZeroProof {
        if d.isZero { return .proved("canonical forms agree") }
        let rules = RuleSet.trigonometricBasis + RuleSet.exponentialBasis + RuleSet.logarithms + RuleSet.evenRoots
        // The rewriting writes |u| where a logarithm needs it (r^n = exp(n log|r|)); where the
        // domain says u ≥ 0, that is u again.
        let basis = domain.refining(rules.apply(to: d))
        if basis.isZero { return .proved("canonical forms agree after rewriting to sin, cos, exp, log") }
        var atomizer = Atomizer()
        let atomized = atomizer.atomize(basis)
        guard let f = Fraction.from(atomized, termLimit: termLimit) else { return .tooLarge }
        guard let n = RelationReducer.reduce(f.numerator, atomizer.relations, termLimit: termLimit) else { return .tooLarge }
        if n.isZero {
            let kinds = atomizer.relationKinds
            let how = kinds.isEmpty ? "expansion over a common denominator" : "expansion over a common denominator with " + kinds.joined(separator: ", ")
            return .proved("canonical forms agree (\(how))")
        }
        return .notZero
    }

    /// True when some sample point has the written conditions and both sides certainly defined,
    /// or defined as far as parts with unknown domains (user functions, unevaluated derivatives) allow.
    func haveCommonDomain(_ a: Expression, _ b: Expression, _ sampler: SamplePoints, _ domain: Domain) -> Bool {
        let opaque = a.hasOpaqueParts || b.hasOpaqueParts || domain.conditions.contains { $0.expression.hasOpaqueParts }
        for i in 0..<(samples * 3) {
            let point = sampler.point(i)
            let truth = domain.truth(at: point)
            if truth == .fails || (truth == .unknown && !opaque) { continue }
            let ea = a.exactValue(at: point), eb = b.exactValue(at: point)
            if ea == .undefined || eb == .undefined { continue }
            if case .rational = ea, case .rational = eb, truth == .holds { return true }
            let evaluator = IntervalEvaluator(point: point)
            switch (evaluator.evaluate(a), evaluator.evaluate(b)) {
            case (.value, .value): if truth == .holds { return true }
            case (.undefined, _), (_, .undefined): continue
            default: break
            }
            if opaque { return true }
        }
        return false
    }

    /// Exact or interval evaluation of both sides at sample points where the domain certainly holds.
    func findCounterexample(_ a: Expression, _ b: Expression, _ sampler: SamplePoints, _ domain: Domain, extended: Bool = false) -> Counterexample? {
        let count = extended ? samples * 3 : samples
        for i in 0..<count {
            let point = sampler.point(i + (extended ? samples : 0))
            if let ce = compare(a, b, at: point, sampler.symbols, domain: domain) { return ce }
        }
        return nil
    }

    /// A counterexample at `point`, when the written conditions certainly hold there and both
    /// sides are certainly defined and certainly differ.
    public func compare(_ a: Expression, _ b: Expression, at point: [Symbol: Rational], _ order: [Symbol], domain: Domain = Domain()) -> Counterexample? {
        guard domain.truth(at: point) == .holds else { return nil }
        let ea = a.exactValue(at: point), eb = b.exactValue(at: point)
        if ea == .undefined || eb == .undefined { return nil }
        let listed = order.filter { point[$0] != nil }.map { ($0, point[$0]!) }
        if case .rational(let x) = ea, case .rational(let y) = eb {
            return x == y ? nil : Counterexample(point: listed, lhs: .exact(x), rhs: .exact(y))
        }
        for precision in [128, 512] {
            let evaluator = IntervalEvaluator(point: point, precision: precision)
            guard case .value(let ia) = evaluator.evaluate(a), case .value(let ib) = evaluator.evaluate(b) else { return nil }
            if ia.isDisjoint(from: ib) {
                let va: SampleValue = { if case .rational(let x) = ea { return .exact(x) }; return .approximate(ia.displayString()) }()
                let vb: SampleValue = { if case .rational(let y) = eb { return .exact(y) }; return .approximate(ib.displayString()) }()
                return Counterexample(point: listed, lhs: va, rhs: vb)
            }
        }
        return nil
    }

    /// For a rational function: zero at k random points from a set of size N proves it zero
    /// with error probability at most (d/N)^k, d a bound on the numerator's degree.
    package func schwartzZippel(_ d: Expression, _ symbols: [Symbol]) -> String? {
        let trials = 16
        var rng = SplitMix64(seed: 0x5eed)
        let range: UInt64 = 1 << 31
        for _ in 0..<trials {
            var point: [Symbol: Rational] = [:]
            for s in symbols { point[s] = Rational(Int(rng.next() % range) + 1) }
            switch d.exactValue(at: point) {
            case .rational(let v): if !v.isZero { return nil }
            default: return nil
            }
        }
        let degree = d.degreeBound
        return "Schwartz–Zippel: zero at \(trials) random points from {1, …, 2^31}; numerator degree ≤ \(degree); error probability ≤ (\(degree)/2^31)^\(trials)"
    }
}

extension Expression {
    /// True when the expression is built from symbols and rationals by +, ·, and integer powers.
    public var isRationalFunction: Bool {
        switch kind {
        case .number, .symbol: return true
        case .add(let a): return a.terms.allSatisfy { $0.term.isRationalFunction }
        case .mul(let m): return m.factors.allSatisfy { $0.base.isRationalFunction && ($0.exponent.rationalValue?.isInteger ?? false) }
        case .power(let b, let x): return b.isRationalFunction && (x.rationalValue?.isInteger ?? false)
        default: return false
        }
    }

    /// An upper bound on the degree of the numerator of the expression over one common
    /// denominator (for rational functions): degrees of numerators and denominators add up,
    /// and a sum's terms are counted together, since their denominators multiply.
    package var degreeBound: Int {
        switch kind {
        case .symbol: return 1
        case .add(let a): return a.terms.reduce(0) { $0 + $1.term.degreeBound }
        case .mul(let m):
            return m.factors.reduce(0) { $0 + $1.base.degreeBound * abs($1.exponent.rationalValue?.numerator.intValue ?? 1) }
        case .power(let b, let x): return b.degreeBound * abs(x.rationalValue?.numerator.intValue ?? 1)
        default: return 0
        }
    }
}

/// Deterministic sample points: small, distinct, non-special rationals first, then pseudo-random ones.
struct SamplePoints {
    let symbols: [Symbol]
    private static let small: [Rational] = [
        Rational(3, 2)!, Rational(-2, 3)!, 2, Rational(5, 7)!, -3, Rational(7, 3)!, Rational(1, 3)!, 5, Rational(-5, 4)!, Rational(11, 5)!,
        Rational(2, 9)!, -7, Rational(13, 4)!, Rational(3, 11)!, 4, Rational(-1, 2)!, 6, Rational(9, 7)!, Rational(1, 5)!, -2,
    ]

    func point(_ i: Int) -> [Symbol: Rational] {
        var p: [Symbol: Rational] = [:]
        if i < 4 {
            for (j, s) in symbols.enumerated() { p[s] = SamplePoints.small[(i * 7 + j * 3) % SamplePoints.small.count] }
            return p
        }
        var rng = SplitMix64(seed: UInt64(i) &* 0x9e37_79b9)
        for s in symbols {
            let n = Int(rng.next() % 41) - 20, d = Int(rng.next() % 9) + 1
            p[s] = n == 0 ? Rational(Integer(7), Integer(d))! : Rational(Integer(n), Integer(d))!
        }
        return p
    }
}

/// A small deterministic pseudo-random generator, so sample points are the same in every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension Expression {
    /// Whether `self` and `other` are equal as real functions wherever both are defined.
    public func equivalent(to other: Expression) -> EquivalenceResult {
        EquivalenceChecker().check(self, other)
    }
}

extension WrittenExpression {
    /// Whether the two written expressions are equal wherever both are defined.
    public func equivalent(to other: WrittenExpression) -> EquivalenceResult {
        EquivalenceChecker().check(expression, other.expression, domain: domain.union(other.domain))
    }
}

extension Expression {
    /// True when the expression contains user-defined functions or unevaluated derivatives,
    /// whose values (and domains) are unknown.
    var hasOpaqueParts: Bool {
        switch kind {
        case .function(.undefined, _), .derivative, .indexed, .bigOperator, .expectation: return true
        case .number, .symbol, .constant, .undefined, .add, .mul, .power, .function: return children.contains { $0.hasOpaqueParts }
        }
    }
}
