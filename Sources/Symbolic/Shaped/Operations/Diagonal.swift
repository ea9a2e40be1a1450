import SymbolicCore
import SymbolicLaTeX
/// `diag(x)`: the square matrix with the column x on its diagonal, so `diag(a) b = a ∘ b`.
/// Adjoint: `∂x = (G ∘ I) 1`, the diagonal of the seed as a column. Canonical form:
/// `diag(x)ᵀ = diag(x)` (see `Transpose`), and a 1 × 1 `diag(x)` is x.
public struct Diagonal: ShapedOperation {
    public init() {}
    public var key: String { "diag" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s[0].columns.isOne else { throw ShapeError("diag of a \(s[0]) matrix (a column was expected)", unequal: [(s[0].columns, .one)]) }
        return Shape(s[0].rows, s[0].rows)
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let n = x[0].shape.rows
        return try .product(.hadamard([seed, .identity(Shape(n, n))]), .filled(.one, Shape(n, .one)))
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed("\\operatorname{diag}\\left(" + x[0].text + "\\right)", .atom)
        case .plain: return ShapedPrinter.Printed("diag(" + x[0].text + ")", .atom)
        case .python: return ShapedPrinter.Printed("np.diagflat(" + x[0].text + ")", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        let n = x[0].rows
        guard x[0].columns == 1 else { return nil }
        return Matrix(rows: n, columns: n, entries: (0..<(n * n)).map { k in k / n == k % n ? x[0].entries[k / n] : .zero })
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        x[0].shape.isScalar ? x[0] : nil
    }
}

extension ShapedExpression {
    public static func diagonal(_ x: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(Diagonal(), [x])
    }
}
