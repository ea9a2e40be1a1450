import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// The rotation form of sinusoidal positional encodings: for `PE(t) = [\sin \omega t; \cos \omega t]`,
/// the matrix M with `M PE(t) = PE(t + \phi)` for every t, found by the engine: unknown entries,
/// trigonometric expansion of `PE(t + \phi)`, matching the coefficients of `\sin \omega t` and
/// `\cos \omega t` (independent functions of t), and solving the linear system. Then its
/// properties, the d-dimensional block-diagonal form, and the RoPE identity.
public enum PERotation {
    public enum Order: String, Sendable, CaseIterable {
        case sinCos = "sin-cos", cosSin = "cos-sin"
    }

    /// The largest even d for the block-diagonal form.
    public static let maximumDimensions = 8

    static let omega = Symbol("omega"), t = Symbol("t"), phi = Symbol("phi")
    static func m(_ i: Int, _ j: Int) -> Symbol { Symbol("m", subscriptText: "\(i)\(j)") }

    /// The encoding of one frequency at time `time`, in the given order.
    static func encoding(_ w: Expression, _ time: Expression, _ order: Order) -> [Expression] {
        let s = Expression.apply(.sin, w * time), c = Expression.apply(.cos, w * time)
        return order == .sinCos ? [s, c] : [c, s]
    }

    static func column(_ xs: [Expression]) -> MathValue { .matrix(Matrix(rows: xs.count, columns: 1, entries: xs)) }

    /// The derivation; nil when `dimensions` is odd, below 2 or above the limit, or when
    /// coefficient matching does not give a unique solution.
    public static func derivation(order: Order = .sinCos, dimensions: Int = 2) -> Derivation? {
        guard dimensions >= 2, dimensions <= maximumDimensions, dimensions % 2 == 0 else { return nil }
        let W = Expression(omega), T = Expression(t), P = Expression(phi)
        let orderText = order == .sinCos ? "[\\sin(\\omega t); \\cos(\\omega t)]" : "[\\cos(\\omega t); \\sin(\\omega t)]"
        var d = Derivation(name: "pe-rotation", title: "Positional encodings: the rotation M with M PE(t) = PE(t + φ)",
                           statement: "For $PE(t) = \(orderText)$, find a matrix $M$, independent of $t$, with $M\\,PE(t) = PE(t + \\phi)$ for every $t$.")
        d.persianStatement = "برای $PE(t) = \(orderText)$ ماتریس $M$ مستقل از $t$ را چنان بیابید که برای هر $t$ داشته باشیم $M\\,PE(t) = PE(t + \\phi)$."
        let pe = encoding(W, T, order)
        let shifted = encoding(W, T + P, order)
        d.steps.append(.init(column(pe), .equal, column(pe), "the encoding of one frequency", check: .definition, lhsLatex: "PE(t)"))
        let unknowns = [m(1, 1), m(1, 2), m(2, 1), m(2, 2)]
        let ansatz = Matrix(rows: 2, columns: 2, entries: unknowns.map { Expression($0) })
        d.steps.append(.init(.matrix(ansatz), .equal, .matrix(ansatz), "unknown entries", check: .definition, lhsLatex: "M"))
        guard let product = ansatz * Matrix(rows: 2, columns: 1, entries: pe) else { return nil }
        d.steps.append(.init(.matrix(product), .equal, .matrix(product), "matrix product", lhsLatex: "M\\,PE(t)"))
        let expanded = shifted.map { $0.trigExpanded() }
        d.steps.append(.init(column(shifted), .equal, column(expanded), "angle-addition formulas", lhsLatex: "PE(t + \\phi)"))

        // Coefficient matching: sin(ωt) and cos(ωt) as atoms S, C.
        let S = Symbol("\u{1}S"), C = Symbol("\u{1}C")
        let atoms: [Expression: Expression] = [.apply(.sin, W * T): Expression(S), .apply(.cos, W * T): Expression(C)]
        var equations: [Expression] = []
        for row in 0..<2 {
            let difference = (product.entries[row] - expanded[row]).substituting(atoms)
            guard let e = difference.expanded(maxTerms: 1_000), let bySin = e.coefficients(in: S, expanded: true),
                  bySin.keys.allSatisfy({ $0 == .zero || $0 == .one }) else { return nil }
            let rest = bySin[.zero] ?? .zero
            guard let byCos = rest.coefficients(in: C, expanded: true), byCos.keys.allSatisfy({ $0 == .zero || $0 == .one }) else { return nil }
            for (atom, coefficient) in [("\\sin(\\omega t)", bySin[.one] ?? .zero), ("\\cos(\\omega t)", byCos[.one] ?? .zero)] {
                equations.append(coefficient)
                d.steps.append(.init(.scalar(coefficient), .equal, .scalar(.zero),
                                     "coefficient of $\(atom)$ in row \(row + 1): $\\sin(\\omega t)$ and $\\cos(\\omega t)$ are independent functions of $t$ (for $\\omega \\neq 0$)",
                                     check: .equation))
            }
            if let constant = byCos[.zero], !constant.isZero { equations.append(constant) }
        }
        guard let solution = LinearSystem.solve(equations, for: unknowns) else { return nil }
        for x in unknowns { d.definitions[x] = solution[x] }
        d.solution = solution
        // Unique: the matched coefficients are linear in the unknowns, with an invertible matrix.
        if equations.count == unknowns.count {
            let system = Matrix(rows: equations.count, columns: unknowns.count,
                                entries: equations.flatMap { e in unknowns.map { e.derivative(with: $0) } })
            if let det = system.determinant?.simplified(), !det.isZero {
                d.steps.append(.init(det, det, "unique: the \(equations.count) matched coefficients are a linear system with one solution (its determinant is $\(det.latex)$)",
                                     lhsLatex: "\\det \\frac{\\partial(\\text{coefficients})}{\\partial(m_{11}, m_{12}, m_{21}, m_{22})}"))
            }
        }
        let M = ansatz.map { $0.substituting(solution) }
        d.steps.append(.init(.matrix(ansatz), .equal, .matrix(M), "solving the linear system", check: .definition, lhsLatex: "M", isResult: true))

        // Checks of the result and its properties.
        guard let mpe = M * Matrix(rows: 2, columns: 1, entries: pe), let mmt = M * M.transposed, let det = M.determinant else { return nil }
        d.steps.append(.init(.matrix(mpe), .equal, column(shifted), "the solution satisfies the condition for every $t$", lhsLatex: "M\\,PE(t)"))
        d.steps.append(.init(.matrix(mmt), .equal, .matrix(.identity(2)), "M is orthogonal", lhsLatex: "M M^T"))
        d.steps.append(.init(det, .one, "a rotation, not a reflection", lhsLatex: "\\det M"))
        d.steps.append(.init(.matrix(M.map { $0.derivative(with: t) }), .equal, .matrix(Matrix(rows: 2, columns: 2, entries: Array(repeating: .zero, count: 4))),
                             "M does not depend on $t$", lhsLatex: "\\frac{\\partial M}{\\partial t}"))
        if dimensions > 2 { blockDiagonal(&d, M, order: order, dimensions: dimensions) }
        rope(&d)
        return d
    }

