import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A step between equations in one unknown and some parameters (`a x = b \Rightarrow x = b/a`):
/// the unknown is the name the line isolates, the other names are parameters.
///
/// Each parameter is set to a few values (0, 1, -1, 2; those the section's assumptions such as
/// `a \neq 0` allow), and the two lines are compared exactly in the unknown at each: a solution
/// lost at some parameter values is a certain error, with those values as the witness ("valid
/// only when a ≠ 0"). Agreement at the values tried proves nothing: the step stays `unchecked`.
enum ParameterStep {
    static let values: [Rational] = [0, 1, -1, 2]
    static let maximumParameters = 3

    static func outcome(_ a: Condition, _ b: Condition, needsEquivalence: Bool, assumptions: [Condition.Atom]) -> StepChecker.Outcome? {
        guard let x = isolated(b) else { return nil }
        let parameters = a.unknowns.union(b.unknowns).subtracting([x]).sorted { Symbol.compare($0, $1) < 0 }
        guard !parameters.isEmpty, parameters.count <= maximumParameters, a.unknowns.contains(x) else { return nil }
        let name = PlainPrinter.name(x)
        var tried = 0
        let combinations = parameters.reduce(1) { n, _ in n * values.count }
        for n in 0..<combinations {
            var point: [Symbol: Rational] = [:]
            var rest = n
            for p in parameters { point[p] = values[rest % values.count]; rest /= values.count }
            // Only values the section allows (assumptions about these parameters alone).
            guard assumptions.allSatisfy({ atom in
                let names = Set(atom.lhs.freeSymbols + atom.rhs.freeSymbols)
                return !names.isSubset(of: Set(parameters)) || atom.truth(at: point) != false
            }) else { continue }
            let (ap, bp) = (substituting(a, point, x), substituting(b, point, x))
            guard case .success(let c) = SolutionSets.compare(ap, bp), c.variable == x || ap.unknowns.union(bp.unknowns).isEmpty else { continue }
            tried += 1
            let at = parameters.map { "\(PlainPrinter.name($0)) = \(point[$0]!)" }.joined(separator: ", ")
            var report = point.reduce(into: [String: String]()) { $0[PlainPrinter.name($1.key)] = $1.value.description }
            if let lost = c.lost, c.lostSolvesOriginal == true {
                report[name] = lost.describe(variable: name)
                return StepChecker.Outcome(
                    verdict: .invalid, method: "with parameters (\(at))",
                    reason: "not valid for every value of the parameters: with \(at), \(name) = \(lost.describe(variable: name)) solves the previous line but not this one",
                    counterexample: CounterexampleReport(point: report, lhs: "previous line holds", rhs: "this line fails", correct: nil))
            }
            if needsEquivalence, let gained = c.gained {
                report[name] = gained.describe(variable: name)
                return StepChecker.Outcome(
                    verdict: .invalid, method: "with parameters (\(at))",
                    reason: "not equivalent for every value of the parameters: with \(at), \(name) = \(gained.describe(variable: name)) solves this line but not the previous one",
                    counterexample: CounterexampleReport(point: report, lhs: "previous line fails", rhs: "this line holds", correct: nil))
            }
        }
        guard tried > 0 else { return nil }
        let names = parameters.map(PlainPrinter.name).joined(separator: ", ")
        return .unchecked("a step in \(name) with parameters \(names): no solution is lost at the \(tried) parameter values tried, which proves nothing for the others")
    }

    /// The name a line solves for: every relation has it alone on one side (`x = b/a`, `x = \pm \sqrt{a}`).
    static func isolated(_ c: Condition) -> Symbol? {
        var found: Symbol? = nil
        for atom in c.disjuncts.joined() {
            let side: Symbol
            if case .symbol(let s) = atom.lhs.kind, !atom.rhs.contains(s) { side = s }
            else if case .symbol(let s) = atom.rhs.kind, !atom.lhs.contains(s) { side = s }
            else { return nil }
            if let f = found, f != side { return nil }
            found = side
        }
        return found
    }

    /// The condition with the parameters at `point`; a relation whose side becomes undefined, or
    /// whose domain certainly fails there, holds nowhere.
    static func substituting(_ c: Condition, _ point: [Symbol: Rational], _ x: Symbol) -> Condition {
        let map = point.mapValues { Expression($0) }
        let never = Condition.Atom(lhs: Expression(x), relation: .notEqual, rhs: Expression(x), domain: Domain())
        return Condition(disjuncts: c.disjuncts.map { conj in
            conj.map { atom in
                let (l, r, d) = (atom.lhs.substituting(map), atom.rhs.substituting(map), atom.domain.substituting(map))
                if l.isUndefined || r.isUndefined || d.truth(at: [:]) == .fails { return never }
                return Condition.Atom(lhs: l, relation: atom.relation, rhs: r, domain: d)
            }
        })
    }
}
