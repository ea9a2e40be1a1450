/// A dense matrix of expressions (row-major), for the small exact matrices of course
/// derivations: products, sums, scalar multiples, transposes and determinants.
public struct Matrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    public let entries: [Expression]

    public init(rows: Int, columns: Int, entries: [Expression]) {
        precondition(entries.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    /// Builds a matrix from rows of equal length; nil when the rows are ragged or empty.
    public init?(_ rowList: [[Expression]]) {
        guard let n = rowList.first?.count, n > 0, rowList.allSatisfy({ $0.count == n }) else { return nil }
        self.init(rows: rowList.count, columns: n, entries: rowList.flatMap { $0 })
    }

    public subscript(i: Int, j: Int) -> Expression { entries[i * columns + j] }

    public var transposed: Matrix {
        var out: [Expression] = []
        out.reserveCapacity(entries.count)
        for j in 0..<columns { for i in 0..<rows { out.append(self[i, j]) } }
        return Matrix(rows: columns, columns: rows, entries: out)
    }

    public func map(_ f: (Expression) -> Expression) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: entries.map(f))
    }

    public static func + (a: Matrix, b: Matrix) -> Matrix? {
        guard a.rows == b.rows, a.columns == b.columns else { return nil }
        return Matrix(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map { $0 + $1 })
    }

    /// True when the entries, written out as trees, have more than `limit` nodes in all
    /// (repeated products of symbolic matrices share sub-expressions: their trees grow
    /// exponentially while the graph stays small).
    public func treeSize(exceeds limit: Int) -> Bool {
        var budget = limit
        return !entries.allSatisfy { $0.fitsTree(&budget) }
    }

    /// The entry products `a * b` multiplies (rows × inner size × columns), saturating.
    public static func productCost(_ a: Matrix, _ b: Matrix) -> Int {
        let (ab, o1) = a.rows.multipliedReportingOverflow(by: a.columns)
        let (abc, o2) = ab.multipliedReportingOverflow(by: b.columns)
        return o1 || o2 ? Int.max : abc
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix? {
        guard a.columns == b.rows else { return nil }
        var out: [Expression] = []
        out.reserveCapacity(a.rows * b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                out.append(Expression.sum((0..<a.columns).map { a[i, $0] * b[$0, j] }))
            }
        }
        return Matrix(rows: a.rows, columns: b.columns, entries: out)
    }

    public static func * (s: Expression, m: Matrix) -> Matrix { m.map { s * $0 } }

    /// The determinant of a square matrix by cofactor expansion (the matrices here are small); nil if not square.
    public var determinant: Expression? {
        guard rows == columns else { return nil }
        if rows == 1 { return entries[0] }
        if rows == 2 { return (self[0, 0] * self[1, 1] - self[0, 1] * self[1, 0]).expanded() }
        guard rows <= 6 else { return nil }
        var terms: [Expression] = []
        for j in 0..<columns where !self[0, j].isZero {
            var minor: [Expression] = []
            for i in 1..<rows { for k in 0..<columns where k != j { minor.append(self[i, k]) } }
            let sub = Matrix(rows: rows - 1, columns: columns - 1, entries: minor).determinant!
            terms.append((j % 2 == 0 ? self[0, j] : -self[0, j]) * sub)
        }
        return Expression.sum(terms).expanded()
    }

    /// The identity matrix of size n.
    public static func identity(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n, entries: (0..<(n * n)).map { $0 / n == $0 % n ? .one : .zero })
    }
}

/// A value read from a formula: a scalar expression or a matrix.
public enum MathValue: Hashable, Sendable {
    case scalar(Expression)
    case matrix(Matrix)

    public var scalar: Expression? { if case .scalar(let e) = self { return e }; return nil }
}
