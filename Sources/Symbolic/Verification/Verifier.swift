/// Verifies a pasted derivation: finds its math, splits it into steps, records definitions
/// and checks every step in document order.
public struct Verifier: Sendable {
    public var checker = StepChecker()
    /// Statements taken as given before every section of the document, in LaTeX
    /// (`a, b \sim \mathcal{N}(0, I)`, `a, b \in \mathbb{R}^D`, `a, b \text{ independent}`).
    public var assumptions: [String] = []

    public init() {}

    public func verify(_ text: String, file: String) -> VerificationReport {
        var state = DocumentState()
        state.equations = EquationArgument(text: text)
        state.textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let assumed = assumedProbability()
        state.probability = assumed
        let sections = Verifier.sectionStarts(text)
        var section = 0
        for block in MathBlockScanner.blocks(in: text) {
            // Definitions are scoped to a section: a new question may reuse the names.
            while section < sections.count && sections[section] <= block.line {
                state.definitions = Definitions()
                state.probability = assumed
                state.solvedUnknowns = []
                state.assumptions = []
                state.previousLast = nil
                state.pending = nil
                endArgument(&state)
                section += 1
            }
            if !block.display { state.pending = nil }
            let before = state.steps.count
            let statements = StatementReader.statements(block.latex, line: block.line, column: block.column)
            process(statements, block: block, &state)
            if state.steps.count == before {
                state.notes.append(BlockNote(line: block.line, reason: state.lastNote ?? (statements.isEmpty ? "no math" : "no relation to check")))
            }
            state.lastNote = nil
        }
        endArgument(&state)
        let steps = state.steps.indices.filter { !state.gradients.retracted.contains($0) }.map { state.steps[$0] }
        return VerificationReport(file: file, steps: steps, notes: state.notes)
    }

    /// Lines that start a new section: Markdown headings and lines opening with a question or
    /// problem label (`سوال ۲`, `Question 3`, `Problem 1`, `تمرین`).
    static func sectionStarts(_ text: String) -> [Int] {
        let labels = ["#", "سوال", "سؤال", "Question", "Problem", "Exercise", "تمرین", "مسئله", "\\section", "\\subsection"]
        var out: [Int] = []
        // Over UTF-8 bytes (lines end at every "\n", also in "\r\n"), like `MathBlockScanner`'s line numbers.
        let space = UInt8(ascii: " "), star = UInt8(ascii: "*"), tab = UInt8(ascii: "\t")
        for (i, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let t = line.drop { $0 == space || $0 == star || $0 == tab }
            if labels.contains(where: { t.starts(with: $0.utf8) }) { out.append(i + 1) }
        }
        return out
    }

    struct DocumentState {
        /// `a = b =` at the end of a display block: the chain goes on in the next one.
        var pending: (ChainItem, Relation)?
        var definitions = Definitions()
        var steps: [StepResult] = []
        var notes: [BlockNote] = []
        var lastNote: String?
        /// The last item of the previous chain, for `= …` continuation lines and `\times 8 \rightarrow …`.
        var previousLast: ChainItem?
        /// The document's model and the checker of claims about its gradients.
        var gradients = GradientState()
        /// The solving argument in progress (steps between equations).
        var equations = EquationArgument()
        /// The random quantities declared so far (`\sim`), and the document's lines.
        var probability = ProbabilityState()
        /// The unknowns of this section's solving arguments: an answer `y = 1` defines no name.
        var solvedUnknowns: Set<Symbol> = []
        /// Conditions stated on names in this section (`a \neq 0`, `n > 0`), as assumptions.
        var assumptions: [Condition.Atom] = []
        var textLines: [Substring] = []
    }

    private func process(_ statements: [Statement], block: MathBlock, _ state: inout DocumentState) {
        let statements = joiningOpenChains(statements, block, &state)
        state.equations.enter(block, statements: statements.count)
        declareDistributions(statements, block, &state)
        var k = 0
        while k < statements.count {
            if let used = equationStep(statements, at: k, block, &state) { k += used; continue }
            let before = state.steps.count
            let used = processStatement(statements, at: k, block, &state)
            noteEquation(statements, at: k, used: used, records: before..<state.steps.count, block, &state)
            k += used
        }
    }

