import SymbolicCore
import SymbolicLaTeX
/// `softmax(z) = exp(z) / Σ exp(z)` of a column vector.
/// Adjoint: `∂z = R ∘ G - R (Rᵀ G)` for the result R.
public struct Softmax: ShapedOperation {
    public init() {}
    public var key: String { "softmax" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s[0].columns.isOne else { throw ShapeError("softmax of a \(s[0]) matrix (a vector was expected)") }
        return s[0]
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result r: ShapedExpression, seed g: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .difference(.hadamard([r, g]), .product(r, .product(.transpose(r), g)))
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed("\\operatorname{softmax}\\left(\(x[0].text)\\right)", .atom)
        case .plain: return ShapedPrinter.Printed("softmax(\(x[0].text))", .atom)
        case .python: return ShapedPrinter.Printed("_softmax(\(x[0].text))", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        let e = x[0].entries.map { Expression.apply(.exp, $0) }
        let total = Expression.sum(e)
        return Matrix(rows: x[0].rows, columns: x[0].columns, entries: e.map { $0 / total })
    }
}

/// The cross-entropy `-Σᵢ yᵢ log ŷᵢ` of a target y and a prediction ŷ (a scalar).
/// Adjoints: `∂ŷ = -y ∘ ŷ^{∘-1}`, `∂y = -log ŷ`.
public struct CrossEntropy: ShapedOperation {
    public init() {}
    public var key: String { "cross-entropy" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s.count == 2, s[0] == s[1] else { throw ShapeError("a cross-entropy of a \(s[0]) and a \(s.count > 1 ? s[1].description : "?") quantity") }
        return .scalar
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let g = try ShapedExpression.product(.filled(.one, Shape(x[0].shape.rows)), seed)
        if i == 1 { return try .scaled(.hadamard([g, x[0], .elementwisePower(x[1], -1)]), .minusOne) }
        return try .scaled(.hadamard([g, .apply(Elementwise(.log), [x[1]])]), .minusOne)
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex:
            // A subscripted name is parenthesised before its entry's subscript: `(y_t)_{i}`, not
            // `y_t_{i}` (and not `{\hat{y}_t}_{i}`: TeX unpacks a group of one accented atom).
            func entry(_ p: ShapedPrinter.Printed) -> String {
                let t = p.at(.atom, style)
                return t.contains("_") || t.contains("^") ? "(\(t))_{i}" : "\(t)_{i}"
            }
            return ShapedPrinter.Printed("-\\sum_{i} \(entry(x[0])) \\log \(entry(x[1]))", .prefix)
        case .plain: return ShapedPrinter.Printed("cross_entropy(\(x[0].text), \(x[1].text))", .atom)
        case .python: return ShapedPrinter.Printed("(-np.sum(\(x[0].text) * np.log(\(x[1].text))))", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        guard x[0].entries.count == x[1].entries.count else { return nil }
        let terms = zip(x[0].entries, x[1].entries).map { $0 * Expression.apply(.log, $1) }
        return Matrix(rows: 1, columns: 1, entries: [-Expression.sum(terms)])
    }
}
