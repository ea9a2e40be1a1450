import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// What the document says a letter is when it is no number: a matrix or vector by declaration
/// (`A \in \mathbb{R}^{n \times n}`), or by typography (`\mathbf{A}`, `\vec{v}`).
///
/// The scalar checker reads every letter as a number, where products commute, so its proofs do
/// not hold for matrices: a claim about such letters is never `valid` from it. Its refutations
/// are refutations of 1×1 matrices, which are real counterexamples when every declared
/// dimension is a letter (and so may be 1); otherwise the claim is unchecked.
struct LetterShapes {
    /// Declared shapes, for the rest of the document (a letter once a matrix is never a number).
    private(set) var declared: [Symbol: Shape] = [:]
    /// The same declarations as the vector-notation reader takes them (spelling, LaTeX, shape).
    private(set) var declarations: [DocumentModel.Declaration] = []

    mutating func declare(_ s: Symbol, _ shape: Shape, tokens: [LaTeXToken] = []) {
        guard !shape.isScalar else { return }
        declared[s] = shape
        if !tokens.isEmpty {
            let key = QuantityNames.key(tokens[...])
            declarations.removeAll { $0.key == key }
            declarations.append(DocumentModel.Declaration(key: key, latex: LaTeXReader.text(tokens), shape: shape))
        }
    }

    /// Letters known to be matrices or vectors of unknown shape (defined by a value that could
    /// not be read but holds a transpose).
    private(set) var unsized: Set<Symbol> = []

    mutating func declareUnsized(_ s: Symbol) { unsized.insert(s) }

    /// Names the document has transposed so far (`x^T`, `K_h^\top`), by spelling key: matrices
    /// or vectors from then on (`LetterUse`).
    private(set) var transposedKeys: Set<String> = []

    /// Matrices and vectors the document defines (`P = X (X^\top X)^{-1} X^\top`): the right
    /// side's tokens by the name's spelling key. Claims in vector notation are read with each
    /// such name replaced by its value.
    private(set) var definedMatrices: [String: [LaTeXToken]] = [:]

    /// The most tokens a claim grows to with definitions replaced.
    static let maximumExpandedTokens = 4_000

    /// Records `name = value` as a matrix when the value uses a matrix or vector (declared,
    /// bold, transposed or defined so); returns true when it did.
    @discardableResult
    mutating func defineIfMatrix(_ name: Symbol, nameTokens: [LaTeXToken], value: [LaTeXToken]) -> Bool {
        let known = transposedKeys.union(declarations.map(\.key)).union(definedMatrices.keys)
        let isBold = { (t: LaTeXToken) in if case .command(let c) = t.kind { return ["mathbf", "boldsymbol", "bm", "vec"].contains(c) }; return false }
        // A transposed bracket (`[w_0, w_1]^T`) or a stack (`[a; b]`) is a vector too.
        let vector = value.indices.contains { k in
            (value[k].kind == .symbol("]") && LetterUse.transposeLength(value, k + 1, end: value.count) > 0) || value[k].kind == .symbol(";")
        }
        guard nameTokens.contains(where: isBold) || value.contains(where: isBold) || vector
              || !LetterUse.typed(value, known: known).isEmpty else { return false }
        definedMatrices[QuantityNames.key(nameTokens[...])] = value
        unsized.insert(name)
        return true
    }

    /// `ts` with every name defined as a matrix replaced by its parenthesised value (repeatedly,
    /// for definitions in terms of earlier ones); nil when it grows past `maximumExpandedTokens`.
    func expanded(_ ts: [LaTeXToken]) -> [LaTeXToken]? {
        guard !definedMatrices.isEmpty else { return ts }
        var current = ts
        for _ in 0..<8 {
            var out: [LaTeXToken] = []
            var k = 0
            var changed = false
            for o in LetterUse.occurrences(current) {
                guard let value = definedMatrices[o.key] else { continue }
                out += current[k..<o.range.lowerBound]
                let t = current[o.range.lowerBound]
                out.append(LaTeXToken(kind: .symbol("("), line: t.line, column: t.column, spaceBefore: t.spaceBefore))
                out += value
                out.append(LaTeXToken(kind: .symbol(")"), line: t.line, column: t.column, spaceBefore: false))
                k = o.range.upperBound
                changed = true
            }
            out += current[k...]
            guard out.count <= Self.maximumExpandedTokens else { return nil }
            current = out
            if !changed { return current }
        }
        return nil
    }

    /// Notes the names `ts` transposes.
    /// Random vectors (`a \sim \mathcal{N}(0, I)`) are read entry by entry by the probability
    /// checks, so they are left out (`random`).
    mutating func noteUse(_ ts: [LaTeXToken], random: Set<Symbol>, valued: (Symbol) -> Bool) {
        for o in LetterUse.occurrences(ts) where o.transposed && !transposedKeys.contains(o.key) {
            var reader = LaTeXReader(tokens: Array(ts[o.range]))
            guard case .scalar(let e)? = try? reader.readWhole(), case .symbol(let s) = e.kind, !random.contains(s), !valued(s) else { continue }
            transposedKeys.insert(o.key)
            unsized.insert(s)
        }
    }

