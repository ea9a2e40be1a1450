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
    /// Dimensions that would have to be equal for the operation to be defined (a product's
    /// inner dimensions, a sum's rows and columns, a square matrix's two): what a reader that
    /// infers shapes unifies before it tries again.
    public var unequal: [(Expression, Expression)] = []
    public init(_ description: String, unequal: [(Expression, Expression)] = []) {
        self.description = description
        self.unequal = unequal.filter { $0.0 != $0.1 }
    }

    /// The pairs that make `a` and `b` one shape.
    public static func pairs(_ a: Shape, _ b: Shape) -> [(Expression, Expression)] {
        [(a.rows, b.rows), (a.columns, b.columns)]
    }
}
