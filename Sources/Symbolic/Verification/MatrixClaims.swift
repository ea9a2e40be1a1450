import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// Claims between the matrices and vectors a document declares (`A, B \in \mathbb{R}^{n \times n}`),
/// read in vector notation, where products do not commute.
///
/// - `valid` when the sides' entrywise forms agree (`EntrywiseForm`: products expanded
///   bilinearly, transposes pushed to the leaves), a proof at every size of the dimensions;
/// - `invalid` when, with every dimension 1 and then 2 and each entry a variable, some entry of
///   the two sides differs at a point: the report shows the matrices of that point;
/// - `unchecked` when they agree at those sizes but no proof is found;
/// - nil when a side is not read in vector notation (the scalar checks then decide, under
///   `LetterShapes`).
struct MatrixClaimChecker {
    /// The declared names: their spelling keys, their LaTeX and shapes.
    let declarations: [DocumentModel.Declaration]

    /// Declarations by typography for the bold letters of a claim that no declaration covers:
    /// `\mathbf{A}` (a capital) an n × n matrix, `\mathbf{x}` or `\vec{x}` a column of n. One size
    /// n for all keeps every product defined; a counterexample at one size refutes, and the proofs
    /// hold at every size.
    static func typographic(_ items: [ChainItem], declared: [DocumentModel.Declaration]) -> [DocumentModel.Declaration] {
        var out: [DocumentModel.Declaration] = []
        var letters = Set<Character>()
        for item in items {
            for t in item.tokens { if case .letter(let l) = t.kind { letters.insert(l) } }
        }
        let n = Expression(Symbol(["n", "m", "d", "k", "p"].first { !letters.contains(Character($0)) } ?? "n"))
        for item in items {
            let ts = item.tokens
            var k = 0
            while k + 3 < ts.count {
                defer { k += 1 }
                guard case .command(let c) = ts[k].kind, ["mathbf", "boldsymbol", "bm", "vec"].contains(c),
                      ts[k + 1].kind == .symbol("{"), case .letter(let l) = ts[k + 2].kind, ts[k + 3].kind == .symbol("}") else { continue }
                let key = QuantityNames.key(ts[k...(k + 3)])
                guard !declared.contains(where: { $0.key == key }), !out.contains(where: { $0.key == key }) else { continue }
                let shape = l.isUppercase && c != "vec" ? Shape(n, n) : Shape(n, .one)
                out.append(DocumentModel.Declaration(key: key, latex: LaTeXReader.text(Array(ts[k...(k + 3)])), shape: shape))
            }
        }
        return out
    }

    /// The most entries of one matrix the refutation builds (sizes stay small).
    static let maximumEntries = 64

