import SymbolicCore
import SymbolicLaTeX
/// A quantity with a shape (scalar, vector or matrix, with symbolic dimensions), built from
/// named quantities by `ShapedOperation`s. Immutable and shared, with its hash computed once.
///
/// Traversal is generic: every node exposes its children and rebuilds itself from new ones, so
/// no walker has to know the operations (and none can skip one).
public struct ShapedExpression: Hashable, Sendable {
    let node: ShapedNode

    public var shape: Shape { node.shape }
    public var kind: ShapedKind { node.kind }

    init(_ kind: ShapedKind, shape: Shape) { node = ShapedNode(kind, shape) }

    public static func == (a: ShapedExpression, b: ShapedExpression) -> Bool {
        a.node === b.node || (a.node.hash == b.node.hash && a.node.shape == b.node.shape && a.node.kind == b.node.kind)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(node.hash) }
}

/// The kinds of shaped node.
public enum ShapedKind: Sendable, Equatable {
    /// A named quantity: an input, a parameter, a quantity defined by an equation, or a gradient.
    case quantity(Quantity)
    /// Every entry equal to one scalar (`1` in `1 - \Gamma`, or `0`).
    case filled(Expression)
    /// The identity matrix.
    case identity
    /// An operation applied to operands.
    case operation(any ShapedOperation, [ShapedExpression])

    public static func == (a: ShapedKind, b: ShapedKind) -> Bool {
        switch (a, b) {
        case let (.quantity(x), .quantity(y)): return x == y
        case let (.filled(x), .filled(y)): return x == y
        case (.identity, .identity): return true
        case let (.operation(f, xs), .operation(g, ys)): return f.key == g.key && xs == ys
        default: return false
        }
    }
}

/// A name with its plain, LaTeX and Python spellings (`Gamma_u`, `\Gamma_u^{<t>}`, `Gamma_u`).
public struct Quantity: Hashable, Sendable {
    public let plain: String
    public let latex: String
    public var python: String { plain.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }

    public init(_ plain: String, latex: String? = nil) {
        self.plain = plain
        self.latex = latex ?? plain
    }

    /// The name of this quantity's gradient: `dz`, `d\gamma_u^{<t>}`.
    public var gradient: Quantity { Quantity("d" + plain, latex: "d" + latex) }
}

final class ShapedNode: Sendable {
    let kind: ShapedKind
    let shape: Shape
    let hash: Int

    init(_ kind: ShapedKind, _ shape: Shape) {
        self.kind = kind
        self.shape = shape
        var h = StableHasher()
        switch kind {
        case .quantity(let q): h.combine(1); h.combine(string: q.plain)
        case .filled(let e): h.combine(2); h.combine(e.storedHash)
        case .identity: h.combine(3)
        case .operation(let op, let xs):
            h.combine(4); h.combine(string: op.key)
            for x in xs { h.combine(x.node.hash) }
        }
        h.combine(shape.rows.storedHash)
        h.combine(shape.columns.storedHash)
        hash = h.value
    }
}

extension ShapedExpression {
    /// A named quantity of a shape.
    public static func quantity(_ q: Quantity, _ shape: Shape) -> ShapedExpression { ShapedExpression(.quantity(q), shape: shape) }

    /// Every entry equal to `value`.
    public static func filled(_ value: Expression, _ shape: Shape) -> ShapedExpression { ShapedExpression(.filled(value), shape: shape) }

    /// The zero of a shape.
    public static func zero(_ shape: Shape) -> ShapedExpression { .filled(.zero, shape) }

    /// `op(operands)`, shape-checked and in its operation's canonical form.
    public static func apply(_ op: any ShapedOperation, _ operands: [ShapedExpression]) throws(ShapeError) -> ShapedExpression {
        let shape = try op.shape(of: operands.map(\.shape))
        if let s = op.simplified(operands) { return s }
        return ShapedExpression(.operation(op, operands), shape: shape)
    }

    /// The operands of an operation; no children for leaves.
    public var children: [ShapedExpression] {
        if case .operation(_, let xs) = kind { return xs }
        return []
    }

    /// The same node with new children (of the same shapes), in canonical form.
    public func rebuilt(_ children: [ShapedExpression]) throws(ShapeError) -> ShapedExpression {
        guard case .operation(let op, let xs) = kind, children != xs else { return self }
        return try .apply(op, children)
    }

    /// Rebuilds bottom-up, applying `rule` to every node after its children; shared nodes are visited once.
    public func transformed(_ rule: (ShapedExpression) throws(ShapeError) -> ShapedExpression) throws(ShapeError) -> ShapedExpression {
        var memo: [ShapedExpression: ShapedExpression] = [:]
        func visit(_ e: ShapedExpression) throws(ShapeError) -> ShapedExpression {
            if let m = memo[e] { return m }
            var kids: [ShapedExpression] = []
            for c in e.children { kids.append(try visit(c)) }
            let r = try rule(try e.rebuilt(kids))
            memo[e] = r
            return r
        }
        return try visit(self)
    }

    /// The named quantities that occur, each once, in order of first occurrence.
    public var quantities: [Quantity] {
        var seen = Set<ShapedExpression>(), out: [Quantity] = [], names = Set<Quantity>()
        func walk(_ e: ShapedExpression) {
            guard seen.insert(e).inserted else { return }
            if case .quantity(let q) = e.kind, names.insert(q).inserted { out.append(q) }
            e.children.forEach(walk)
        }
        walk(self)
        return out
    }

    /// True for a filled node whose value is `value`.
    func isFilled(with value: Expression) -> Bool {
        if case .filled(let v) = kind { return v == value }
        return false
    }

    public var isZero: Bool { isFilled(with: .zero) }
}
