import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Elaboration: what each statement is taken for, decided before it is checked (`LineKind`).
extension Verifier {
    /// A statement with the kind it was taken for.
    struct ElaboratedStatement {
        var kind: LineKind
        /// As written (definitions are recognised on it).
        let written: Statement
        /// As checked: read again with the matrices and vectors defined so far (so `\tilde{X}^T`
        /// is the transpose of a defined matrix), a leading `=` continuing the previous chain and
        /// a leading operator applied to the previous value.
        var checked: Statement
    }

    /// The kinds decided by the statement's form alone: a condition stated with it, a side that
    /// cannot be read, a continuation with nothing to continue, a distribution. Nil for the
    /// others, which `elaborateClaim` decides once the document's model has seen the statement.
    func elaborateForm(_ statements: [Statement], at k: Int, _ block: MathBlock, _ state: DocumentState) -> ElaboratedStatement {
        let written = statements[k]
        var s = written
        s.items = s.items.map { $0.reread(matrices: state.definitions.matrices, vectors: state.probability.vectors, functions: state.definitions.functions,
                                          families: state.definitions.familyNames) }
        var line = ElaboratedStatement(kind: .claims, written: written, checked: s)
        if s.conditional {
            line.kind = .conditional
        } else if let f = s.failure {
            line.kind = .unreadable(f)
        } else if s.continuesPrevious, state.previousLast == nil || (!block.display && k == 0) {
            // `= c` on its own line continues the previous chain; with nothing before it, it is dropped.
            line.kind = .orphanContinuation
        } else {
            if s.continuesPrevious, let previous = state.previousLast { line.checked.items[0] = previous }
            if let d = distributionLine(statements[k], state) { line.kind = .distribution(d) }
        }
        return line
    }

    /// The kinds of the remaining statements: an operator applied to the previous value, claimed
    /// roots of an equation, a definition or an assumption, or claims.
    func elaborateClaim(_ line: ElaboratedStatement, _ statements: [Statement], at k: Int, _ block: MathBlock, _ state: DocumentState) -> ElaboratedStatement {
        var line = line
        if let (item, result) = leadingOperator(line.checked, statements, at: k, state) {
            if let result {
                let corrected = state.previousLastCorrect.flatMap { leadingOperator(line.checked, statements, at: k, state, on: $0)?.0 }
                line.kind = .operatorResult(item, result: result, corrected: corrected)
                return line
            }
            line.checked.items[0] = item
        }
        if let claim = solvingClaim(statements, at: k, state) {
            line.kind = .solvingClaim(claim)
        } else if !block.display, statements.count == 1, let atoms = statedCondition(line.checked, state) {
            line.kind = .statedCondition(atoms)
        } else if !block.display, statements.count == 1, isPoint(line.written, block, state) {
            line.kind = .point
        } else if let d = definitionKind(line.written, state) {
            // A value unread as written may read once the section's matrices and random vectors are known.
            if case .opaque = d, line.checked.items.count > 1, case .success = line.checked.items[1].value {
                line.kind = .claims
            } else {
                line.kind = .definition(d)
            }
        } else {
            line.kind = .claims
        }
        return line
    }

    /// `\times 8`: the operator applied to the previous chain's value, and the result stated
    /// after an arrow in the next statement (`\rightarrow 18874368`), if any.
    private func leadingOperator(_ s: Statement, _ statements: [Statement], at k: Int, _ state: DocumentState,
                                 on previous: ChainItem? = nil) -> (ChainItem, ChainItem?)? {
        guard let op = s.leadingOperator, let prev = previous ?? state.previousLast, case .success(let pv) = prev.value,
              let first = s.items.first, case .success(let fv) = first.value else { return nil }
        let value: Result<MathValue, ReaderError> = combine(pv, op, fv).map { .success($0) }
            ?? .failure(ReaderError("an operator on a matrix", line: first.line, column: first.column))
        let item = ChainItem(value: value, latex: prev.latex + " " + (op == "+" ? "+" : "\\times") + " " + first.latex,
                             line: first.line, column: first.column, isProse: false)
        if s.items.count == 1, k + 1 < statements.count, statements[k + 1].followsArrow, statements[k + 1].items.count == 1 {
            return (item, statements[k + 1].items[0])
        }
        return (item, nil)
    }

