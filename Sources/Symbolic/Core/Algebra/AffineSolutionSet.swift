/// The real solutions of linear equations `Σ_j a_j x_j = b` with rational coefficients: empty, or
/// a particular solution plus the span of a null-space basis, from exact Gauss–Jordan elimination.
package struct AffineSolutionSet {
    /// One equation: coefficients by unknown (in `unknowns` order) and the right side.
    package struct Row {
        var coefficients: [Rational]
        var constant: Rational
        package init(coefficients: [Rational], constant: Rational) {
            self.coefficients = coefficients
            self.constant = constant
        }
    }

    let unknowns: [Symbol]
    /// Nil when the equations are inconsistent.
    package let particular: [Rational]?
    /// Directions along which the solutions extend (one per free unknown).
    let directions: [[Rational]]

    package init(_ rows: [Row], unknowns: [Symbol]) {
        self.unknowns = unknowns
        let n = unknowns.count
        var rows = rows
        var pivotColumns: [Int] = []
        var r = 0
        for col in 0..<n where r < rows.count {
            guard let p = (r..<rows.count).first(where: { !rows[$0].coefficients[col].isZero }) else { continue }
            rows.swapAt(p, r)
            let inv = rows[r].coefficients[col].inverse!
            rows[r].coefficients = rows[r].coefficients.map { $0 * inv }
            rows[r].constant = rows[r].constant * inv
            for k in rows.indices where k != r && !rows[k].coefficients[col].isZero {
                let f = rows[k].coefficients[col]
                rows[k].coefficients = zip(rows[k].coefficients, rows[r].coefficients).map { $0 - f * $1 }
                rows[k].constant = rows[k].constant - f * rows[r].constant
            }
            pivotColumns.append(col)
            r += 1
        }
        // A row 0 = c with c ≠ 0: no solution.
        if rows[r...].contains(where: { !$0.constant.isZero }) {
            particular = nil
            directions = []
            return
        }
        var p = [Rational](repeating: .zero, count: n)
        for (i, col) in pivotColumns.enumerated() { p[col] = rows[i].constant }
        particular = p
        var dirs: [[Rational]] = []
        for free in 0..<n where !pivotColumns.contains(free) {
            var v = [Rational](repeating: .zero, count: n)
            v[free] = .one
            for (i, col) in pivotColumns.enumerated() { v[col] = -rows[i].coefficients[free] }
            dirs.append(v)
        }
        directions = dirs
    }

    /// A solution where `row` fails, or nil when every solution satisfies it (or there is none).
    func pointViolating(_ row: Row) -> [Rational]? {
        guard let p = particular else { return nil }
        let at = { (x: [Rational]) in zip(row.coefficients, x).reduce(Rational.zero) { $0 + $1.0 * $1.1 } }
        if at(p) != row.constant { return p }
        // Along a direction that changes the row's left side, the row fails one step away.
        guard let v = directions.first(where: { !at($0).isZero }) else { return nil }
        return zip(p, v).map { $0 + $1 }
    }

    /// A solution of `self` outside `other`, or nil when `self` lies inside `other`.
    package func pointOutside(_ other: [Row]) -> [Rational]? {
        for row in other { if let x = pointViolating(row) { return x } }
        return nil
    }
}
