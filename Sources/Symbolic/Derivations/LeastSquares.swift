import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// Simple linear regression by least squares (../shared/seeds 000): `J(w) = \frac{1}{n}\sum_i
/// (y_i - w_0 - w_1 x_i)^2`, its gradient by the engine's differentiation of the sum, the normal
/// equations solved by Cramer's rule over the sums, and the solution in the statistics
/// `\bar{x}`, `\bar{y}`, `C_{xx}`, `C_{xy}`, with `C_{xy} - w_1^* C_{xx} = 0`.
public enum LeastSquares {
    static let n = Symbol("n"), i = Symbol("i")
    static let w0 = Symbol("w", subscriptText: "0"), w1 = Symbol("w", subscriptText: "1")
    static func mean(_ body: Expression) -> Expression {
        Expression.bigOperator(.sum, index: i, lower: .one, upper: Expression(n), body: body) / Expression(n)
    }

    public static func derivation() -> Derivation? {
        let x = Expression(Symbol("x", subscriptText: "i")), y = Expression(Symbol("y", subscriptText: "i"))
        let W0 = Expression(w0), W1 = Expression(w1)
        var d = Derivation(name: "least-squares", title: "Least squares for a line",
                           statement: "Minimise $J(w) = \\frac{1}{n}\\sum_{i=1}^{n} (y_i - w_0 - w_1 x_i)^2$ over $w_0, w_1$, and write the minimiser with $\\bar{x}$, $\\bar{y}$, $C_{xx}$, $C_{xy}$.")
        d.persianStatement = "تابع $J(w) = \\frac{1}{n}\\sum_{i=1}^{n} (y_i - w_0 - w_1 x_i)^2$ را نسبت به $w_0, w_1$ کمینه کنید و کمینه‌کننده را برحسب $\\bar{x}$، $\\bar{y}$، $C_{xx}$ و $C_{xy}$ بنویسید."
        let J = mean(Expression.power(y - W0 - W1 * x, 2))
        d.steps.append(.init(J, J, "the mean squared error", check: .definition, lhsLatex: "J(w)"))
        // The statistics of the data.
        let xbar = Symbol("x", accent: .bar), ybar = Symbol("y", accent: .bar)
        let cxx = Symbol("C", subscriptText: "xx"), cxy = Symbol("C", subscriptText: "xy")
        d.definitions[xbar] = mean(x)
        d.definitions[ybar] = mean(y)
        d.definitions[cxx] = mean(Expression.power(x - Expression(xbar), 2))
        d.definitions[cxy] = mean((x - Expression(xbar)) * (y - Expression(ybar)))
        for s in [xbar, ybar, cxx, cxy] {
            d.steps.append(.init(Expression(s), d.definitions[s]!, "definition", check: .definition))
        }
        // The gradient, by differentiating the sum term by term.
        let g0 = J.derivative(with: w0), g1 = J.derivative(with: w1)
        d.steps.append(.init(g0, mean(-2 * (y - W0 - W1 * x)), "chain rule inside the sum", lhsLatex: "\\frac{\\partial J}{\\partial w_0}"))
        d.steps.append(.init(g1, mean(-2 * (y - W0 - W1 * x) * x), "chain rule inside the sum", lhsLatex: "\\frac{\\partial J}{\\partial w_1}"))
        // The normal equations: linear in w_0, w_1 with sums as coefficients.
        guard let (a, c) = linearParts([g0, g1]) else { return nil }
        d.steps.append(.init(g0, .zero, "optimality: the gradient vanishes at $w^*$", check: .equation, lhsLatex: "\\frac{\\partial J}{\\partial w_0}(w^*)"))
        d.steps.append(.init(g1, .zero, "optimality: the gradient vanishes at $w^*$", check: .equation, lhsLatex: "\\frac{\\partial J}{\\partial w_1}(w^*)"))
        // The same two equations as a 2 × 2 system (times n/2), and in matrix form.
        let half = Expression(n) / Expression(2)
        let system = Matrix(rows: 2, columns: 2, entries: [a[0][0], a[0][1], a[1][0], a[1][1]].map { ($0 * half).expanded() })
        let rhs = Matrix(rows: 2, columns: 1, entries: c.map { (-$0 * half).expanded() })
        let unknowns = Matrix(rows: 2, columns: 1, entries: [W0, W1])
        if let product = system * unknowns {
            d.steps.append(.init(.matrix(product), .equal, .matrix(rhs), "the normal equations as a 2 × 2 system", check: .equation,
                                 lhsLatex: "\\begin{bmatrix} n & \\sum_i x_i \\\\ \\sum_i x_i & \\sum_i x_i^2 \\end{bmatrix} w",
                                 rhsLatex: "\\begin{bmatrix} \\sum_i y_i \\\\ \\sum_i x_i y_i \\end{bmatrix}"))
        }
        d.steps.append(.init(.zero, .zero, "in matrix form, with the rows $(1, x_i)$ of $X$", check: .remark,
                             lhsLatex: "X^\\top X w", rhsLatex: "X^\\top y"))
        // Cramer's rule: a · w = -c.
        let det = a[0][0] * a[1][1] - a[0][1] * a[1][0]
        let s0 = (-c[0] * a[1][1] + c[1] * a[0][1]) / det
        let s1 = (-c[1] * a[0][0] + c[0] * a[1][0]) / det
        d.steps.append(.init(s1, Expression(cxy) / Expression(cxx), "Cramer's rule, in the statistics",
                             lhsLatex: "w_1^*", isResult: true))
        d.steps.append(.init(s0, Expression(ybar) - Expression(cxy) / Expression(cxx) * Expression(xbar), "Cramer's rule; $w_0^* = \\bar{y} - w_1^* \\bar{x}$",
                             lhsLatex: "w_0^*", isResult: true))
        // The condition in the seed's form.
        let condition = Expression(cxy) - s1 * Expression(cxx)
        d.steps.append(.init(condition, .zero, "the second normal equation with $w_0^*$ substituted", lhsLatex: "C_{xy} - w_1^* C_{xx}"))
        return d
    }

    /// The coefficients of w_0, w_1 and the constant term of each (linear) expression.
    static func linearParts(_ es: [Expression]) -> ([[Expression]], [Expression])? {
        var a: [[Expression]] = [], c: [Expression] = []
        for e in es {
            guard let ex = IndexedNormalForm.normalize(e).expanded(maxTerms: 10_000), let by0 = ex.coefficients(in: w0, expanded: true),
                  by0.keys.allSatisfy({ $0 == .zero || $0 == .one }) else { return nil }
            let rest = by0[.zero] ?? .zero
            guard let by1 = rest.coefficients(in: w1, expanded: true), by1.keys.allSatisfy({ $0 == .zero || $0 == .one }) else { return nil }
            a.append([by0[.one] ?? .zero, by1[.one] ?? .zero])
            c.append(by1[.zero] ?? .zero)
        }
        return (a, c)
    }
}
