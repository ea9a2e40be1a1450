import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Equivalent rational forms of the simplest logarithmic and exponential equations, when the
/// solution is rational:
/// - `q·log_b(u) = c` (b a rational > 0, ≠ 1; q, c rational) is `u = b^(c/q)` when that power is
///   rational (then u > 0 holds by itself); `q·log(u) = 0` is `u = 1`;
/// - `b^u = d` (b rational > 0, ≠ 1; d rational) is `u = k` for the integer k with b^k = d, and has
///   no solution when d ≤ 0; `e^u = 1` is `u = 0`.
/// Relations of other shapes are left as they are (and stay undecided).
extension Condition.Atom {
    /// The largest |k| tried for b^k = d.
    static let maximumExponent = 64

    func withoutLogarithmOrExponential(_ x: Symbol) -> [Condition.Atom]? {
        guard relation == .equal else { return nil }
        for (side, other) in [(lhs, rhs), (rhs, lhs)] {
            guard other.freeSymbols.isEmpty, let c = other.rationalValue else { continue }
            if let (q, u, base) = Condition.Atom.scaledLogarithm(side), u.isRationalFunction {
                let t = (c / q)!
                let value: Rational?
                if let b = base {
                    value = Condition.Atom.rationalPower(b, t)
                } else {
                    value = t.isZero ? .one : nil
                }
                guard let v = value else { return nil }
                return [Condition.Atom(lhs: u, relation: .equal, rhs: Expression(v), domain: domain)]
            }
            if let (b, u) = Condition.Atom.exponential(side), u.isRationalFunction {
                if c.signum <= 0 {
                    return [Condition.Atom(lhs: .zero, relation: .equal, rhs: .one, domain: domain)]  // no solution
                }
                guard let k = b.map({ Condition.Atom.integerLogarithm(c, base: $0) }) ?? (c.isOne ? 0 : nil) else { return nil }
                return [Condition.Atom(lhs: u, relation: .equal, rhs: Expression(k), domain: domain)]
            }
        }
        return nil
    }

    /// (q, u, b) when e is q·log(u)/log(b) with rational b > 0, b ≠ 1 (b nil for the natural logarithm).
    static func scaledLogarithm(_ e: Expression) -> (Rational, Expression, Rational?)? {
        if case .function(.log, let args) = e.kind, args.count == 1 { return (.one, args[0], nil) }
        guard case .mul(let m) = e.kind, !m.coefficient.isZero else { return nil }
        var u: Expression? = nil, base: Rational? = nil
        for (f, k) in m.factors {
            guard case .function(.log, let args) = f.kind, args.count == 1, let power = k.rationalValue else { return nil }
            if power == .one, u == nil, !args[0].freeSymbols.isEmpty {
                u = args[0]
            } else if power == .minusOne, base == nil, let b = args[0].rationalValue, b.signum > 0, !b.isOne {
                base = b
            } else {
                return nil
            }
        }
        guard let u else { return nil }
        return (m.coefficient, u, base)
    }

    /// (b, u) when e is b^u with rational b > 0, b ≠ 1 (b nil for e^u).
    static func exponential(_ e: Expression) -> (Rational?, Expression)? {
        switch e.kind {
        case .function(.exp, let args) where args.count == 1: return (nil, args[0])
        case .power(let b, let u) where !u.freeSymbols.isEmpty:
            guard let r = b.rationalValue, r.signum > 0, !r.isOne else { return nil }
            return (r, u)
        default: return nil
        }
    }

    /// b^t when it is rational (t an integer of bounded size, or a root that is exact).
    static func rationalPower(_ b: Rational, _ t: Rational) -> Rational? {
        guard t.denominator.bitWidth <= 8, let n = t.numerator.intValue, abs(n) <= maximumExponent,
              let d = t.denominator.intValue, b.numerator.bitWidth + b.denominator.bitWidth <= 128,
              let root = b.exactRoot(d) else { return nil }
        return root.power(n)
    }

    /// The integer k with b^k = d, |k| ≤ maximumExponent; nil when there is none.
    static func integerLogarithm(_ d: Rational, base b: Rational) -> Int? {
        guard b.numerator.bitWidth + b.denominator.bitWidth <= 128 else { return nil }
        for k in -maximumExponent...maximumExponent where b.power(k) == d { return k }
        return nil
    }
}
