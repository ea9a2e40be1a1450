import SymbolicCore
import SymbolicLaTeX
/// The matrix product `A B` (not commutative). Adjoints: `∂A = G Bᵀ`, `∂B = Aᵀ G`.
public struct MatrixProduct: ShapedOperation {
    public init() {}
    public var key: String { "matmul" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard s.count == 2, s[0].columns == s[1].rows else {
            throw ShapeError("a product of a \(s[0]) and a \(s.count > 1 ? s[1].description : "?") matrix: the inner dimensions differ",
                             unequal: s.count == 2 ? [(s[0].columns, s[1].rows)] : [])
        }
        return Shape(s[0].rows, s[1].columns)
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        i == 0 ? try .product(seed, .transpose(x[1])) : try .product(.transpose(x[0]), seed)
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        let sep = style == .latex ? " " : " @ "
        return ShapedPrinter.Printed(x[0].at(.product, style) + sep + x[1].at(.prefix, style), .product)
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? { x[0] * x[1] }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        guard let shape = try? shape(of: x.map(\.shape)) else { return nil }
        if x[0].isZero || x[1].isZero { return .zero(shape) }
        // A product of constant matrices: every entry is the inner dimension times the two values.
        if case .filled(let a) = x[0].kind, case .filled(let b) = x[1].kind { return .filled(a * b * x[0].shape.columns, shape) }
        // A scalar 1 (the seed of a scalar loss) changes nothing.
        if x[1].isFilled(with: .one), x[1].shape.isScalar { return x[0] }
        if x[0].isFilled(with: .one), x[0].shape.isScalar { return x[1] }
        // A constant 1 × 1 factor is a scalar.
        if x[1].shape.isScalar, case .filled(let v) = x[1].kind, let c = v.rationalValue { return try? .scaled(x[0], c) }
        if x[0].shape.isScalar, case .filled(let v) = x[0].kind, let c = v.rationalValue { return try? .scaled(x[1], c) }
        if case .identity = x[0].kind { return x[1] }
        if case .identity = x[1].kind { return x[0] }
        // c I times X is c X.
        if case .operation(let op as LinearCombination, let y) = x[0].kind, y.count == 1, case .identity = y[0].kind { return try? .scaled(x[1], op.coefficients[0]) }
        if case .operation(let op as LinearCombination, let y) = x[1].kind, y.count == 1, case .identity = y[0].kind { return try? .scaled(x[0], op.coefficients[0]) }
        // 1ᵀ diag(a) = aᵀ and diag(a) 1 = a.
        if x[0].isFilled(with: .one), x[0].shape.rows.isOne, case .operation(is Diagonal, let a) = x[1].kind { return try? .transpose(a[0]) }
        if x[1].isFilled(with: .one), x[1].shape.columns.isOne, case .operation(is Diagonal, let a) = x[0].kind { return a[0] }
        // Between scalars, x^{-1} x = 1 wherever x^{-1} is defined.
        if shape.isScalar {
            for (p, q) in [(x[0], x[1]), (x[1], x[0])] {
                if case .operation(let op as ElementwisePower, let y) = p.kind, op.exponent == -1, y[0] == q { return .filled(.one, .scalar) }
            }
        }
        // X⁻¹ X = X X⁻¹ = I, wherever X⁻¹ is defined.
        if case .operation(is Inverse, let y) = x[0].kind, y[0] == x[1] { return .identity(shape) }
        if case .operation(is Inverse, let y) = x[1].kind, y[0] == x[0] { return .identity(shape) }
        return nil
    }
}

extension ShapedExpression {
    public static func product(_ a: ShapedExpression, _ b: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(MatrixProduct(), [a, b])
    }
}
