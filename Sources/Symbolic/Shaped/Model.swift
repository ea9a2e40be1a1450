import SymbolicCore
import SymbolicLaTeX
/// A model: named inputs and parameters with shapes, and forward equations, each defining a new
/// quantity from earlier ones. Reverse mode (`BackwardPass`) derives every gradient from it.
public struct Model: Sendable {
    /// A named input or parameter.
    public struct Declaration: Sendable {
        public let quantity: Quantity
        public let shape: Shape
        public let isParameter: Bool
        package init(quantity: Quantity, shape: Shape, isParameter: Bool) {
            self.quantity = quantity
            self.shape = shape
            self.isParameter = isParameter
        }
    }

    /// `quantity = value`.
    public struct Equation: Sendable {
        public let quantity: Quantity
        public let value: ShapedExpression
        package init(quantity: Quantity, value: ShapedExpression) {
            self.quantity = quantity
            self.value = value
        }
    }

    /// A quantity that also feeds the next time step, with the name of the gradient it receives from there.
    public struct Carry: Sendable {
        public let quantity: Quantity
        public let incoming: Quantity
        package init(quantity: Quantity, incoming: Quantity) {
            self.quantity = quantity
            self.incoming = incoming
        }
    }

    public var title: String = ""
    public var dimensions: [Symbol] = []
    public var declarations: [Declaration] = []
    public var equations: [Equation] = []
    /// The scalar quantity whose gradients are taken.
    public var loss: Quantity?
    public var carries: [Carry] = []
    /// Column blocks of parameters: `W_f = [W_fa W_fx]`, in order, with their widths.
    public var splits: [Quantity: [(block: Quantity, width: Expression)]] = [:]

    public init() {}

    /// The shape of a declared or defined quantity.
    public func shape(of q: Quantity) -> Shape? {
        if let d = declarations.first(where: { $0.quantity == q }) { return d.shape }
        return equations.first { $0.quantity == q }?.value.shape
    }

    /// The quantity as a leaf of its shape.
    public func leaf(_ q: Quantity) -> ShapedExpression? { shape(of: q).map { .quantity(q, $0) } }

    /// The declared or defined quantity with this plain name, as a leaf of its shape.
    public func leaf(named name: String) -> ShapedExpression? {
        if let d = declarations.first(where: { $0.quantity.plain == name }) { return .quantity(d.quantity, d.shape) }
        return equations.first { $0.quantity.plain == name }.map { .quantity($0.quantity, $0.value.shape) }
    }
}