    /// `… =` ending one display block and `$$ … $$` starting the next are one chain.
    private func joiningOpenChains(_ statements: [Statement], _ block: MathBlock, _ state: inout DocumentState) -> [Statement] {
        var statements = statements
        if let (item, relation) = state.pending, var first = statements.first, !first.continuesPrevious, block.display {
            first.items.insert(item, at: 0)
            first.relations.insert(relation, at: 0)
            statements[0] = first
        }
        state.pending = nil
        if block.display, var last = statements.last, last.items.count >= 2, last.items.last!.isEmpty, !last.relations.isEmpty {
            state.pending = (last.items[last.items.count - 2], last.relations.last!)
            last.items.removeLast()
            last.relations.removeLast()
            statements[statements.count - 1] = last
        }
        return statements
    }

    /// Checks statements[k] (with what it needs of its neighbours); returns how many statements it used.
    private func processStatement(_ statements: [Statement], at k: Int, _ block: MathBlock, _ state: inout DocumentState) -> Int {
        // Definitions are recognised on the items as written; checks use them re-read with the
        // matrices defined so far (so `\tilde{X}^T` is the transpose of a defined matrix).
        let written = statements[k]
        var s = written
        let matrices = state.definitions.matrices
        s.items = s.items.map { $0.reread(matrices: matrices, vectors: state.probability.vectors) }
        if s.conditional {
            for i in 0..<s.relations.count {
                record(block, s.items[i], s.items[i + 1], .unchecked("a statement that holds under a condition or assumption stated with it (if …, ←)"), &state, relation: s.relations[i])
            }
            return 1
        }
        if let f = s.failure {
            record(block, s.items.first, nil, .unchecked("cannot read \(f.construct)"), &state)
            return 1
        }
        if s.continuesPrevious {
            // `= c` on its own line continues the previous chain; with nothing before it, it is dropped.
            guard let prev = state.previousLast, block.display || k > 0 else {
                if s.items.count > 1 { state.previousLast = s.items.last }
                return 1
            }
            s.items[0] = prev
        }
        if let used = distributionStatement(statements, at: k, block, &state) { return used }
        if let used = gradientStatement(s, block, &state) { return used }
        if let used = applyLeadingOperator(&s, statements, at: k, block, &state) { return used }
        if let used = solvingClaim(statements, at: k, block, &state) { return used }
        if defineTuple(written, &state) {
            state.lastNote = "definition of \(s.items[0].latex)"
            state.previousLast = s.items.last
            return 1
        }
        var start = 0
        if defineFunction(written, &state) {
            state.lastNote = "definition of \(s.items[0].latex)"
            start = 1
        } else if let redefinition = redefines(written, &state) {
            record(block, s.items[0], s.items[1], redefinition, &state)
            start = 1
        } else if defineIfFresh(written, &state) {
            if case .success(.scalar(let l)) = written.items[0].value, case .symbol(let n) = l.kind, state.definitions.assumed[n] != nil {
                state.lastNote = "assumption \(s.items[0].latex) = \(s.items[1].latex): the lines after it are steps under it"
            } else {
                state.lastNote = "definition of \(s.items[0].latex)"
            }
            start = 1
        }
        for i in start..<s.relations.count {
            checkPair(s.items[i], s.relations[i], s.items[i + 1], block, &state)
        }
        if !s.items.isEmpty { state.previousLast = s.items.last }
        return 1
    }

    /// `\times 8 \rightarrow 18874368`: the operator applies to the previous value and the arrow
    /// that follows states the result. Returns the statements used when it checked such a pair.
    private func applyLeadingOperator(_ s: inout Statement, _ statements: [Statement], at k: Int, _ block: MathBlock, _ state: inout DocumentState) -> Int? {
        guard let op = s.leadingOperator, let prev = state.previousLast, case .success(let pv) = prev.value,
              let first = s.items.first, case .success(let fv) = first.value else { return nil }
        let value: Result<MathValue, ReaderError> = combine(pv, op, fv).map { .success($0) }
            ?? .failure(ReaderError("an operator on a matrix", line: first.line, column: first.column))
        let item = ChainItem(value: value, latex: prev.latex + " " + (op == "+" ? "+" : "\\times") + " " + first.latex,
                             line: first.line, column: first.column, isProse: false)
        if s.items.count == 1, k + 1 < statements.count, statements[k + 1].followsArrow, statements[k + 1].items.count == 1 {
            let result = statements[k + 1].items[0]
            checkPair(item, .equal, result, block, &state)
            state.previousLast = result
            return 2
        }
        s.items[0] = item
        return nil
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
        // `y = 1` after solving for y states an answer, not a value for the rest of the section.
        if state.solvedUnknowns.contains(name), case .scalar(let e) = value, e.freeSymbols.isEmpty { return false }
        if case .scalar(let e) = value, e.contains(name) { return false }
        if s.items[1].isProse { return false }
        // Kept as written (so ∂L/∂a sees L in terms of a); a definition that would make a cycle is an equation.
        if case .scalar(let e) = state.definitions.resolve(value), e.contains(name) { return false }
        if case .scalar(let e) = value, case .symbol(let other) = e.kind, !state.definitions.isDefined(other) {
            state.definitions.assume(name, equalTo: other)
            return true
        }
        state.definitions.define(name, value, domain: s.items[1].domain)
        return true
    }

