import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Checks a claim between two sides in vector notation against a document's model: gradients
/// (`\frac{\partial L}{\partial \gamma_f}`, `dc_{prev}`) stand for the ones reverse mode derives
/// from the model's forward equations.
///
/// - `valid` when the sides' entrywise forms agree (`EntrywiseForm`: a proof at every size),
///   with the gradients substituted, and if need be the forward quantities too;
/// - `invalid` when, with every dimension 1 (then 2) and the inputs and parameters as variables,
///   some entry of the two sides differs at a point (a certain counterexample, found by the
///   scalar checker with exact or interval arithmetic); the report names the factor or term
///   that differs and gives the derived gradient;
/// - `unchecked` otherwise, with the reason.
public struct GradientClaimChecker: Sendable {
    public let document: DocumentModel
    /// Each gradient with the gradients it uses substituted, down to forward quantities.
    private let expandedGradients: [Quantity: ShapedExpression]
    /// Each forward quantity in terms of inputs, parameters and split blocks.
    private let inlinedQuantities: [Quantity: ShapedExpression]

    public init(_ document: DocumentModel) {
        self.document = document
        var grads: [Quantity: ShapedExpression] = [:]
        for g in document.pass.gradients {
            grads[g.name] = (try? Self.substituting(g.value, grads)) ?? g.value
        }
        expandedGradients = grads
        var inlined: [Quantity: ShapedExpression] = [:]
        for eq in document.model.equations {
            inlined[eq.quantity] = (try? Self.substituting(eq.value, inlined)) ?? eq.value
        }
        inlinedQuantities = inlined
    }

    /// The reading context: names, gradients and local Jacobians of the document's model.
    var context: ShapedLaTeXReader.Context {
        let model = document.model
        let gradients = Dictionary(document.pass.gradients.map { ($0.of, $0.name) }, uniquingKeysWith: { a, _ in a })
        return ShapedLaTeXReader.Context(
            names: document.names,
            gradient: { q in gradients[q].flatMap { g in model.shape(of: q).map { .quantity(g, $0) } } },
            jacobian: { a, b in model.jacobian(of: a, withRespectTo: b) })
    }

    static func substituting(_ e: ShapedExpression, _ values: [Quantity: ShapedExpression]) throws(ShapeError) -> ShapedExpression {
        try e.transformed { node throws(ShapeError) -> ShapedExpression in
            if case .quantity(let q) = node.kind, let v = values[q] { return v }
            return node
        }
    }

    /// The verdict on `lhs = rhs`; `subject` is the gradient the chain is about (its first side),
    /// for naming what differs from the derived one.
    public func check(_ lhs: ShapedExpression, _ rhs: ShapedExpression, subject: ShapedExpression? = nil) -> StepChecker.Outcome {
        // A gradient written in numerator layout (`\frac{\partial L}{\partial h} = v^T` for a
        // column h): the derived gradient has h's shape, the claim its transpose. Only that layout
        // fits the shapes, so it decides the verdict, and the report names it.
        if lhs.shape != rhs.shape, lhs.shape == rhs.shape.transposed, !lhs.shape.isScalar, let g = subject ?? Optional(lhs),
           case .quantity(let q) = g.kind, document.pass.gradients.contains(where: { $0.name == q }),
           let transposed = try? ShapedExpression.transpose(rhs) {
            let o = check(lhs, transposed, subject: subject)
            return StepChecker.Outcome(verdict: o.verdict, method: o.method + " (numerator layout: the claim is the transpose of the gradient)",
                                       reason: o.reason, counterexample: o.counterexample)
        }
        guard lhs.shape == rhs.shape else {
            return .unchecked("the sides have different shapes (\(lhs.shape) and \(rhs.shape)) as read in vector notation")
        }
        guard let l = try? Self.substituting(lhs, expandedGradients), let r = try? Self.substituting(rhs, expandedGradients) else {
            return .unchecked("shapes do not fit once the derived gradients are substituted")
        }
        var form = EntrywiseForm()
        let method = "reverse mode over the document's \(document.title)"
        if let proof = Self.equal(form.form(l), form.form(r)) {
            return StepChecker.Outcome(verdict: .valid, method: method, reason: "equal entry by entry at every size (\(proof)), with the gradients derived from the forward equations", counterexample: nil)
        }
        if let li = try? Self.substituting(l, inlinedQuantities), let ri = try? Self.substituting(r, inlinedQuantities),
           let proof = Self.equal(form.form(li), form.form(ri)) {
            return StepChecker.Outcome(verdict: .valid, method: method, reason: "equal entry by entry at every size (\(proof)), with the gradients and quantities written in terms of inputs and parameters", counterexample: nil)
        }
        for size in [1, 2] {
            if let outcome = refute(l, r, size: size, subject: subject ?? lhs, claimed: rhs) { return outcome }
        }
        return .unchecked("equal at sizes 1 and 2 of every dimension, but not proved equal at every size")
    }

    /// How two entrywise forms were proved equal as functions of their atoms; nil when they were not.
    static func equal(_ a: Expression, _ b: Expression) -> String? {
        if a == b { return "the same entrywise form" }
        if case .equal(let method) = EquivalenceChecker().check(a, b) { return "entrywise forms equal: \(method)" }
        return nil
    }

