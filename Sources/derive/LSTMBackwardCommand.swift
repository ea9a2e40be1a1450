import ArgumentParser
import Symbolic

struct LSTMBackwardCommand: AnswerKeySource {
    static let configuration = CommandConfiguration(
        commandName: "lstm-backward",
        abstract: "The LSTM cell's backward pass, derived by reverse mode from its forward equations.",
        discussion: """
        Prints the gradient of the cross-entropy loss with respect to every quantity, input and \
        parameter of one LSTM cell, with the gradients da_next and dc_next arriving from the next \
        time step. Example: derive lstm-backward --latex
        """
    )

    enum Notation: String, ExpressibleByArgument, CaseIterable { case course, gates }

    @Option(name: .long, help: "Names: course (Γ_u, Γ_f, Γ_o, a, c̃) or gates (i_t, f_t, o_t, h_t).")
    var notation: Notation = .course

    @Flag(name: .long, help: "The gradient through time instead: ∂c_t/∂c_{t-1} along the memory and through a_{t-1}, Π Γ_f against a tanh RNN's Π w tanh'.")
    var throughTime = false

    @Option(name: .long, help: "With --through-time: the steps of the products (1 to \(LSTMGradientPath.maximumSteps); default 3).")
    var steps: Int = 3

    @OptionGroup var output: BackwardOutput

    func run() throws {
        if throughTime { return try output.print(try gradientPath()) }
        output.print(try derivedBackwardPass("lstm", gates: notation == .gates))
    }

    func gradientPath() throws -> Derivation {
        guard let d = LSTMGradientPath.derivation(steps: steps) else {
            throw InputError(description: "--steps must be between 1 and \(LSTMGradientPath.maximumSteps)")
        }
        return d
    }

    func section() throws -> AnswerKey.Section {
        if throughTime { return AnswerKey.Section(try gradientPath()) }
        return try DerivationCatalog.backwardSection(derivedBackwardPass("lstm", gates: notation == .gates), name: "lstm-backward")
    }
}

struct GRUBackwardCommand: AnswerKeySource {
    static let configuration = CommandConfiguration(
        commandName: "gru-backward",
        abstract: "The GRU cell's backward pass, derived by reverse mode from its forward equations."
    )

    @OptionGroup var output: BackwardOutput

    func run() throws { output.print(try derivedBackwardPass("gru")) }

    func section() throws -> AnswerKey.Section { try DerivationCatalog.backwardSection(derivedBackwardPass("gru"), name: "gru-backward") }
}

struct RNNBackwardCommand: AnswerKeySource {
    static let configuration = CommandConfiguration(
        commandName: "rnn-backward",
        abstract: "The tanh RNN cell's backward pass, derived by reverse mode from its forward equations."
    )

    @OptionGroup var output: BackwardOutput

    func run() throws { output.print(try derivedBackwardPass("rnn")) }

    func section() throws -> AnswerKey.Section { try DerivationCatalog.backwardSection(derivedBackwardPass("rnn"), name: "rnn-backward") }
}