    /// `(x_1, x_2) = (1, 2)`: each name gets its value. Returns true when the statement was such a definition.
    private func defineTuple(_ s: Statement, _ state: inout DocumentState) -> Bool {
        guard s.relations == [.equal], s.items.count == 2, let names = s.items[0].tupleParts, let values = s.items[1].tupleParts,
              names.count == values.count else { return false }
        var pairs: [(Symbol, MathValue, Domain)] = []
        for (n, v) in zip(names, values) {
            var nr = LaTeXReader(tokens: n), vr = LaTeXReader(tokens: v)
            guard case .scalar(let ne)? = try? nr.readWhole(), case .symbol(let sym) = ne.kind,
                  let value = try? vr.readWhole() else { return false }
            pairs.append((sym, value, vr.domain))
        }
        for (sym, value, domain) in pairs { state.definitions.define(sym, state.definitions.resolve(value), domain: state.definitions.resolve(domain)) }
        return true
    }

    /// `f(x) = body` with f a single undefined name applied to distinct symbols: a function definition.
    private func defineFunction(_ s: Statement, _ state: inout DocumentState) -> Bool {
        guard s.relations.first == .equal, s.items.count >= 2,
              case .success(.scalar(let lhs)) = s.items[0].value, case .function(.undefined(let name), let args) = lhs.kind,
              !name.contains("'"), case .success(.scalar(let body)) = s.items[1].value else { return false }
        var params: [Symbol] = []
        for a in args { guard case .symbol(let p) = a.kind, !params.contains(p) else { return false }; params.append(p) }
        // `h(t) = 0` states a value, not a rule: only a body that uses the parameters defines a function.
        // A body using f or its derivatives (`f(x) = … f'(x)`) would define f through itself.
        if body.usesFunction(where: { $0 == name || ($0.hasPrefix(name) && $0.dropFirst(name.count).allSatisfy { $0 == "'" }) })
            || !params.contains(where: { body.contains($0) }) { return false }
        state.definitions.defineFunction(name, parameters: params, body: body)
        return true
    }

    /// `name = value` where `name` already has a different numeric value: a new part of the
    /// document reusing a name, not a step. Records the new value; nil when this is not the case.
    private func redefines(_ s: Statement, _ state: inout DocumentState) -> StepChecker.Outcome? {
        guard s.relations.first == .equal, s.items.count >= 2, !s.continuesPrevious,
              case .success(.scalar(let lhs)) = s.items[0].value, case .symbol(let name) = lhs.kind,
              let old = state.definitions.value(of: name), case .success(let new) = s.items[1].value else { return nil }
        let resolvedNew = state.definitions.resolve(new)
        switch (old, resolvedNew) {
        case let (.scalar(o), .scalar(n)):
            guard o.freeSymbols.isEmpty, n.freeSymbols.isEmpty, o != n else { return nil }
            if case .different = checker.equivalence.check(o, n) {} else { return nil }
            state.definitions.define(name, resolvedNew)
            return .unchecked("redefines \(PlainPrinter.name(name)) (earlier \(PlainPrinter.name(name)) = \(PlainPrinter.string(o)))")
        case let (.matrix(o), .matrix(n)) where o.rows != n.rows || o.columns != n.columns:
            state.definitions.define(name, resolvedNew)
            return .unchecked("redefines \(PlainPrinter.name(name)) (earlier a \(o.rows)×\(o.columns) matrix)")
        case (.scalar, .matrix), (.matrix, .scalar):
            state.definitions.define(name, resolvedNew)
            return .unchecked("redefines \(PlainPrinter.name(name))")
        default:
            return nil
        }
    }