    /// A counterexample with every dimension `size`, if the scalar checker finds one.
    private func refute(_ l: ShapedExpression, _ r: ShapedExpression, size: Int, subject: ShapedExpression, claimed: ShapedExpression) -> StepChecker.Outcome? {
        let model = document.model
        var values: [Quantity: Matrix] = [:]
        let sizes = Dictionary(model.dimensions.map { ($0, size) }, uniquingKeysWith: { a, _ in a })
        var leaves = model.declarations.map { ($0.quantity, $0.shape) }
        for c in model.carries { if let s = model.shape(of: c.quantity) { leaves.append((c.incoming, s)) } }
        for (q, shape) in leaves {
            guard let (rows, columns) = shape.instantiated(sizes) else { return nil }
            let entries = (0..<(rows * columns)).map { k -> Expression in
                let index = rows * columns == 1 ? "" : columns == 1 ? "[\(k + 1)]" : "[\(k / columns + 1),\(k % columns + 1)]"
                return Expression(Symbol(q.plain + index))
            }
            values[q] = Matrix(rows: rows, columns: columns, entries: entries)
        }
        guard let ev = model.forward(ShapedEvaluator(sizes: sizes, values: values)),
              let a = ev.evaluate(l), let b = ev.evaluate(r), a.entries.count == b.entries.count else { return nil }
        let checker = EquivalenceChecker()
        for k in a.entries.indices {
            guard case .different(let cx) = checker.check(a.entries[k], b.entries[k]) else { continue }
            let point = Dictionary(cx.point.map { (PlainPrinter.name($0.symbol), $0.value.description) }, uniquingKeysWith: { x, _ in x })
            let entry = a.entries.count == 1 ? "" : " in entry \(k + 1)"
            let report = CounterexampleReport(point: point, lhs: cx.lhs.description, rhs: cx.rhs.description, correct: correctValue(subject, claimed: claimed))
            let where_ = "with every dimension \(size) and \(cx.pointDescription)"
            return StepChecker.Outcome(verdict: .invalid, method: "reverse mode over the document's \(document.title)",
                                       reason: "the sides differ\(entry) \(where_)" + difference(subject, claimed), counterexample: report)
        }
        return nil
    }

    /// The derived gradient the chain is about, written with the gradients the claim names and
    /// the others substituted (`dγ_f = (dc_next + da ∘ Γ_o ∘ (1 - tanh²(c))) ∘ c^{<t-1>} ∘ Γ_f ∘ (1 - Γ_f)`).
    private func correctValue(_ subject: ShapedExpression, claimed: ShapedExpression) -> String? {
        guard case .quantity(let q) = subject.kind, let g = document.pass.gradients.first(where: { $0.name == q }) else { return nil }
        let named = Set(claimed.quantities)
        var partial: [Quantity: ShapedExpression] = [:]
        for h in document.pass.gradients where h.name != q {
            guard !named.contains(h.name) else { continue }
            partial[h.name] = (try? Self.substituting(h.value, partial)) ?? h.value
        }
        let value = (try? Self.substituting(g.value, partial)) ?? g.value
        return ShapedPrinter.string(.quantity(g.name, subject.shape), .latex) + " = " + ShapedPrinter.string(value, .latex)
    }

    /// "; the factor X where the derived gradient has Y": the elementwise factors (or terms) in
    /// which a gradient claim and the derived gradient differ, when it is one of each.
    private func difference(_ lhs: ShapedExpression, _ rhs: ShapedExpression) -> String {
        guard case .quantity(let q) = lhs.kind, let derived = expandedGradients[q],
              let claimed = try? Self.substituting(rhs, expandedGradients) else { return "" }
        for (isFactor, split) in [(true, Self.factors), (false, Self.terms)] {
            var form = EntrywiseForm()
            var a = split(claimed), b = split(derived)
            guard a.count > 1 || b.count > 1 else { continue }
            // Remove the parts the two have in common.
            var i = 0
            while i < a.count {
                if let j = b.firstIndex(where: { form.form($0) == form.form(a[i]) }) { a.remove(at: i); b.remove(at: j) } else { i += 1 }
            }
            if a.count == 1 && b.count == 1 {
                let word = isFactor ? "factor" : "term"
                return "; the \(word) \(ShapedPrinter.string(a[0], .latex)) where the derived gradient has \(ShapedPrinter.string(b[0], .latex))"
            }
            if isFactor, a.isEmpty != b.isEmpty, let extra = (a.isEmpty ? b : a).first, (a + b).count == 1 {
                return a.isEmpty ? "; the factor \(ShapedPrinter.string(extra, .latex)) is missing" : "; the factor \(ShapedPrinter.string(extra, .latex)) is not in the derived gradient"
            }
        }
        return ""
    }

    static func factors(_ e: ShapedExpression) -> [ShapedExpression] {
        if case .operation(is Hadamard, let xs) = e.kind { return xs }
        return [e]
    }

    static func terms(_ e: ShapedExpression) -> [ShapedExpression] {
        if case .operation(let op as LinearCombination, let xs) = e.kind, op.coefficients.allSatisfy(\.isOne) { return xs }
        return [e]
    }
}
