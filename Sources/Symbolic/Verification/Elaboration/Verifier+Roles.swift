import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Roles decided before any check: what the prose says a block is (a task, a premise, a
/// rejected candidate, a sign condition), and whether a line is an equation to solve, which
/// needs evidence after it (an arrow, a consequence word, an answer line), never the failure of
/// its own check.
extension Verifier {
    /// Words between two blocks that link lines of one solving argument as consequences.
    static let consequenceWords: Set<String> = Set(ProseCues.rulesBefore.first { $0.cue == .consequence }!.phrases)

    /// Handles the block when its prose gives it a role other than claims; returns false to
    /// leave it to `process`.
    func proseRole(_ statements: [Statement], _ block: MathBlock, _ state: inout DocumentState) -> Bool {
        guard !statements.isEmpty else { return false }
        let after = ProseCues.after(ProseCues.sentenceHead(block.proseAfter))
        let before = ProseCues.before(state.sentence)
        if after?.0.cue == .rejection, rejectCandidate(statements, &state) {
            state.lastNote = "a candidate the text rejects (\(after!.1)): not part of the answer"
            return true
        }
        if after?.0.cue == .distribution, let atoms = distributionPremise(statements) {
            state.addPremises(atoms)
            state.lastNote = "premise (\(after!.1)): " + atoms.map(\.description).joined(separator: ", ")
            return true
        }
        if after?.0.cue == .sign, let atoms = signPremise(statements, phrase: after!.1) {
            state.addPremises(atoms)
            state.lastNote = "premise: " + atoms.map(\.description).joined(separator: ", ")
            return true
        }
        let task = before?.0.cue == .task || after?.0.cue == .task || (before?.0.cue == .premise && ProseCues.sentenceIsTask(state.sentence))
        if task, openTask(statements, block, &state) { return true }
        if before?.0.cue == .premise, let atoms = premiseAtoms(statements, state) {
            state.addPremises(atoms)
            state.lastNote = "premise (\(before!.1)): " + atoms.map(\.description).joined(separator: ", ")
            return true
        }
        return false
    }

    /// `Assume $a + b = 1$`, `where $x > 0$`: relations between scalars with some undefined name,
    /// none a definition (`where $h = \tanh(Wx)$` defines h, and stays a definition).
    private func premiseAtoms(_ statements: [Statement], _ state: DocumentState) -> [Condition.Atom]? {
        var atoms: [Condition.Atom] = []
        for s in statements {
            guard !s.relations.isEmpty, s.relations.allSatisfy({ Condition.decidedRelations.contains($0) }) else { return nil }
            // `name = value`, `f(x) = body`, `(a, b) = (1, 2)`: definitions, not premises.
            if definitionKind(s, state) != nil { return nil }
            if s.relations.first == .equal, case .success(.scalar(let l)) = s.items[0].value, case .symbol = l.kind { return nil }
            // Some name in it (a sum's family counts: `\sum_i w_i = 1`).
            guard let c = ConditionReader.read(s, definitions: state.definitions), c.disjuncts.count == 1,
                  c.disjuncts[0].contains(where: { !$0.letters.isEmpty || $0.lhs.hasIndexedParts || $0.rhs.hasIndexedParts }) else { return nil }
            atoms += c.disjuncts[0]
        }
        return atoms.isEmpty ? nil : atoms
    }

    /// `$x$ is positive`, `$a, b$ are nonzero`: each name written, related to 0 as the words say.
    private func signPremise(_ statements: [Statement], phrase: String) -> [Condition.Atom]? {
        guard let relation = ProseCues.signRelation(phrase) else { return nil }
        var atoms: [Condition.Atom] = []
        for s in statements {
            guard s.relations.isEmpty else { return nil }
            for item in s.items {
                guard case .success(.scalar(let e)) = item.value, case .symbol = e.kind else { return nil }
                atoms.append(Condition.Atom(lhs: e, relation: relation, rhs: .zero, domain: Domain()))
            }
        }
        return atoms.isEmpty ? nil : atoms
    }

    /// `$p$ is a probability vector`: `\sum_i p_i = 1` (whatever the index is called: sums are
    /// equal up to the names of their indices) and `p_i \ge 0`.
    private func distributionPremise(_ statements: [Statement]) -> [Condition.Atom]? {
        guard statements.count == 1, statements[0].relations.isEmpty, statements[0].items.count == 1,
              case .success(.scalar(let e)) = statements[0].items[0].value, case .symbol(let p) = e.kind, p.subscriptText == nil else { return nil }
        let name = PlainPrinter.name(p)
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }), name.count <= 12 else { return nil }
        let latex = statements[0].items[0].latex
        let sum = StatementReader.statements("\\sum_{i} \(latex)_{i} = 1", line: 0, column: 1)
        guard sum.count == 1, let c = ConditionReader.read(sum[0], definitions: Definitions()), c.disjuncts.count == 1 else { return nil }
        var atoms = c.disjuncts[0]
        let entry = Expression(Symbol(p.name, accent: p.accent, subscriptText: "i"))
        atoms.append(Condition.Atom(lhs: entry, relation: .greaterOrEqual, rhs: .zero, domain: Domain()))
        return atoms
    }

    /// `Solve $x^2 - 3x = 4$`: the equation opens a solving argument; it is no claim.
    private func openTask(_ statements: [Statement], _ block: MathBlock, _ state: inout DocumentState) -> Bool {
        guard statements.count == 1, let s = statements.first, let c = ConditionReader.read(s, definitions: state.definitions),
              !c.unknowns.isEmpty else { return false }
        endArgument(&state)
        state.equations.enter(block, statements: 1)
        let line = EquationArgument.Line(
            condition: c, line: block.line, latex: s.latexText, plain: c.plain, typeset: c.typeset, block: state.equations.block, end: 1,
            lastInBlock: true, followsArrow: false, isTask: true)
        state.equations.first = line
        state.equations.last = line
        state.equations.currentBlock.append(c)
        state.solvedUnknowns.formUnion(c.unknowns)
        state.lastNote = "task: solve \(s.latexText) for \(c.unknownList); the lines after it are steps of its solution"
        return true
    }

    /// `$x = -1$ is excluded`: the value leaves the answer of the argument in progress.
    private func rejectCandidate(_ statements: [Statement], _ state: inout DocumentState) -> Bool {
        guard let last = state.equations.last, last.condition.unknowns.count == 1, let x = last.condition.unknowns.first else { return false }
        var values: [Expression] = []
        for s in statements {
            guard let c = ConditionReader.read(s, definitions: state.definitions)?.renamingIndexed(to: x), c.isSolutionList(in: x) else { return false }
            for conj in c.disjuncts { values.append(conj[0].lhs == Expression(x) ? conj[0].rhs : conj[0].lhs) }
        }
        guard !values.isEmpty else { return false }
        state.equations.rejected += values
        return true
    }

    /// Opens a solving argument at statements[k] when its identity check did not prove it, it
    /// reads as a condition on unknowns, and evidence shows it is an equation to solve. Records
    /// the line (as an equation to solve, or as a rewriting of an equation of the block before)
    /// and returns true; returns false (recording nothing) otherwise.
    func openArgument(_ statements: [Statement], at k: Int, _ outcomes: [StepChecker.Outcome], _ block: MathBlock, _ state: inout DocumentState) -> Bool {
        endArgument(&state)
        let s = statements[k]
        // Under an assumption `a = b`, a line that holds is a line of the argument too: it holds
        // on the assumption's solution set, and the next line must hold on all of it.
        let underAssumption = !s.assumedNames(state.definitions).isEmpty
        guard !outcomes.isEmpty, outcomes.count == s.relations.count,
              outcomes.allSatisfy({ o in
                  o.verdict == .invalid || (underAssumption && o.verdict == .valid) || (o.verdict == .unchecked && o.finding != .undecided)
              }),
              var c = ConditionReader.read(s, definitions: state.definitions) else { return false }
        // Nothing after the line in its section: no evidence can follow.
        if k + 1 >= statements.count { state.lookedAhead = max(state.lookedAhead, state.blockIndex + 1) }
        guard k + 1 < statements.count || (state.blockIndex + 1 < state.blocks.count
              && state.blockSections[state.blockIndex + 1] == state.blockSections[state.blockIndex]) else { return false }
        if underAssumption { c.assumedUnknowns = Set(s.assumedNames(state.definitions).compactMap { state.definitions.assumed[$0] }) }
        guard !c.unknowns.isEmpty else { return false }
        // Words are read only as connectives between relations (`x + y = 3 \text{ and } x - y = 1`).
        let connected = c.disjuncts.count > 1 || c.disjuncts.contains { $0.count > 1 }
        if outcomes.contains(where: { $0.finding == .words }) && !connected { return false }
        let evidence = underAssumption ? (found: true, reached: state.blockIndex) : solvingEvidence(statements, at: k, unknowns: c.unknowns, state)
        state.lookedAhead = max(state.lookedAhead, evidence.reached)
        guard evidence.found else { return false }
        // A row that rewrites an equation of the block before it, reached by an arrow or in a
        // block joined to it, is checked as that rewriting (not as an identity of its own).
        var rewriting: StepChecker.Outcome? = nil
        if !underAssumption, s.followsArrow || state.equations.joinedToPrevious || k > 0 {
            rewriting = RewritingStep.outcome(c, candidates: state.equations.previousBlock, equivalence: checker.equivalence)?.taken(as: "equation step")
        }
        let toSolve = StepChecker.Outcome(verdict: .unchecked, method: "equation to solve",
            reason: "an equation in \(c.unknownList), solved by the lines after it (each checked as a step); not an identity", counterexample: nil)
        if connected && outcomes.count > 1 {
            // One record for the whole line (`x + y = 3 \text{ and } x - y = 1`), not one per pair
            // of items split across the connective.
            let o = rewriting ?? toSolve
            emit(StepResult(line: block.line, column: s.items[0].line == block.line ? s.items[0].column : block.column, latex: s.latexText,
                            lhs: c.plain, rhs: "", verdict: o.verdict, method: o.method, reason: o.reason, counterexample: o.counterexample,
                            typeset: c.typeset), &state)
        } else {
            for i in 0..<s.relations.count {
                let o = rewriting ?? (outcomes[i].verdict == .valid ? outcomes[i] : toSolve)
                record(block, s.items[i], s.items[i + 1], o, &state, relation: s.relations[i])
            }
        }
        let line = EquationArgument.Line(
            condition: c, line: block.line, latex: s.latexText, plain: c.plain, typeset: c.typeset, block: state.equations.block, end: k + 1,
            lastInBlock: k + 1 == statements.count, followsArrow: s.followsArrow, isTask: false)
        state.equations.first = line
        state.equations.last = line
        state.equations.currentBlock.append(c)
        state.solvedUnknowns.formUnion(c.unknowns)
        return true
    }

    /// The most statements the look-ahead reads after a line.
    static let lookaheadStatements = 24

    /// True when what follows statements[k] of the current block shows it is an equation to
    /// solve: an arrow (`\Rightarrow`, `\iff`, `\therefore`) or a consequence word (`so`,
    /// `hence`, `پس`) before the next line, or an answer line in its unknowns (`x = 3`,
    /// `x \ge -2`) reached through rows and display blocks with nothing but restating words
    /// between them. Two display blocks in a row with no such link are two claims. Also returns
    /// the furthest block read.
    func solvingEvidence(_ statements: [Statement], at k: Int, unknowns: Set<Symbol>, _ state: DocumentState) -> (found: Bool, reached: Int) {
        var list = statements
        var index = state.blockIndex
        var j = k
        for _ in 0..<Verifier.lookaheadStatements {
            j += 1
            if j >= list.count {
                index += 1
                guard index < state.blocks.count, state.blockSections[index] == state.blockSections[state.blockIndex] else { return (false, index) }
                let next = state.blocks[index]
                list = state.preread[index]
                j = 0
                guard !list.isEmpty else { return (false, index) }
                let words = EquationArgument.gapWords(next.proseBefore)
                if Verifier.consequenceWords.contains(words) || list[0].followsArrow { return (true, index) }
                guard next.display, EquationArgument.connectives.contains(words) else { return (false, index) }
            } else if list[j].followsArrow {
                return (true, index)
            }
            let s = list[j]
            if let c = ConditionReader.read(s, definitions: state.definitions), c.isAnswerLine(in: unknowns) { return (true, index) }
        }
        return (false, index)
    }
}

extension Verifier.DocumentState {
    /// Premises hold for the rest of the section; their inequalities also restrict the parameter
    /// values a step with parameters is tried at.
    mutating func addPremises(_ atoms: [Condition.Atom]) {
        for atom in atoms {
            premises.add(atom)
            if atom.relation != .equal { assumptions.append(atom) }
        }
    }
}

extension Condition {
    /// True when the line states values or bounds of some of `unknowns` and nothing else
    /// (`x = 3`, `x = 2 \text{ or } x = -2`, `x \ge -2`, `x = 3, y = 1`).
    func isAnswerLine(in unknowns: Set<Symbol>) -> Bool {
        guard !disjuncts.isEmpty, !self.unknowns.isEmpty, self.unknowns.isSubset(of: unknowns) else { return false }
        return disjuncts.joined().allSatisfy { a in
            let l = a.lhs.freeSymbols, r = a.rhs.freeSymbols
            if case .symbol = a.lhs.kind, r.isEmpty { return true }
            if case .symbol = a.rhs.kind, l.isEmpty { return true }
            return false
        }
    }
}
