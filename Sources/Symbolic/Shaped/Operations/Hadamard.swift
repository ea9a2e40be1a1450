import SymbolicCore
import SymbolicLaTeX
/// The elementwise (Hadamard) product `A ∘ B ∘ …` of operands of one shape.
/// Adjoint: `∂Xᵢ = G ∘ Π_{j≠i} Xⱼ`. Canonical form: flattened, factors of 1 dropped.
public struct Hadamard: ShapedOperation {
    public init() {}
    public var key: String { "hadamard" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard let first = s.first else { throw ShapeError("an empty elementwise product") }
        for t in s where t != first { throw ShapeError("an elementwise product of a \(first) and a \(t) quantity", unequal: ShapeError.pairs(first, t)) }
        return first
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        var others = x
        others.remove(at: i)
        return try .hadamard([seed] + others)
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        let sep = style == .latex ? " \\circ " : " * "
        return ShapedPrinter.Printed(x.map { $0.at(.prefix, style) }.joined(separator: sep), .hadamard)
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        guard let first = x.first, x.allSatisfy({ $0.rows == first.rows && $0.columns == first.columns }) else { return nil }
        let entries = first.entries.indices.map { k in Expression.product(x.map { $0.entries[k] }) }
        return Matrix(rows: first.rows, columns: first.columns, entries: entries)
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        var flat: [ShapedExpression] = []
        for e in x {
            if case .operation(is Hadamard, let inner) = e.kind { flat += inner } else { flat.append(e) }
        }
        if let z = flat.first(where: \.isZero) { return z }
        flat.removeAll { $0.isFilled(with: .one) }
        if flat.isEmpty { return .filled(.one, x[0].shape) }
        // Constant factors come out as a coefficient: `(1/2) ∘ X` is `X/2`.
        if let k = flat.firstIndex(where: { if case .filled(let v) = $0.kind { return v.rationalValue != nil }; return false }),
           case .filled(let v) = flat[k].kind, let c = v.rationalValue, flat.count > 1 {
            var rest = flat
            rest.remove(at: k)
            let inner = rest.count == 1 ? rest[0] : ShapedExpression(.operation(Hadamard(), rest), shape: x[0].shape)
            return try? .scaled(inner, c)
        }
        if flat.count == 1 { return flat[0] }
        return flat == x ? nil : ShapedExpression(.operation(Hadamard(), flat), shape: x[0].shape)
    }
}

extension ShapedExpression {
    public static func hadamard(_ xs: [ShapedExpression]) throws(ShapeError) -> ShapedExpression {
        try .apply(Hadamard(), xs)
    }
}
