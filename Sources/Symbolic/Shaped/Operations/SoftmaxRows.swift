import SymbolicCore
import SymbolicLaTeX
/// `softmax_rows(Z)`: softmax along each row of a matrix (attention weights). For the result S,
/// the adjoint is row by row the softmax one: `∂Z = S ∘ (G - ((G ∘ S) 1) 1ᵀ)`.
public struct SoftmaxRows: ShapedOperation {
    public init() {}
    public var key: String { "softmax-rows" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape { s[0] }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result s: ShapedExpression, seed g: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let shape = x[0].shape
        let onesColumn = ShapedExpression.filled(.one, Shape(shape.columns, .one))
        let onesRow = ShapedExpression.filled(.one, Shape(.one, shape.columns))
        let rowSums = try ShapedExpression.product(.product(.hadamard([g, s]), onesColumn), onesRow)
        return try .hadamard([s, .difference(g, rowSums)])
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed("\\operatorname{softmax}_{\\text{rows}}\\left(\(x[0].text)\\right)", .atom)
        case .plain: return ShapedPrinter.Printed("softmax_rows(\(x[0].text))", .atom)
        case .python: return ShapedPrinter.Printed("_softmax_rows(\(x[0].text))", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        let m = x[0]
        var entries: [Expression] = []
        for i in 0..<m.rows {
            let e = (0..<m.columns).map { Expression.apply(.exp, m[i, $0]) }
            let total = Expression.sum(e)
            entries += e.map { $0 / total }
        }
        return Matrix(rows: m.rows, columns: m.columns, entries: entries)
    }
}
