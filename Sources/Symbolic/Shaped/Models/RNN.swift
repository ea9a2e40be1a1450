import SymbolicCore
import SymbolicLaTeX
/// The tanh RNN cell: `a^{<t>} = tanh(W_a [a^{<t-1>}; x^{<t>}] + b_a)`, softmax output,
/// cross-entropy. Only forward equations.
public enum RNNModel {
    public static let source = """
        model RNN cell
        dimensions n_a, n_x, n_y
        input a_prev : n_a "a^{<t-1>}"
        input x : n_x "x^{<t>}"
        input y : n_y "y^{<t>}"
        parameter W_a : n_a x (n_a + n_x) "W_a"
        parameter b_a : n_a "b_a"
        parameter W_y : n_y x n_a "W_y"
        parameter b_y : n_y "b_y"
        split W_a : W_aa "W_{aa}", W_ax "W_{ax}"
        pa = W_a [a_prev; x] + b_a "p^{<t>}"
        a = tanh(pa) "a^{<t>}"
        z = W_y a + b_y "z^{<t>}"
        yhat = softmax(z) "\\hat{y}^{<t>}"
        loss L = cross_entropy(y, yhat) "\\mathcal{L}^{<t>}"
        carry a : da_next "da_{next}"
        """
}
