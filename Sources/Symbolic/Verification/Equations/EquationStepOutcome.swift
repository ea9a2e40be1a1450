/// The verdict on a step between two lines of a solving argument, from the comparison of their
/// solution sets. A step by `\Rightarrow` or plain succession must keep every solution (A ⊆ B;
/// gaining some, as squaring does, is allowed: the answer is checked at the end); a step by
/// `\iff` must keep the set. A lost solution is a certain error only when it solves the
/// argument's first line too: dropping a value that does not (an extraneous root) is correct.
enum EquationStepOutcome {
    static func outcome(_ c: SolutionSetComparison, needsEquivalence: Bool, first: EquationArgument.Line?, previous: EquationArgument.Line) -> StepChecker.Outcome {
        let name = PlainPrinter.name(c.variable)
        let arrow = needsEquivalence ? " (⇔)" : ""
        func invalid(_ method: String, _ reason: String, _ ce: CounterexampleReport) -> StepChecker.Outcome {
            StepChecker.Outcome(verdict: .invalid, method: method, reason: reason, counterexample: ce)
        }
        func valid(_ method: String, _ reason: String) -> StepChecker.Outcome {
            StepChecker.Outcome(verdict: .valid, method: method, reason: reason, counterexample: nil)
        }
        let firstIsElsewhere = first.map { $0.line != previous.line || $0.latex != previous.latex } ?? false
        if let lost = c.lost, !c.lostOnlyNonSolutions {
            let also = firstIsElsewhere && c.relation != nil ? " (it solves the first line of the argument too)" : ""
            let relation = c.relation.map { "equation step\(arrow): \($0.rawValue)" } ?? "equation step\(arrow): substitution"
            return invalid(relation, "a solution is lost: \(name) = \(lost.describe(variable: name)) solves the previous line but not this one\(also)",
                           report(name, lost, first: "holds", second: "fails"))
        }
        if needsEquivalence, let gained = c.gained {
            let relation = c.relation.map { "equation step\(arrow): \($0.rawValue)" } ?? "equation step\(arrow): substitution"
            return invalid(relation, "not equivalent: \(name) = \(gained.describe(variable: name)) solves this line but not the previous one",
                           report(name, gained, first: "fails", second: "holds"))
        }
        guard let relation = c.relation else {
            let gained = c.gained.map { "; \(name) = \($0.describe(variable: name)) solves this line but not the previous one" } ?? ""
            return .unchecked("the previous line is not a rational function of \(name), so its solutions are not computed\(gained)")
        }
        switch relation {
        case .equivalent:
            return valid("equation step\(arrow): equivalent", c.firstIsEmpty ? "neither line has a real solution" : "both lines have the same real solutions in \(name)")
        case .implies:
            let g = c.gained.map { " (this line also allows \(name) = \($0.describe(variable: name)), which the previous line does not: the answer must be checked)" } ?? ""
            return valid("equation step: implies", "every solution of the previous line solves this one\(g)")
        case .impliedBy, .neither:
            let line = first.map { " (line \($0.line))" } ?? ""
            return valid("equation step: \(relation.rawValue)", "drops only values that do not solve the first line of the argument\(line): extraneous solutions")
        }
    }

    /// A witness as a counterexample: the unknown's value, and whether each line holds there.
    static func report(_ name: String, _ p: AlgebraicPoint, first: String, second: String) -> CounterexampleReport {
        let value: String
        switch p {
        case .rational(let r): value = r.description
        case .interval: value = p.describe(variable: name)
        }
        return CounterexampleReport(point: [name: value], lhs: "previous line \(first)", rhs: "this line \(second)", correct: nil)
    }
}

extension Condition {
    /// The condition in plain syntax: `x = 2 or x = -3`, `1 < x and x <= 4`.
    var plain: String {
        disjuncts.map { conj in
            conj.map { "\(PlainPrinter.string($0.lhs)) \($0.relation.rawValue) \(PlainPrinter.string($0.rhs))" }.joined(separator: " and ")
        }.joined(separator: " or ")
    }

    var unknownList: String { unknowns.map(PlainPrinter.name).sorted().joined(separator: ", ") }

    /// `x_1`, `x_2` written for the unknown `x` (the numbered solutions of one equation) read as `x`.
    func renamingIndexed(to x: Symbol) -> Condition {
        var map: [Symbol: Expression] = [:]
        for s in unknowns where s != x && s.name == x.name && s.accent == x.accent && x.subscriptText == nil
            && (s.subscriptText.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? false) {
            map[s] = Expression(x)
        }
        if map.isEmpty { return self }
        return Condition(disjuncts: disjuncts.map { conj in
            conj.map { Atom(lhs: $0.lhs.substituting(map), relation: $0.relation, rhs: $0.rhs.substituting(map), domain: $0.domain.substituting(map)) }
        })
    }

    /// True when the line states an answer: every relation has the unknown alone on one side
    /// and a constant on the other (`x = 2 \text{ or } x = 3`, `x > 4`, `1 < x < 3`), or none (`0 = 3`).
    func isAnswer(in x: Symbol) -> Bool {
        disjuncts.joined().allSatisfy { a in
            let l = a.lhs.freeSymbols, r = a.rhs.freeSymbols
            return (l.isEmpty && r.isEmpty) || (a.lhs == Expression(x) && r.isEmpty) || (a.rhs == Expression(x) && l.isEmpty)
        }
    }
}
