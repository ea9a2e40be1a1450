import Foundation
import SymbolicCore
import SymbolicLaTeX

/// The Hessian `∂²f/∂x∂xᵀ` of a scalar expression of vectors and matrices with respect to a
/// column vector x (`derive hessian 'x^T A x' --wrt x --shape A=n,n --shape x=n`).
///
/// Reverse mode twice: g = ∇ₓf, then ∇ₓ(vᵀg) = Hᵀv for a fresh column v; since that is linear in
/// v, each of its terms is written as `M v` (`coefficient(of:)`), and H = Σ M transposed back.
/// An elementwise product with v becomes a diagonal matrix; a term in which v passes through
/// anything but products, sums, transposes and scalar multiples is refused.
public struct HessianRequest: Sendable {
    public let gradient: GradientRequest
    /// The vector the Hessian is taken with respect to.
    public let variable: String

    public init(expression: String, shapes: [(name: String, shape: String)], variable: String) {
        gradient = GradientRequest(expression: expression, shapes: shapes, variables: [variable])
        self.variable = variable
    }

    public typealias Failure = GradientRequest.Failure

    /// The Hessian, an n × n matrix expression in the declared names.
    public func derive() throws(Failure) -> Hessian {
        let model = try gradient.model()
        guard let x = model.declarations.first(where: { $0.quantity.plain == variable }) else {
            throw Failure(description: "--wrt \(variable): give its shape with --shape \(variable)=…")
        }
        guard x.shape.columns.isOne, !x.shape.rows.isOne else {
            throw Failure(description: "--wrt \(variable): a Hessian is taken with respect to a column vector; \(variable) is \(x.shape)")
        }
        let first: BackwardPass
        do { first = try BackwardPass(model) } catch { throw Failure(description: error.description) }
        guard let g = first.gradients.first(where: { $0.of == x.quantity })?.value else {
            throw Failure(description: "no gradient with respect to \(variable)")
        }
        // The gradient in the declared names only (forward quantities replaced by their values).
        var values: [Quantity: ShapedExpression] = [:]
        func inlined(_ e: ShapedExpression) throws(ShapeError) -> ShapedExpression {
            try e.transformed { node throws(ShapeError) -> ShapedExpression in
                if case .quantity(let q) = node.kind, let v = values[q] { return v }
                return node
            }
        }
        do {
            for eq in model.equations { values[eq.quantity] = try inlined(eq.value) }
        } catch { throw Failure(description: error.description) }
        let v = Quantity("v\u{2032}", latex: "v'")
        var second = Model()
        second.title = "hessian"
        second.dimensions = model.dimensions
        second.declarations = model.declarations + [Model.Declaration(quantity: v, shape: x.shape, isParameter: false)]
        let loss = Quantity("s")
        do {
            let s = try ShapedExpression.product(.transpose(.quantity(v, x.shape)), inlined(g))
            second.equations = [Model.Equation(quantity: loss, value: s)]
        } catch { throw Failure(description: error.description) }
        second.loss = loss
        let pass: BackwardPass
        do { pass = try BackwardPass(second) } catch { throw Failure(description: error.description) }
        guard let hv = pass.gradients.first(where: { $0.of == x.quantity })?.value else {
            throw Failure(description: "no second derivative with respect to \(variable)")
        }
        values[loss] = second.equations[0].value
        let h: ShapedExpression
        do {
            // ∇ₓ(vᵀg) = Hᵀ v.
            guard let m = try Self.coefficient(of: .quantity(v, x.shape), in: inlined(hv)) else {
                throw Failure(description: "the Hessian is not a sum of products, transposes and elementwise products (an elementwise function of \(variable) twice)")
            }
            h = try .transpose(m)
        } catch let e as Failure { throw e } catch { throw Failure(description: "\(error)") }
        return Hessian(model: model, of: x.quantity, value: h)
    }

