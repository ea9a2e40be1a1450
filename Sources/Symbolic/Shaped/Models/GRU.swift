import SymbolicCore
import SymbolicLaTeX
/// A GRU cell in the course's notation: relevance gate `Γ_r`, update gate `Γ_u`, candidate
/// `c̃ = tanh(W_c [Γ_r ∘ c^{<t-1>}; x^{<t>}] + b_c)`, `c^{<t>} = Γ_u ∘ c̃ + (1 - Γ_u) ∘ c^{<t-1>}`,
/// softmax output and cross-entropy. Only forward equations.
public enum GRUModel {
    public static let source = """
        model GRU cell
        dimensions n_a, n_x, n_y
        input c_prev : n_a "c^{<t-1>}"
        input x : n_x "x^{<t>}"
        input y : n_y "y^{<t>}"
        parameter W_r : n_a x (n_a + n_x) "W_r"
        parameter b_r : n_a "b_r"
        parameter W_u : n_a x (n_a + n_x) "W_u"
        parameter b_u : n_a "b_u"
        parameter W_c : n_a x (n_a + n_x) "W_c"
        parameter b_c : n_a "b_c"
        parameter W_y : n_y x n_a "W_y"
        parameter b_y : n_y "b_y"
        split W_r : W_ra "W_{ra}", W_rx "W_{rx}"
        split W_u : W_ua "W_{ua}", W_ux "W_{ux}"
        split W_c : W_ca "W_{ca}", W_cx "W_{cx}"
        gamma_r = W_r [c_prev; x] + b_r "\\gamma_r^{<t>}"
        Gamma_r = sigmoid(gamma_r) "\\Gamma_r^{<t>}"
        gamma_u = W_u [c_prev; x] + b_u "\\gamma_u^{<t>}"
        Gamma_u = sigmoid(gamma_u) "\\Gamma_u^{<t>}"
        pctilde = W_c [Gamma_r ∘ c_prev; x] + b_c "p\\tilde{c}^{<t>}"
        ctilde = tanh(pctilde) "\\tilde{c}^{<t>}"
        c = Gamma_u ∘ ctilde + (1 - Gamma_u) ∘ c_prev "c^{<t>}"
        z = W_y c + b_y "z^{<t>}"
        yhat = softmax(z) "\\hat{y}^{<t>}"
        loss L = cross_entropy(y, yhat) "\\mathcal{L}^{<t>}"
        carry c : dc_next "dc_{next}"
        """
}
