/// Turns an expression over elementary functions into a rational function over symbols
/// and *atoms*: placeholders for `sin(g·t)`, `cos(g·t)`, `exp(g·t)`, real roots, absolute
/// values and opaque applications, together with the algebraic relations between them
/// (`S² = 1 - C²`, `R^q = b`, `A² = f²`).
///
/// For each direction t in the arguments of sin/cos (and separately of exp), g is the
/// rational gcd of the multiples of t that occur, so `sin 2x`, `cos x` and `sin(x + y)`
/// all become polynomials in `sin x`, `cos x`, `sin y`, `cos y`.
struct Atomizer {
    /// A relation `placeholder^degree = replacement`, used to reduce higher powers.
    struct Relation {
        let placeholder: Symbol
        let degree: Int
        let replacement: Expression
    }

    private(set) var relations: [Relation] = []
    private var atoms: [Expression: Symbol] = [:]
    private var trigGcd: [Expression: Rational] = [:]
    private var expGcd: [Expression: Rational] = [:]
    /// Set when some part could not be represented (too large a multiple angle).
    private(set) var incomplete = false
    /// The expansions of the arguments, each made once.
    private let expansions = ExpansionCache(maxTerms: 1_000)

    /// Placeholder -> the expression it stands for, to undo the atomization.
    var expressions: [Symbol: Expression] {
        var out: [Symbol: Expression] = [:]
        for (e, s) in atoms { out[s] = e }
        return out
    }

    /// The kinds of relation in use, for describing a proof.
    var relationKinds: [String] {
        var kinds: [String] = []
        for r in relations {
            guard let e = expressions[r.placeholder] else { continue }
            let k: String
            switch e.kind {
            case .function(.sin, _), .function(.cos, _): k = "sin²+cos²=1"
            case .function(.abs, _): k = "|f|²=f²"
            default: k = "(b^(1/q))^q=b"
            }
            if !kinds.contains(k) { kinds.append(k) }
        }
        return kinds
    }

    mutating func atomize(_ e: Expression) -> Expression {
        collectDirections(e)
        var memo: [Expression: Expression] = [:]
        return visit(e, &memo)
    }

    /// Top-down: sin, cos and exp see their arguments as written (`exp((x+1) log 2)` splits into
    /// `2 · exp(x log 2)` before `log 2` would become an opaque atom).
    private mutating func visit(_ e: Expression, _ memo: inout [Expression: Expression]) -> Expression {
        if let m = memo[e] { return m }
        let result: Expression
        switch e.kind {
        case .number, .symbol, .constant, .undefined:
            result = e
        case .add(let a):
            var b = AddBuilder(capacity: a.terms.count)
            b.add(Expression(a.constant))
            for (t, c) in a.terms { b.add(visit(t, &memo), times: c) }
            result = b.build()
        case .mul(let m):
            var b = MulBuilder()
            b.multiply(Expression(m.coefficient))
            for f in m.factors { b.multiply(visit(Expression.product(coefficient: .one, factors: [f]), &memo)) }
            result = b.build()
        case .power(let base, let x):
            if let r = x.rationalValue, r.isInteger, let k = r.numerator.intValue {
                result = Expression.power(visit(base, &memo), Expression(k))
            } else if let r = x.rationalValue, let q = r.denominator.intValue, q <= Limits.default.maximumMultipleAngle, let p = r.numerator.intValue {
                let root = atom(Expression(.power(base, Expression(Rational(1, Integer(q))!))))
                addRelation(root, q, visit(base, &memo))
                result = Expression(root).pow(p)
            } else if case .add(let sum) = x.kind, sum.constant.isInteger, sum.constant.signum > 0,
                      let c = sum.constant.numerator.intValue, c <= Limits.default.maximumMultipleAngle {
                // r^(n + c) = r^c · r^n for a positive integer c: one atom r^n for every shift
                // (no new pole: where r^n is undefined, r = 0 and both sides vanish or neither is defined).
                let rest = x - Expression(sum.constant)
                result = Expression.power(visit(base, &memo), Expression(c)) * Expression(atom(Expression(.power(base, rest))))
            } else {
                result = Expression(atom(e))
            }
        case .function(let f, let args) where (f == .sin || f == .cos) && args.count == 1:
            let (s, c) = sinCos(args[0])
            result = f == .sin ? s : c
        case .function(.exp, let args):
            result = exponential(args[0])
        case .function(.abs, let args):
            let a = atom(e)
            addRelation(a, 2, visit(args[0], &memo).pow(2))
            result = Expression(a)
        default:
            result = Expression(atom(e))
        }
        memo[e] = result
        return result
    }

    // MARK: Directions

    /// Splits an argument into a rational constant, a multiple of π, and `(direction, coefficient)` pairs.
    static func linearParts(_ u: Expression, _ expansions: ExpansionCache) -> (constant: Rational, pi: Rational, parts: [(Expression, Rational)]) {
        // ω(t + φ) is the angle ωt + ωφ.
        let u = u.expanded(using: expansions) ?? u
        var constant = Rational.zero, pi = Rational.zero
        var parts: [(Expression, Rational)] = []
        for s in u.summandList {
            switch s.kind {
            case .number(let r): constant += r
            case .constant(.pi): pi += .one
            case .mul(let m):
                let t = Expression.product(coefficient: .one, factors: m.factors)
                if case .constant(.pi) = t.kind { pi += m.coefficient } else { parts.append((t, m.coefficient)) }
            default: parts.append((s, .one))
            }
        }
        return (constant, pi, parts)
    }

