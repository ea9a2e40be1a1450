import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// The gradient of a one-unit RNN unrolled over T steps (../shared/seeds 004):
/// `h_t = w (u_t + h_{t-1})` (or `tanh` of it), output `\hat{y} = h_T`, loss `(\hat{y} - y)^2`.
/// Every right side comes from the engine: unrolling by substitution, differentiation,
/// expansion and collection in w, and the chain rule through each time step.
public enum RNNGradient {
    public enum Activation: String, Sendable, CaseIterable { case linear, tanh }

    /// The largest T: the unrolled output has T nested levels and its derivative about T² terms.
    public static func maximumSteps(_ a: Activation) -> Int { a == .linear ? 16 : 6 }

    static let w = Symbol("w")
    static func u(_ t: Int) -> Symbol { Symbol("u", subscriptText: "\(t)") }
    static func h(_ t: Int) -> Symbol { Symbol("h", subscriptText: "\(t)") }
    static let yhat = Symbol("y", accent: .hat)
    static let y = Symbol("y")

    /// The derivation for `steps` time steps; inputs are numbered from `firstInput`
    /// (`u_1 … u_T`, or `u_0 … u_{T-1}`). Nil when `steps` is out of range.
    public static func derivation(steps T: Int, activation: Activation = .linear, firstInput: Int = 1) -> Derivation? {
        guard T >= 1, T <= maximumSteps(activation), firstInput >= 0, firstInput <= 1 else { return nil }
        let W = Expression(w)
        func input(_ t: Int) -> Expression { Expression(u(t + firstInput - 1)) }
        func cell(_ x: Expression) -> Expression { activation == .linear ? x : .apply(.tanh, x) }
        // The input of step t as the steps use it: u_t, or u_{t-1} when inputs are numbered from 0.
        let ut = firstInput == 1 ? "u_t" : "u_{t-1}"
        let rule = activation == .linear ? "h_t = w(\(ut) + h_{t-1})" : "h_t = \\tanh(w(\(ut) + h_{t-1}))"
        var d = Derivation(name: "rnn-gradient", title: "Gradient of a one-unit RNN unrolled over \(T) step\(T == 1 ? "" : "s")",
                           statement: "For $\(rule)$, $t = 1, \\dots, \(T)$, with output $\\hat{y} = h_{\(T)}$ and loss $L = (\\hat{y} - y)^2$, find $\\partial \\hat{y} / \\partial w$ and $\\partial L / \\partial w$.")
        d.persianStatement = "برای $\(rule)$ با $t = 1, \\dots, \(T)$، خروجی $\\hat{y} = h_{\(T)}$ و هزینه‌ی $L = (\\hat{y} - y)^2$، مقدار $\\partial \\hat{y} / \\partial w$ و $\\partial L / \\partial w$ را بیابید."
        // Forward pass: definitions, then the output unrolled by substitution.
        var unrolled = Expression(h(0))
        for t in 1...T {
            let value = cell(W * (input(t) + Expression(h(t - 1))))
            d.definitions[h(t)] = value
            d.steps.append(.init(Expression(h(t)), value, "definition (forward pass)", check: .definition))
            unrolled = cell(W * (input(t) + unrolled))
        }
        d.definitions[yhat] = Expression(h(T))
        let substituted = T == 1 ? "the output is $h_1$" : T == 2 ? "unrolling: substituting $h_1$" : "unrolling: substituting $h_{\(T - 1)}, \\dots, h_1$"
        d.steps.append(.init(Expression(yhat), unrolled, substituted))

        // The derivative of the unrolled output, then collected in w (linear) or through the steps (tanh).
        let derivative = unrolled.derivative(with: w)
        let dyhat = "\\frac{\\partial \\hat{y}}{\\partial w}"
        d.steps.append(.init(derivative, derivative, "product and chain rule on the unrolled output", lhsLatex: dyhat))
        var polynomial = derivative
        if activation == .linear {
            // Unrolled again with each step expanded (w distributed over t terms), so the
            // polynomial's size stays T + 1 terms however deep the nesting.
            var output = Expression(h(0))
            for t in 1...T { output = (W * (input(t) + output)).expanded() }
            polynomial = output.derivative(with: w).expanded().collected(in: w, expanded: true)
            d.steps.append(.init(derivative, polynomial, "expanding and collecting powers of $w$", lhsLatex: dyhat, isResult: true))
            let shift = firstInput == 1 ? "T-k+1" : "T-k"
            d.steps.append(.init(polynomial, closedForm(T, firstInput: firstInput),
                                 "the general closed form: $h_T = \\sum_k w^k u_{\(shift)} + w^T h_0$, differentiated",
                                 check: .instances("T = 1…8 by the engine"), lhsLatex: dyhat,
                                 rhsLatex: "\\sum_{k=1}^{T} k\\, w^{k-1} u_{\(shift)} + T w^{T-1} h_0"))
        }

        // Backpropagation through time: the contribution of each step.
        var contributions: [Expression] = []
        for t in 1...T {
            let local = activation == .linear ? input(t) + Expression(h(t - 1))
                : (1 - Expression.power(Expression(h(t)), 2)) * (input(t) + Expression(h(t - 1)))
            let through = downstream(from: t, to: T, activation: activation)
            contributions.append(through * local)
        }
        let split = Expression.sum(contributions)
        if activation == .tanh { polynomial = split }
        d.steps.append(.init(derivative, split, "backpropagation through time: $\\sum_t \\frac{\\partial \\hat{y}}{\\partial h_t} \\frac{\\partial h_t}{\\partial w}$ with $h_{t-1}$ held fixed",
                             lhsLatex: dyhat, isResult: activation == .tanh))

        // The loss.
        let loss = Expression.power(Expression(yhat) - Expression(y), 2)
        let dLoss = d.resolved(loss).derivative(with: w)
        d.steps.append(.init(dLoss, 2 * (Expression(yhat) - Expression(y)) * polynomial,
                             "chain rule: $\\partial L / \\partial \\hat{y} = 2(\\hat{y} - y)$", lhsLatex: "\\frac{\\partial L}{\\partial w}", isResult: true))

        // The factor that vanishes or explodes.
        if activation == .linear, let earliest = polynomial.expanded().coefficients(in: u(firstInput), expanded: true)?[.one] {
            d.steps.append(.init(earliest, Expression(T) * Expression.power(W, Expression(T - 1)),
                                 "the weight of the earliest input $u_\(firstInput)$: $w^{T-1}$ vanishes as T grows when $|w| < 1$ and explodes when $|w| > 1$",
                                 lhsLatex: "\\left[u_{\(firstInput)}\\right] \\frac{\\partial \\hat{y}}{\\partial w}"))
        }
        return d
    }

