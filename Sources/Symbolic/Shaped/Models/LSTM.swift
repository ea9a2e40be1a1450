import SymbolicCore
import SymbolicLaTeX
/// The LSTM cell of the course documents (../shared/seeds 001 and 003): gates `Γ_f`, `Γ_u`,
/// `Γ_o` from `[a^{<t-1>}; x^{<t>}]`, candidate `c̃`, memory `c`, activation `a`, softmax
/// output and cross-entropy loss. Only forward equations: the backward pass is derived.
public enum LSTMModel {
    /// LaTeX names for one notation.
    public struct Notation: Sendable {
        let names: [String: String]
        /// The identifiers of text, JSON and NumPy output (`o` for `Gamma_o`), where they differ.
        var identifiers: [String: String] = [:]
        func callAsFunction(_ key: String) -> String { names[key] ?? key }
        func id(_ key: String) -> String { identifiers[key] ?? key }
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
    ], identifiers: [
        "a_prev": "h_prev", "gamma_f": "z_f", "Gamma_f": "f", "gamma_u": "z_i", "Gamma_u": "i", "pctilde": "z_c",
        "gamma_o": "z_o", "Gamma_o": "o", "a": "h", "da_next": "dh_next", "W_u": "W_i", "b_u": "b_i",
        "W_fa": "W_fh", "W_ua": "W_ih", "W_ux": "W_ix", "W_ca": "W_ch", "W_oa": "W_oh",
    ])

    /// The model file of the cell in a notation.
    public static func source(_ n: Notation = course) -> String {
        """
        model LSTM cell
        dimensions n_a, n_x, n_y
        input \(n.id("a_prev")) : n_a "\(n("a_prev"))"
        input \(n.id("c_prev")) : n_a "\(n("c_prev"))"
        input \(n.id("x")) : n_x "\(n("x"))"
        input \(n.id("y")) : n_y "\(n("y"))"
        parameter \(n.id("W_f")) : n_a x (n_a + n_x) "\(n("W_f"))"
        parameter \(n.id("b_f")) : n_a "\(n("b_f"))"
        parameter \(n.id("W_u")) : n_a x (n_a + n_x) "\(n("W_u"))"
        parameter \(n.id("b_u")) : n_a "\(n("b_u"))"
        parameter \(n.id("W_c")) : n_a x (n_a + n_x) "\(n("W_c"))"
        parameter \(n.id("b_c")) : n_a "\(n("b_c"))"
        parameter \(n.id("W_o")) : n_a x (n_a + n_x) "\(n("W_o"))"
        parameter \(n.id("b_o")) : n_a "\(n("b_o"))"
        parameter \(n.id("W_y")) : n_y x n_a "\(n("W_y"))"
        parameter \(n.id("b_y")) : n_y "\(n("b_y"))"
        split \(n.id("W_f")) : \(n.id("W_fa")) "\(n("W_fa"))", \(n.id("W_fx")) "\(n("W_fx"))"
        split \(n.id("W_u")) : \(n.id("W_ua")) "\(n("W_ua"))", \(n.id("W_ux")) "\(n("W_ux"))"
        split \(n.id("W_c")) : \(n.id("W_ca")) "\(n("W_ca"))", \(n.id("W_cx")) "\(n("W_cx"))"
        split \(n.id("W_o")) : \(n.id("W_oa")) "\(n("W_oa"))", \(n.id("W_ox")) "\(n("W_ox"))"
        \(n.id("gamma_f")) = \(n.id("W_f")) [\(n.id("a_prev")); \(n.id("x"))] + \(n.id("b_f")) "\(n("gamma_f"))"
        \(n.id("Gamma_f")) = sigmoid(\(n.id("gamma_f"))) "\(n("Gamma_f"))"
        \(n.id("gamma_u")) = \(n.id("W_u")) [\(n.id("a_prev")); \(n.id("x"))] + \(n.id("b_u")) "\(n("gamma_u"))"
        \(n.id("Gamma_u")) = sigmoid(\(n.id("gamma_u"))) "\(n("Gamma_u"))"
        \(n.id("pctilde")) = \(n.id("W_c")) [\(n.id("a_prev")); \(n.id("x"))] + \(n.id("b_c")) "\(n("pctilde"))"
        \(n.id("ctilde")) = tanh(\(n.id("pctilde"))) "\(n("ctilde"))"
        \(n.id("c")) = \(n.id("Gamma_u")) ∘ \(n.id("ctilde")) + \(n.id("Gamma_f")) ∘ \(n.id("c_prev")) "\(n("c"))"
        \(n.id("gamma_o")) = \(n.id("W_o")) [\(n.id("a_prev")); \(n.id("x"))] + \(n.id("b_o")) "\(n("gamma_o"))"
        \(n.id("Gamma_o")) = sigmoid(\(n.id("gamma_o"))) "\(n("Gamma_o"))"
        \(n.id("a")) = \(n.id("Gamma_o")) ∘ tanh(\(n.id("c"))) "\(n("a"))"
        \(n.id("z")) = \(n.id("W_y")) \(n.id("a")) + \(n.id("b_y")) "\(n("z"))"
        \(n.id("yhat")) = softmax(\(n.id("z"))) "\(n("yhat"))"
        loss \(n.id("L")) = cross_entropy(\(n.id("y")), \(n.id("yhat"))) "\(n("L"))"
        carry \(n.id("a")) : \(n.id("da_next")) "\(n("da_next"))"
        carry \(n.id("c")) : \(n.id("dc_next")) "\(n("dc_next"))"
        """
    }
}
