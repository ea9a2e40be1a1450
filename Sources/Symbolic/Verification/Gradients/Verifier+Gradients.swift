import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Vector notation in a document: forward equations that state a known model (LSTM, GRU, RNN)
/// are recorded as the document's model, and steps about its gradients are checked against the
/// gradients reverse mode derives from those equations (`GradientClaimChecker`).
extension Verifier {
    /// What the document has stated of its model so far.
    struct GradientState {
        var candidates: [DocumentModel.Candidate] = []
        /// Made at the first candidate: parsing the known models costs every verify otherwise.
        var recognizer: DocumentModel.Recognizer?
        var recognizerSignature: [Int] = []
        /// Shapes the document declares (`W \in \mathbb{R}^{n \times d}`).
        var declarations: [DocumentModel.Declaration] = []
        var checker: GradientClaimChecker?
        /// While a document's forward equations are read and no model is recognised yet, the
        /// steps recorded since the first of them are held: once the model is recognised, those
        /// for its forward equations become notes before anything is emitted; at the end of the
        /// section (or when no model comes) they are emitted as they are. Nil when not holding.
        var held: [StepResult]? = nil
        /// The gradient the current chain is about.
        var subject: ShapedExpression?
    }

    /// Spellings of the quantities defined by the known models' equations: a line defining one
    /// of them may be a forward equation of the document's model.
    static let modelQuantityKeys: Set<String> = {
        var keys = Set<String>()
        for m in DocumentModel.catalog {
            for eq in m.equations { keys.insert(QuantityNames.key(LaTeXLexer.tokens(eq.quantity.latex)[...])) }
        }
        return keys
    }()

    /// Handles `s` when it is a forward equation of the document's model or a claim in vector
    /// notation about its gradients; returns nil to leave it to the scalar checks.
    func gradientStatement(_ s: Statement, _ block: MathBlock, _ state: inout DocumentState) -> Int? {
        if let used = shapeDeclaration(s, block, &state) { return used }
        if let used = forwardEquation(s, block, &state) { return used }
        guard let checker = state.gradients.checker, s.items.count >= 2 else { return nil }
        let context = checker.context
        var read: [Result<ShapedExpression, ShapedLaTeXReader.Failure>] = []
        for item in s.items {
            let ts = Self.labelStripped(item.tokens)
            var reader = ShapedLaTeXReader(item.tokens, ts, context: context)
            do { read.append(.success(try reader.readWhole())) } catch { read.append(.failure(error)) }
        }
        // Only statements about the model's gradients: some side read in vector notation names one.
        let gradientNames = Set(checker.document.pass.gradients.map(\.name) + checker.document.model.carries.map(\.incoming))
        let aboutGradients = read.contains { r in
            if case .success(let e) = r { return e.quantities.contains { gradientNames.contains($0) } }
            return false
        }
        let mentionsDerivative = s.items.contains { $0.tokens.contains { $0.kind == .command("partial") } }
        guard aboutGradients || (mentionsDerivative && read.contains { if case .success = $0 { return true }; return false }) else { return nil }
        // The gradient a chain is about: its first side, kept across `= …` continuation lines.
        if !s.continuesPrevious {
            state.gradients.subject = nil
            if case .success(let first) = read[0], case .quantity = first.kind { state.gradients.subject = first }
        }
        let subject = state.gradients.subject
        for i in 0..<s.relations.count {
            let outcome: StepChecker.Outcome
            switch (read[i], read[i + 1]) {
            case (.failure(let f), _), (_, .failure(let f)):
                outcome = .unchecked(f.reason)
            case let (.success(a), .success(b)):
                outcome = s.relations[i] == .equal ? checker.check(a, b, subject: subject) : .unchecked("a relation other than = between vectors")
            }
            record(block, s.items[i], s.items[i + 1], outcome.taken(as: "gradient claim"), &state, relation: s.relations[i])
        }
        if let last = s.items.last { state.previousLast = last }
        return 1
    }

