import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Verifies a pasted derivation: finds its math, splits it into steps, records definitions
/// and checks every step in document order.
public struct Verifier: Sendable {
    public var checker = StepChecker()
    /// Statements taken as given before every section of the document, in LaTeX
    /// (`a, b \sim \mathcal{N}(0, I)`, `a, b \in \mathbb{R}^D`, `a, b \text{ independent}`).
    public var assumptions: [String] = []

    public init() {}

    public func verify(_ text: String, file: String) -> VerificationReport {
        run(text, file: file, after: nil, checkpoints: false).report
    }

    /// Verifies `text`, going on from the state a run of an earlier version of it had before the
    /// first block the edit touched (`VerifierRun`), when there is one. With `checkpoints`, the
    /// run keeps such states for the next version.
    func run(_ text: String, file: String, after previous: VerifierRun?, checkpoints keep: Bool) -> VerifierRun {
        // Read once: every block with the author's macros in force at its line; the look-ahead
        // (what follows a line: an arrow, a consequence, an answer) reads these.
        let blocks = MathBlockScanner.blocks(in: text)
        let macroDefinitions = LaTeXMacros.definitions(in: text)
        var macros = LaTeXMacros(), nextMacro = 0
        var blockMacros: [LaTeXMacros] = []
        for block in blocks {
            while nextMacro < macroDefinitions.count && macroDefinitions[nextMacro].line < block.line {
                macros.merge(macroDefinitions[nextMacro].macros)
                nextMacro += 1
            }
            blockMacros.append(macros)
        }
        // Names such as `p\tilde{c}` are names in every block once the document shows they are.
        let compounds = LaTeXMacros.compoundNames(in: blocks)
        if !compounds.isEmpty { for i in blockMacros.indices { blockMacros[i].compoundNames = compounds } }
        // The blocks before the first one the edit touched are the earlier run's, and so are their readings.
        let unchanged = previous.map { $0.unchangedBlocks(blocks, blockMacros) } ?? 0
        let preread = blocks.indices.map { i in
            if i < unchanged, let previous { return previous.preread[i] }
            return previous?.reading(of: blocks[i], blockMacros[i])
                ?? StatementReader.statements(blocks[i].latex, line: blocks[i].line, column: blocks[i].column, macros: blockMacros[i], functions: [])
        }
        let sections = Verifier.sectionStarts(text)
        let blockSections = blocks.map { b in sections.lastIndex { $0 <= b.line } ?? -1 }
        let assumed = assumedProbability()

        var state = DocumentState()
        var section = 0, start = 0
        if let previous, let checkpoint = previous.resumable(before: unchanged, blockSections: blockSections, preread: preread) {
            state = checkpoint.state
            state.steps = Array(previous.steps.prefix(checkpoint.steps))
            section = checkpoint.section
            start = checkpoint.block
        } else {
            state.equations = EquationArgument()
            state.probability = assumed
        }
        state.textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        state.blocks = blocks
        state.preread = preread
        state.blockSections = blockSections
        // Kept at most every `stride` blocks, so that memory grows linearly with the document.
        let stride = max(1, blocks.count / VerifierRun.checkpointsKept)
        var kept: [VerifierRun.Checkpoint] = []
        for index in start..<blocks.count {
            let block = blocks[index]
            if keep && index % stride == 0 {
                var saved = state
                saved.steps = []
                kept.append(.init(block: index, section: section, steps: state.steps.count, state: saved))
            }
            state.blockIndex = index
            // Definitions are scoped to a section: a new question may reuse the names.
            while section < sections.count && sections[section] <= block.line {
                endArgument(&state)
                releaseHeldSteps(&state)
                state.definitions = Definitions()
                state.probability = assumed
                state.solvedUnknowns = []
                state.functionNames = []
                state.assumptions = []
                state.premises = Premises()
                state.previousLast = nil
                state.pending = nil
                state.sentence = ""
                state.usedLetters = []
                state.saysSmall = false
                section += 1
            }
            if index == 0 || state.blockSections[index] != state.blockSections[index - 1] {
                state.functionLetters = Verifier.differentiatedTwice(state, section: state.blockSections[index])
            }
            if !block.display { state.pending = nil }
            let before = state.recordedCount
            var statements = state.functionNames.isEmpty ? state.preread[index]
                : StatementReader.statements(block.latex, line: block.line, column: block.column, macros: blockMacros[index], functions: state.functionNames)
            // `q(x) = …` makes q a function: the block is read again with it.
            let declared = StatementReader.declaredFunctions(statements).subtracting(state.functionNames)
            if !declared.isEmpty {
                state.functionNames.formUnion(declared)
                statements = StatementReader.statements(block.latex, line: block.line, column: block.column, macros: blockMacros[index], functions: state.functionNames)
            }
            state.sentence = ProseCues.sentenceTail(state.sentence + " $ " + block.proseBefore)
            // "For small x": the approximations of the rest of the section are series at 0.
            if ApproximationClaims.saysSmall(block.proseBefore) { state.saysSmall = true }
            if !proseRole(statements, block, &state) {
                process(statements, block: block, &state)
            }
            if state.recordedCount == before {
                state.notes.append(BlockNote(line: block.line, reason: state.lastNote ?? (statements.isEmpty ? "no math" : "no relation to check")))
                if state.lastNote != nil && state.lastNoteDefines { state.definitionNoteLines.insert(block.line) }
            }
            state.lastNote = nil
        }
        endArgument(&state)
        releaseHeldSteps(&state)
        let steps = state.steps
        // A table of values in plain text is not read: said where it stands, not passed over.
        for table in Verifier.plainTables(state.textLines) {
            let step = StepResult(line: table.first, column: 1, latex: table.header, lhs: "", rhs: "", verdict: .unchecked, method: "table",
                                  reason: "a table of values in plain text (lines \(table.first)–\(table.last)): its rows are not read as claims",
                                  counterexample: nil, typeset: "")
            let at = state.steps.firstIndex { $0.line > table.first } ?? state.steps.count
            state.steps.insert(step, at: at)
        }
        // Notes in document order (a note for a forward equation is written when its model is recognised).
        let notes = state.notes.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        let report = VerificationReport(file: file, steps: state.steps, notes: notes)
        guard keep else { return VerifierRun(report: report) }
        // The checkpoints before `start` are the earlier run's, and still hold for this text.
        let earlier = previous?.checkpoints.filter { $0.block < start } ?? []
        return VerifierRun(text: text, blocks: blocks, blockMacros: blockMacros, preread: preread,
                           checkpoints: earlier + kept, steps: steps, report: report, resumedAt: start)
    }