    func check(_ lhs: ChainItem, _ rhs: ChainItem) -> StepChecker.Outcome? {
        guard !declarations.isEmpty else { return nil }
        let names = DocumentModel.declaredNames(declarations)
        let context = ShapedLaTeXReader.Context(names: names, gradient: { _ in nil }, jacobian: { _, _ in nil })
        func read(_ item: ChainItem) -> ShapedLaTeXReader.Value? {
            guard !item.tokens.isEmpty else { return nil }
            var reader = ShapedLaTeXReader(item.tokens, 0..<item.tokens.count, context: context)
            return try? reader.readWholeValue()
        }
        // A side that is `I` or `0` alone takes the other side's shape.
        func sized(_ v: ShapedLaTeXReader.Value, like other: ShapedLaTeXReader.Value) -> ShapedExpression? {
            switch (v, other) {
            case (.shaped(let e), _): return e
            case (.identity(let c), .shaped(let o)) where o.shape.rows == o.shape.columns: return try? .scaled(.identity(o.shape), c)
            case (.number(let c), .shaped(let o)) where c.isZero: return .zero(o.shape)
            default: return nil
            }
        }
        let shaped = { (v: ShapedLaTeXReader.Value) in if case .shaped = v { return true }; return false }
        guard let lv = read(lhs), let rv = read(rhs), shaped(lv) || shaped(rv), let l = sized(lv, like: rv), let r = sized(rv, like: lv) else { return nil }
        // `A + 1`: a number added to a matrix is every entry or a multiple of I; nothing says which.
        if Self.addsNumberToMatrix(l) || Self.addsNumberToMatrix(r) {
            return .unchecked("a number added to a matrix: to every entry (as code broadcasts) or as a multiple of I; the document does not say which")
        }
        guard l.shape == r.shape else {
            return .unchecked("the left side is \(l.shape) and the right side \(r.shape) as the declared shapes read them")
        }
        // `A^2` of a square matrix is the matrix power; the reader takes `^2` as the elementwise
        // square (what vectors need). A power of matrices combined by sums and products is the
        // matrix power; of an elementwise function (`\tanh^2(C)`) both readings are checked, and
        // if they disagree neither is taken.
        guard let (l1, r1) = try? (Self.matrixPowers(l, algebraicOnly: true), Self.matrixPowers(r, algebraicOnly: true)),
              let (l2, r2) = try? (Self.matrixPowers(l1, algebraicOnly: false), Self.matrixPowers(r1, algebraicOnly: false)) else {
            return .unchecked("a power of a matrix whose shape does not allow a matrix power")
        }
        if l2 == l1 && r2 == r1 { return decide(l1, r1) }
        let power = decide(l2, r2), elementwise = decide(l1, r1)
        if power.verdict == elementwise.verdict { return power }
        return .unchecked("a power of a square matrix reads as the matrix power (then \(power.verdict.rawValue): \(power.reason)) "
                          + "or as the elementwise power (then \(elementwise.verdict.rawValue)); the readings disagree")
    }

    /// `e` with each elementwise power of a square, non-scalar operand written as a matrix power
    /// (with `algebraicOnly`, only where the operand holds no elementwise function or product).
    static func matrixPowers(_ e: ShapedExpression, algebraicOnly: Bool) throws(ShapeError) -> ShapedExpression {
        try e.transformed { node throws(ShapeError) -> ShapedExpression in
            guard case .operation(let op as ElementwisePower, let xs) = node.kind, op.exponent >= 2,
                  xs[0].shape.rows == xs[0].shape.columns, !xs[0].shape.isScalar,
                  !algebraicOnly || !Self.hasElementwiseParts(xs[0]) else { return node }
            var out = xs[0]
            for _ in 1..<op.exponent { out = try ShapedExpression.product(out, xs[0]) }
            return out
        }
    }

    /// True when a sum holds a constant matrix other than 0 beside a matrix that is no vector.
    static func addsNumberToMatrix(_ e: ShapedExpression) -> Bool {
        guard case .operation(let op, let xs) = e.kind else { return false }
        if op is LinearCombination, !e.shape.rows.isOne, !e.shape.columns.isOne,
           xs.contains(where: { if case .filled(let v) = $0.kind { return !v.isZero }; return false }) { return true }
        return xs.contains { addsNumberToMatrix($0) }
    }

    /// True when an elementwise function, product or power occurs in `e`.
    static func hasElementwiseParts(_ e: ShapedExpression) -> Bool {
        if case .operation(let op, let xs) = e.kind {
            if op is Elementwise || op is Hadamard || op is ElementwisePower || op is EntrywiseTemplate { return true }
            return xs.contains { hasElementwiseParts($0) }
        }
        return false
    }

