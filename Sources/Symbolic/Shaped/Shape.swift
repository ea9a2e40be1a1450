import SymbolicCore
import SymbolicLaTeX
/// The shape of a quantity: rows × columns, each a symbolic dimension (`n_a`, `n_a + n_x`, `1`).
/// A scalar is 1 × 1, a (column) vector n × 1.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    public let rows: Expression
    public let columns: Expression

    public init(_ rows: Expression, _ columns: Expression = .one) {
        self.rows = rows
        self.columns = columns
    }

    public static let scalar = Shape(.one, .one)

    public var isScalar: Bool { rows.isOne && columns.isOne }
    public var transposed: Shape { Shape(columns, rows) }

    /// `n_a × (n_a + n_x)`, or `n_a` for a column vector.
    public var description: String {
        func dim(_ e: Expression) -> String {
            let s = PlainPrinter.string(e)
            return e.freeSymbols.isEmpty || e.kind.isSymbolKind ? s : "(\(s))"
        }
        return columns.isOne ? dim(rows) : "\(dim(rows)) × \(dim(columns))"
    }

    /// The dimensions with symbols replaced by sizes; nil when one is not a positive integer.
    public func instantiated(_ sizes: [Symbol: Int]) -> (rows: Int, columns: Int)? {
        var map: [Symbol: Expression] = [:]
        for (s, n) in sizes { map[s] = Expression(n) }
        guard let r = rows.substituting(map).rationalValue, let c = columns.substituting(map).rationalValue,
              r.isInteger, c.isInteger, let ri = r.numerator.intValue, let ci = c.numerator.intValue, ri > 0, ci > 0 else { return nil }
        return (ri, ci)
    }
}

extension Kind {
    var isSymbolKind: Bool { if case .symbol = self { return true }; return false }
}

/// Shapes that do not fit an operation, in words.
public struct ShapeError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
