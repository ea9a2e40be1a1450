import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The verdict on a step between two lines of a solving argument, from the comparison of their
/// solution sets. A step by `\Rightarrow` or plain succession must keep every solution (A ⊆ B;
/// gaining some, as squaring does, is allowed: the answer is checked at the end); a step by
/// `\iff` must keep the set. A lost solution is a certain error only when it solves the
/// argument's first line too: dropping a value that does not (an extraneous root) is correct.
enum EquationStepOutcome {
    /// How the step was written.
    struct Link {
        /// `\iff`: the sets must be equal.
        var needsEquivalence = false
        /// No arrow: the lines only follow each other.
        var plainSuccession = false
        /// Both lines are in one display block (rows of an `aligned`, or one line).
        var sameBlock = true
        /// This line only lists values of the unknown (`x = 2`, `b = -2.8`).
        var secondIsList = false
        /// This line states an answer: the unknown alone against constants (`x > 4`, `x = 2`).
        var secondIsAnswer = false
        /// A line is an inequality (lines of inequalities in a row are often a list of conditions).
        var involvesInequality = false
        /// This line is an inequality on the unknown alone (`x > 0`) after an equation: on its own
        /// row it may state a condition of the problem rather than a step.
        var secondIsConstraint = false
        /// This line states the solution set (`x \in (1, \infty)`): every solution must be in it.
        var secondIsSolutionSet = false
        /// The first line of the argument, when it is not the previous line.
        var firstLine: Int? = nil
    }

    static func outcome(_ c: SolutionSetComparison, _ link: Link) -> StepChecker.Outcome {
        let name = PlainPrinter.name(c.variable)
        let relation = c.relation.map { $0.rawValue } ?? "substitution"
        func invalid(_ reason: String, _ ce: CounterexampleReport) -> StepChecker.Outcome {
            StepChecker.Outcome(verdict: .invalid, method: relation, reason: reason, counterexample: ce)
        }
        func valid(_ reason: String) -> StepChecker.Outcome {
            StepChecker.Outcome(verdict: .valid, method: relation, reason: reason, counterexample: nil)
        }
        if let lost = c.lost {
            let value = "\(name) = \(lost.describe(variable: name))"
            if link.needsEquivalence {
                return invalid("not equivalent: \(value) solves the previous line but not this one", report(name, lost, first: "holds", second: "fails"))
            }
            // `b > -3 ⇒ b = -2.8`: a value chosen among infinitely many solutions, not a solving step.
            if c.firstIsInfinite && link.secondIsList && c.gained == nil && c.relation != nil {
                return valid("the values given satisfy the previous line (chosen among its solutions, not all of them)")
            }
            switch c.lostSolvesOriginal {
            case true? where c.firstIsInfinite && c.gained == nil && link.secondIsAnswer && !link.secondIsSolutionSet:
                // `b > -2 ⇒ b ≥ -1.8`: a range chosen inside the solutions, or a slip; not certain either way.
                return .unchecked("this line keeps only part of the previous line's solutions (\(value) is dropped): a choice of values, or a lost solution")
            case true?:
                if link.plainSuccession && link.involvesInequality && !link.sameBlock {
                    return .unchecked("\(value) solves the previous line but not this one; inequalities in separate blocks may be a list of conditions rather than steps")
                }
                if link.plainSuccession && link.secondIsConstraint {
                    return .unchecked("\(value) solves the previous line but not this one; an inequality on its own row after an equation may be a condition of the problem rather than a step")
                }
                let also = link.firstLine != nil && c.relation != nil ? " (it solves the first line of the argument too)" : ""
                return invalid("a solution is lost: \(value) solves the previous line but not this one\(also)", report(name, lost, first: "holds", second: "fails"))
            case false?:
                let line = link.firstLine.map { " (line \($0))" } ?? ""
                return valid("drops only values that do not solve the first line of the argument\(line): extraneous solutions")
            case nil:
                return .unchecked("\(value) solves the previous line but not this one, and whether it solves the first line of the argument is not decided")
            }
        }
        if link.needsEquivalence, let gained = c.gained {
            return invalid("not equivalent: \(name) = \(gained.describe(variable: name)) solves this line but not the previous one",
                           report(name, gained, first: "fails", second: "holds"))
        }
        guard let known = c.relation else {
            let gained = c.gained.map { "; \(name) = \($0.describe(variable: name)) solves this line but not the previous one" } ?? ""
            return .unchecked("the previous line is not a rational function of \(name), so its solutions are not computed\(gained)")
        }
        if known == .equivalent {
            return valid(c.firstIsEmpty ? "neither line has a real solution" : "both lines have the same real solutions in \(name)")
        }
        let g = c.gained.map { " (this line also allows \(name) = \($0.describe(variable: name)), which the previous line does not: the answer must be checked)" } ?? ""
        return valid("every solution of the previous line solves this one\(g)")
    }

    /// A witness as a counterexample: the unknown's value, and whether each line holds there.
    static func report(_ name: String, _ p: AlgebraicPoint, first: String, second: String) -> CounterexampleReport {
        let value: String
        switch p {
        case .rational(let r): value = r.description
        case .interval, .constant: value = p.describe(variable: name)
        }
        return CounterexampleReport(point: [name: value], lhs: "previous line \(first)", rhs: "this line \(second)", correct: nil)
    }
}

extension Condition {
    /// The condition in plain syntax: `x = 2 or x = -3`, `1 < x and x <= 4`.
    var plain: String {
        if let written { return written.plain }
        return disjuncts.map { conj in
            conj.map { "\(PlainPrinter.string($0.lhs)) \($0.relation.rawValue) \(PlainPrinter.string($0.rhs))" }.joined(separator: " and ")
        }.joined(separator: " or ")
    }

    /// The condition as LaTeX for reports: `x = 2 \text{ or } x = -1`.
    var typeset: String {
        if let written { return written.typeset }
        return disjuncts.map { conj in
            conj.map { "\(MathValue.scalar($0.lhs).latex) \($0.relation.latex) \(MathValue.scalar($0.rhs).latex)" }.joined(separator: " \\text{ and } ")
        }.joined(separator: " \\text{ or } ")
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
        // `0 = 0` under the assumption a = b is a line about b that holds for every b, not an answer.
        if assumedUnknowns.contains(x) { return false }
        return disjuncts.joined().allSatisfy { a in
            let l = a.lhs.freeSymbols, r = a.rhs.freeSymbols
            return (l.isEmpty && r.isEmpty) || (a.lhs == Expression(x) && r.isEmpty) || (a.rhs == Expression(x) && l.isEmpty)
        }
    }
}
