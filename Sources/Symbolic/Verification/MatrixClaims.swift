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
    var declarations: [DocumentModel.Declaration]
    /// Dimensions no declaration fixes (of letters typed by their use): unified as the claim's
    /// products and sums require.
    var inferable: Set<Symbol> = []
    /// When true, letters no declaration covers are numbers.
    var scalarLetters = false
    /// The names written on one side only, as the claim is written (before names defined as
    /// matrices are replaced by their values); nil to take them from the sides as read.
    var oneSidedNames: [String]? = nil

    init(declarations: [DocumentModel.Declaration], inferable: Set<Symbol> = [], scalarLetters: Bool = false) {
        self.declarations = declarations
        self.inferable = inferable
        self.scalarLetters = scalarLetters
    }

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
                // The whole name: `\mathbf{w}^*`, `\mathbf{x}_i`.
                let length = max(4, LetterUse.nameLength(ts, k, end: ts.count))
                let key = QuantityNames.key(ts[k..<(k + length)])
                guard !declared.contains(where: { $0.key == key }), !out.contains(where: { $0.key == key }) else { continue }
                let shape = l.isUppercase && c != "vec" ? Shape(n, n) : Shape(n, .one)
                out.append(DocumentModel.Declaration(key: key, latex: LaTeXReader.text(Array(ts[k..<(k + length)])), shape: shape))
            }
        }
        return out
    }

    /// The most entries of one matrix the refutation builds (sizes stay small).
    static let maximumEntries = 64

    /// The most times a claim is read again after unifying two dimensions.
    static let maximumUnifications = 24

    /// What the claim's reading in vector notation came to: a verdict, or why it could not be read
    /// (nil when no side holds a matrix).
    enum Reading {
        case decided(StepChecker.Outcome)
        case unreadable(String?)
    }

    func reading(_ lhs: ChainItem, _ rhs: ChainItem) -> Reading {
        guard !declarations.isEmpty || scalarLetters else { return .unreadable(nil) }
        return unifying(exhausted: .unreadable("shapes that do not unify")) { $0.attempt(lhs, rhs) }
    }

    /// One reading of a claim: a result, or the dimensions to unify before reading it again
    /// (and the result when none of them can be).
    enum Unification<T> {
        case done(T)
        case unify([(Expression, Expression)], otherwise: T)
    }

    /// `step` on this checker, and again after each unification it asks for, up to
    /// `maximumUnifications` times (`exhausted` then).
    func unifying<T>(exhausted: T, _ step: (MatrixClaimChecker) -> Unification<T>) -> T {
        var checker = self
        for _ in 0...Self.maximumUnifications {
            switch step(checker) {
            case .done(let t): return t
            case .unify(let pairs, let otherwise):
                guard let (a, b) = pairs.lazy.compactMap({ checker.orient($0) }).first else { return otherwise }
                checker.substitute(a, b)
            }
        }
        return exhausted
    }

    /// The reader's context: the declared names, and letters as numbers when `scalarLetters`.
    var context: ShapedLaTeXReader.Context {
        var c = ShapedLaTeXReader.Context(names: DocumentModel.declaredNames(declarations), gradient: { _ in nil }, jacobian: { _, _ in nil })
        c.scalarLetters = scalarLetters
        return c
    }

    /// `ts` read in vector notation; on failure, the dimensions that would have to agree are
    /// added to `pairs` and the first reason kept in `why`.
    func value(of ts: [LaTeXToken], in context: ShapedLaTeXReader.Context, _ pairs: inout [(Expression, Expression)], _ why: inout String?) -> ShapedLaTeXReader.Value? {
        guard !ts.isEmpty else { return nil }
        var reader = ShapedLaTeXReader(ts, 0..<ts.count, context: context)
        do { return try reader.readWholeValue() } catch { pairs += error.unequal; why = why ?? error.reason; return nil }
    }

    /// `(fresh, other)` when one of the two dimensions may be unified into the other.
    func orient(_ p: (Expression, Expression)) -> (Symbol, Expression)? {
        if case .symbol(let s) = p.0.kind, inferable.contains(s) { return (s, p.1) }
        if case .symbol(let s) = p.1.kind, inferable.contains(s) { return (s, p.0) }
        return nil
    }

    /// Every declaration with the dimension `s` replaced by `e`.
    mutating func substitute(_ s: Symbol, _ e: Expression) {
        inferable.remove(s)
        declarations = declarations.map { d in
            let shape = Shape(d.shape.rows.substituting([s: e]), d.shape.columns.substituting([s: e]))
            return DocumentModel.Declaration(key: d.key, latex: d.latex, shape: shape)
        }
    }

    private func attempt(_ lhs: ChainItem, _ rhs: ChainItem) -> Unification<Reading> {
        let context = self.context
        var pairs: [(Expression, Expression)] = []
        var why: String?
        // A side that is `I` or `0` alone takes the other side's shape.
        func sized(_ v: ShapedLaTeXReader.Value, like other: ShapedLaTeXReader.Value) -> ShapedExpression? {
            switch (v, other) {
            case (.shaped(let e), _): return e
            case (.identity(let c), .shaped(let o)) where o.shape.rows == o.shape.columns: return try? .scaled(.identity(o.shape), c)
            case (.number(let c), .shaped(let o)) where c.isZero: return .zero(o.shape)
            default: return nil
            }
        }
        // A side that is a number (1 × 1) holds no matrix: the scalar checks decide.
        let shaped = { (v: ShapedLaTeXReader.Value) in if case .shaped(let e) = v { return !e.shape.isScalar || e.holdsMatrix }; return false }
        let lv = value(of: lhs.tokens, in: context, &pairs, &why), rv = value(of: rhs.tokens, in: context, &pairs, &why)
        guard let lv, let rv else { return .unify(pairs, otherwise: .unreadable(why)) }
        guard shaped(lv) || shaped(rv), let l = sized(lv, like: rv), let r = sized(rv, like: lv) else { return .done(.unreadable(nil)) }
        // `A + 1`: a number added to a matrix is every entry or a multiple of I; nothing says which.
        if Self.addsNumberToMatrix(l) || Self.addsNumberToMatrix(r) {
            return .done(.decided(.unchecked("a number added to a matrix: to every entry (as code broadcasts) or as a multiple of I; the document does not say which")))
        }
        // `P^2` of a capital typed by its use is its matrix power: the matrix is square.
        let squares = [l, r].flatMap(\.squaredOperands).filter { d in
            !d.rows.isOne && !d.columns.isOne && d.rows != d.columns && (orient((d.rows, d.columns)) != nil)
        }
        if let d = squares.first { return .unify([(d.rows, d.columns)], otherwise: .unreadable(nil)) }
        guard l.shape == r.shape else {
            let sides = ShapeError.pairs(l.shape, r.shape).filter { $0.0 != $0.1 }
            return .unify(sides, otherwise: .decided(.unchecked("the left side is \(l.shape) and the right side \(r.shape) as the declared shapes read them")))
        }
        return .done(.decided(oneSided(decideShaped(l, r), l, r)))
    }

    /// An invalid claim with a name on one side only (`Q K^T = X W_Q W_K^T X^T`, Q not defined) is
    /// an equation in that name, as between numbers: it may hold for the particular matrices meant.
    private func oneSided(_ o: StepChecker.Outcome, _ l: ShapedExpression, _ r: ShapedExpression) -> StepChecker.Outcome {
        guard o.verdict == .invalid else { return o }
        let only = oneSidedNames ?? l.names.symmetricDifference(r.names).sorted()
        guard !only.isEmpty else { return o }
        return .unchecked("an equation in \(only.joined(separator: ", ")), written on one side only: it holds for particular matrices, not for all (\(o.reason))")
    }

    func decideShaped(_ l: ShapedExpression, _ r: ShapedExpression) -> StepChecker.Outcome {
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
                                       reason: "the same non-commutative polynomial (products associative, transposes reversed, a 1×1 product equal to its transpose, a matrix beside its inverse cancelled): equal at every size",
                                       counterexample: nil)
        }
        // Every dimension 1, then 2, then the dimensions 2 and 1 in turn (a tall X, where XᵀX
        // is invertible and X Xᵀ is not).
        let dimensions = Set(declarations.flatMap { $0.shape.rows.freeSymbols + $0.shape.columns.freeSymbols }).sorted { Symbol.compare($0, $1) < 0 }
        var trials: [[Symbol: Int]] = [1, 2].map { size in Dictionary(uniqueKeysWithValues: dimensions.map { ($0, size) }) }
        if dimensions.count > 1 {
            for first in [2, 1] {
                trials.append(Dictionary(uniqueKeysWithValues: dimensions.enumerated().map { ($1, $0 % 2 == 0 ? first : 3 - first) }))
            }
        }
        for sizes in trials {
            if let o = refute(l, r, sizes: sizes) { return o }
        }
        return .unchecked("equal for matrices of sizes 1 and 2, but not proved equal at every size")
    }

    /// The sides evaluated with every dimension `size` and each entry of each declared matrix a
    /// variable; a counterexample when some entry certainly differs.
    private func refute(_ l: ShapedExpression, _ r: ShapedExpression, sizes: [Symbol: Int]) -> StepChecker.Outcome? {
        var values: [Quantity: Matrix] = [:]
        var shown: [(Quantity, Int, Int)] = []
        for d in declarations {
            guard let (rows, columns) = d.shape.instantiated(sizes), rows >= 1, columns >= 1, rows * columns <= Self.maximumEntries else { return nil }
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
            // The numbers the document names (`d` of `\\sqrt{d}`) at the point.
            let entries = Set(shown.flatMap { q, rows, columns in (0..<(rows * columns)).map { Symbol(Self.entryName(q, $0, rows, columns)) } })
            for (s, v) in point.sorted(by: { Symbol.compare($0.key, $1.key) < 0 }) where !entries.contains(s) {
                matrices.append("\(PlainPrinter.name(s)) = \(v)")
                report[PlainPrinter.name(s)] = v.description
            }
            let at = a.entries.count == 1 ? "" : " in entry (\(k / a.columns + 1), \(k % a.columns + 1))"
            let values = Set(sizes.values)
            let dims = values.isEmpty ? "" : values.count == 1 ? "with every dimension \(values.first!)"
                : "with " + sizes.sorted { Symbol.compare($0.key, $1.key) < 0 }.map { "\(PlainPrinter.name($0.key)) = \($0.value)" }.joined(separator: ", ")
            return StepChecker.Outcome(
                verdict: .invalid, method: "matrix algebra (entries as variables)",
                reason: "the sides differ\(at)\(dims.isEmpty ? "" : " " + dims), at \(matrices.joined(separator: ", ")) (left \(ce.lhs), right \(ce.rhs))",
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

extension ShapedExpression {
    /// The shapes of the operands of powers `X^k` (k ≥ 2) with no elementwise part inside.
    var squaredOperands: [Shape] {
        var out: [Shape] = []
        var seen = Set<ShapedExpression>()
        func walk(_ e: ShapedExpression) {
            guard seen.insert(e).inserted else { return }
            if case .operation(let op as ElementwisePower, let xs) = e.kind, op.exponent >= 2, !MatrixClaimChecker.hasElementwiseParts(xs[0]) {
                out.append(xs[0].shape)
            }
            e.children.forEach(walk)
        }
        walk(self)
        return out
    }

    /// True when a matrix or vector occurs (some part is not 1 × 1).
    var holdsMatrix: Bool {
        var seen = Set<ShapedExpression>()
        func walk(_ e: ShapedExpression) -> Bool {
            guard seen.insert(e).inserted else { return false }
            return !e.shape.isScalar || e.children.contains(where: walk)
        }
        return walk(self)
    }

    /// The names that occur: quantities, and the letters inside numbers (`d` of `\sqrt{d}`).
    var names: Set<String> {
        var seen = Set<ShapedExpression>(), out = Set<String>()
        func walk(_ e: ShapedExpression) {
            guard seen.insert(e).inserted else { return }
            switch e.kind {
            case .quantity(let q): out.insert(q.plain)
            case .filled(let v): for s in v.freeSymbols { out.insert(PlainPrinter.name(s)) }
            default: break
            }
            e.children.forEach(walk)
        }
        walk(self)
        return out
    }
}