    private func checkPair(_ a: ChainItem, _ r: Relation, _ b: ChainItem, _ block: MathBlock, _ state: inout DocumentState) {
        let outcome: StepChecker.Outcome
        switch (a.value, b.value) {
        case (.failure(let e), _), (_, .failure(let e)):
            outcome = .unchecked("cannot read \(e.construct)")
        case let (.success(x), .success(y)):
            if a.isProse || b.isProse || x.mentionsWords || y.mentionsWords {
                outcome = .unchecked("a claim in words")
            } else if x.isBareSymbol && y.isBareSymbol && x != y && !x.isDefined(in: state.definitions) && !y.isDefined(in: state.definitions) {
                outcome = .unchecked("a relation between two names (an assumption or a definition)")
            } else {
                let names = x.hasNames || y.hasNames
                // Unknowns of an equation: undefined names written on one side only that stay on
                // one side once definitions are applied (`a sin t + b cos t = sin(t + φ)`).
                let (rx, ry) = (state.definitions.resolve(x), state.definitions.resolve(y))
                let written = x.symbols.symmetricDifference(y.symbols).filter { !state.definitions.isDefined($0) }
                let oneSided = written.intersection(rx.symbols.symmetricDifference(ry.symbols))
                let domain = state.definitions.resolve(a.domain.union(b.domain))
                    .union(state.definitions.domain(of: x)).union(state.definitions.domain(of: y))
                var checker = self.checker
                checker.probability = state.probability.model
                if [.notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(r), case .scalar(let l) = rx, case .scalar(let h) = ry,
                   !(l.freeSymbols + h.freeSymbols).isEmpty {
                    state.assumptions.append(Condition.Atom(lhs: l, relation: r, rhs: h, domain: domain))
                }
                outcome = checker.check(rx, r, ry, lhsLatex: a.latex, rhsLatex: b.latex, usesNames: names, oneSided: Array(oneSided), domain: domain)
            }
        }
        // The report says which kind of line this was taken for.
        let kind = outcome.method.isEmpty ? "identity claim" : "identity claim: " + outcome.method
        record(block, a, b, StepChecker.Outcome(verdict: outcome.verdict, method: kind, reason: outcome.reason, counterexample: outcome.counterexample), &state, relation: r)
    }

    func record(_ block: MathBlock, _ a: ChainItem?, _ b: ChainItem?, _ o: StepChecker.Outcome, _ state: inout DocumentState, relation: Relation = .equal) {
        func plain(_ item: ChainItem?) -> String {
            guard let item, case .success(let v) = item.value else { return "" }
            return v.plain
        }
        let sides = [a, b].compactMap { $0 }.filter { !$0.latex.isEmpty }
        let latex = sides.map(\.latex).joined(separator: " \(relation.latex) ")
        let column = (a?.line == block.line ? a?.column : nil) ?? block.column
        state.steps.append(StepResult(line: block.line, column: column, latex: latex, lhs: plain(a), rhs: plain(b),
                                      verdict: o.verdict, method: o.method, reason: o.reason, counterexample: o.counterexample,
                                      typeset: sides.map(\.typeset).joined(separator: " \(relation.latex) ")))
    }
}

extension MathValue {
    /// The names as written (including variables of derivatives).
    var symbols: Set<Symbol> {
        switch self {
        case .scalar(let e): return Set(e.freeSymbols)
        case .matrix(let m): return Set(m.entries.flatMap { $0.freeSymbols })
        }
    }

    /// True when a name occurs (before definitions are applied).
    var hasNames: Bool {
        switch self {
        case .scalar(let e): return !e.freeSymbols.isEmpty
        case .matrix(let m): return m.entries.contains { !$0.freeSymbols.isEmpty }
        }
    }

    func isDefined(in d: Definitions) -> Bool {
        if case .scalar(let e) = self, case .symbol(let s) = e.kind { return d.isDefined(s) }
        return false
    }

    var isBareSymbol: Bool {
        if case .scalar(let e) = self, case .symbol = e.kind { return true }
        return false
    }

    /// True when a name is prose (`\text{…}` with spaces or non-Latin letters).
    var mentionsWords: Bool {
        guard case .scalar(let e) = self else { return false }
        return e.freeSymbols.contains { s in s.name.contains(" ") || s.name.contains { !$0.isASCII } }
    }
}
