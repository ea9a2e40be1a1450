import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// Checking one claim of a step and recording its verdict.
extension Verifier {
    func checkPair(_ a: ChainItem, _ r: Relation, _ b: ChainItem, _ block: MathBlock, _ state: inout DocumentState) {
        record(block, a, b, claimOutcome(a, r, b, &state), &state, relation: r)
    }

    /// The outcome of `a r b` checked as an identity claim under the section's definitions and
    /// premises (not recorded).
    func claimOutcome(_ a: ChainItem, _ r: Relation, _ b: ChainItem, _ state: inout DocumentState) -> StepChecker.Outcome {
        // A derivative of an expression holding a family member inside a sum (`∂/∂z_j Σ_i y_i log ŷ_i`)
        // is not taken: the member's definition is not applied there, and without it the
        // derivative would miss how the member depends on the variable.
        let families = state.definitions.familyNames
        if !families.isEmpty, [a, b].contains(where: { item in
            guard case .success(.scalar(let e)) = item.value else { return false }
            return state.definitions.resolve(e).hasDerivative { $0.mentionsFamily(families) }
        }) {
            return StepChecker.Outcome.unchecked("a derivative of an expression holding a member of a family defined member by member inside a sum, where its definition is not applied")
                .taken(as: "identity claim")
        }
        var o = identityOutcome(a, r, b, &state)
        // A member of a family defined member by member, inside a sum, is not written out there:
        // a point found with it free is no counterexample.
        if o.verdict == .invalid, [a, b].contains(where: { item in
            if case .success(.scalar(let e)) = item.value { return state.definitions.holdsFamilyMemberInSum(e) }
            return false
        }) {
            o = StepChecker.Outcome.unchecked("a member of a family defined member by member inside a sum, where its definition is not applied")
                .taken(as: "identity claim")
        }
        // A name whose value was not read may be anything a proof covers, but no point refutes
        // a claim about it: its value there is unknown.
        guard o.verdict == .invalid, !state.opaqueNames.isEmpty || !state.opaqueFunctions.isEmpty else { return o }
        var names: [String] = []
        for item in [a, b] {
            guard case .success(let v) = item.value else { continue }
            for s in v.symbols where state.opaqueNames.contains(s) { names.append(PlainPrinter.name(s)) }
            if case .scalar(let e) = v {
                for f in state.opaqueFunctions where e.usesFunction(where: { $0 == f || $0 == "text" + f }) { names.append(f) }
            }
        }
        guard !names.isEmpty else { return o }
        let list = Array(Set(names)).sorted().joined(separator: ", ")
        return StepChecker.Outcome.unchecked("uses \(list), defined by a value that is not read: the sides differ for some values of it, which may not be its own")
            .taken(as: "identity claim")
    }

