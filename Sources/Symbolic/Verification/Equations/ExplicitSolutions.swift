import CMPFI
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// A line that lists values of the unknown, some irrational (`x = \frac{5 \pm \sqrt{13}}{2}`),
/// compared with a line that is rational in it. Each value is placed exactly: the rational line's
/// polynomials are shown zero at it by canonical forms (`(\sqrt{13})^2 = 13`) or non-zero by
/// certified intervals, and a value that solves the rational line is matched with the one root
/// of the sign chart whose isolating interval meets the value's interval.
enum ExplicitSolutions {
    typealias Poly = UnivariateDivision.Poly
    static let precision = 256

    /// The values of a line `x = c₁ or x = c₂ …` with constant c, dropping cases defined nowhere;
    /// nil when the line is not such a list.
    static func values(_ c: Condition, _ x: Symbol) -> [Expression]? {
        guard c.isSolutionList(in: x) else { return nil }
        var out: [Expression] = []
        for conj in c.disjuncts {
            let atom = conj[0]
            if atom.domain.isEmpty { continue }
            guard atom.domain.conditions.isEmpty else { return nil }
            out.append(atom.lhs == Expression(x) ? atom.rhs : atom.lhs)
        }
        return out
    }

    /// Compares a rational line with a list of values: the values that fail the rational line,
    /// and a solution of the rational line missing from the list (with whether it solves `original`).
    static func compare(rational r: PolynomialCondition, list: [Expression], _ x: Symbol, original: PolynomialCondition?,
                        equivalence: EquivalenceChecker) -> (extra: Expression?, missing: AlgebraicPoint?, missingSolvesOriginal: Bool?)? {
        // Only equations: their solutions are roots, which the values are matched with.
        guard r.disjuncts.joined().allSatisfy({ $0.relation == .equal }),
              let chart = SignChart([r] + (original.map { [$0] } ?? [])) else { return nil }
        if chart.cells.contains(where: { !$0.isRoot && chart.holds(r, on: $0) }) { return nil }
        let roots = chart.cells.filter(\.isRoot)
        var matched = Set<Int>()
        var extra: Expression? = nil
        for c in list {
            guard case .value(let ic) = IntervalEvaluator(point: [:], precision: precision).evaluate(c), ic.isBounded else { return nil }
            guard let holds = holds(r, at: c, x, equivalence) else { return nil }
            if holds {
                // c is a root of the chart's polynomial or lies in an open cell: find which.
                let meeting = roots.indices.filter { meets(roots[$0].point, ic) }
                guard meeting.count == 1 else { return nil }
                matched.insert(meeting[0])
            } else if extra == nil {
                extra = c
            }
        }
        var missing: AlgebraicPoint? = nil, solvesOriginal: Bool? = nil
        for (k, cell) in roots.enumerated() where chart.holds(r, on: cell) && !matched.contains(k) {
            // Prefer a missing root that solves the first line of the argument.
            let solves = original.map { chart.holds($0, on: cell) } ?? true
            if missing == nil || (solvesOriginal == false && solves) { missing = cell.point; solvesOriginal = solves }
        }
        return (extra, missing, solvesOriginal)
    }

    /// Two lists of values compared value by value: equal by canonical forms, different by
    /// disjoint certified intervals. The values of `a` missing from `b` and of `b` missing from
    /// `a`; nil when some pair is neither proved equal nor proved different.
    static func compareLists(_ a: [Expression], _ b: [Expression], equivalence: EquivalenceChecker) -> (onlyInA: Expression?, onlyInB: Expression?)? {
        var intervals: [Expression: Interval] = [:]
        for c in a + b where intervals[c] == nil {
            guard case .value(let i) = IntervalEvaluator(point: [:], precision: precision).evaluate(c), i.isBounded else { return nil }
            intervals[c] = i
        }
        func same(_ p: Expression, _ q: Expression) -> Bool? {
            if p == q { return true }
            if intervals[p]!.isDisjoint(from: intervals[q]!) { return false }
            // Both are numbers: every proof between them is exact.
            if case .equal = equivalence.check(p, q) { return true }
            return nil
        }
        func missing(_ from: [Expression], _ within: [Expression]) -> Expression?? {
            for p in from {
                var found = false
                for q in within {
                    guard let t = same(p, q) else { return .none }
                    if t { found = true; break }
                }
                if !found { return .some(p) }
            }
            return .some(nil)
        }
        guard let onlyInA = missing(a, b), let onlyInB = missing(b, a) else { return nil }
        return (onlyInA, onlyInB)
    }

    /// Whether a rational condition holds at the constant c, decided exactly; nil when a sign is not.
    static func holds(_ r: PolynomialCondition, at c: Expression, _ x: Symbol, _ equivalence: EquivalenceChecker) -> Bool? {
        var signs: [[Rational]: Int] = [:]
        for p in r.polynomials where signs[p] == nil {
            guard let s = sign(p, at: c, x, equivalence) else { return nil }
            signs[p] = s
        }
        return r.holds { signs[$0] ?? 0 }
    }

    /// The exact sign of p(c): rational arithmetic, certified intervals, or a proof that it is zero.
    static func sign(_ p: Poly, at c: Expression, _ x: Symbol, _ equivalence: EquivalenceChecker) -> Int? {
        let value = UnivariateDivision.expression(p, x).substituting([x: c])
        if let v = value.rationalValue { return v.signum }
        if case .value(let i) = IntervalEvaluator(point: [:], precision: precision).evaluate(value) {
            if i.isPositive { return 1 }
            if i.isNegative { return -1 }
        }
        if case .equal = equivalence.check(value, .zero) { return 0 }
        return nil
    }

    /// True when the point's isolating region (a rational, or its open interval) meets the interval.
    static func meets(_ p: AlgebraicPoint, _ i: Interval) -> Bool {
        let lo = Interval(p.lower, precision: precision), hi = Interval(p.upper, precision: precision)
        switch p {
        case .rational: return !i.isDisjoint(from: lo)
        case .interval: return !(i - hi).isNonNegative && !(lo - i).isNonNegative
        case .constant: return true
        }
    }
}
