import SymbolicCore
import SymbolicLaTeX
/// A 1 × 1 quantity times a vector or matrix, `g v` (a gate value scaling a vector, `(xᵀx) y`).
/// Adjoints: `∂g = 1ᵀ (G ∘ V) 1` (the sum of G ∘ V), `∂V = g G`.
public struct ScalarMultiple: ShapedOperation {
    public init() {}
    public var key: String { "scalar-multiple" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s[0].isScalar else { throw ShapeError("a scalar multiple of a \(s[1]) matrix by a \(s[0]) one") }
        return s[1]
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        if i == 1 { return try .scalarMultiple(x[0], seed) }
        return try .entrySum(.hadamard([seed, x[1]]))
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        let sep = style == .latex ? " " : style == .python ? " * " : " "
        return ShapedPrinter.Printed(x[0].at(.postfix, style) + sep + x[1].at(.prefix, style), .product)
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        guard x[0].rows == 1, x[0].columns == 1 else { return nil }
        return x[0].entries[0] * x[1]
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        if x[1].shape.isScalar { return try? .product(x[0], x[1]) }
        if case .filled(let v) = x[0].kind, let r = v.rationalValue { return try? .scaled(x[1], r) }
        if x[0].isZero || x[1].isZero { return .zero(x[1].shape) }
        return nil
    }
}

extension ShapedExpression {
    /// `x y` as written side by side: a 1 × 1 factor beside a vector or matrix scales it, on
    /// either side (`d X`, `(xᵀy) z`); otherwise the matrix product (with `hadamard`, elementwise).
    public static func juxtaposed(_ x: ShapedExpression, _ y: ShapedExpression, hadamard: Bool) throws(ShapeError) -> ShapedExpression {
        if hadamard { return try .hadamard([x, y]) }
        if x.shape.isScalar && !y.shape.isScalar { return try .scalarMultiple(x, y) }
        if y.shape.isScalar && !x.shape.isScalar { return try .scalarMultiple(y, x) }
        return try .product(x, y)
    }

    /// `g X` for a 1 × 1 `g`.
    public static func scalarMultiple(_ g: ShapedExpression, _ x: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(ScalarMultiple(), [g, x])
    }

    /// The sum of the entries, `1ᵀ X 1` (a 1 × 1 quantity).
    public static func entrySum(_ x: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        if x.shape.isScalar { return x }
        return try .product(.product(.filled(.one, Shape(.one, x.shape.rows)), x), .filled(.one, Shape(x.shape.columns, .one)))
    }
}