    private mutating func collectDirections(_ e: Expression) {
        switch e.kind {
        case .function(let f, let args):
            for a in args { collectDirections(a) }
            guard f == .sin || f == .cos || f == .exp else { return }
            let (c, pi, parts) = Atomizer.linearParts(args[0], expansions)
            func record(_ t: Expression, _ k: Rational) {
                if f == .exp { expGcd[t] = Atomizer.gcd(expGcd[t], k) } else { trigGcd[t] = Atomizer.gcd(trigGcd[t], k) }
            }
            if !c.isZero { record(.one, c) }
            if !pi.isZero && f == .exp { record(.pi, pi) }
            for (t, k) in parts { record(t, k) }
        default:
            for c in e.children { collectDirections(c) }
        }
    }

    /// The rational gcd: gcd of numerators over lcm of denominators.
    static func gcd(_ a: Rational?, _ b: Rational) -> Rational {
        guard let a else { return b.magnitude }
        let n = Integer.gcd(a.numerator, b.numerator)
        let d = Integer.lcm(a.denominator, b.denominator)
        return Rational(n, d)!
    }

    // MARK: Atoms and relations

    private mutating func addRelation(_ p: Symbol, _ degree: Int, _ replacement: Expression) {
        if relations.contains(where: { $0.placeholder == p }) { return }
        relations.append(Relation(placeholder: p, degree: degree, replacement: replacement))
    }

    /// The placeholder symbol for an opaque node (one per distinct node).
    private mutating func atom(_ node: Expression) -> Symbol {
        if let s = atoms[node] { return s }
        let s = Symbol("\u{1}atom", subscriptText: String(atoms.count))
        atoms[node] = s
        return s
    }

    /// (sin u, cos u) as polynomials in the placeholders of each direction's base angle.
    /// The most angles one sin or cos is split into: the angle-addition formula over n angles
    /// has 2^n products (an argument with many transcendental coefficients would take minutes).
    static let maximumAngles = 8

    private mutating func sinCos(_ u: Expression) -> (Expression, Expression) {
        let (c, pi, parts) = Atomizer.linearParts(u, expansions)
        if parts.count + (c.isZero ? 0 : 1) + (pi.isZero ? 0 : 1) > Atomizer.maximumAngles {
            // Too many angles: sin u and cos u stay atoms, related by sin² + cos² = 1.
            incomplete = true
            let (sAtom, cAtom) = (atom(Expression(.function(.sin, [u]))), atom(Expression(.function(.cos, [u]))))
            addRelation(sAtom, 2, .one - Expression(cAtom).pow(2))
            return (Expression(sAtom), Expression(cAtom))
        }
        var s = Expression.zero, co = Expression.one
        func addAngle(_ ps: Expression, _ pc: Expression) {
            (s, co) = ((s * pc + co * ps).expanded(), (co * pc - s * ps).expanded())
        }
        if !pi.isZero {
            let angle = Expression(pi) * .pi
            let (ps, pc) = (Expression.apply(.sin, angle), Expression.apply(.cos, angle))
            if case .function = ps.kind {
                addAngle(Expression(atom(ps)), Expression(atom(pc)))
                addRelation(atom(ps), 2, .one - Expression(atom(pc)).pow(2))
            } else {
                addAngle(ps, pc)
            }
        }
        var all = parts
        if !c.isZero { all.append((.one, c)) }
        for (t, k) in all {
            let g = trigGcd[t] ?? k.magnitude
            guard let nq = k / g, nq.isInteger, let n = nq.numerator.intValue, n.magnitude <= Limits.default.maximumMultipleAngle else {
                incomplete = true
                let angle = Expression(k) * t
                addAngle(Expression(atom(Expression.apply(.sin, angle))), Expression(atom(Expression.apply(.cos, angle))))
                continue
            }
            let base = Expression(g) * t
            let sBase = atom(Expression(.function(.sin, [base])))
            let cBase = atom(Expression(.function(.cos, [base])))
            addRelation(sBase, 2, .one - Expression(cBase).pow(2))
            var ms = Expression.zero, mc = Expression.one
            for _ in 0..<n.magnitude {
                (ms, mc) = ((ms * Expression(cBase) + mc * Expression(sBase)).expanded(),
                            (mc * Expression(cBase) - ms * Expression(sBase)).expanded())
            }
            addAngle(n < 0 ? -ms : ms, mc)
        }
        return (s, co)
    }

    /// exp(u) as a product of integer powers of `exp(g·t)` placeholders.
    private mutating func exponential(_ u: Expression) -> Expression {
        let (c, pi, parts) = Atomizer.linearParts(u, expansions)
        var all = parts
        if !c.isZero { all.append((.one, c)) }
        if !pi.isZero { all.append((.pi, pi)) }
        var out = MulBuilder()
        for (t, k) in all {
            if case .function(.log, let args) = t.kind, k.isInteger {
                // exp(k log u) = u^k wherever log u is defined.
                out.multiply(Expression.power(args[0], Expression(k)))
                continue
            }
            let g = expGcd[t] ?? k.magnitude
            guard let nq = k / g, nq.isInteger, let n = nq.numerator.intValue, n.magnitude <= Limits.default.maximumExponentialMultiple else {
                incomplete = true
                out.multiply(Expression(atom(Expression(.function(.exp, [Expression(k) * t])))))
                continue
            }
            let base = atom(Expression(.function(.exp, [Expression(g) * t])))
            out.multiply(Expression(base), power: n)
        }
        return out.build()
    }
}
