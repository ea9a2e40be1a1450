/// Linear equations `Σ a_j x_j + c = 0` in unknowns x_j with rational coefficients a_j and
/// symbolic constants c, solved exactly by Gauss–Jordan elimination.
public enum LinearSystem {
    /// The unique solution, or nil when an equation is not linear in the unknowns with rational
    /// coefficients, the system is inconsistent, or it leaves an unknown free.
    public static func solve(_ equations: [Expression], for unknowns: [Symbol]) -> [Symbol: Expression]? {
        guard !unknowns.isEmpty, equations.count <= 64, unknowns.count <= 64 else { return nil }
        var rows: [[Rational]] = []
        var constants: [Expression] = []
        for e in equations {
            guard let expanded = e.expanded(maxTerms: 10_000) else { return nil }
            var row = [Rational](repeating: .zero, count: unknowns.count)
            var rest = expanded
            for (j, x) in unknowns.enumerated() {
                guard let cs = rest.coefficients(in: x, expanded: true) else { return nil }
                for k in cs.keys where k != .zero && k != .one { return nil }
                if let a = cs[.one] {
                    guard let r = a.rationalValue else { return nil }
                    row[j] = r
                }
                rest = cs[.zero] ?? .zero
            }
            rows.append(row)
            constants.append(-rest)
        }
        // Gauss–Jordan: rows · x = constants.
        var pivotRow = 0
        var pivots: [Int] = []
        for col in unknowns.indices {
            guard let p = (pivotRow..<rows.count).first(where: { !rows[$0][col].isZero }) else { return nil }
            rows.swapAt(p, pivotRow)
            constants.swapAt(p, pivotRow)
            guard let inv = rows[pivotRow][col].inverse else { return nil }
            rows[pivotRow] = rows[pivotRow].map { $0 * inv }
            constants[pivotRow] = Expression(inv) * constants[pivotRow]
            for r in rows.indices where r != pivotRow && !rows[r][col].isZero {
                let f = rows[r][col]
                rows[r] = zip(rows[r], rows[pivotRow]).map { $0 - f * $1 }
                constants[r] = constants[r] - Expression(f) * constants[pivotRow]
            }
            pivots.append(pivotRow)
            pivotRow += 1
        }
        // Equations left over must hold: 0 = constant.
        for r in pivotRow..<rows.count {
            guard let c = constants[r].expanded(maxTerms: 10_000), c.isZero else { return nil }
        }
        var out: [Symbol: Expression] = [:]
        for (j, x) in unknowns.enumerated() { out[x] = constants[pivots[j]] }
        return out
    }
}