    /// The verdict on `l = r` between shaped expressions of one shape.
    private func decide(_ l: ShapedExpression, _ r: ShapedExpression) -> StepChecker.Outcome {
        var form = EntrywiseForm()
        if let proof = GradientClaimChecker.equal(form.form(l), form.form(r)) {
            return StepChecker.Outcome(verdict: .valid, method: "matrix algebra", reason: "equal entry by entry at every size (\(proof))", counterexample: nil)
        }
        if let a = MatrixNormalForm(l), let b = MatrixNormalForm(r), a == b {
            return StepChecker.Outcome(verdict: .valid, method: "matrix algebra",
                                       reason: "the same non-commutative polynomial (products associative, transposes reversed, a 1×1 product equal to its transpose): equal at every size",
                                       counterexample: nil)
        }
        for size in [1, 2] {
            if let o = refute(l, r, size: size) { return o }
        }
        return .unchecked("equal for matrices of sizes 1 and 2, but not proved equal at every size")
    }

    /// The sides evaluated with every dimension `size` and each entry of each declared matrix a
    /// variable; a counterexample when some entry certainly differs.
    private func refute(_ l: ShapedExpression, _ r: ShapedExpression, size: Int) -> StepChecker.Outcome? {
        var sizes: [Symbol: Int] = [:]
        for d in declarations { for s in d.shape.rows.freeSymbols + d.shape.columns.freeSymbols { sizes[s] = size } }
        var values: [Quantity: Matrix] = [:]
        var shown: [(Quantity, Int, Int)] = []
        for d in declarations {
            guard let (rows, columns) = d.shape.instantiated(sizes), rows * columns <= Self.maximumEntries else { return nil }
            let q = Quantity(d.key, latex: d.latex)
            let entries = (0..<(rows * columns)).map { k in Expression(Symbol(Self.entryName(q, k, rows, columns))) }
            values[q] = Matrix(rows: rows, columns: columns, entries: entries)
            shown.append((q, rows, columns))
        }
        let evaluator = ShapedEvaluator(sizes: sizes, values: values)
        guard let a = evaluator.evaluate(l), let b = evaluator.evaluate(r), a.entries.count == b.entries.count else { return nil }
        let checker = EquivalenceChecker()
        for k in a.entries.indices {
            guard case .different(let ce) = checker.check(a.entries[k], b.entries[k]) else { continue }
            let point = Dictionary(ce.point.map { ($0.symbol, $0.value) }, uniquingKeysWith: { x, _ in x })
            // Every declared matrix that occurs, with the entries the point does not fix set to 0.
            let used = Set(l.quantities + r.quantities)
            var matrices: [String] = []
            var report: [String: String] = [:]
            for (q, rows, columns) in shown where used.contains(q) {
                let entry = { (i: Int, j: Int) -> Rational in point[Symbol(Self.entryName(q, i * columns + j, rows, columns))] ?? .zero }
                let text = rows * columns == 1 ? entry(0, 0).description
                    : "[" + (0..<rows).map { i in (0..<columns).map { j in entry(i, j).description }.joined(separator: ", ") }.joined(separator: "; ") + "]"
                matrices.append("\(q.plain) = \(text)")
                report[q.plain] = text
            }
            let at = a.entries.count == 1 ? "" : " in entry (\(k / a.columns + 1), \(k % a.columns + 1))"
            let dims = size == 1 ? "with every dimension 1" : "with every dimension \(size)"
            return StepChecker.Outcome(
                verdict: .invalid, method: "matrix algebra (entries as variables)",
                reason: "the sides differ\(at) \(dims), at \(matrices.joined(separator: ", ")) (left \(ce.lhs), right \(ce.rhs))",
                counterexample: CounterexampleReport(point: report, lhs: ce.lhs.description, rhs: ce.rhs.description, correct: nil))
        }
        return nil
    }

    /// The variable for entry k of a rows × columns matrix: `A[1,2]`, `x[2]`, `c` for 1 × 1.
    static func entryName(_ q: Quantity, _ k: Int, _ rows: Int, _ columns: Int) -> String {
        if rows * columns == 1 { return q.plain }
        if columns == 1 { return q.plain + "[\(k + 1)]" }
        return q.plain + "[\(k / columns + 1),\(k % columns + 1)]"
    }
}
