import SymbolicCore
import SymbolicLaTeX
/// The LSTM cell of the course documents (../shared/seeds 001 and 003): gates `Γ_f`, `Γ_u`,
/// `Γ_o` from `[a^{<t-1>}; x^{<t>}]`, candidate `c̃`, memory `c`, activation `a`, softmax
/// output and cross-entropy loss. Only forward equations: the backward pass is derived.
public enum LSTMModel {
    /// LaTeX names for one notation.
    public struct Notation: Sendable {
        let names: [String: String]
        func callAsFunction(_ key: String) -> String { names[key] ?? key }
    }

    /// `\Gamma_u^{<t>}`, `\tilde{c}^{<t>}`, `a^{<t-1>}`, `dc_{next}` (the course's notation).
    public static let course = Notation(names: [
        "a_prev": "a^{<t-1>}", "c_prev": "c^{<t-1>}", "x": "x^{<t>}", "y": "y^{<t>}",
        "gamma_f": "\\gamma_f^{<t>}", "Gamma_f": "\\Gamma_f^{<t>}", "gamma_u": "\\gamma_u^{<t>}", "Gamma_u": "\\Gamma_u^{<t>}",
        "pctilde": "p\\tilde{c}^{<t>}", "ctilde": "\\tilde{c}^{<t>}", "c": "c^{<t>}",
        "gamma_o": "\\gamma_o^{<t>}", "Gamma_o": "\\Gamma_o^{<t>}", "a": "a^{<t>}", "z": "z^{<t>}", "yhat": "\\hat{y}^{<t>}",
        "L": "\\mathcal{L}^{<t>}", "da_next": "da_{next}", "dc_next": "dc_{next}",
        "W_fa": "W_{fa}", "W_fx": "W_{fx}", "W_ua": "W_{ua}", "W_ux": "W_{ux}",
        "W_ca": "W_{ca}", "W_cx": "W_{cx}", "W_oa": "W_{oa}", "W_ox": "W_{ox}",
    ])

    /// `i_t`, `f_t`, `o_t`, `h_t` (../shared/seeds 004).
    public static let gates = Notation(names: [
        "a_prev": "h_{t-1}", "c_prev": "c_{t-1}", "x": "x_t", "y": "y_t",
        "gamma_f": "z^f_t", "Gamma_f": "f_t", "gamma_u": "z^i_t", "Gamma_u": "i_t",
        "pctilde": "z^c_t", "ctilde": "\\tilde{c}_t", "c": "c_t",
        "gamma_o": "z^o_t", "Gamma_o": "o_t", "a": "h_t", "z": "z_t", "yhat": "\\hat{y}_t",
        "L": "\\mathcal{L}_t", "da_next": "dh_{next}", "dc_next": "dc_{next}",
        "W_u": "W_i", "b_u": "b_i",
        "W_fa": "W_{fh}", "W_fx": "W_{fx}", "W_ua": "W_{ih}", "W_ux": "W_{ix}",
        "W_ca": "W_{ch}", "W_cx": "W_{cx}", "W_oa": "W_{oh}", "W_ox": "W_{ox}",
    ])

    /// The model file of the cell in a notation.
    public static func source(_ n: Notation = course) -> String {
        """
        model LSTM cell
        dimensions n_a, n_x, n_y
        input a_prev : n_a "\(n("a_prev"))"
        input c_prev : n_a "\(n("c_prev"))"
        input x : n_x "\(n("x"))"
        input y : n_y "\(n("y"))"
        parameter W_f : n_a x (n_a + n_x) "\(n("W_f"))"
        parameter b_f : n_a "\(n("b_f"))"
        parameter W_u : n_a x (n_a + n_x) "\(n("W_u"))"
        parameter b_u : n_a "\(n("b_u"))"
        parameter W_c : n_a x (n_a + n_x) "\(n("W_c"))"
        parameter b_c : n_a "\(n("b_c"))"
        parameter W_o : n_a x (n_a + n_x) "\(n("W_o"))"
        parameter b_o : n_a "\(n("b_o"))"
        parameter W_y : n_y x n_a "\(n("W_y"))"
        parameter b_y : n_y "\(n("b_y"))"
        split W_f : W_fa "\(n("W_fa"))", W_fx "\(n("W_fx"))"
        split W_u : W_ua "\(n("W_ua"))", W_ux "\(n("W_ux"))"
        split W_c : W_ca "\(n("W_ca"))", W_cx "\(n("W_cx"))"
        split W_o : W_oa "\(n("W_oa"))", W_ox "\(n("W_ox"))"
        gamma_f = W_f [a_prev; x] + b_f "\(n("gamma_f"))"
        Gamma_f = sigmoid(gamma_f) "\(n("Gamma_f"))"
        gamma_u = W_u [a_prev; x] + b_u "\(n("gamma_u"))"
        Gamma_u = sigmoid(gamma_u) "\(n("Gamma_u"))"
        pctilde = W_c [a_prev; x] + b_c "\(n("pctilde"))"
        ctilde = tanh(pctilde) "\(n("ctilde"))"
        c = Gamma_u ∘ ctilde + Gamma_f ∘ c_prev "\(n("c"))"
        gamma_o = W_o [a_prev; x] + b_o "\(n("gamma_o"))"
        Gamma_o = sigmoid(gamma_o) "\(n("Gamma_o"))"
        a = Gamma_o ∘ tanh(c) "\(n("a"))"
        z = W_y a + b_y "\(n("z"))"
        yhat = softmax(z) "\(n("yhat"))"
        loss L = cross_entropy(y, yhat) "\(n("L"))"
        carry a : da_next "\(n("da_next"))"
        carry c : dc_next "\(n("dc_next"))"
        """
    }
}
