import SymbolicCore
import SymbolicLaTeX
/// The models `derive` knows by name, each given only by its forward equations.
public enum ModelCatalog {
    /// `lstm`, `gru`, `rnn`, `attention`.
    public static let names = ["lstm", "gru", "rnn", "attention"]

    /// The model file of a named model; `gates` selects the `i_t, f_t, o_t, h_t` notation of the LSTM.
    public static func source(_ name: String, gates: Bool = false) -> String? {
        switch name {
        case "lstm": return LSTMModel.source(gates ? LSTMModel.gates : LSTMModel.course)
        case "gru": return GRUModel.source
        case "rnn": return RNNModel.source
        case "attention": return AttentionModel.source
        default: return nil
        }
    }

    /// The derived backward pass of a named model.
    public static func backwardPass(_ name: String, gates: Bool = false) throws -> BackwardPass? {
        guard let text = source(name, gates: gates) else { return nil }
        return try BackwardPass(ModelParser.parse(text))
    }
}
