/// A truncated series `Σ c_e k^e` in rational exponents e as k → 0⁺ (a Puiseux series), exact
/// below `order`: the terms at or above it are unknown. Coefficients are expressions free of k.
///
/// Built bottom-up from an expression in k (`PuiseuxSeries.of`): sums, products, rational powers
/// (a root of a series whose leading coefficient is certainly positive), exp, sin, cos and log of
/// a series that tends to a finite value, |·| of a series whose leading sign is certain. A
/// function that grows or decays faster than every power (exp of a series tending to ±∞) is
/// `Growth.beyondEveryPower`. What cannot be expanded gives nil, never a guess.
public struct PuiseuxSeries: Sendable {
    /// Nonzero coefficients by exponent, every exponent below `order`.
    public private(set) var terms: [Rational: Expression]
    /// The exponent from which nothing is known.
    public let order: Rational

    init(terms: [Rational: Expression], order: Rational) {
        var kept: [Rational: Expression] = [:]
        for (e, c) in terms where e < order {
            let simple = c.expanded(maxTerms: PuiseuxSeries.maximumTerms) ?? c
            if !simple.isZero { kept[e] = simple }
        }
        self.terms = kept
        self.order = order
    }

    /// How many exponents (relative to the leading one) a series keeps.
    public static let relativeOrder = Rational(8)
    /// The most terms of one coefficient's expansion.
    static let maximumTerms = 2_000
    /// An order past every power a limit needs (for what decays faster than every power).
    static let beyondEveryPower = Rational(1_000_000)

    static func constant(_ c: Expression) -> PuiseuxSeries {
        PuiseuxSeries(terms: [.zero: c], order: c.isZero ? beyondEveryPower : relativeOrder)
    }

