import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// Every derivation `derive` prints, by command name, with one line each for `derive list`.
public enum DerivationCatalog {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
    }

    public static let entries: [Entry] = [
        Entry(name: "lstm-backward", summary: "the LSTM cell's backward pass, by reverse mode over its forward equations"),
        Entry(name: "gru-backward", summary: "the GRU cell's backward pass, by reverse mode"),
        Entry(name: "rnn-backward", summary: "the tanh RNN cell's backward pass, by reverse mode"),
        Entry(name: "rnn-gradient", summary: "∂ŷ/∂w of a one-unit RNN unrolled over T steps, as a polynomial in w, and ∂L/∂w"),
        Entry(name: "dot-variance", summary: "E[(aᵀb)²] = D σ⁴ for independent Gaussian vectors, by linearity, independence and Isserlis"),
        Entry(name: "least-squares", summary: "the line minimising the mean squared error: normal equations, w_1* = C_xy / C_xx"),
        Entry(name: "pe-rotation", summary: "the matrix M with M PE(t) = PE(t + φ) for sinusoidal positional encodings, by coefficient matching"),
        Entry(name: "transformer", summary: "a transformer's shapes and parameter counts from a configuration: each part as a formula and its value"),
        Entry(name: "skipgram-pairs", summary: "skip-gram training pairs of a text: positive pairs in a window, negative samples, all examples"),
        Entry(name: "conv-matrix", summary: "a convolution (kernel, stride, padding) as one matrix–vector product A x = z, checked entry by entry"),
        Entry(name: "attention", summary: "attention: the backward pass of softmax(QKᵀ/√d)V, heads as a sum, orthogonal inputs, ALiBi"),
        Entry(name: "pca", summary: "principal components of a data file by hand: covariance, exact eigenvalues and unit eigenvectors, projections"),
        Entry(name: "binary-adder", summary: "a threshold RNN that adds binary numbers: weights from the carry logic, the 8-row truth table, every pair of N-bit numbers run"),
        Entry(name: "skipgram-gradient", summary: "the softmax skip-gram loss differentiated: ∂L/∂v_c = Uᵀ(ŷ − y), ∂L/∂u_o = (p(o|c) − 1) v_c, ∂L/∂u_w = p(w|c) v_c"),
    ]
}
