import SymbolicCore
import SymbolicLaTeX
/// The transpose `Xᵀ`. Adjoint: `∂X = Gᵀ`. Canonical form: transposes pushed through matrix
/// products (`(A B)ᵀ = Bᵀ Aᵀ`) and linear combinations (`(c X + Y)ᵀ = c Xᵀ + Yᵀ`), `(Xᵀ)ᵀ = X`,
/// and dropped on scalars.
public struct Transpose: ShapedOperation {
    public init() {}
    public var key: String { "transpose" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape { s[0].transposed }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .transpose(seed)
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        ShapedPrinter.Printed(x[0].superscriptable(style) + (style == .latex ? "^{T}" : style == .python ? ".T" : "^T"), .postfix)
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? { x[0].transposed }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        let e = x[0]
        switch e.kind {
        case .filled(let v): return .filled(v, e.shape.transposed)
        case .identity: return e
        case .operation(is Diagonal, _): return e
        case .operation(is Transpose, let inner): return inner[0]
        case .operation(is MatrixProduct, let ab): return try? .product(.transpose(ab[1]), .transpose(ab[0]))
        // (c X + d Y)ᵀ = c Xᵀ + d Yᵀ: scalars and sums come out of a transpose.
        case .operation(let op as LinearCombination, let xs):
            var ts: [ShapedExpression] = []
            for y in xs { guard let t = try? ShapedExpression.transpose(y) else { return nil }; ts.append(t) }
            return try? .apply(op, ts)
        default:
            return e.shape.rows.isOne && e.shape.columns.isOne ? e : nil
        }
    }
}

extension ShapedExpression {
    public static func transpose(_ x: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(Transpose(), [x])
    }
}
