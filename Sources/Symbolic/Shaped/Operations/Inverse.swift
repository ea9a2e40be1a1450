import SymbolicCore
import SymbolicLaTeX
/// The inverse `X⁻¹` of a square matrix, defined where `det X ≠ 0`. Adjoint: `∂X = -X⁻ᵀ G X⁻ᵀ`
/// (written with the result R = X⁻¹ as `-Rᵀ G Rᵀ`). Canonical form: `(X⁻¹)⁻¹ = X`, `I⁻¹ = I`,
/// `(Xᵀ)⁻¹ = (X⁻¹)ᵀ`, and `(A B)⁻¹ = B⁻¹ A⁻¹` when both factors are square (a product of
/// non-square factors, `(Xᵀ X)⁻¹`, stays whole).
public struct Inverse: ShapedOperation {
    public init() {}
    public var key: String { "inverse" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s[0].rows == s[0].columns else { throw ShapeError("the inverse of a \(s[0]) matrix, which is not square", unequal: [(s[0].rows, s[0].columns)]) }
        return s[0]
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let rt = try ShapedExpression.transpose(result)
        return try .scaled(.product(.product(rt, seed), rt), -1)
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed(x[0].superscriptable(style) + "^{-1}", .postfix)
        case .plain: return ShapedPrinter.Printed(x[0].at(.atom, style) + "^-1", .postfix)
        case .python: return ShapedPrinter.Printed("np.linalg.inv(" + x[0].text + ")", .atom)
        }
    }

    /// The exact inverse (adjugate over determinant); nil when the determinant is 0 or the
    /// matrix is too large for cofactors.
    public func evaluate(_ x: [Matrix]) -> Matrix? {
        let m = x[0]
        guard m.rows == m.columns, let det = m.determinant, !det.isZero else { return nil }
        let n = m.rows
        if n == 1 { return Matrix(rows: 1, columns: 1, entries: [Expression.one / det]) }
        var entries: [Expression] = []
        for i in 0..<n {
            for j in 0..<n {
                // Entry (i, j) of the inverse: the cofactor (j, i) over the determinant.
                var minor: [Expression] = []
                for r in 0..<n where r != j { for c in 0..<n where c != i { minor.append(m[r, c]) } }
                guard let d = Matrix(rows: n - 1, columns: n - 1, entries: minor).determinant else { return nil }
                entries.append(((i + j) % 2 == 0 ? d : -d) / det)
            }
        }
        return Matrix(rows: n, columns: n, entries: entries)
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        let e = x[0]
        switch e.kind {
        case .identity: return e
        case .operation(is Inverse, let inner): return inner[0]
        case .operation(is Transpose, let inner): return try? .transpose(.inverse(inner[0]))
        case .operation(is MatrixProduct, let ab):
            guard ab.allSatisfy({ $0.shape.rows == $0.shape.columns }) else { return nil }
            return try? .product(.inverse(ab[1]), .inverse(ab[0]))
        default: return nil
        }
    }
}

extension ShapedExpression {
    public static func inverse(_ x: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(Inverse(), [x])
    }
}