    /// `W \in \mathbb{R}^{n \times d}`: the shape of a name, for the document's own model.
    private func shapeDeclaration(_ s: Statement, _ block: MathBlock, _ state: inout DocumentState) -> Int? {
        guard s.relations == [.member], s.items.count == 2 else { return nil }
        let lhs = Self.labelStripped(s.items[0].tokens)
        guard Self.isName(s.items[0].tokens[lhs]), let shape = DocumentModel.shape(s.items[1].tokens[...]) else { return nil }
        // Scalars alone make no vector model: `x \in \mathbb{R}` stays a membership claim.
        guard !shape.isScalar else { return nil }
        let key = QuantityNames.key(s.items[0].tokens[lhs])
        state.gradients.declarations.append(DocumentModel.Declaration(key: key, latex: LaTeXReader.text(Array(s.items[0].tokens[lhs])), shape: shape))
        // A model of the document's own is found again with the new shape.
        if state.gradients.checker?.document.title == "model" { state.gradients.checker = nil }
        state.lastNote = "declares the shape of \(key): \(shape)"
        return 1
    }

    /// `name = value` defining a quantity of a known model: recorded, and when the document's
    /// model is recognised (now or before), a definition rather than a step.
    private func forwardEquation(_ s: Statement, _ block: MathBlock, _ state: inout DocumentState) -> Int? {
        guard s.relations.first == .equal, s.items.count == 2, !s.continuesPrevious else { return nil }
        let lhs = Self.labelStripped(s.items[0].tokens)
        guard Self.isName(s.items[0].tokens[lhs]) else { return nil }
        let key = QuantityNames.key(s.items[0].tokens[lhs])
        guard Verifier.modelQuantityKeys.contains(key) || state.gradients.checker != nil || !state.gradients.candidates.isEmpty
              || !state.gradients.declarations.isEmpty else { return nil }
        let rhs = Self.labelStripped(s.items[1].tokens)
        let candidate = DocumentModel.Candidate(key: key, tokens: Array(s.items[1].tokens[rhs]),
                                                line: block.line, written: s.items[0].latex + " = " + s.items[1].latex)
        state.gradients.candidates.append(candidate)
        if state.gradients.checker == nil && state.gradients.held == nil { state.gradients.held = [] }
        if state.gradients.recognizer == nil { state.gradients.recognizer = DocumentModel.Recognizer() }
        state.gradients.recognizer!.add(candidate)
        let signature = state.gradients.recognizer!.signature
        if signature != state.gradients.recognizerSignature || extendsDeclaredModel(candidate, state) {
            state.gradients.recognizerSignature = signature
            if let model = state.gradients.recognizer?.best()
                ?? DocumentModel.declared(state.gradients.declarations, state.gradients.candidates) {
                let first = state.gradients.checker == nil
                state.gradients.checker = GradientClaimChecker(model)
                if first { reclassifyEarlierForwardEquations(&state) }
            }
        }
        // Equations of a model of the document's own stay definitions for the scalar checks too.
        var scalarReadingFailed = false
        if case .failure = s.items[1].value { scalarReadingFailed = true }
        guard let checker = state.gradients.checker, checker.document.title != "model" || scalarReadingFailed, let leaf = checker.document.names.leaf(key: key),
              case .quantity(let q) = leaf.kind, checker.document.model.equations.contains(where: { $0.quantity == q }) else { return nil }
        var reader = ShapedLaTeXReader(s.items[1].tokens, rhs, context: checker.context)
        guard (try? reader.readWhole()) != nil else { return nil }
        let changed = checker.document.changed.contains(q) ? ", as the document writes it (it differs from the standard cell)" : ""
        state.lastNote = "forward equation of the \(checker.document.title)\(changed): gradients are derived from it"
        state.previousLast = s.items.last
        // For claims in vector notation, the name stands for its value.
        if case .success(.scalar(let e)) = s.items[0].value, case .symbol(let name) = e.kind {
            state.letterShapes.defineIfMatrix(name, nameTokens: Array(s.items[0].tokens[lhs]), value: Array(s.items[1].tokens[rhs]))
        }
        return 1
    }

