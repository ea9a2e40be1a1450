import SymbolicCore
import SymbolicLaTeX

/// Identities that hold on an interval only (`\arctan x + \arctan\frac{1}{x} = \frac{\pi}{2}` for
/// x > 0): the difference d of the sides has derivative 0 and is 0 at one point of the interval
/// the premises give, and both sides are defined on all of it. A function with derivative 0 on
/// an interval is constant there, so the claim holds on the whole interval.
///
/// "Defined on all of it" is decided for conditions rational in the letter (no root of their
/// numerator or denominator inside the interval, and the right sign at one point); any other
/// condition (`\cos x \neq 0`) leaves the claim to the other checks.
enum ConstantDifference {
    /// An interval of one letter: rational bounds or none, open or closed.
    struct Bounds {
        var lower: (value: Rational, closed: Bool)?
        var upper: (value: Rational, closed: Bool)?

        /// A rational point inside.
        var interior: Rational {
            switch (lower, upper) {
            case let (l?, u?): return (l.value + u.value) * Rational(1, 2)!
            case let (l?, nil): return l.value + .one
            case let (nil, u?): return u.value - .one
            default: return .zero
            }
        }

        /// True when r is certainly outside the interval.
        func excludes(_ r: Rational) -> Bool {
            if let l = lower, r < l.value || (r == l.value && !l.closed) { return true }
            if let u = upper, r > u.value || (r == u.value && !u.closed) { return true }
            return false
        }

        /// True when the root is certainly outside the interval.
        func excludes(_ p: AlgebraicPoint) -> Bool {
            switch p {
            case .rational(let r): return excludes(r)
            case .interval(_, let lo, let hi):
                // The root lies strictly between lo and hi.
                if let l = lower, hi <= l.value { return true }
                if let u = upper, lo >= u.value { return true }
                return false
            case .constant: return false
            }
        }
    }

    /// The interval the premises give x: atoms `x > c`, `c ≤ x`, `|x| ≤ c` with rational c.
    static func interval(of x: Symbol, _ atoms: [Condition.Atom]) -> Bounds? {
        var out = Bounds()
        var found = false
        func tighten(lower value: Rational, closed: Bool) {
            if let l = out.lower, l.value > value || (l.value == value && !l.closed) { return }
            out.lower = (value, closed)
        }
        func tighten(upper value: Rational, closed: Bool) {
            if let u = out.upper, u.value < value || (u.value == value && !u.closed) { return }
            out.upper = (value, closed)
        }
        for atom in atoms {
            let strict = atom.relation == .less || atom.relation == .greater
            var (l, rel, r) = (atom.lhs, atom.relation, atom.rhs)
            // Written as `c rel x`: flip to `x rel' c`.
            if r == Expression(x) {
                (l, r) = (r, l)
                switch rel {
                case .less: rel = .greater
                case .lessOrEqual: rel = .greaterOrEqual
                case .greater: rel = .less
                case .greaterOrEqual: rel = .lessOrEqual
                default: break
                }
            }
            guard let c = r.rationalValue else { continue }
            if l == Expression(x) {
                switch rel {
                case .greater, .greaterOrEqual: tighten(lower: c, closed: !strict); found = true
                case .less, .lessOrEqual: tighten(upper: c, closed: !strict); found = true
                default: continue
                }
            } else if l == Expression.apply(.abs, Expression(x)), rel == .less || rel == .lessOrEqual {
                tighten(lower: -c, closed: !strict)
                tighten(upper: c, closed: !strict)
                found = true
            }
        }
        return found ? out : nil
    }

    /// The conditions under which `e` is defined (divisions, roots, logarithms, …).
    static func conditions(of e: Expression) -> [DomainCondition] {
        var out: [DomainCondition] = []
        var seen = Set<Expression>()
        func walk(_ e: Expression) {
            guard seen.insert(e).inserted else { return }
            switch e.kind {
            case .power(let b, let x): out += DomainRules.power(b, x)
            case .mul(let m): for (b, x) in m.factors where !x.isOne { out += DomainRules.power(b, x) }
            case .function(let f, let args): out += DomainRules.application(f, args)
            default: break
            }
            e.children.forEach(walk)
        }
        walk(e)
        return out
    }

    /// True when `c` holds at every point of the interval (decided for rational conditions).
    static func holds(_ c: DomainCondition, on interval: Bounds, _ x: Symbol) -> Bool {
        if c.holdsByForm { return true }
        guard let (n, d) = PolynomialCondition.fraction(c.expression, x),
              let nr = RealRoots.isolate(n), let dr = RealRoots.isolate(d),
              (nr + dr).allSatisfy(interval.excludes) else { return false }
        if case .nonZero = c { return true }
        // No sign change inside: the sign at one point is the sign everywhere.
        let p = interval.interior
        return RealRoots.sign(n, at: p) * RealRoots.sign(d, at: p) > 0
    }
}

extension Verifier {
    /// `l = r` in one letter, on the interval the section's premises give it; nil when this
    /// proof does not apply or does not go through.
    func constantDifference(_ l: Expression, _ r: Expression, _ state: DocumentState) -> StepChecker.Outcome? {
        let letters = Set(l.freeSymbols).union(r.freeSymbols)
        guard letters.count == 1, let x = letters.first,
              let interval = ConstantDifference.interval(of: x, state.premises.atoms(within: [x])) else { return nil }
        let d = l - r
        guard (ConstantDifference.conditions(of: l) + ConstantDifference.conditions(of: r)).allSatisfy({ ConstantDifference.holds($0, on: interval, x) }),
              case .equal = checker.equivalence.check(d.derivative(with: x), .zero, domain: state.premises.conditions(on: [x])) else { return nil }
        let p = interval.interior
        guard case .equal = checker.equivalence.check(d.substituting([x: Expression(p)]), .zero) else { return nil }
        let name = PlainPrinter.name(x)
        return StepChecker.Outcome(verdict: .valid, method: "constant on an interval (derivative 0)",
                                   reason: "on the interval the premises give \(name), where both sides are defined, the difference of the sides has derivative 0 and is 0 at \(name) = \(p): the sides are equal there",
                                   counterexample: nil)
    }
}
