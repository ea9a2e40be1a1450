import ArgumentParser
import Symbolic

struct RNNGradientCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnn-gradient",
        abstract: "∂ŷ/∂w of a one-unit RNN h_t = w(u_t + h_{t-1}) unrolled over T steps, and ∂L/∂w for L = (ŷ - y)².")

    @Option(name: .long, help: "The number of time steps T (1 to 16 for linear, 1 to 6 for tanh).")
    var steps: Int = 3

    @Option(name: .long, help: "The cell: linear (h_t = w(u_t + h_{t-1})) or tanh (h_t = tanh(w(u_t + h_{t-1}))).")
    var activation: RNNGradient.Activation = .linear

    @Option(name: .long, help: "The index of the first input: 1 (u_1 … u_T) or 0 (u_0 … u_{T-1}).")
    var firstInput: Int = 1

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        let limit = RNNGradient.maximumSteps(activation)
        guard (1...limit).contains(steps) else { throw InputError(description: "--steps must be between 1 and \(limit) for the \(activation.rawValue) cell") }
        guard firstInput == 0 || firstInput == 1 else { throw InputError(description: "--first-input must be 0 or 1") }
        guard let d = RNNGradient.derivation(steps: steps, activation: activation, firstInput: firstInput) else {
            throw InputError(description: "no derivation for these options")
        }
        return d
    }
}

extension RNNGradient.Activation: ExpressibleByArgument {}
