import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Lines whose solutions are constants with no rational form: `e^{2x} = 5` (x = ln 5 / 2),
/// `2x = \ln 5`, `3^x = 7`, `\ln(x + 1) = 2` (x = e² - 1).
///
/// Each equation is solved exactly for x when it is linear in x with constant coefficients once
/// exponentials and logarithms whose other side is constant are taken off (`e^u = d ⇔ u = ln d`
/// for d > 0, `b^u = d ⇔ u = ln d / ln b` for b > 0, b ≠ 1, d > 0, `ln u = c ⇔ u = e^c`); every
/// sign these need is certified by intervals, and the value must satisfy the line's domain
/// conditions certainly. The values are then compared as lists (`ExplicitSolutions.compareLists`).
extension ExplicitSolutions {
    /// The most exponentials and logarithms taken off one side.
    static let maximumPeels = 4

    /// The solutions of a line of equations in x alone, each a constant expression; nil when some
    /// equation is not of that form or a sign it needs is not certain.
    static func constantValues(_ c: Condition, _ x: Symbol) -> [Expression]? {
        var out: [Expression] = []
        for conj in c.disjuncts {
            guard conj.count == 1, conj[0].relation == .equal else { return nil }
            let atom = conj[0]
            if atom.domain.isEmpty { continue }
            guard let v = solve(atom.lhs, atom.rhs, x), satisfies(atom.domain, x, v) else { return nil }
            out.append(v)
        }
        return out
    }

    private static func solve(_ l: Expression, _ r: Expression, _ x: Symbol) -> Expression? {
        guard Set(l.freeSymbols + r.freeSymbols) == [x] else { return nil }
        var (side, other) = r.contains(x) && !l.contains(x) ? (r, l) : (l, r)
        if !other.contains(x) {
            peeling: for _ in 0..<maximumPeels {
                switch side.kind {
                case .function(.exp, let args) where args.count == 1:
                    guard sign(other) == 1 else { return nil }
                    (side, other) = (args[0], Expression.apply(.log, other))
                case .power(let b, let u) where b.freeSymbols.isEmpty && u.contains(x):
                    guard sign(b) == 1, let away = sign(b - .one), away != 0, sign(other) == 1 else { return nil }
                    (side, other) = (u, Expression.apply(.log, other) / Expression.apply(.log, b))
                case .function(.log, let args) where args.count == 1:
                    (side, other) = (args[0], Expression.apply(.exp, other))
                default:
                    break peeling
                }
            }
        }
        // Linear: d = a·x + b with constants a ≠ 0 and b.
        let d = side - other
        let a = d.derivative(with: x)
        guard !a.contains(x), let s = sign(a), s != 0 else { return nil }
        let b = d.substituting([x: .zero])
        guard (d - a * Expression(x) - b).expanded(maxTerms: 1_000) == .zero else { return nil }
        return -b / a
    }

    /// The sign of a constant, certified by intervals; nil when not certain.
    private static func sign(_ e: Expression) -> Int? {
        if let r = e.rationalValue { return r.signum }
        guard case .value(let i) = IntervalEvaluator(point: [:], precision: precision).evaluate(e) else { return nil }
        return i.isPositive ? 1 : i.isNegative ? -1 : nil
    }

    /// True when every domain condition certainly holds at x = v.
    private static func satisfies(_ domain: Domain, _ x: Symbol, _ v: Expression) -> Bool {
        domain.conditions.allSatisfy { c in
            let s = sign(c.expression.substituting([x: v]))
            switch c {
            case .positive: return s == 1
            case .nonNegative: return s == 1 || s == 0
            case .nonZero: return s == 1 || s == -1
            }
        }
    }
}