    /// The lowest exponent with a coefficient, or nil when no term is known.
    public var leading: (exponent: Rational, coefficient: Expression)? {
        terms.min { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func + (a: PuiseuxSeries, b: PuiseuxSeries) -> PuiseuxSeries {
        var t = a.terms
        for (e, c) in b.terms { t[e] = (t[e] ?? .zero) + c }
        return PuiseuxSeries(terms: t, order: min(a.order, b.order))
    }

    static func * (a: PuiseuxSeries, b: PuiseuxSeries) -> PuiseuxSeries? {
        // A series with no known term is O(k^order).
        let la = a.leading?.exponent ?? a.order, lb = b.leading?.exponent ?? b.order
        let order = min(a.order + lb, b.order + la)
        var t: [Rational: Expression] = [:]
        guard a.terms.count * b.terms.count <= maximumTerms else { return nil }
        for (e1, c1) in a.terms {
            for (e2, c2) in b.terms where e1 + e2 < order { t[e1 + e2] = (t[e1 + e2] ?? .zero) + c1 * c2 }
        }
        return PuiseuxSeries(terms: t, order: order)
    }

    func scaled(_ c: Expression) -> PuiseuxSeries {
        PuiseuxSeries(terms: terms.mapValues { $0 * c }, order: order)
    }

    /// `c k^e (1 + u)` with u of positive order: the pieces a power or a function needs.
    /// The leading coefficient must be certainly nonzero: one with letters may vanish for some
    /// of their values, where another term leads.
    private func factored() -> (Rational, Expression, PuiseuxSeries)? {
        guard let (e, c) = leading, let s = PuiseuxSeries.sign(c), s != .zero else { return nil }
        var u: [Rational: Expression] = [:]
        for (f, d) in terms where f != e { u[f - e] = d / c }
        return (e, c, PuiseuxSeries(terms: u, order: order - e))
    }

    /// Σ a_n u^n for a series u of positive order, to the precision u allows.
    private static func composed(_ u: PuiseuxSeries, _ coefficients: (Int) -> Expression) -> PuiseuxSeries? {
        let lead = u.leading?.exponent ?? u.order
        guard lead > .zero else { return nil }
        // Powers of u past the order of u contribute nothing known.
        let limit = min(u.order, relativeOrder)
        var count = 0
        while Rational(count + 1) * lead < limit && count < 64 { count += 1 }
        var out = constant(coefficients(0))
        var power = constant(.one)
        for n in 1...max(1, count) {
            guard let p = power * u else { return nil }
            power = p
            out = out + power.scaled(coefficients(n))
        }
        return PuiseuxSeries(terms: out.terms, order: min(out.order, limit))
    }

    /// The series to the rational power p.
    func power(_ p: Rational) -> PuiseuxSeries? {
        guard let (e, c, u) = factored() else { return nil }
        // c^p needs c > 0 unless p is an integer.
        if !p.isInteger {
            guard case .positive = PuiseuxSeries.sign(c) else { return nil }
        }
        let cp = Expression.power(c, Expression(p))
        // (1 + u)^p = Σ binomial(p, n) u^n.
        var binomials: [Rational] = [.one]
        for n in 1...64 {
            let numerator: Rational = binomials[n - 1] * (p - Rational(n - 1))
            guard let next = numerator / Rational(n) else { return nil }
            binomials.append(next)
        }
        guard let series = PuiseuxSeries.composed(u, { Expression(binomials[$0]) }) else { return nil }
        return PuiseuxSeries(terms: Dictionary(uniqueKeysWithValues: series.terms.map { ($0.key + e * p, $0.value * cp) }), order: series.order + e * p)
    }

    /// f of the series, for a series tending to a finite value (its leading exponent ≥ 0).
    func apply(_ f: Function) -> PuiseuxSeries? {
        let c0 = terms[.zero] ?? .zero
        if let e = leading?.exponent, e < .zero { return nil }
        var rest = terms
        rest[.zero] = nil
        let v = PuiseuxSeries(terms: rest, order: order)
        var factorial: [Rational] = [.one]
        for n in 1...64 { factorial.append(factorial[n - 1] * Rational(n)) }
        let inverse = { (n: Int) in Expression.one / Expression(factorial[n]) }
        switch f {
        case .exp:
            return PuiseuxSeries.composed(v) { inverse($0) }?.scaled(.apply(.exp, c0))
        case .sin, .cos:
            guard let s = PuiseuxSeries.composed(v, { n in n % 2 == 1 ? Expression(Rational(n % 4 == 1 ? 1 : -1)) * inverse(n) : .zero }),
                  let co = PuiseuxSeries.composed(v, { n in n % 2 == 0 ? Expression(Rational(n % 4 == 0 ? 1 : -1)) * inverse(n) : .zero }) else { return nil }
            let (sa, ca) = (Expression.apply(.sin, c0), Expression.apply(.cos, c0))
            return f == .sin ? co.scaled(sa) + s.scaled(ca) : co.scaled(ca) + s.scaled(-sa)
        case .log:
            // log(c₀ + v) = log c₀ + Σ (-1)^{n+1} (v/c₀)^n / n, c₀ > 0.
            guard case .positive = PuiseuxSeries.sign(c0) else { return nil }
            let w = v.scaled(.one / c0)
            return PuiseuxSeries.composed(w) { n in n == 0 ? .zero : Expression(Rational(n % 2 == 1 ? 1 : -1)) / Expression(n) }
                .map { $0 + PuiseuxSeries.constant(.apply(.log, c0)) }
        case .abs:
            guard let (_, c) = leading else { return nil }
            switch PuiseuxSeries.sign(c) {
            case .positive: return self
            case .negative: return scaled(.minusOne)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The certain sign of a coefficient free of letters (by interval arithmetic), or nil.
    public enum Sign: Sendable { case positive, negative, zero }
    public static func sign(_ c: Expression) -> Sign? {
        if let r = c.rationalValue { return r.signum > 0 ? .positive : r.signum < 0 ? .negative : .zero }
        guard c.freeSymbols.isEmpty, case .value(let i) = IntervalEvaluator(point: [:]).evaluate(c) else { return nil }
        if i.isPositive { return .positive }
        if i.isNegative { return .negative }
        return nil
    }
}

/// The behaviour of an expression as k → 0⁺: a series, or growth past every power.
public enum Growth: Sendable {
    case series(PuiseuxSeries)
    /// ±∞ faster than every power of 1/k (`e^{1/k}`), with its sign.
    case beyondEveryPower(positive: Bool)

    /// `e` as k → 0⁺; nil when it cannot be expanded.
    public static func of(_ e: Expression, in k: Symbol) -> Growth? {
        var memo: [Expression: Growth?] = [:]
        func visit(_ e: Expression) -> Growth? {
            if let m = memo[e] { return m }
            let g = compute(e)
            memo[e] = g
            return g
        }
        func compute(_ e: Expression) -> Growth? {
            if !e.contains(k) { return .series(.constant(e)) }
            switch e.kind {
            case .symbol: return .series(PuiseuxSeries(terms: [.one: .one], order: .one + PuiseuxSeries.relativeOrder))
            case .add(let a):
                var acc: Growth = .series(.constant(Expression(a.constant)))
                for t in a.terms {
                    guard let g = visit(Expression(t.coefficient) * t.term) else { return nil }
                    guard let s = add(acc, g) else { return nil }
                    acc = s
                }
                return acc
            case .mul(let m):
                var acc: Growth = .series(.constant(Expression(m.coefficient)))
                for (b, x) in m.factors {
                    let f = Expression.power(b, x)
                    guard let g = visit(f), let p = multiply(acc, g) else { return nil }
                    acc = p
                }
                return acc
            case .power(let b, let x):
                guard let p = x.rationalValue, let g = visit(b) else { return nil }
                switch g {
                case .series(let s): return s.power(p).map { .series($0) }
                case .beyondEveryPower(let positive):
                    guard p.signum != 0 else { return .series(.constant(.one)) }
                    if p.signum < 0 { return .series(PuiseuxSeries(terms: [:], order: PuiseuxSeries.beyondEveryPower)) }
                    return positive || p.isInteger ? .beyondEveryPower(positive: positive || p.numerator.isEven) : nil
                }
            case .function(let f, let args) where args.count == 1:
                guard let g = visit(args[0]) else { return nil }
                guard case .series(let s) = g else {
                    // exp(±∞ past every power) is the same; other functions are not expanded.
                    if f == .exp, case .beyondEveryPower(let positive) = g {
                        return positive ? g : .series(PuiseuxSeries(terms: [:], order: PuiseuxSeries.beyondEveryPower))
                    }
                    return nil
                }
                if f == .exp, let (e, c) = s.leading, e < .zero {
                    switch PuiseuxSeries.sign(c) {
                    case .positive: return .beyondEveryPower(positive: true)
                    case .negative: return .series(PuiseuxSeries(terms: [:], order: PuiseuxSeries.beyondEveryPower))
                    default: return nil
                    }
                }
                return s.apply(f).map { .series($0) }
            default:
                return nil
            }
        }
        return visit(e)
    }

    private static func add(_ a: Growth, _ b: Growth) -> Growth? {
        switch (a, b) {
        case let (.series(x), .series(y)): return .series(x + y)
        case let (.beyondEveryPower(p), .series), let (.series, .beyondEveryPower(p)): return .beyondEveryPower(positive: p)
        case let (.beyondEveryPower(p), .beyondEveryPower(q)): return p == q ? .beyondEveryPower(positive: p) : nil
        }
    }

    private static func multiply(_ a: Growth, _ b: Growth) -> Growth? {
        switch (a, b) {
        case let (.series(x), .series(y)): return (x * y).map { .series($0) }
        case let (.beyondEveryPower(p), .series(s)), let (.series(s), .beyondEveryPower(p)):
            // Past every power: the other factor's sign decides, unless it vanishes faster than every power.
            guard let (_, c) = s.leading, let sign = PuiseuxSeries.sign(c), sign != .zero else { return nil }
            return .beyondEveryPower(positive: p == (sign == .positive))
        case let (.beyondEveryPower(p), .beyondEveryPower(q)): return .beyondEveryPower(positive: p == q)
        }
    }
}

/// A limit of an expression in one variable, from the series of the expression near the point.
public enum LimitValue: Sendable, Equatable {
    case finite(Expression)
    case plusInfinity
    case minusInfinity
    /// The one-sided limits differ (or one does not exist).
    indirect case none(left: LimitValue?, right: LimitValue?)

    public var description: String {
        switch self {
        case .finite(let e): return PlainPrinter.string(e)
        case .plusInfinity: return "+∞"
        case .minusInfinity: return "-∞"
        case .none(let l, let r): return "no limit (from the left \(l?.description ?? "none"), from the right \(r?.description ?? "none"))"
        }
    }

    public enum Point: Sendable { case finite(Expression), plusInfinity, minusInfinity }
    public enum Side: Sendable { case both, left, right }

    /// `lim_{x → point} e` from `side`; nil when the series of e near the point cannot be found
    /// or its leading sign is not certain.
    public static func of(_ e: Expression, _ x: Symbol, at point: Point, side: Side) -> LimitValue? {
        let k = Symbol("\u{1}k")
        func oneSided(_ substitution: Expression) -> LimitValue? {
            guard let g = Growth.of(e.substituting([x: substitution]), in: k) else { return nil }
            switch g {
            case .beyondEveryPower(let positive): return positive ? .plusInfinity : .minusInfinity
            case .series(let s):
                guard let (exponent, c) = s.leading else {
                    // Nothing known below the order: O(k^order), so 0 when that order is positive.
                    return s.order > .zero ? .finite(.zero) : nil
                }
                if exponent > .zero { return .finite(.zero) }
                if exponent == .zero { return .finite(c) }
                switch PuiseuxSeries.sign(c) {
                case .positive: return .plusInfinity
                case .negative: return .minusInfinity
                default: return nil
                }
            }
        }
        let kk = Expression(k)
        switch point {
        case .plusInfinity: return oneSided(.one / kk)
        case .minusInfinity: return oneSided(-(.one / kk))
        case .finite(let a):
            switch side {
            case .right: return oneSided(a + kk)
            case .left: return oneSided(a - kk)
            case .both:
                let r = oneSided(a + kk), l = oneSided(a - kk)
                guard let r, let l else { return nil }
                if r == l { return r }
                if case .finite(let u) = r, case .finite(let v) = l, (u - v).expanded(maxTerms: 2_000)?.isZero == true { return r }
                // Different only when certainly different.
                if case .finite(let u) = r, case .finite(let v) = l, PuiseuxSeries.sign(u - v) == nil { return nil }
                return .none(left: l, right: r)
            }
        }
    }
}