    private func identityOutcome(_ a: ChainItem, _ r: Relation, _ b: ChainItem, _ state: inout DocumentState) -> StepChecker.Outcome {
        // Declared matrices and vectors: read in vector notation, where products do not commute
        // (also when the scalar reader could not read a side: `(AB)^\top`).
        // Bold letters no declaration covers are matrices and vectors by typography.
        // Letters no declaration covers are matrices and vectors by their use (`LetterUse`), of
        // shapes the claim's products and sums unify.
        // `≡` (identically equal) is read as `=` here.
        let identity = r == .equal || r == .equivalent
        let bold = identity ? MatrixClaimChecker.typographic([a, b], declared: state.letterShapes.declarations) : []
        var declarations = identity ? state.letterShapes.declarations + bold : []
        // The one size of bold letters may be unified too (`\mathbf{w} = [w_0, w_1]^T` makes it 2).
        var inferable = Set(bold.flatMap { $0.shape.rows.freeSymbols + $0.shape.columns.freeSymbols })
        // Names defined as matrices are read as their values.
        var (a1, b1) = (a, b)
        if identity, let x = state.letterShapes.expanded(a.tokens), let y = state.letterShapes.expanded(b.tokens) {
            a1.tokens = x
            b1.tokens = y
        }
        // Random vectors are read entry by entry by the probability checks.
        let random = !state.probability.vectors.isEmpty && [a, b].contains { item in
            if case .success(let v) = item.value { return !v.symbols.isDisjoint(with: state.probability.vectors.keys) }
            return false
        }
        if identity, !random {
            let (x, y) = (a1.tokens, b1.tokens)
            var known = state.letterShapes.transposedKeys
            known.formUnion(LetterUse.typed(x, known: known).keys)
            known.formUnion(LetterUse.typed(y, known: known).keys)
            let typed = LetterUse.typed(x, known: known).merging(LetterUse.typed(y, known: known)) { first, _ in first }
            // Names with a value of their own (`M = \begin{bmatrix}…`) are read as that value.
            let definitions = state.definitions
            let valued = { (ts: [LaTeXToken]) -> Bool in
                var reader = LaTeXReader(tokens: ts)
                guard case .scalar(let e)? = try? reader.readWhole(), case .symbol(let s) = e.kind else { return false }
                return definitions.isDefined(s)
            }
            for (key, v) in typed.sorted(by: { $0.key < $1.key }) where !declarations.contains(where: { $0.key == key }) && !valued(v.tokens) {
                let (d, dims) = LetterUse.declaration(key: key, tokens: v.tokens, capital: v.capital)
                declarations.append(d)
                inferable.formUnion(dims)
            }
        }
        var matrices = MatrixClaimChecker(declarations: declarations, inferable: inferable, scalarLetters: true)
        if a1.tokens != a.tokens || b1.tokens != b.tokens {
            // Written on one side only, and not defined: unknowns of an equation.
            let defined = Set(state.letterShapes.definedMatrices.keys)
            let identity = Set(["I", "\\mathbf{I}", "\\mathbb{I}", "\\mathrm{I}", "\\boldsymbol{I}"].map { QuantityNames.key(LaTeXLexer.tokens($0)[...]) })
            let keys = { (ts: [LaTeXToken]) in Set(LetterUse.occurrences(ts).map(\.key)).subtracting(defined).subtracting(identity) }
            matrices.oneSidedNames = keys(a.tokens).symmetricDifference(keys(b.tokens)).filter { key in
                !state.definitions.values.keys.contains { QuantityNames.key(LaTeXLexer.tokens(PlainPrinter.name($0))[...]) == key }
            }.sorted()
        }
        // `∇_w f = g` of a function in vector notation: the gradient derived by reverse mode.
        if r == .equal, !declarations.isEmpty {
            for (x, y) in [(a1, b1), (b1, a1)] {
                guard let (v, fn) = MatrixGradientClaims.parts(x.tokens), let o = matrices.gradientClaim(variable: v, function: fn, other: y.tokens) else { continue }
                return o.taken(as: "identity claim")
            }
        }
        var vectorFailure: String?
        // Without matrices, only a side the scalar reader cannot read (`[a, b]^T`) is tried.
        // (Not a side nested too deeply for the scalar reader.)
        let unread = [a, b].contains { item in
            if case .failure(let e) = item.value { return !e.construct.contains("nested too deeply") }
            return false
        }
        if identity, !declarations.isEmpty || unread {
            switch matrices.reading(a1, b1) {
            case .decided(let o): return o.taken(as: "identity claim")
            case .unreadable(let why): vectorFailure = why
            }
        }
        if r == .equal, let o = indefiniteIntegral(a, b, state) { return o.taken(as: "identity claim") }
        if r == .equal, let o = integralTermsClaim(a, b, state) { return o.taken(as: "identity claim") }
        if r == .equal, let o = definiteIntegralClaim(a, b, state) { return o.taken(as: "identity claim") }
        if r == .approximately, let o = approximationClaim(a, b, state) { return o.taken(as: "identity claim") }
        if r == .equal, let o = nablaClaim(a, b, state) { return o.taken(as: "identity claim") }
        if r == .equal, let o = bigOClaim(a, b, state) { return o.taken(as: "identity claim") }
        if r == .equal, let o = limitClaim(a, b) { return o.taken(as: "identity claim") }
        let outcome: StepChecker.Outcome
        switch (a.value, b.value) {
        case (.failure(let e), _), (_, .failure(let e)):
            // Read as numbers, a transpose or a list makes no sense; in vector notation, the part
            // that could not be read says more.
            if a.tokens.contains(where: { $0.kind == .command("otimes") }) || b.tokens.contains(where: { $0.kind == .command("otimes") }) {
                outcome = .unchecked("\\otimes is the Kronecker product or, as some write the LSTM, the elementwise product; the document does not say which")
            } else if let vectorFailure, ["a transpose of a non-matrix", "a tuple"].contains(e.construct) {
                outcome = .unchecked("cannot read in vector notation: \(vectorFailure)")
            } else {
                outcome = .unchecked("cannot read \(e.construct)")
            }
        case let (.success(x), .success(y)):
            if a.isProse || b.isProse || x.mentionsWords || y.mentionsWords {
                outcome = .unchecked("a claim in words", .words)
            } else if x.isBareSymbol && y.isBareSymbol && x != y && !x.isDefined(in: state.definitions) && !y.isDefined(in: state.definitions) {
                outcome = .unchecked("a relation between two names (an assumption or a definition)")
            } else {
                // Written with names, an inequality is a condition, unless its sentence gives it as
                // the reason for what follows (`since λ_1 > λ_2`): then it is a claim about their values.
                let names = (x.hasNames || y.hasNames) && !(r != .equal && ProseCues.givesReason(state.sentence))
                // Unknowns of an equation: undefined names written on one side only that stay on
                // one side once definitions are applied (`a sin t + b cos t = sin(t + φ)`).
                let (rx, ry) = (state.definitions.resolve(x), state.definitions.resolve(y))
                let written = x.symbols.symmetricDifference(y.symbols).filter { !state.definitions.isDefined($0) }
                let oneSided = written.intersection(rx.symbols.symmetricDifference(ry.symbols))
                let domain = state.definitions.resolve(a.domain.union(b.domain))
                    .union(state.definitions.domain(of: x)).union(state.definitions.domain(of: y))
                var checker = self.checker
                checker.probability = state.probability.model
                checker.definedNames = Set(state.definitions.values.keys)
                checker.derivativeOperatorWritten = Verifier.writesDerivativeOperator(a.tokens) || Verifier.writesDerivativeOperator(b.tokens)
                checker.functionLetters = state.functionLetters
                if [.notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(r), case .scalar(let l) = rx, case .scalar(let h) = ry,
                   !(l.freeSymbols + h.freeSymbols).isEmpty {
                    state.assumptions.append(Condition.Atom(lhs: l, relation: r, rhs: h, domain: domain))
                }
                let letters = rx.symbols.union(ry.symbols)
                let premises = state.premises.conditions(on: letters)
                var checked = checker.check(rx, r, ry, lhsLatex: a.latex, rhsLatex: b.latex, usesNames: names, oneSided: Array(oneSided),
                                            domain: domain.union(premises))
                // On the interval the premises give its one letter: constant difference, 0 at a point.
                if r == .equal, checked.verdict != .valid, !state.premises.isEmpty, case .scalar(let l) = rx, case .scalar(let h) = ry,
                   let o = constantDifference(l, h, state) {
                    checked = o
                }
                var usedEquality = false
                // Not proved as written: the equality premises (`\sum_i w_i = 1`) rewritten into
                // both sides (and into their normal forms). A proof then holds under them; a
                // refutation only when no letter is left (every point of the premises gives it).
                if checked.verdict != .valid, !state.premises.rewrites.isEmpty, case .scalar(let l) = rx, case .scalar(let h) = ry {
                    checker.premiseRewrites = state.premises.rewrites
                    let (l2, h2) = (state.premises.rewriting(l), state.premises.rewriting(h))
                    let again = checker.check(.scalar(l2), r, .scalar(h2), lhsLatex: a.latex, rhsLatex: b.latex, usesNames: names,
                                              oneSided: Array(oneSided), domain: domain.union(premises))
                    let certain = again.verdict == .invalid && l2.freeSymbols.isEmpty && h2.freeSymbols.isEmpty
                        && !l2.hasIndexedParts && !h2.hasIndexedParts
                    if again.verdict == .valid || certain {
                        checked = again
                        usedEquality = true
                    }
                }
                let indexed = usedEquality || { if case .scalar(let l) = x, case .scalar(let h) = y { return l.hasIndexedParts || h.hasIndexedParts }; return false }()
                outcome = state.letterShapes.restricting(
                    usedEquality && checked.verdict == .invalid ? checked
                        : state.premises.restricting(checked, letters: letters, used: !premises.conditions.isEmpty || usedEquality, indexed: indexed),
                    letters: x.symbols.union(y.symbols), sides: [rx, ry])
            }
        }
        if outcome.verdict == .valid, r == .equal, let o = matrixReadingDisagrees(a, b, state) { return o.taken(as: "identity claim") }
        return outcome.taken(as: "identity claim")
    }

    /// In a document with matrices, capitals multiplied in a claim may be matrices too: when the
    /// claim, proved as numbers, is false with those capitals as matrices, the readings disagree
    /// and the claim is unchecked naming both (`AB = BA`).
    private func matrixReadingDisagrees(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        guard !state.letterShapes.transposedKeys.isEmpty || !state.letterShapes.declarations.isEmpty else { return nil }
        var declarations = state.letterShapes.declarations
        var inferable = Set<Symbol>()
        var added = Set<String>()
        for item in [a, b] {
            for o in LetterUse.occurrences(item.tokens) where o.isCapital && !declarations.contains(where: { $0.key == o.key }) && added.insert(o.key).inserted {
                let (d, dims) = LetterUse.declaration(key: o.key, tokens: Array(item.tokens[o.range]), capital: true)
                declarations.append(d)
                inferable.formUnion(dims)
            }
        }
        guard added.count >= 2 || (added.count == 1 && !state.letterShapes.declarations.isEmpty) else { return nil }
        let matrices = MatrixClaimChecker(declarations: declarations, inferable: inferable, scalarLetters: true)
        guard case .decided(let o) = matrices.reading(a, b), o.verdict == .invalid else { return nil }
        let names = added.sorted().joined(separator: ", ")
        return .unchecked("read as numbers the sides are equal, but with \(names) matrices (the document uses matrices elsewhere) \(o.reason); the document does not say which")
    }

    /// Records the step `a relation b`; `written` is its source when the step as checked is not
    /// what was written (`\times 8 \rightarrow 18874368` checked as `2357296 \times 8 = 18874368`).
    func record(_ block: MathBlock, _ a: ChainItem?, _ b: ChainItem?, _ o: StepChecker.Outcome, _ state: inout DocumentState, relation: Relation = .equal, written: String? = nil) {
        func plain(_ item: ChainItem?) -> String {
            guard let item, case .success(let v) = item.value else { return "" }
            return v.plain
        }
        let sides = [a, b].compactMap { $0 }.filter { !$0.latex.isEmpty }
        let latex = written ?? sides.map(\.latex).joined(separator: " \(relation.latex) ")
        let column = (a?.line == block.line ? a?.column : nil) ?? block.column
        var step = StepResult(line: block.line, column: column, latex: latex, lhs: plain(a), rhs: plain(b),
                              verdict: o.verdict, method: o.method, reason: o.reason, counterexample: o.counterexample,
                              typeset: sides.map(\.typeset).joined(separator: " \(relation.latex) "))
        step.correction = o.correction
        if o.verdict == .invalid, relation == .equal, let a, let b, case .success(.scalar(let x)) = a.value, case .success(.scalar(let y)) = b.value,
           x.rationalValue == nil || y.rationalValue == nil {
            // Term by term, under the section's definitions.
            step.terms = TermDifference.between(state.definitions.resolve(x), state.definitions.resolve(y))
        }
        if o.verdict == .invalid, let a, let b, case .success(.scalar(let x)) = a.value, case .success(.scalar(let y)) = b.value,
           let written = y.rationalValue, x.rationalValue != nil {
            step.carriedFrom = carriedForward(a.latex, b.latex, before: block.line, state)
            // A wrong result a later line may carry forward: the written value and the correct one.
            if let correct = x.rationalValue, written != correct { state.wrongResults.append((written, correct, block.line)) }
        }
        emit(step, &state)
    }

    /// The line of an earlier wrong result that this arithmetic step carries forward: with that
    /// result's correct value written in place of the wrong one, both sides agree. Nil if none.
    func carriedForward(_ lhs: String, _ rhs: String, before line: Int, _ state: DocumentState) -> Int? {
        for wrong in state.wrongResults.reversed() where wrong.line < line && wrong.written.isInteger && wrong.correct.isInteger {
            let w = wrong.written.description, c = wrong.correct.description
            guard let range = lhs.range(of: w) else { continue }
            // The whole number, not digits inside a longer one.
            let before = range.lowerBound == lhs.startIndex ? nil : lhs[lhs.index(before: range.lowerBound)]
            let after = range.upperBound == lhs.endIndex ? nil : lhs[range.upperBound]
            if before?.isNumber == true || after?.isNumber == true || before == "," || after == "," || after == "." { continue }
            let corrected = lhs.replacingCharacters(in: range, with: c)
            guard let l = try? LaTeXReader.readExpression(corrected).rationalValue,
                  let r = try? LaTeXReader.readExpression(rhs).rationalValue, l == r else { continue }
            return wrong.line
        }
        return nil
    }

    /// The one place a verdict enters the report. A solving argument in progress holds its steps
    /// until it closes; a step of anything else closes it first, so the report keeps document order.
    /// While a model's forward equations are being recognised, steps wait in `gradients.held`.
    func emit(_ step: StepResult, _ state: inout DocumentState, recorded: Bool = true) {
        if recorded { state.recordedCount += 1 }
        if !state.equations.pending.isEmpty { endArgument(&state) }
        if state.gradients.held != nil { state.gradients.held!.append(step) } else { state.steps.append(step) }
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