    /// The atoms of a condition on undefined names (`a \neq 0`, `0 < p < 1`, `n \in \mathbb{N}`):
    /// relations other than equality, each side read as a scalar, some undefined name on a side.
    private func statedCondition(_ s: Statement, _ state: DocumentState) -> [Condition.Atom]? {
        let conditions: Set<Relation> = [.notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .member]
        guard !s.relations.isEmpty, s.relations.allSatisfy(conditions.contains), !s.continuesPrevious, s.leadingOperator == nil,
              s.items.count == s.relations.count + 1 else { return nil }
        var atoms: [Condition.Atom] = []
        var names = false
        for (i, r) in s.relations.enumerated() {
            let (a, b) = (s.items[i], s.items[i + 1])
            guard !a.isProse, !b.isProse, case .success(.scalar(let l)) = a.value else { return nil }
            let resolved = state.definitions.resolve(l)
            if !resolved.freeSymbols.isEmpty { names = true }
            // A set on the right (`\mathbb{N}`, an interval) restricts the name; only relations
            // between numbers are kept as atoms.
            if r == .member { continue }
            guard case .success(.scalar(let h)) = b.value else { return nil }
            let rh = state.definitions.resolve(h)
            if !rh.freeSymbols.isEmpty { names = true }
            atoms.append(Condition.Atom(lhs: resolved, relation: r, rhs: rh, domain: state.definitions.resolve(a.domain.union(b.domain))))
        }
        return names ? atoms : nil
    }

    /// Words after which an inline `name = value` is a point to look at, not a definition.
    static let pointWords = ["at", "point", "at the point", "for", "when", "whenever", "if", "near", "around", "evaluated at",
                             "در نقطه", "نقطه", "به ازای", "وقتی", "اگر", "برای"]

    /// `$x = 4$` written right after one of `pointWords` (`at the point $x = 4$`): a name equated to
    /// a constant, inline, with that phrase before it on its line.
    private func isPoint(_ s: Statement, _ block: MathBlock, _ state: DocumentState) -> Bool {
        guard s.relations == [.equal], s.items.count == 2, case .success(.scalar(let lhs)) = s.items[0].value, case .symbol = lhs.kind,
              case .success(.scalar(let rhs)) = s.items[1].value, rhs.freeSymbols.isEmpty,
              block.line >= 1, block.line <= state.textLines.count else { return false }
        // The prose before the opening delimiter, on the block's line.
        let line = state.textLines[block.line - 1]
        return Verifier.followsPointWords(line.prefix(max(0, block.column - 1)), listed: true)
    }

    /// True when `text` ends with one of `pointWords` (before an opening delimiter); with `listed`,
    /// also when it ends with `and`/`or`/a comma after inline math that follows them
    /// (`at $t = 1$ and $t = 3$`).
    static func followsPointWords(_ text: Substring, listed: Bool) -> Bool {
        var before = text
        while let c = before.last, c.isWhitespace || "$\\(`*_".contains(c) { before.removeLast() }
        let phrase = before.lowercased()
        if pointWords.contains(where: { phrase == $0 || phrase.hasSuffix(" " + $0) }) { return true }
        guard listed else { return false }
        for conjunction in [" and", " or", ",", " و", "،"] where phrase.hasSuffix(conjunction) {
            var rest = before.dropLast(conjunction.count)
            while let c = rest.last, c.isWhitespace { rest.removeLast() }
            // The inline math before the conjunction, and the words before it.
            guard rest.last == "$" || rest.hasSuffix("\\)") else { return false }
            rest = rest.dropLast(rest.last == "$" ? 1 : 2)
            guard let open = rest.lastIndex(where: { $0 == "$" || $0 == "(" }) else { return false }
            return followsPointWords(rest[..<open], listed: false)
        }
        return false
    }

    private func combine(_ a: MathValue, _ op: Character, _ b: MathValue) -> MathValue? {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(op == "+" ? x + y : x * y)
        default: return nil
        }
    }
}
