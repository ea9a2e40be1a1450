import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Steps between equations and inequalities. A task (`Solve $…$`), or a line that the identity
/// checker does not prove and that evidence after it shows to be an equation to solve (see
/// `Verifier.openArgument`), opens a solving argument; a line reached from it by `\Rightarrow`,
/// `\implies`, `\therefore`, `\iff` or by plain succession is then checked as a step between
/// conditions (`SolutionSets`), not as an identity, and the relation found (equivalent, implies,
/// implied by) goes in the step's `method`. The argument holds its steps and emits them when it
/// closes, once its answer has been compared with its first line.
extension Verifier {
    static let implicationArrows: Set<String> = ["Rightarrow", "implies", "Longrightarrow", "therefore", "rightarrow", "longrightarrow"]
    static let equivalenceArrows: Set<String> = ["iff", "Leftrightarrow"]

    /// Checks statements[k] as a step from the argument's last line when it is one; returns the
    /// statements used, or nil (having ended the argument) when it is not.
    func equationStep(_ statements: [Statement], at k: Int, _ block: MathBlock, _ state: inout DocumentState) -> Int? {
        guard let a = state.equations.last else { return nil }
        let s = statements[k]
        var needsEquivalence = false, plainSuccession = false
        if let arrow = s.arrow {
            needsEquivalence = Verifier.equivalenceArrows.contains(arrow)
            guard needsEquivalence || Verifier.implicationArrows.contains(arrow) else { return endArgument(&state) }
        } else {
            // Statements on one line are a list (`x > 0, \quad y = 2`), not successive steps.
            guard s.startsRow else { return endArgument(&state) }
            plainSuccession = true
            // After an answer (`x = 3`, `0 = 3`, `x = 5, y = 2`), a new equation starts a new argument.
            if let x = a.condition.unknowns.first, a.condition.unknowns.count == 1, a.condition.isAnswer(in: x),
               let b = ConditionReader.read(s, definitions: state.definitions), !b.renamingIndexed(to: x).isAnswer(in: x) {
                return endArgument(&state)
            }
            if a.condition.unknowns.count > 1, a.condition.isAnswerLine(in: a.condition.unknowns),
               let b = ConditionReader.read(s, definitions: state.definitions), !b.isAnswerLine(in: a.condition.unknowns) {
                return endArgument(&state)
            }
        }
        guard state.equations.continues(at: k, s), var b = ConditionReader.read(s, definitions: state.definitions) else { return endArgument(&state) }
        b.assumedUnknowns = Set(s.assumedNames(state.definitions).compactMap { state.definitions.assumed[$0] })
        var used = 1
        if a.condition.unknowns.count == 1, let x = a.condition.unknowns.first {
            // `x = 2, x = -3` (or `x_1 = 2, x_2 = -3`) on one line: one list of solutions.
            b = b.renamingIndexed(to: x)
            while b.isSolutionList(in: x), k + used < statements.count, !statements[k + used].followsArrow,
                  !statements[k + used].startsRow,
                  let more = ConditionReader.read(statements[k + used], definitions: state.definitions)?.renamingIndexed(to: x),
                  more.isSolutionList(in: x) {
                b.disjuncts += more.disjuncts
                used += 1
            }
        }
        // Succession links lines about the same unknowns only.
        let system = state.equations.system ?? a.condition
        if plainSuccession && !b.unknowns.isSubset(of: system.unknowns) { return endArgument(&state) }
        let firstIsPrevious = state.equations.first.map { $0.block == a.block && $0.end == a.end } ?? true
        let original = firstIsPrevious ? nil : state.equations.first
        var outcome: StepChecker.Outcome
        var lastMayBeCondition = false
        let linear = LinearSystemStep.outcome(system: system, line: b, needsEquivalence: needsEquivalence)
        if let linear {
            outcome = linear
        } else {
        // The section's premises on the unknowns hold on every line (`t > 0` with `t^2 = 16`).
        let premises = state.premises.atoms(within: a.condition.unknowns.union(b.unknowns))
        switch SolutionSets.compare(a.condition.conjoining(premises), b.conjoining(premises), original: original?.condition.conjoining(premises)) {
        case .failure(let why):
            // A true statement about numbers after an undecided equation: checked as arithmetic.
            if b.unknowns.isEmpty && b.truth(at: [:]) == true { return endArgument(&state) }
            if plainSuccession && !b.unknowns.isEmpty && b.disjuncts.count == 1 && b.disjuncts[0].count == 1 {
                // An identity written after an equation is a claim of its own.
                let atom = b.disjuncts[0][0]
                if case .equal = checker.equivalence.check(atom.lhs, atom.rhs, domain: atom.domain) { return endArgument(&state) }
            }
            outcome = RewritingStep.outcome(b, candidates: state.equations.previousBlock, equivalence: checker.equivalence)
                ?? CoefficientMatching.outcome(b, rows: state.equations.previousBlock, equivalence: checker.equivalence)
                ?? ParameterStep.outcome(a.condition, b, needsEquivalence: needsEquivalence, assumptions: state.assumptions)
                ?? .unchecked("a step between equations that is not decided: " + why.reason)
        case .success(let c):
            // After an equation, an identity or a true statement about numbers is a claim of its own.
            if plainSuccession && c.relation != nil && c.secondIsIdentity { return endArgument(&state) }
            let x = c.variable
            let link = EquationStepOutcome.Link(
                needsEquivalence: needsEquivalence, plainSuccession: plainSuccession, sameBlock: a.block == state.equations.block,
                secondIsList: b.isSolutionList(in: x), secondIsAnswer: b.isAnswer(in: x),
                involvesInequality: a.condition.hasInequality || b.hasInequality,
                secondIsConstraint: b.hasInequality && b.isAnswer(in: x) && !a.condition.hasInequality,
                secondIsSolutionSet: b.written != nil, firstLine: original?.line)
            outcome = EquationStepOutcome.outcome(c, link)
            // A condition stated on its own row (`x > 0` after `x^2 = 4`) is no answer to check.
            lastMayBeCondition = plainSuccession && link.secondIsConstraint
        }
        }
        outcome = outcome.taken(as: needsEquivalence && !outcome.method.isEmpty ? "equation step (⇔)" : "equation step")
        if let assumption = (s.assumedNames(state.definitions).first.flatMap { n in state.definitions.assumed[n].map { (n, $0) } }) {
            // The witness is a point of the assumption: the assumed name takes its partner's value.
            let (name, partner) = (PlainPrinter.name(assumption.0), PlainPrinter.name(assumption.1))
            var reason = outcome.reason
            let witness = outcome.counterexample.map { c in
                var point = c.point
                if let v = point[partner], point[name] == nil {
                    point[name] = v
                    reason += " (and \(name) = \(v), as the assumption \(name) = \(partner) requires)"
                }
                return CounterexampleReport(point: point, lhs: c.lhs, rhs: c.rhs, correct: c.correct)
            }
            outcome = StepChecker.Outcome(verdict: outcome.verdict, method: outcome.method + " (under the assumption \(name) = \(partner))",
                                          reason: reason, counterexample: witness)
        }
        let last = statements[k + used - 1]
        let written = statements[k..<(k + used)]
        let latex = (s.arrow.map { "\\\($0) " } ?? "") + written.map(\.latexText).joined(separator: ", ")
        let typeset = b.typeset
        let first = s.items[0]
        // Held until the argument closes (its answer is compared with its first line then).
        state.recordedCount += 1
        state.equations.pending.append(StepResult(line: block.line, column: first.line == block.line ? first.column : block.column, latex: latex,
                                                  lhs: a.plain, rhs: b.plain, verdict: outcome.verdict, method: outcome.method, reason: outcome.reason,
                                                  counterexample: outcome.counterexample, typeset: typeset))
        state.equations.last = EquationArgument.Line(
            condition: b, line: block.line, latex: latex, plain: b.plain, typeset: typeset, block: state.equations.block, end: k + used,
            lastInBlock: k + used == statements.count, followsArrow: s.followsArrow)
        state.equations.system = linear == nil ? nil : LinearSystemStep.extended(system, with: b)
        state.equations.currentBlock.append(b)
        state.solvedUnknowns.formUnion(b.unknowns)
        state.equations.steps += 1
        state.equations.lastMayBeCondition = lastMayBeCondition
        state.equations.lastStepRecord = state.equations.pending.count - 1
        state.previousLast = last.items.last
        return used
    }

