/// Verifies a pasted derivation: finds its math, splits it into steps, records definitions
/// and checks every step in document order.
public struct Verifier: Sendable {
    public var checker = StepChecker()

    public init() {}

    public func verify(_ text: String, file: String) -> VerificationReport {
        var state = DocumentState()
        for block in MathBlockScanner.blocks(in: text) {
            let before = state.steps.count
            let statements = StatementReader.statements(block.latex, line: block.line, column: block.column)
            process(statements, block: block, &state)
            if state.steps.count == before {
                state.notes.append(BlockNote(line: block.line, reason: state.lastNote ?? (statements.isEmpty ? "no math" : "no relation to check")))
            }
            state.lastNote = nil
        }
        return VerificationReport(file: file, steps: state.steps, notes: state.notes)
    }

    struct DocumentState {
        var definitions = Definitions()
        var steps: [StepResult] = []
        var notes: [BlockNote] = []
        var lastNote: String?
        /// The last item of the previous chain, for `= …` continuation lines and `\times 8 \rightarrow …`.
        var previousLast: ChainItem?
    }

    private func process(_ statements: [Statement], block: MathBlock, _ state: inout DocumentState) {
        var k = 0
        while k < statements.count {
            var s = statements[k]
            if let f = s.failure {
                record(block, s.items.first, nil, .unchecked("cannot read \(f.construct)"), &state)
                k += 1; continue
            }
            if s.continuesPrevious {
                guard let prev = state.previousLast else {
                    s.items.removeFirst(); s.relations.removeFirst()
                    if s.items.isEmpty { k += 1; continue }
                    state.previousLast = s.items.last
                    k += 1; continue
                }
                s.items[0] = prev
            }
            if let op = s.leadingOperator, let prev = state.previousLast, case .success(let pv) = prev.value,
               let first = s.items.first, case .success(let fv) = first.value {
                // `\times 8 \rightarrow 18874368`: the operator applies to the previous value, and
                // the arrow that follows states its result.
                let combined = combine(pv, op, fv)
                let item = ChainItem(value: combined.map { .success($0) } ?? .failure(ReaderError("an operator on a matrix", line: first.line, column: first.column)),
                                     latex: prev.latex + " " + (op == "+" ? "+" : "\\times") + " " + first.latex, line: first.line, column: first.column, isProse: false)
                if s.items.count == 1, k + 1 < statements.count, statements[k + 1].followsArrow, statements[k + 1].items.count == 1 {
                    let result = statements[k + 1].items[0]
                    checkPair(item, .equal, result, block, &state)
                    state.previousLast = result
                    k += 2; continue
                }
                s.items[0] = item
            }
            // A solving claim: `P = 0 \rightarrow \lambda_1 = 1, \lambda_2 = 4`.
            if let consumed = solvingClaim(statements, at: k, block, &state) {
                k += consumed; continue
            }
            var start = 0
            if defineIfFresh(s, &state) {
                start = 1
                state.lastNote = "definition of \(s.items[0].latex)"
            }
            for i in start..<s.relations.count {
                checkPair(s.items[i], s.relations[i], s.items[i + 1], block, &state)
            }
            if !s.items.isEmpty { state.previousLast = s.items.last }
            k += 1
        }
    }

    private func combine(_ a: MathValue, _ op: Character, _ b: MathValue) -> MathValue? {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(op == "+" ? x + y : x * y)
        default: return nil
        }
    }

    /// Records `name = value` when `name` is a bare symbol that is not yet defined and does not
    /// occur in its value. Returns true when the first relation was a definition.
    private func defineIfFresh(_ s: Statement, _ state: inout DocumentState) -> Bool {
        guard s.relations.first == .equal, s.items.count >= 2, !s.continuesPrevious,
              case .success(.scalar(let lhs)) = s.items[0].value, case .symbol(let name) = lhs.kind,
              !state.definitions.isDefined(name), case .success(let value) = s.items[1].value else { return false }
        if case .scalar(let e) = value, e.contains(name) { return false }
        if s.items[1].isProse { return false }
        state.definitions.define(name, state.definitions.resolve(value))
        return true
    }

    private func checkPair(_ a: ChainItem, _ r: Relation, _ b: ChainItem, _ block: MathBlock, _ state: inout DocumentState) {
        let outcome: StepChecker.Outcome
        switch (a.value, b.value) {
        case (.failure(let e), _), (_, .failure(let e)):
            outcome = .unchecked("cannot read \(e.construct)")
        case let (.success(x), .success(y)):
            if a.isProse || b.isProse {
                outcome = .unchecked("a claim in words")
            } else {
                outcome = checker.check(state.definitions.resolve(x), r, state.definitions.resolve(y), rhsLatex: b.latex)
            }
        }
        record(block, a, b, outcome, &state, relation: r)
    }

    private func record(_ block: MathBlock, _ a: ChainItem?, _ b: ChainItem?, _ o: StepChecker.Outcome, _ state: inout DocumentState, relation: Relation = .equal) {
        func plain(_ item: ChainItem?) -> String {
            guard let item, case .success(let v) = item.value else { return "" }
            switch v {
            case .scalar(let e): return PlainPrinter.string(e)
            case .matrix(let m): return "[" + (0..<m.rows).map { i in (0..<m.columns).map { PlainPrinter.string(m[i, $0]) }.joined(separator: ", ") }.joined(separator: "; ") + "]"
            }
        }
        let latex = [a?.latex, b?.latex].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " \(relation == .equal ? "=" : relation.rawValue) ")
        let column = (a?.line == block.line ? a?.column : nil) ?? block.column
        state.steps.append(StepResult(line: block.line, column: column, latex: latex, lhs: plain(a), rhs: plain(b),
                                      verdict: o.verdict, method: o.method, reason: o.reason, counterexample: o.counterexample))
    }
}
