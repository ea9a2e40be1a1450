import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Statements with `\sim`: declarations of random quantities (`a, b \sim \mathcal{N}(0, I)`,
/// read before the block's steps so that `a^T b` written first on the same line is a sum over
/// the entries) and claims about the distribution of an expression (`a_i b_i \sim \mathcal{N}(0, 1)`).
extension Verifier {
    /// What the document has declared about its random quantities so far.
    struct ProbabilityState {
        var model = ProbabilityModel()
        /// Vectors by name, with their dimension (stated, or the placeholder `dim_a`).
        var vectors: [Symbol: Expression] = [:]
        /// Dimensions stated with `a \in \mathbb{R}^D`.
        var dimensions: [Symbol: Expression] = [:]
        /// Positions (line, column) of the statements that declared something.
        var declarations: Set<[Int]> = []
    }

    /// The declarations of `assumptions`, read as a block of their own.
    func assumedProbability() -> ProbabilityState {
        var state = DocumentState()
        for (n, latex) in assumptions.enumerated() {
            let block = MathBlock(latex: latex, line: 0, column: 1, display: false)
            declareDistributions(StatementReader.statements(latex, line: 0, column: 1), block, &state)
            if Verifier.independenceWords.contains(where: { latex.lowercased().contains($0) }) { state.probability.model.independent = true }
            _ = n
        }
        state.probability.declarations = []
        return state.probability
    }

    /// Words that state independence next to a declaration.
    static let independenceWords = ["independent", "i.i.d", "iid", "مستقل"]

    /// Reads the declarations of a block (before its steps are checked).
    func declareDistributions(_ statements: [Statement], _ block: MathBlock, _ state: inout DocumentState) {
        for (k, s) in statements.enumerated() where s.relations.count == 1 && s.items.count == 2 {
            let names = Verifier.listedNames(statements, k)
            guard !names.isEmpty else { continue }
            switch s.relations[0] {
            case .member:
                guard let d = Verifier.euclideanDimension(s.items[1].tokens) else { continue }
                // A dimension is no random quantity.
                state.probability.model.constants.formUnion(d.freeSymbols)
                for n in names {
                    state.probability.dimensions[n] = d
                    if state.probability.vectors[n] != nil { state.probability.vectors[n] = d }
                }
            case .distributed:
                guard let d = DistributionReader.read(s.items[1].latex),
                      names.allSatisfy({ state.probability.model.gaussian($0) == nil }) else { continue }
                state.probability.model.constants.formUnion((d.dimension?.freeSymbols ?? []) + d.mean.freeSymbols + d.variance.freeSymbols)
                // Names declared together share one dimension.
                let placeholder = Expression(Symbol(Verifier.unstatedDimension, subscriptText: PlainPrinter.name(names[0])))
                for n in names {
                    state.probability.model.gaussians[n.family] = ProbabilityModel.Gaussian(mean: d.mean, variance: d.variance)
                    if d.isVector && n.subscriptText == nil {
                        state.probability.vectors[n] = d.dimension ?? state.probability.dimensions[n]
                            ?? placeholder
                    }
                }
                if stateIndependence(near: block, state.textLines) { state.probability.model.independent = true }
                state.probability.declarations.insert([s.items[0].line, s.items[0].column])
            default:
                continue
            }
        }
    }

    /// The name of the placeholder for a vector's dimension that the document does not state.
    static let unstatedDimension = "dim"

    /// True when a line of the block, or the line before it, says the quantities are independent.
    func stateIndependence(near block: MathBlock, _ lines: [Substring]) -> Bool {
        let newlines = block.latex.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        for n in max(1, block.line - 1)...(block.line + newlines) where n - 1 < lines.count {
            let text = lines[n - 1].lowercased()
            if Verifier.independenceWords.contains(where: { text.contains($0) }) { return true }
        }
        return false
    }

    /// The names before `\sim` or `\in` in statements[k]: its left side and the bare names listed
    /// before it on the same row (`a, b \sim …` is read as the statements `a` and `b \sim …`).
    static func listedNames(_ statements: [Statement], _ k: Int) -> [Symbol] {
        guard case .success(.scalar(let e)) = statements[k].items[0].value, case .symbol(let last) = e.kind else { return [] }
        var names = [last]
        var j = k
        while j > 0, !statements[j].startsRow, statements[j - 1].relations.isEmpty, statements[j - 1].items.count == 1,
              case .success(.scalar(let f)) = statements[j - 1].items[0].value, case .symbol(let n) = f.kind {
            names.insert(n, at: 0)
            j -= 1
        }
        return names
    }

    /// `\mathbb{R}^{D}`, `\mathbb{R}^D`: the dimension D (nil for matrices, `\mathbb{R}^{n \times d}`).
    static func euclideanDimension(_ tokens: [LaTeXToken]) -> Expression? {
        var ts = tokens.filter { if case .command(let c) = $0.kind { return !LaTeXReader.spacing.contains(c) }; return true }
        if ts.count > 3, ts[0].kind == .command("mathbb") || ts[0].kind == .command("mathbf"), ts[1].kind == .symbol("{"), ts[3].kind == .symbol("}") {
            ts = [ts[2]] + ts[4...]
        }
        guard ts.count >= 3, ts[0].kind == .letter("R"), ts[1].kind == .symbol("^") else { return nil }
        var script = Array(ts[2...])
        if script.first?.kind == .symbol("{") {
            guard script.last?.kind == .symbol("}") else { return nil }
            script = Array(script.dropFirst().dropLast())
        } else if script.count != 1 { return nil }
        guard !script.contains(where: { $0.kind == .command("times") || $0.kind == .symbol("*") || $0.kind == .symbol(",") }) else { return nil }
        var reader = LaTeXReader(tokens: script)
        guard case .scalar(let d)? = try? reader.readWhole() else { return nil }
        return d
    }

    /// What a `\sim` statement is: a declaration read before the block's steps, or a claim.
    enum DistributionLine {
        case declaration
        case claim(Distribution)
    }

    /// The kind of statements[k] when it states a distribution that can be read; nil otherwise.
    func distributionLine(_ s: Statement, _ state: DocumentState) -> DistributionLine? {
        guard s.relations == [.distributed], s.items.count == 2 else { return nil }
        if state.probability.declarations.contains([s.items[0].line, s.items[0].column]) { return .declaration }
        return DistributionReader.read(s.items[1].latex).map { .claim($0) }
    }

    /// A declaration becomes a note; a claim is checked by `DistributionClaim`. Returns the
    /// statements used.
    func check(_ line: DistributionLine, _ statements: [Statement], at k: Int, _ block: MathBlock, _ state: inout DocumentState) -> Int {
        let s = statements[k]
        guard case .claim(let d) = line else {
            state.lastNote = "declaration of random quantities: \(s.items[0].latex) \\sim \(s.items[1].latex)"
            return 1
        }
        // The claim is about every name listed before `\sim`, or about the expression on its left.
        var subjects: [ChainItem] = []
        var j = k
        while j > 0, !statements[j].startsRow, statements[j - 1].relations.isEmpty, statements[j - 1].items.count == 1,
              case .success(.scalar(let f)) = statements[j - 1].items[0].value, case .symbol = f.kind {
            subjects.insert(statements[j - 1].items[0], at: 0)
            j -= 1
        }
        subjects.append(s.items[0].reread(matrices: [:], vectors: state.probability.vectors))
        for subject in subjects {
            let outcome: StepChecker.Outcome
            switch subject.value {
            case .failure(let e): outcome = .unchecked("cannot read \(e.construct)")
            case .success(.matrix): outcome = .unchecked("a distribution of a matrix")
            case .success(.scalar(let x)):
                outcome = DistributionClaim(model: state.probability.model, equivalence: checker.equivalence).check(state.definitions.resolve(x), d)
            }
            record(block, subject, s.items[1], outcome.taken(as: "distribution claim"), &state, relation: .distributed)
        }
        state.previousLast = nil
        return 1
    }
}
