import SymbolicCore
import SymbolicLaTeX
/// Scaled dot-product attention `Y = softmax_rows(Q Kᵀ/√d) V` (../shared/seeds 001, 002): the
/// rows of Q, K, V are the tokens' queries, keys and values; the gradient `dY` of the loss
/// arrives from the layers above. Only the forward equations: the backward pass is derived.
public enum AttentionModel {
    public static let source = """
        model scaled dot-product attention
        dimensions n, d
        input Q : n x d "Q"
        input K : n x d "K"
        input V : n x d "V"
        S = softmax_rows(Q K^T / sqrt(d)) "S"
        Y = S V "Y"
        carry Y : dY "dY"
        """
}
