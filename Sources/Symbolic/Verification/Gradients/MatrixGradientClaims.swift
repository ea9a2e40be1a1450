import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// Gradients of scalar functions of vectors and matrices claimed in a document (`\nabla_w
/// \|Xw - y\|^2 = 2X^\top(Xw - y)`, `\frac{\partial}{\partial X} \operatorname{tr}(AX) = A^\top`),
/// derived by reverse mode over the function as written (`BackwardPass`) and compared with the
/// claimed side by the matrix checks. The gradient has the variable's shape (denominator layout);
/// a claim of the transposed shape is compared in numerator layout, and the reason names it.
enum MatrixGradientClaims {
    /// The variable's tokens and the function's, for `\nabla_{w} f`, `\frac{\partial}{\partial w} f`
    /// or `\frac{\partial f}{\partial w}`; nil for anything else.
    static func parts(_ ts: [LaTeXToken]) -> (variable: [LaTeXToken], function: [LaTeXToken])? {
        guard let first = ts.first else { return nil }
        if first.kind == .command("nabla"), ts.count > 2, ts[1].kind == .symbol("_"), let (v, next) = ts.group(at: 2), next < ts.count {
            return (v, Array(ts[next...]))
        }
        guard [.command("frac"), .command("dfrac")].contains(first.kind), let (num, afterNum) = ts.group(at: 1), let (den, afterDen) = ts.group(at: afterNum),
              let d0 = num.first, [.command("partial"), .letter("d")].contains(d0.kind), den.first?.kind == d0.kind, den.count >= 2 else { return nil }
        let variable = Array(den.dropFirst())
        if num.count == 1 {
            guard afterDen < ts.count else { return nil }
            return (variable, Array(ts[afterDen...]))
        }
        guard afterDen == ts.count else { return nil }
        return (variable, Array(num.dropFirst()))
    }
}

extension MatrixClaimChecker {
    /// `∇_w f = g` with f read in vector notation (a number) and w among the declared names;
    /// nil when the claim is not read so.
    func gradientClaim(variable: [LaTeXToken], function: [LaTeXToken], other: [LaTeXToken]) -> StepChecker.Outcome? {
        let key = QuantityNames.key(variable[...])
        guard declarations.contains(where: { $0.key == key }) else { return nil }
        return unifying(exhausted: nil) { checker -> Unification<StepChecker.Outcome?> in
            let context = checker.context
            var pairs: [(Expression, Expression)] = []
            var why: String?
            func read(_ ts: [LaTeXToken]) -> ShapedExpression? {
                switch checker.value(of: ts, in: context, &pairs, &why) {
                case .shaped(let e)?: return e
                case .number(let r)?: return .filled(Expression(r), .scalar)
                default: return nil
                }
            }
            guard let f = read(function), let g = read(other) else { return .unify(pairs, otherwise: nil) }
            guard f.shape.isScalar else { return .done(.unchecked("the gradient of a function that is not a number (its shape is \(f.shape)): a Jacobian")) }
            guard let w = checker.declarations.first(where: { $0.key == key }) else { return .done(nil) }
            // The claimed side must have the variable's shape or its transpose.
            if g.shape != w.shape && g.shape != w.shape.transposed {
                return .unify(ShapeError.pairs(g.shape, w.shape).filter { $0.0 != $0.1 },
                              otherwise: .unchecked("the claimed gradient is \(g.shape), the variable \(w.shape)"))
            }
            return .done(checker.compare(f, variable: w, claimed: g))
        }
    }

    /// The derived gradient of `f` with respect to `w`, compared with `claimed`.
    private func compare(_ f: ShapedExpression, variable w: DocumentModel.Declaration, claimed: ShapedExpression) -> StepChecker.Outcome {
        var model = Model()
        model.title = "function"
        var dimensions: [Symbol] = []
        for d in declarations {
            for s in d.shape.rows.freeSymbols + d.shape.columns.freeSymbols where !dimensions.contains(s) { dimensions.append(s) }
            model.declarations.append(Model.Declaration(quantity: Quantity(d.key, latex: d.latex), shape: d.shape, isParameter: false))
        }
        model.dimensions = dimensions
        let loss = Quantity("f\u{2032}")
        model.equations = [Model.Equation(quantity: loss, value: f)]
        model.loss = loss
        let q = Quantity(w.key, latex: w.latex)
        guard let pass = try? BackwardPass(model), let gradient = pass.gradients.first(where: { $0.of == q })?.value else {
            return .unchecked("the gradient of the function as written was not derived")
        }
        // Forward quantities in the gradient (the function's value) are the function itself.
        guard let derived = try? gradient.transformed({ node throws(ShapeError) -> ShapedExpression in
            if case .quantity(let p) = node.kind, p == loss { return f }
            return node
        }) else { return .unchecked("the gradient of the function as written was not derived") }
        let shown = ShapedPrinter.string(derived, .plain)
        // Each layout the claim's shape allows: denominator (the variable's shape), numerator
        // (transposed). Valid if one matches; invalid only if every one fails.
        var outcomes: [(String, StepChecker.Outcome)] = []
        if claimed.shape == derived.shape { outcomes.append(("", decideShaped(claimed, derived))) }
        if claimed.shape == derived.shape.transposed, let t = try? ShapedExpression.transpose(derived),
           outcomes.first?.1.verdict != .valid {
            outcomes.append((" (numerator layout, compared transposed)", decideShaped(claimed, t)))
        }
        guard !outcomes.isEmpty else { return .unchecked("the claimed gradient has another shape") }
        let (layout, o) = outcomes.first { $0.1.verdict == .valid } ?? (outcomes.allSatisfy { $0.1.verdict == .invalid } ? outcomes[0]
            : outcomes.first { $0.1.verdict == .unchecked }!)
        return StepChecker.Outcome(verdict: o.verdict, method: "gradient by reverse mode\(layout), then " + o.method,
                                   reason: "the gradient is \(shown)\(layout); \(o.reason)", counterexample: o.counterexample)
    }
}
