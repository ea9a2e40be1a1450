import SymbolicCore
import SymbolicLaTeX
/// Vertical concatenation `[a; x]` of operands with the same number of columns.
/// Adjoint: `∂Xᵢ` is the block of rows of G that Xᵢ occupies.
public struct Concatenation: ShapedOperation {
    public init() {}
    public var key: String { "concat" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape {
        guard let first = s.first else { throw ShapeError("an empty concatenation") }
        for t in s where t.columns != first.columns { throw ShapeError("a concatenation of a \(first) and a \(t) quantity", unequal: [(first.columns, t.columns)]) }
        return Shape(Expression.sum(s.map(\.rows)), first.columns)
    }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let start = Expression.sum(x[..<i].map(\.shape.rows))
        return try .apply(RowBlock(start: start, count: x[i].shape.rows), [seed])
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        switch style {
        case .latex: return ShapedPrinter.Printed("\\begin{bmatrix} " + x.map(\.text).joined(separator: " \\\\ ") + " \\end{bmatrix}", .atom)
        case .plain: return ShapedPrinter.Printed("[" + x.map(\.text).joined(separator: "; ") + "]", .atom)
        case .python: return ShapedPrinter.Printed("np.concatenate([" + x.map(\.text).joined(separator: ", ") + "], axis=0)", .atom)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        guard let first = x.first, x.allSatisfy({ $0.columns == first.columns }) else { return nil }
        return Matrix(rows: x.reduce(0) { $0 + $1.rows }, columns: first.columns, entries: x.flatMap(\.entries))
    }
}

/// Rows `start ..< start + count` of X (symbolic bounds). Adjoint: G padded with zero rows.
/// Canonical form: a block that is one part of a concatenation is that part.
public struct RowBlock: ShapedOperation {
    public let start: Expression
    public let count: Expression
    public init(start: Expression, count: Expression) {
        self.start = start
        self.count = count
    }

    public var key: String { "rows[\(PlainPrinter.string(start)),\(PlainPrinter.string(count))]" }

    public func shape(of s: [Shape]) throws(ShapeError) -> Shape { Shape(count, s[0].columns) }

    public func adjoint(_ i: Int, operands x: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        let columns = x[0].shape.columns
        var parts: [ShapedExpression] = []
        if !start.isZero { parts.append(.zero(Shape(start, columns))) }
        parts.append(seed)
        let after = x[0].shape.rows - start - count
        if !after.isZero { parts.append(.zero(Shape(after, columns))) }
        return parts.count == 1 ? seed : try .apply(Concatenation(), parts)
    }

    public func print(_ x: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        let end = start + count
        switch style {
        case .latex: return ShapedPrinter.Printed(x[0].at(.atom, style) + "_{[\(start.latex) : \(end.latex)]}", .postfix)
        case .plain: return ShapedPrinter.Printed(x[0].at(.atom, style) + "[\(start) : \(end)]", .postfix)
        case .python: return ShapedPrinter.Printed(x[0].at(.atom, style) + "[\(PlainPrinter.string(start)):\(PlainPrinter.string(end))]", .postfix)
        }
    }

    public func evaluate(_ x: [Matrix]) -> Matrix? {
        guard let s = start.rationalValue?.numerator.intValue, let c = count.rationalValue?.numerator.intValue,
              s >= 0, c > 0, s + c <= x[0].rows else { return nil }
        let m = x[0]
        return Matrix(rows: c, columns: m.columns, entries: Array(m.entries[(s * m.columns)..<((s + c) * m.columns)]))
    }

    public func simplified(_ x: [ShapedExpression]) -> ShapedExpression? {
        if start.isZero && count == x[0].shape.rows { return x[0] }
        guard case .operation(is Concatenation, let parts) = x[0].kind else { return nil }
        var offset = Expression.zero
        for p in parts {
            if offset == start && p.shape.rows == count { return p }
            offset = offset + p.shape.rows
        }
        return nil
    }
}