    /// The letters among `letters` that are matrices or vectors, with their shape when declared.
    func nonScalars(_ letters: Set<Symbol>) -> [(Symbol, Shape?)] {
        letters.sorted { Symbol.compare($0, $1) < 0 }.compactMap { s in
            if let shape = declared[s] { return (s, shape) }
            if s.accent == .bold || s.accent == .vec || unsized.contains(s) { return (s, nil) }
            // `I` beside declared matrices is their identity, no number.
            if !declared.isEmpty, s.name == "I", s.subscriptText == nil { return (s, nil) }
            return nil
        }
    }

    /// The scalar checker's outcome for a claim `a = b` in `letters`, as it stands for matrices.
    /// A proof stands when both sides are linear in the matrices (every term holds exactly one
    /// of them, to the first power, outside any function, or the side is 0): such an identity
    /// between numbers holds entry by entry.
    func restricting(_ o: StepChecker.Outcome, letters: Set<Symbol>, sides: [MathValue]) -> StepChecker.Outcome {
        // Beside a matrix written out, `I` was read as its identity already.
        let explicit = sides.contains { if case .matrix = $0 { return true }; return false }
        let found = nonScalars(letters).filter { !(explicit && $0.0.name == "I" && $0.1 == nil) }
        guard !found.isEmpty else { return o }
        let named = found.map { s, shape in PlainPrinter.name(s) + (shape.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        let set = Set(found.map(\.0))
        let linear = sides.allSatisfy { side in
            guard case .scalar(let e) = side else { return false }
            return e.isZero || LetterShapes.isLinear(e, in: set)
        }
        switch o.verdict {
        case .valid where linear:
            return StepChecker.Outcome(verdict: .valid, method: o.method, reason: o.reason + " (linear in the matrices \(named), so entry by entry)",
                                       counterexample: nil, finding: o.finding)
        case .valid:
            return .unchecked("\(named) \(found.count == 1 ? "is a matrix or vector" : "are matrices or vectors"): the check read them as numbers, whose products commute, so its proof does not hold for them")
        case .invalid:
            // Numbers are the 1×1 matrices: a refutation stands when every dimension is a
            // letter (which may be 1) or 1 itself; `n + d` cannot be 1.
            let symbolic = found.allSatisfy { _, shape in
                guard let shape else { return false }
                return [shape.rows, shape.columns].allSatisfy { d in
                    if case .symbol = d.kind { return true }
                    return d.isOne
                }
            }
            guard symbolic else {
                return .unchecked("\(named): a counterexample read as numbers, which is no counterexample for matrices of these sizes")
            }
            var out = StepChecker.Outcome(verdict: .invalid, method: o.method, reason: o.reason + " (with every dimension 1: numbers are the 1×1 matrices)",
                                          counterexample: o.counterexample, finding: o.finding)
            out.correction = nil
            return out
        case .unchecked:
            return o
        }
    }

    /// True when every term of `e` holds exactly one letter of `set`, to the first power, and
    /// no letter of `set` sits in a denominator, a power or a function.
    static func isLinear(_ e: Expression, in set: Set<Symbol>) -> Bool {
        switch e.kind {
        case .add(let a): return a.constant.isZero && a.terms.allSatisfy { degree($0.term, set) == 1 }
        default: return degree(e, set) == 1
        }
    }

    /// The degree of a product in the letters of `set`; nil when one is not multiplied in plainly.
    private static func degree(_ e: Expression, _ set: Set<Symbol>) -> Int? {
        let mentions = { (x: Expression) in !Set(x.freeSymbols).isDisjoint(with: set) }
        switch e.kind {
        case .symbol(let s): return set.contains(s) ? 1 : 0
        case .number, .constant: return 0
        case .mul(let m):
            var total = 0
            for (b, x) in m.factors {
                guard let d = degree(b, set) else { return nil }
                if d == 0 { if mentions(x) { return nil }; continue }
                guard x.isOne else { return nil }
                total += d
            }
            return total
        case .add(let a):
            // A sum factor: each of its terms of the same degree.
            let ds = a.terms.map { degree($0.term, set) }
            if ds.contains(where: { $0 == nil }) { return nil }
            let degrees = Set(ds.compactMap { $0 } + (a.constant.isZero ? [] : [0]))
            return degrees.count == 1 ? degrees.first! : nil
        case .power(let b, let x):
            if !mentions(b) && !mentions(x) { return 0 }
            return x.isOne ? degree(b, set) : nil
        default:
            return mentions(e) ? nil : 0
        }
    }
}
