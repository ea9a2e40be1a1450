import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Steps of an argument about a system of linear equations in several unknowns
/// (`x + y = 3 \text{ and } x - y = 1 \Rightarrow 2x = 4 \Rightarrow x = 2 \text{ and } y = 1`).
///
/// Each line is compared with the system the argument has established so far (the conjunction
/// of its lines), over the reals and exactly: a line that some solution of the system fails has
/// lost a solution (`invalid`, with that solution as the witness); a line every solution
/// satisfies follows from the system (`valid`: implies, or equivalent when the sets agree).
/// After `\iff`, the sets must agree.
enum LinearSystemStep {
    /// The equations of a condition that is one conjunction of equations, each linear in
    /// `unknowns` with rational coefficients and defined everywhere; nil otherwise.
    static func rows(_ c: Condition, _ unknowns: [Symbol]) -> [AffineSolutionSet.Row]? {
        guard c.disjuncts.count == 1, unknowns.count <= 32, c.disjuncts[0].count <= 32 else { return nil }
        var out: [AffineSolutionSet.Row] = []
        for atom in c.disjuncts[0] {
            guard atom.relation == .equal, atom.domain.conditions.isEmpty, !atom.domain.isEmpty,
                  let row = SymbolicLinearRows.row(atom.lhs - atom.rhs, unknowns), let constant = row.constant.rationalValue else { return nil }
            out.append(AffineSolutionSet.Row(coefficients: row.coefficients, constant: constant))
        }
        return out
    }

    /// The verdict on `line` after the argument's `system`; nil when either is not a linear
    /// system in two or more unknowns (the one-unknown checker handles those).
    static func outcome(system: Condition, line: Condition, needsEquivalence: Bool) -> StepChecker.Outcome? {
        let unknowns = system.unknowns.union(line.unknowns).sorted { Symbol.compare($0, $1) < 0 }
        guard unknowns.count >= 2, let rs = rows(system, unknowns), let rl = rows(line, unknowns) else { return nil }
        let (ss, sl) = (AffineSolutionSet(rs, unknowns: unknowns), AffineSolutionSet(rl, unknowns: unknowns))
        let lost = ss.pointOutside(rl), gained = sl.pointOutside(rs)
        func point(_ p: [Rational]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: zip(unknowns, p).map { (PlainPrinter.name($0.0), $0.1.description) })
        }
        func describe(_ p: [Rational]) -> String { zip(unknowns, p).map { "\(PlainPrinter.name($0.0)) = \($0.1)" }.joined(separator: ", ") }
        if let lost {
            return StepChecker.Outcome(
                verdict: .invalid, method: "linear system",
                reason: "a solution is lost: \(describe(lost)) solves the system of the previous lines but not this line",
                counterexample: CounterexampleReport(point: point(lost), lhs: "previous lines hold", rhs: "this line fails", correct: nil))
        }
        if let gained, needsEquivalence {
            return StepChecker.Outcome(
                verdict: .invalid, method: "linear system",
                reason: "not equivalent: \(describe(gained)) solves this line but not the system of the previous lines",
                counterexample: CounterexampleReport(point: point(gained), lhs: "previous lines fail", rhs: "this line holds", correct: nil))
        }
        let names = unknowns.map(PlainPrinter.name).joined(separator: ", ")
        if gained == nil {
            let empty = ss.particular == nil ? "neither has a real solution" : "the same real solutions in \(names)"
            return StepChecker.Outcome(verdict: .valid, method: "linear system, equivalent",
                                       reason: "this line and the system of the previous lines have \(empty)", counterexample: nil)
        }
        return StepChecker.Outcome(verdict: .valid, method: "linear system, implies",
                                   reason: "every solution of the system of the previous lines solves this line", counterexample: nil)
    }

    /// The system after a step: the conjunction of both, or the line alone when they contradict
    /// each other (an error carried forward is judged from the line as written).
    static func extended(_ system: Condition, with line: Condition) -> Condition {
        let unknowns = system.unknowns.union(line.unknowns).sorted { Symbol.compare($0, $1) < 0 }
        let both = Condition(disjuncts: [system.disjuncts[0] + line.disjuncts[0]])
        guard let rows = rows(both, unknowns), AffineSolutionSet(rows, unknowns: unknowns).particular != nil else { return line }
        return both
    }
}