    /// Runs of three or more lines outside math that are rows of a table: cells separated by tabs,
    /// `|` or runs of spaces, at least three per row, mostly numbers (a truth table, a tally).
    static func plainTables(_ lines: [Substring]) -> [(first: Int, last: Int, header: String)] {
        func cells(_ line: Substring) -> [Substring]? {
            guard !line.contains("$"), !line.contains("\\") else { return nil }
            let separated = line.contains("\t") || line.contains("|") ? line.split(whereSeparator: { $0 == "\t" || $0 == "|" })
                : line.components(separatedBy: "   ").map { Substring($0) }
            let parts = separated.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.allSatisfy { $0 == "-" || $0 == ":" } }
            guard parts.count >= 3, parts.allSatisfy({ $0.count <= 16 }) else { return nil }
            let numeric = parts.filter { $0.first?.isNumber == true || $0.first == "-" }.count
            return numeric * 2 >= parts.count ? parts.map { Substring($0) } : nil
        }
        var out: [(Int, Int, String)] = []
        var start: Int? = nil
        for (i, line) in lines.enumerated() {
            let row = cells(line) != nil || (start != nil && line.trimmingCharacters(in: .whitespaces).allSatisfy { "-|: ".contains($0) } && !line.isEmpty)
            if row {
                if start == nil { start = i }
            } else {
                if let s = start, i - s >= 3 { out.append((s + 1, i, String(lines[s]).trimmingCharacters(in: .whitespaces))) }
                start = nil
            }
        }
        if let s = start, lines.count - s >= 3 { out.append((s + 1, lines.count, String(lines[s]).trimmingCharacters(in: .whitespaces))) }
        return out.map { ($0.0, $0.1, $0.2.replacingOccurrences(of: "\t", with: "  ")) }
    }

    /// The letters that more than one statement of the section differentiates (`\partial L`).
    static func differentiatedTwice(_ state: DocumentState, section: Int) -> Set<Symbol> {
        var counts: [Symbol: Int] = [:]
        for (i, statements) in state.preread.enumerated() where state.blockSections[i] == section {
            for s in statements {
                var seen = Set<Symbol>()
                for item in s.items {
                    guard case .success(.scalar(let e)) = item.value else { continue }
                    seen.formUnion(UnknownFunctions.differentiatedLetters(e))
                }
                for l in seen { counts[l, default: 0] += 1 }
            }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// Lines that start a new section: Markdown headings and lines opening with a question or
    /// problem label (`سوال ۲`, `Question 3`, `Problem 1`, `تمرین`).
    package static func sectionStarts(_ text: String) -> [Int] {
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
        var lastNote: String? { didSet { lastNoteDefines = false } }
        /// True when `lastNote` records a definition (a model's forward equation may turn out to
        /// be it); any other note written after it clears it.
        var lastNoteDefines = false
        /// The lines whose note records a definition.
        var definitionNoteLines: Set<Int> = []
        /// The last item of the previous chain, for `= …` continuation lines and `\times 8 \rightarrow …`.
        var previousLast: ChainItem? { didSet { previousLastCorrect = nil } }
        /// When the previous chain's last link was found invalid, the item before it: the value the
        /// written one should have been, which a later `\times 8` may have carried instead.
        var previousLastCorrect: ChainItem?
        /// Wrong arithmetic results so far (the written value, the correct one, the line), which a
        /// later step may carry forward.
        var wrongResults: [(written: Rational, correct: Rational, line: Int)] = []
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
        /// Letters this section defines as functions (`q(x) = …`).
        var functionNames: Set<Character> = []
        /// Conditions the section states as premises, which every later check uses.
        var premises = Premises()
        /// The document's blocks, each read once with the macros in force (for the look-ahead),
        /// the section of each, and the block being processed.
        var blocks: [MathBlock] = []
        var preread: [[Statement]] = []
        var blockSections: [Int] = []
        var blockIndex = 0
        /// The prose of the sentence the current block sits in, up to it.
        var sentence = ""
        /// Letters written in the section's relations so far.
        var usedLetters: Set<Symbol> = []
        /// Letters the document makes matrices or vectors.
        var letterShapes = LetterShapes()
        /// The section's prose has said its variable is small (`ApproximationClaims`).
        var saysSmall = false
        /// Names and functions defined by a value that could not be read (`DefinitionKind.opaque`).
        var opaqueNames: Set<Symbol> = []
        var opaqueFunctions: Set<String> = []
        /// Letters the section differentiates in more than one statement (functions, not constants).
        var functionLetters: Set<Symbol> = []

        /// The furthest block a block so far has looked ahead to (an edit there or before it
        /// changes what was read).
        var lookedAhead = -1
        /// Steps recorded so far, whether emitted yet or held (by a solving argument in progress or
        /// while a model is recognised): a block that adds none gets a note.
        var recordedCount = 0
    }

    private func process(_ statements: [Statement], block: MathBlock, _ state: inout DocumentState) {
        let statements = joiningOpenChains(statements, block, &state)
        state.equations.enter(block, statements: statements.count)
        declareDistributions(statements, block, &state)
        // `A, B \in \mathbb{R}^{n \times n}`: every name listed is a matrix from here on.
        for (k, s) in statements.enumerated() where s.relations == [.member] && s.items.count == 2 {
            guard let shape = DocumentModel.shape(s.items[1].tokens[...]) else { continue }
            let names = Verifier.listedNames(statements, k)
            // The listed names are the bare statements just before (`A, B \in …`), and this one's left side.
            for (offset, name) in names.enumerated() {
                let j = k - (names.count - 1 - offset)
                state.letterShapes.declare(name, shape, tokens: j >= 0 ? statements[j].items[0].tokens : [])
            }
        }
        let random = Set(state.probability.vectors.keys), matrices = state.definitions.matrices
        for s in statements { for item in s.items { state.letterShapes.noteUse(item.tokens, random: random, valued: { matrices[$0] != nil }) } }
        var k = 0
        while k < statements.count {
            let used = equationStep(statements, at: k, block, &state) ?? processStatement(statements, at: k, block, &state)
            for s in statements[k..<min(k + used, statements.count)] where !s.relations.isEmpty {
                for item in s.items { if case .success(let v) = item.value { state.usedLetters.formUnion(v.symbols) } }
            }
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

    /// Elaborates statements[k] and checks it by its kind; returns how many statements it used.
    private func processStatement(_ statements: [Statement], at k: Int, _ block: MathBlock, _ state: inout DocumentState) -> Int {
        var line = elaborateForm(statements, at: k, block, state)
        let s = line.checked
        switch line.kind {
        case .conditional:
            for i in 0..<s.relations.count {
                record(block, s.items[i], s.items[i + 1], StepChecker.Outcome.unchecked("a statement that holds under a condition or assumption stated with it (if …, ←)")
                    .taken(as: "conditional statement"), &state, relation: s.relations[i])
            }
            return 1
        case .unreadable(let f):
            record(block, s.items.first, nil, StepChecker.Outcome.unchecked("cannot read \(f.construct)").taken(as: "unread"), &state)
            return 1
        case .orphanContinuation:
            if s.items.count > 1 { state.previousLast = s.items.last }
            return 1
        case .distribution(let d):
            return check(d, statements, at: k, block, &state)
        default:
            break
        }
        // The document's vector-notation model sees the statement first: it records forward
        // equations and shapes, and takes claims about the model's gradients.
        if let used = gradientStatement(s, block, &state) { return used }
        line = elaborateClaim(line, statements, at: k, block, state)
        var start = 0
        switch line.kind {
        case .operatorResult(let item, let result, let corrected):
            let written = claimOutcome(item, .equal, result, &state)
            // A block that is just this line is shown as written (`\times 8 \rightarrow 18874368`);
            // its reading starts from the previous value.
            let source = k == 0 && statements.count == 2 ? block.latex.trimmingCharacters(in: .whitespacesAndNewlines) : nil
            if let corrected, case let other = claimOutcome(corrected, .equal, result, &state), other.verdict != written.verdict {
                // The previous line's result was wrong; which value this line carries is not written.
                let reason = "the line before wrote a wrong result; carrying the written value, \(written.verdict.rawValue) (\(item.latex)); carrying the correct one, \(other.verdict.rawValue) (\(corrected.latex)): the readings disagree"
                record(block, item, result, StepChecker.Outcome.unchecked(reason).taken(as: "readings disagree"), &state, written: source)
            } else {
                record(block, item, result, written, &state, written: source)
            }
            state.previousLast = result
            return 2
        case .solvingClaim(let claim):
            return check(claim, statements, at: k, block, &state)
        case .point:
            state.lastNote = "a point (" + line.written.items.map(\.latex).joined(separator: " = ") + "), not a definition"
            return 1
        case .statedCondition(let atoms):
            // In prose, and not inside an `if …` or `since …` of its own sentence: a premise of the section.
            if !ProseCues.isLocalCondition(state.sentence) {
                state.addPremises(atoms)
                state.lastNote = "premise: " + line.written.latexText
            } else {
                state.assumptions += atoms
                state.lastNote = "condition assumed: " + line.written.latexText
            }
            return 1
        case .definition(let d):
            start = define(d, line.checked, block, &state)
        default:
            break
        }
        let checked = line.checked
        let outcomes = (start..<checked.relations.count).map { i in
            claimOutcome(checked.items[i], checked.relations[i], checked.items[i + 1], &state)
        }
        // An equation to solve (on evidence that lines solving it follow) is recorded as such.
        if start == 0, openArgument(statements, at: k, outcomes, block, &state) {
            if !checked.items.isEmpty { state.previousLast = checked.items.last }
            return 1
        }
        for (n, i) in (start..<checked.relations.count).enumerated() {
            record(block, checked.items[i], checked.items[i + 1], outcomes[n], &state, relation: checked.relations[i])
        }
        if !checked.items.isEmpty { state.previousLast = checked.items.last }
        if let last = outcomes.last, last.verdict == .invalid, checked.relations.last == .equal, checked.items.count >= 2 {
            state.previousLastCorrect = checked.items[checked.items.count - 2]
        }
        return 1
    }
}
