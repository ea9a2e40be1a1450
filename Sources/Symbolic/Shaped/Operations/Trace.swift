import SymbolicCore
import SymbolicLaTeX
/// The trace `tr(X)` of a square matrix, a scalar. Adjoint: `∂X = g I` for the scalar seed g.
/// Canonical form: `tr(Xᵀ) = tr(X)`, and the trace of a scalar is the scalar.
public struct Trace: ShapedOperation {
    public init() {}
    public var key: String { "trace" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s[0].rows == s[0].columns else { throw ShapeError("the trace of a \(s[0]) matrix, which is not square", unequal: [(s[0].rows, s[0].columns)]) }
        return .scalar
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let shape = x[0].shape
        let identity = ShapedExpression.identity(shape)
        if case .filled(let g) = seed.kind, let r = g.rationalValue { return try .scaled(identity, r) }
        // g I, with the 1 × 1 seed spread over the matrix by products with columns and rows of ones.
        let spread = try ShapedExpression.product(.product(.filled(.one, Shape(shape.rows, .one)), seed), .filled(.one, Shape(.one, shape.columns)))
        return try .hadamard([identity, spread])
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed("\\operatorname{tr}\\left(" + x[0].text + "\\right)", .atom)
        case .plain: return ShapedPrinter.Printed("tr(" + x[0].text + ")", .atom)
        case .python: return ShapedPrinter.Printed("np.trace(" + x[0].text + ").reshape(1, 1)", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        let m = x[0]
        guard m.rows == m.columns else { return nil }
        return Matrix(rows: 1, columns: 1, entries: [Expression.sum((0..<m.rows).map { m[$0, $0] })])
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        let e = x[0]
        if e.shape.isScalar { return e }
        if case .operation(is Transpose, let inner) = e.kind { return try? .trace(inner[0]) }
        return nil
    }
}

extension ShapedExpression {
    public static func trace(_ x: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(Trace(), [x])
    }

    /// The identity matrix of a square shape.
    public static func identity(_ shape: Shape) -> ShapedExpression { ShapedExpression(.identity, shape: shape) }
}