    /// Ends the argument in progress and emits its steps. When its last line states the answer
    /// (`x = 2 \text{ or } x = 3`, `x > 4`, `0 = 3`), less the candidates the text rejected, the
    /// answer is compared with the first line first; a wrong answer marks the last step, unless
    /// an earlier step already carries the error. Returns nil.
    @discardableResult
    func endArgument(_ state: inout DocumentState) -> Int? {
        var pending = state.equations.pending
        let answer = answerOutcome(state)
        state.equations.reset()
        if let (o, first) = answer, let i = pending.indices.last {
            let step = pending[i]
            pending[i] = StepResult(line: step.line, column: step.column, latex: step.latex, lhs: step.lhs, rhs: step.rhs, verdict: o.verdict,
                                    method: o.method + " against line \(first)", reason: o.reason, counterexample: o.counterexample, typeset: step.typeset)
        }
        for step in pending { emit(step, &state, recorded: false) }
        return nil
    }

    /// The outcome for the argument's last step when its answer differs from the first line's
    /// solution set, with the first line's number; nil when it agrees, is no answer, or some
    /// step already failed.
    private func answerOutcome(_ state: DocumentState) -> (StepChecker.Outcome, Int)? {
        let e = state.equations
        guard e.steps > 0, !e.lastMayBeCondition, let first = e.first, let last = e.last, !e.pending.isEmpty,
              !e.pending.contains(where: { $0.verdict == .invalid }),
              first.condition.unknowns.count == 1, let x = first.condition.unknowns.first else { return nil }
        var answer = last.condition
        if !e.rejected.isEmpty {
            answer = answer.renamingIndexed(to: x)
            guard answer.isSolutionList(in: x) else { return nil }
            answer.disjuncts = answer.disjuncts.filter { conj in
                let value = conj[0].lhs == Expression(x) ? conj[0].rhs : conj[0].lhs
                return !e.rejected.contains(value)
            }
            // Every candidate rejected: the answer is that there is no solution.
            if answer.disjuncts.isEmpty { answer.disjuncts = [[Condition.Atom(lhs: .zero, relation: .equal, rhs: .one, domain: Domain())]] }
        }
        let premises = state.premises.atoms(within: [x])
        guard answer.isAnswer(in: x), !answer.unknowns.isEmpty || last.followsArrow || !e.rejected.isEmpty,
              case .success(let c) = SolutionSets.compare(first.condition.conjoining(premises), answer.conjoining(premises)) else { return nil }
        let name = PlainPrinter.name(x)
        if let g = c.gained {
            return (StepChecker.Outcome(verdict: .invalid, method: "equation step: the answer checked",
                reason: "the answer is wrong: \(name) = \(g.describe(variable: name)) satisfies this last line but not the first line of the argument (\(first.latex))",
                counterexample: EquationStepOutcome.report(name, g, first: "fails", second: "holds")), first.line)
        }
        if c.relation != nil, !c.firstIsInfinite, let l = c.lost, answer.isSolutionList(in: x) || !e.rejected.isEmpty {
            return (StepChecker.Outcome(verdict: .invalid, method: "equation step: the answer checked",
                reason: "the answer is incomplete: \(name) = \(l.describe(variable: name)) solves the first line of the argument (\(first.latex)) but is not among the solutions given",
                counterexample: EquationStepOutcome.report(name, l, first: "holds", second: "fails")), first.line)
        }
        if let wrong = Verifier.wrongMultiplicity(last.condition, of: first.condition, x) {
            return (StepChecker.Outcome(verdict: .invalid, method: "equation step: the multiplicities checked",
                reason: "\(name) = \(wrong.root) is a root of multiplicity \(wrong.actual) of the first line of the argument (\(first.latex)), not \(wrong.stated) as stated",
                counterexample: nil), first.line)
        }
        return nil
    }
}

