import SymbolicCore
import SymbolicLaTeX
/// A scalar function applied to every entry: `\sigma(X)`, `\tanh(X)`, `\exp`, `\log`, ReLU.
/// Adjoints in textbook form, through the result R where it has a name:
/// `σ' = R ∘ (1 - R)`, `tanh' = 1 - R²`, `exp' = R`, `log' = 1/X`, `ReLU' = H(X)`.
public struct Elementwise: ShapedOperation {
    public let function: Function
    public init(_ function: Function) { self.function = function }

    public var key: String { "map:" + function.name }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape { s[0] }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result r: ShapedExpression, seed g: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let one = ShapedExpression.filled(.one, r.shape)
        switch function {
        case .sigmoid: return try .hadamard([g, r, .difference(one, r)])
        case .tanh: return try .hadamard([g, .difference(one, .elementwisePower(r, 2))])
        case .exp: return try .hadamard([g, r])
        case .log: return try .hadamard([g, .elementwisePower(x[0], -1)])
        case .relu: return try .hadamard([g, .apply(Elementwise(.heaviside), x)])
        default:
            // f'(X) from the scalar differentiator, applied entrywise.
            let u = Symbol("\u{1}u")
            let d = Expression.apply(function, Expression(u)).derivative(with: u)
            return try .hadamard([g, .apply(EntrywiseTemplate(d, variable: u), x)])
        }
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        let arg = x[0].text
        switch style {
        case .latex:
            let name: String
            switch function {
            case .sigmoid: name = "\\sigma"
            case .relu: name = "\\operatorname{ReLU}"
            case .heaviside: name = "H"
            case .abs: return ShapedPrinter.Printed("\\left|\(arg)\\right|", .atom)
            default: name = "\\" + function.name
            }
            return ShapedPrinter.Printed("\(name)\\left(\(arg)\\right)", .atom)
        case .plain:
            return ShapedPrinter.Printed("\(function.name)(\(arg))", .atom)
        case .python:
            switch function {
            case .sigmoid: return ShapedPrinter.Printed("_sigmoid(\(arg))", .atom)
            case .relu: return ShapedPrinter.Printed("np.maximum(\(arg), 0.0)", .atom)
            case .heaviside: return ShapedPrinter.Printed("(\(arg) > 0).astype(float)", .atom)
            default: return ShapedPrinter.Printed("np.\(function.name)(\(arg))", .atom)
            }
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? { x[0].map { Expression.apply(function, $0) } }
}

/// A scalar expression in one variable applied to every entry (a derivative the engine computed).
public struct EntrywiseTemplate: ShapedOperation {
    public let template: Expression
    public let variable: Symbol
    public init(_ template: Expression, variable: Symbol) {
        self.template = template
        self.variable = variable
    }

    public var key: String { "template:" + PlainPrinter.string(template) }
    public func shape(of s: [Shape]) throws(ShapeError) -> Shape { s[0] }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .hadamard([seed, .apply(EntrywiseTemplate(template.derivative(with: variable), variable: variable), x)])
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        let placeholder = Symbol(x[0].text)
        let e = template.substituting([variable: Expression(placeholder)])
        return ShapedPrinter.Printed("\\left[" + (style == .latex ? e.latex : e.description) + "\\right]", .atom)
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? { x[0].map { template.substituting([variable: $0]) } }
}