    /// ∂h_T/∂h_t: w^{T-t} for the linear cell; for tanh, the product of w (1 - h_k²) over k = t+1 … T.
    static func downstream(from t: Int, to T: Int, activation: Activation) -> Expression {
        guard t < T else { return .one }
        // Propagate a fresh h_t forward and differentiate, with each later h_k named (tanh' = 1 - h_k²).
        let start = Symbol("\u{1}h")
        var value = Expression(start)
        var factor = Expression.one
        for k in (t + 1)...T {
            value = Expression(w) * (Expression(u(k)) + value)
            if activation == .tanh { factor = factor * (1 - Expression.power(Expression(h(k)), 2)) }
        }
        return factor * value.derivative(with: start)
    }

    /// `Σ_{k=1}^{T} k w^{k-1} u_{T-k+first} + T w^{T-1} h_0` for one T.
    static func closedForm(_ T: Int, firstInput: Int) -> Expression {
        let W = Expression(w)
        var terms: [Expression] = []
        for k in 1...T {
            terms.append(Expression(k) * Expression.power(W, Expression(k - 1)) * Expression(u(T - k + firstInput)))
        }
        terms.append(Expression(T) * Expression.power(W, Expression(T - 1)) * Expression(h(0)))
        return Expression.sum(terms)
    }
}