    /// True when the document declares shapes, no known model was recognised, and `c` reads
    /// over the declared names and the equations so far (so the declared model grows).
    private func extendsDeclaredModel(_ c: DocumentModel.Candidate, _ state: DocumentState) -> Bool {
        guard !state.gradients.declarations.isEmpty else { return false }
        if let checker = state.gradients.checker, checker.document.title != "model" { return false }
        let names = state.gradients.checker?.document.names ?? DocumentModel.declaredNames(state.gradients.declarations)
        let context = ShapedLaTeXReader.Context(names: names, gradient: { _ in nil }, jacobian: { _, _ in nil })
        var reader = ShapedLaTeXReader(c.tokens, 0..<c.tokens.count, context: context)
        return (try? reader.readWhole()) != nil
    }

    /// The held steps for forward equations of the model just recognised become notes (they were
    /// never emitted); the other held steps are emitted, in order.
    private func reclassifyEarlierForwardEquations(_ state: inout DocumentState) {
        guard let checker = state.gradients.checker else { return }
        var held = state.gradients.held ?? []
        for c in state.gradients.candidates {
            guard let leaf = checker.document.names.leaf(key: c.key), case .quantity(let q) = leaf.kind,
                  checker.document.model.equations.contains(where: { $0.quantity == q }) else { continue }
            var reader = ShapedLaTeXReader(c.tokens, 0..<c.tokens.count, context: checker.context)
            guard (try? reader.readWhole()) != nil else { continue }
            let reason = "forward equation of the \(checker.document.title): gradients are derived from it"
            // An equation the scalar reader could not read was noted as a definition of a value not read.
            if state.definitionNoteLines.contains(c.line), let j = state.notes.firstIndex(where: { $0.line == c.line }) {
                state.notes[j] = BlockNote(line: c.line, reason: reason)
                continue
            }
            guard let i = held.firstIndex(where: { $0.line == c.line && $0.latex == c.written }) else { continue }
            held.remove(at: i)
            state.notes.append(BlockNote(line: c.line, reason: reason))
        }
        state.gradients.held = nil
        state.steps += held
    }

    /// Emits the held steps as they are (the section ends without a recognised model).
    func releaseHeldSteps(_ state: inout DocumentState) {
        guard let held = state.gradients.held else { return }
        state.gradients.held = nil
        state.steps += held
    }

    /// A run of tokens that spells one name (no operators, fractions or words).
    static func isName(_ ts: ArraySlice<LaTeXToken>) -> Bool {
        guard !ts.isEmpty, ts.count <= QuantityNames.maximumTokens else { return false }
        // A name starts with a letter or a command (`(AB)^\top` is an expression, not a name).
        if case .symbol = ts[ts.startIndex].kind { return false }
        let forbidden: Set<String> = ["frac", "partial", "times", "cdot", "sum", "prod", "text", "left", "right", "odot", "circ", "sqrt", "begin"]
        return ts.allSatisfy { t in
            switch t.kind {
            case .letter, .number: return true
            case .symbol(let c): return "_^{}()'<>-+".contains(c)
            case .command(let c): return !forbidden.contains(c)
            case .prose: return false
            }
        }
    }

    /// The tokens after a label (`\text{Impact on } c^{(t)}:`, `\text{for forget gate: }`).
    static func labelStripped(_ ts: [LaTeXToken]) -> Range<Int> {
        var cut = 0
        var sawText = false
        var k = 0
        while k < ts.count {
            if case .command(let c) = ts[k].kind, c == "text" || c == "mathrm", k + 1 < ts.count, ts[k + 1].kind == .symbol("{") {
                var d = 0, j = k + 1
                while j < ts.count {
                    if ts[j].kind == .symbol("{") { d += 1 }
                    if ts[j].kind == .symbol("}") { d -= 1; if d == 0 { break } }
                    j += 1
                }
                let text = LaTeXReader.text(Array(ts[(k + 2)..<min(j, ts.count)])).trimmingCharacters()
                sawText = true
                if text.hasSuffix(":") { cut = min(j + 1, ts.count) }
                k = j + 1
                continue
            }
            if ts[k].kind == .symbol(":"), sawText { cut = k + 1 }
            k += 1
        }
        return cut..<ts.count
    }
}
