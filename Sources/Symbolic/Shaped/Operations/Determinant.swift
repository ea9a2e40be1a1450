import SymbolicCore
import SymbolicLaTeX
/// The determinant `det X` of a square matrix, a scalar. Adjoint (Jacobi's formula):
/// `∂X = g det(X) X⁻ᵀ` for the scalar seed g, defined where X is invertible.
public struct Determinant: ShapedOperation {
    public init() {}
    public var key: String { "det" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s[0].rows == s[0].columns else { throw ShapeError("the determinant of a \(s[0]) matrix, which is not square", unequal: [(s[0].rows, s[0].columns)]) }
        return .scalar
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let shape = x[0].shape
        let inverseT = try ShapedExpression.transpose(.inverse(x[0]))
        // g det X, a 1 × 1 factor, spread over the matrix by products with a column and a row of ones.
        let factor = try ShapedExpression.product(seed, result)
        let spread = try ShapedExpression.product(.product(.filled(.one, Shape(shape.rows, .one)), factor), .filled(.one, Shape(.one, shape.columns)))
        return try .hadamard([spread, inverseT])
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed("\\det\\left(" + x[0].text + "\\right)", .atom)
        case .plain: return ShapedPrinter.Printed("det(" + x[0].text + ")", .atom)
        case .python: return ShapedPrinter.Printed("np.linalg.det(" + x[0].text + ").reshape(1, 1)", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        guard let d = x[0].determinant else { return nil }
        return Matrix(rows: 1, columns: 1, entries: [d])
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        if x[0].shape.isScalar { return x[0] }
        if case .operation(is Transpose, let inner) = x[0].kind { return try? .apply(Determinant(), [inner[0]]) }
        return nil
    }
}
