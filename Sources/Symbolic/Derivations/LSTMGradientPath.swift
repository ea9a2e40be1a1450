import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// The LSTM's gradient through time (../shared/seeds 004): `∂c_t/∂c_{t−1}` is the forget gate
/// `Γ_f` along the memory, plus the terms through `a_{t−1}` when they are kept; over many steps the
/// memory path multiplies gates, `Π Γ_f`, which the network can hold near 1, while a tanh RNN
/// multiplies `w (1 − h_k²)`, each at most |w| in size.
///
/// The cell is taken one unit wide (every weight a number), so each derivative is the engine's,
/// and each written form is checked against it.
public enum LSTMGradientPath {
    /// The most time steps of the product shown.
    public static let maximumSteps = 8

    static func sym(_ name: String, _ sub: String? = nil) -> Expression { Expression(Symbol(name, subscriptText: sub)) }
    static func sigma(_ x: Expression) -> Expression { .apply(.sigmoid, x) }
    static func tanh(_ x: Expression) -> Expression { .apply(.tanh, x) }

    public static func derivation(steps T: Int = 3) -> Derivation? {
        guard (1...maximumSteps).contains(T) else { return nil }
        var d = Derivation(name: "lstm-backward", title: "The LSTM's gradient through time: the memory path",
                           statement: "For one LSTM unit, find $\\partial c^{<t>} / \\partial c^{<t-1>}$, first along the memory ($a^{<t-1>}$ held fixed), then with the terms through $a^{<t-1>} = \\Gamma_o^{<t-1>} \\tanh(c^{<t-1>})$. Compare $\\partial c^{<t>} / \\partial c^{<t-\(T)>}$ with $\\partial h_t / \\partial h_{t-\(T)}$ of a tanh RNN, and say why one vanishes and the other need not.")
        d.persianStatement = "برای یک واحد \\lr{LSTM}، مقدار $\\partial c^{<t>} / \\partial c^{<t-1>}$ را نخست در مسیر حافظه (با $a^{<t-1>}$ ثابت) و سپس با جمله‌هایی که از راه $a^{<t-1>} = \\Gamma_o^{<t-1>} \\tanh(c^{<t-1>})$ می‌آیند بیابید. $\\partial c^{<t>} / \\partial c^{<t-\(T)>}$ را با $\\partial h_t / \\partial h_{t-\(T)}$ در یک \\lr{RNN} با \\lr{tanh} مقایسه کنید و بگویید چرا یکی محو می‌شود و دیگری لزوماً نه."
        // One unit: weights on a^{<t-1>} and x^{<t>}, and biases, as numbers.
        let a = sym("a"), x = sym("x"), cPrev = sym("c", "t-1")
        func gate(_ g: String) -> Expression { sym("w", g + "a") * a + sym("w", g + "x") * x + sym("b", g) }
        let gammaF = sigma(gate("f")), gammaU = sigma(gate("u")), ctilde = tanh(gate("c"))
        let c = gammaU * ctilde + gammaF * cPrev
        d.steps.append(.init(.scalar(c), .equal, .scalar(c), "the forward equations of one unit", check: .definition,
                             lhsLatex: "c^{<t>}", rhsLatex: "\\Gamma_u \\tilde{c} + \\Gamma_f\\, c^{<t-1>},\\ \\Gamma_f = \\sigma(w_{fa} a^{<t-1>} + w_{fx} x^{<t>} + b_f)"))
        // Along the memory: a^{<t-1>} fixed.
        let direct = c.derivative(with: Symbol("c", subscriptText: "t-1"))
        d.steps.append(.init(direct, gammaF, "$a^{<t-1>}$ held fixed: only the last term depends on $c^{<t-1>}$",
                             lhsLatex: "\\frac{\\partial c^{<t>}}{\\partial c^{<t-1>}}\\Big|_{a^{<t-1>}}", rhsLatex: "\\Gamma_f^{<t>}", isResult: true))
        // With a^{<t-1>} = Γ_o^{<t-1>} tanh(c^{<t-1>}): the chain rule through the three gates.
        let gammaOPrev = sym("Gamma", "o")
        let aPrev = gammaOPrev * tanh(cPrev)
        let full = c.substituting([Symbol("a"): aPrev]).derivative(with: Symbol("c", subscriptText: "t-1"))
        let dadc = gammaOPrev * (1 - Expression.power(tanh(cPrev), 2))
        let throughA = (sym("w", "ua") * gammaU * (1 - gammaU) * ctilde + sym("w", "ca") * gammaU * (1 - Expression.power(ctilde, 2))
                        + sym("w", "fa") * gammaF * (1 - gammaF) * cPrev) * dadc
        d.steps.append(.init(full, (gammaF + throughA).substituting([Symbol("a"): aPrev]),
                             "the terms through $a^{<t-1>}$: the chain rule through $\\Gamma_u$, $\\tilde{c}$ and $\\Gamma_f$",
                             lhsLatex: "\\frac{\\partial c^{<t>}}{\\partial c^{<t-1>}}",
                             rhsLatex: "\\Gamma_f + \\bigl(w_{ua} \\Gamma_u (1 - \\Gamma_u) \\tilde{c} + w_{ca} \\Gamma_u (1 - \\tilde{c}^2) + w_{fa} \\Gamma_f (1 - \\Gamma_f)\\, c^{<t-1>}\\bigr)\\, \\Gamma_o^{<t-1>} \\bigl(1 - \\tanh^2 c^{<t-1>}\\bigr)",
                             isResult: true))
        // Over T steps along the memory: c_k = g_k + f_k c_{k-1} with the gates given.
        var chain = sym("c", "0")
        for k in 1...T { chain = sym("g", "\(k)") + sym("f", "\(k)") * chain }
        let product = Expression.product((1...T).map { sym("f", "\($0)") })
        d.steps.append(.init(chain.derivative(with: Symbol("c", subscriptText: "0")), product,
                             "along the memory each step multiplies by its forget gate",
                             check: .identity,
                             lhsLatex: "\\frac{\\partial c^{<t>}}{\\partial c^{<t-\(T)>}}\\Big|_{a}",
                             rhsLatex: "\\prod_{k=t-\(T - 1)}^{t} \\Gamma_f^{<k>}", isResult: true))
        // The tanh RNN: h_k = tanh(w h_{k-1} + u x_k).
        var h = sym("h", "0")
        var hs: [Expression] = []
        for k in 1...T {
            h = tanh(sym("w") * h + sym("u") * sym("x", "\(k)"))
            hs.append(h)
        }
        let rnnProduct = Expression.product(hs.map { sym("w") * (1 - Expression.power($0, 2)) })
        d.steps.append(.init(h.derivative(with: Symbol("h", subscriptText: "0")), rnnProduct,
                             "a tanh RNN multiplies $w \\tanh'$ at every step",
                             lhsLatex: "\\frac{\\partial h_t}{\\partial h_{t-\(T)}}",
                             rhsLatex: "\\prod_{k=t-\(T - 1)}^{t} w\\,(1 - h_k^2)", isResult: true))
        // Each tanh' is at most 1, so the RNN's product is at most |w|^T in size.
        let z = Symbol("z")
        let derivativeOfTanh = tanh(Expression(z)).derivative(with: z)
        d.steps.append(.init(derivativeOfTanh, 1 - Expression.power(tanh(Expression(z)), 2), "so $|w (1 - h_k^2)| \\le |w|$ and the product is at most $|w|^{T}$: it vanishes when $|w| < 1$",
                             lhsLatex: "\\tanh'(z)"))
        // A forget gate near 1 keeps the product near 1: σ(z + b_f) → 1 as b_f grows.
        let b = Symbol("b", subscriptText: "f")
        let gateOfBias = Expression.one / (1 + Expression.apply(.exp, -(Expression(z) + Expression(b))))
        if case .finite(let one)? = LimitValue.of(gateOfBias, b, at: .plusInfinity, side: .both) {
            d.steps.append(.init(one, .one, "a forget gate the network keeps open (a large $b_f$) passes the gradient on unchanged, whatever $T$",
                                 lhsLatex: "\\lim_{b_f \\to \\infty} \\Gamma_f = \\lim_{b_f \\to \\infty} \\sigma(z + b_f)", isResult: true))
        }
        return d
    }
}
