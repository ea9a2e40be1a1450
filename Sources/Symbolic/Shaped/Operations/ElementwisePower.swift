import SymbolicCore
import SymbolicLaTeX
/// An entrywise integer power `X^{∘k}` (`(\tilde{c})^2`, `\tanh^2(c)`, `X^{-1}`).
/// Adjoint: `∂X = G ∘ k X^{∘(k-1)}`.
public struct ElementwisePower: ShapedOperation {
    public let exponent: Int
    public init(_ exponent: Int) { self.exponent = exponent }

    public var key: String { "power:\(exponent)" }
    public func shape(of s: [Shape]) throws(ShapeError) -> Shape { s[0] }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .hadamard([seed, .scaled(.elementwisePower(x[0], exponent - 1), Rational(exponent))])
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex:
            // \tanh^{2}(c) rather than (\tanh(c))^{2}.
            if x[0].text.hasPrefix("\\tanh\\left("), exponent > 0 {
                return ShapedPrinter.Printed("\\tanh^{\(exponent)}" + x[0].text.dropFirst("\\tanh".count), .atom)
            }
            return ShapedPrinter.Printed(x[0].superscriptable(style) + "^{\(exponent)}", .postfix)
        case .plain: return ShapedPrinter.Printed(x[0].at(.atom, style) + "^\(exponent)", .postfix)
        case .python: return ShapedPrinter.Printed(x[0].at(.atom, style) + "**\(exponent)", .postfix)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? { x[0].map { $0.pow(exponent) } }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        exponent == 1 ? x[0] : nil
    }
}

extension ShapedExpression {
    public static func elementwisePower(_ x: ShapedExpression, _ k: Int) throws(ShapeError) -> ShapedExpression {
        try .apply(ElementwisePower(k), [x])
    }
}
