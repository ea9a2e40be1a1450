import SymbolicCore
import SymbolicLaTeX
/// An operation on shaped quantities. Each operation declares, in one place, its shape rule,
/// its adjoint (reverse-mode) rule, its printing, its evaluation and its local canonical form,
/// so a new operation is one new file.
public protocol ShapedOperation: Sendable {
    /// Identifies the operation with its parameters (for equality and hashing).
    var key: String { get }
    /// The result's shape, or an error naming the mismatch.
    func shape(of operands: [Shape]) throws(ShapeError) -> Shape
    /// The contribution to ∂L/∂operands[i] given `seed` = ∂L/∂result (a vector-Jacobian product).
    /// `result` is the result itself, or the name it was given (so σ' reads Γ ∘ (1 - Γ)).
    func adjoint(_ i: Int, operands: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression
    /// The printed form from the operands' printed forms.
    func print(_ operands: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed
    /// The value on instantiated operands (exact entries); nil when the sizes do not fit.
    func evaluate(_ operands: [Matrix]) -> Matrix?
    /// A simpler equal form of `op(operands)`, applied when the node is built; nil to keep it.
    func simplified(_ operands: [ShapedExpression]) -> ShapedExpression?
}

extension ShapedOperation {
    public func simplified(_ operands: [ShapedExpression]) -> ShapedExpression? { nil }
}