    /// `M_d = diag(M(\omega_0), …)` with `\omega_k = 10000^{-2k/d}` shifts every pair of the d-dimensional encoding.
    static func blockDiagonal(_ d: inout Derivation, _ M: Matrix, order: Order, dimensions n: Int) {
        let T = Expression(t), P = Expression(phi)
        var entries = [Expression](repeating: .zero, count: n * n)
        var pe: [Expression] = [], shifted: [Expression] = []
        for k in 0..<(n / 2) {
            let wk = Symbol("omega", subscriptText: "\(k)")
            let value = Expression.power(Expression(10_000), Expression(-2 * k) / Expression(n))
            d.steps.append(.init(Expression(wk), value, "frequency of pair \(k)", check: .definition))
            let block = M.map { $0.substituting([omega: Expression(wk)]) }
            for i in 0..<2 { for j in 0..<2 { entries[(2 * k + i) * n + 2 * k + j] = block[i, j] } }
            pe += encoding(Expression(wk), T, order)
            shifted += encoding(Expression(wk), T + P, order)
        }
        let Md = Matrix(rows: n, columns: n, entries: entries)
        // From d = 6 the matrix is wider than a page: written by its blocks.
        let blocks = (0..<(n / 2)).map { "M(\\omega_{\($0)})" }.joined(separator: ", ")
        d.steps.append(.init(.matrix(Md), .equal, .matrix(Md), "one rotation block per frequency", check: .definition, lhsLatex: "M_{\(n)}",
                             rhsLatex: n >= 6 ? "\\operatorname{diag}\\bigl(\(blocks)\\bigr)" : nil))
        if let product = Md * Matrix(rows: n, columns: 1, entries: pe) {
            d.steps.append(.init(.matrix(product), .equal, column(shifted), "each block shifts its pair by $\\phi$, whatever $t$", lhsLatex: "M_{\(n)}\\,PE_{\(n)}(t)", isResult: true))
        }
    }

    /// RoPE: with `R_m` the rotation by `m\theta`, `(R_m q)^T (R_n k) = q^T R_{n-m} k`.
    static func rope(_ d: inout Derivation) {
        let theta = Expression(Symbol("theta")), mm = Expression(Symbol("m")), nn = Expression(Symbol("n"))
        func rotation(_ angle: Expression) -> Matrix {
            let c = Expression.apply(.cos, angle), s = Expression.apply(.sin, angle)
            return Matrix(rows: 2, columns: 2, entries: [c, -s, s, c])
        }
        let q = Matrix(rows: 2, columns: 1, entries: [Expression(Symbol("q", subscriptText: "1")), Expression(Symbol("q", subscriptText: "2"))])
        let k = Matrix(rows: 2, columns: 1, entries: [Expression(Symbol("k", subscriptText: "1")), Expression(Symbol("k", subscriptText: "2"))])
        guard let rq = rotation(mm * theta) * q, let rk = rotation(nn * theta) * k, let lhs = rq.transposed * rk,
              let rel = rotation((nn - mm) * theta) * k, let rhs = q.transposed * rel else { return }
        d.steps.append(.init(.matrix(lhs), .equal, .matrix(rhs),
                             "RoPE: a score depends on the positions only through $n - m$ ($R_m^T R_n = R_{n-m}$)",
                             lhsLatex: "(R_m q)^T (R_n k)", rhsLatex: "q^T R_{n-m}\\, k", isResult: true))
    }
}