extension Verifier {
    /// A value of the answer whose stated multiplicity (`\text{(double root)}`) differs from its
    /// multiplicity as a root of the first line, when that line is one polynomial equation in x.
    static func wrongMultiplicity(_ answer: Condition, of first: Condition, _ x: Symbol) -> (root: Rational, stated: Int, actual: Int)? {
        guard !answer.statedMultiplicities.isEmpty, first.disjuncts.count == 1, first.disjuncts[0].count == 1,
              first.disjuncts[0][0].relation == .equal else { return nil }
        let atom = first.disjuncts[0][0]
        guard let p = (atom.lhs - atom.rhs).expanded(maxTerms: 1_000), let poly = UnivariateDivision.poly(p, x), poly.count >= 2 else { return nil }
        for (k, stated) in answer.statedMultiplicities.sorted(by: { $0.key < $1.key }) where k < answer.disjuncts.count {
            let a = answer.disjuncts[k][0]
            guard let r = (a.lhs == Expression(x) ? a.rhs : a.lhs).rationalValue else { continue }
            let actual = UnivariateDivision.multiplicity(of: r, in: poly)
            if actual != stated { return (r, stated, actual) }
        }
        return nil
    }
}

extension Statement {
    /// The names written in the statement that an opening `a = b` equated to another name.
    func assumedNames(_ definitions: Definitions) -> [Symbol] {
        guard !definitions.assumed.isEmpty else { return [] }
        return items.flatMap { item -> [Symbol] in
            guard case .success(let v) = item.value else { return [] }
            return v.symbols.filter { definitions.assumed[$0] != nil }.sorted { $0.name < $1.name }
        }
    }

    /// The statement's source: items joined by their relations.
    var latexText: String {
        var out = items.first?.latex ?? ""
        for (r, item) in zip(relations, items.dropFirst()) { out += " \(r.latex) " + item.latex }
        return out
    }
}