    /// M with `e = M v` for an `e` linear in `v`; nil when `e` is not written that way.
    static func coefficient(of v: ShapedExpression, in e: ShapedExpression) throws(ShapeError) -> ShapedExpression? {
        let n = v.shape.rows
        func has(_ x: ShapedExpression) -> Bool { x == v || x.children.contains(where: has) }
        if e == v { return .identity(Shape(n, n)) }
        if !has(e) { return .zero(Shape(e.shape.rows, n)) }
        guard case .operation(let op, let xs) = e.kind else { return nil }
        switch op {
        case let op as LinearCombination:
            var terms: [ShapedExpression] = []
            for (x, c) in zip(xs, op.coefficients) {
                guard let m = try coefficient(of: v, in: x) else { return nil }
                terms.append(try .scaled(m, c))
            }
            return try .sum(terms)
        case is MatrixProduct:
            let (a, b) = (xs[0], xs[1])
            if !has(a) { return try coefficient(of: v, in: b).map { m throws(ShapeError) in try .product(a, m) } }
            // (A(v)) b with b a number: b A(v); a 1 × 1 product equals its transpose, bᵀ A(v)ᵀ.
            if !has(b), b.shape.isScalar { return try coefficient(of: v, in: a).map { m throws(ShapeError) in try .scalarMultiple(b, m) } }
            if !has(b), e.shape.isScalar { return try coefficient(of: v, in: .product(.transpose(b), .transpose(a))) }
            return nil
        case is Transpose:
            if e.shape.isScalar { return try coefficient(of: v, in: xs[0]) }
            // The transpose pushed one level in: (A B)ᵀ = Bᵀ Aᵀ, (a ∘ b)ᵀ = aᵀ ∘ bᵀ, (Aᵀ)ᵀ = A.
            let x = xs[0]
            if case .operation(is Transpose, let ys) = x.kind { return try coefficient(of: v, in: ys[0]) }
            if case .operation(is MatrixProduct, let ys) = x.kind { return try coefficient(of: v, in: .product(.transpose(ys[1]), .transpose(ys[0]))) }
            if let pushed = EntrywiseForm.pushedTranspose(x) { return try coefficient(of: v, in: pushed) }
            return nil
        case is ScalarMultiple:
            let (s, x) = (xs[0], xs[1])
            if !has(s) { return try coefficient(of: v, in: x).map { m throws(ShapeError) in try .scalarMultiple(s, m) } }
            if !has(x) { return try coefficient(of: v, in: s).map { m throws(ShapeError) in try .product(x, m) } }
            return nil
        case is Hadamard:
            // a ∘ (M v) = diag(a) M v.
            let with = xs.filter(has)
            guard with.count == 1, with[0].shape.columns.isOne, let m = try coefficient(of: v, in: with[0]) else { return nil }
            let others = xs.filter { !has($0) }
            let a = others.count == 1 ? others[0] : try ShapedExpression.hadamard(others)
            return try .product(.diagonal(a), m)
        default:
            return nil
        }
    }
}

/// A derived Hessian: the matrix of second derivatives of the model's scalar output.
public struct Hessian: Sendable {
    public let model: Model
    public let of: Quantity
    public let value: ShapedExpression

    /// `H = …` in plain text.
    public var text: String { "H = " + ShapedPrinter.string(value, .plain) + "\n" }

    /// `\nabla^2_{x} f = …` in LaTeX.
    public var latex: String { "\\nabla^2_{\(of.latex)} f = " + ShapedPrinter.string(value, .latex) + "\n" }
}

extension Hessian {
    private struct Record: Encodable {
        let withRespectTo: String
        let hessian: String
        let latex: String
        let shape: String
    }

    /// `{"withRespectTo": …, "hessian": …, "latex": …, "shape": …}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let record = Record(withRespectTo: of.plain, hessian: ShapedPrinter.string(value, .plain), latex: ShapedPrinter.string(value, .latex),
                            shape: value.shape.description)
        return (try? encoder.encode(record)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
