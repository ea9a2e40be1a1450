import ArgumentParser
import Symbolic

struct SkipGramGradientCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "skipgram-gradient",
        abstract: "The gradient of the softmax skip-gram loss -log p(o|c) in v_c, u_o and u_w, from the engine's derivative at a small V and d.")

    @Option(name: .long, help: "The vocabulary size V the engine differentiates at (2 to 8, with V·d at most 15; default 3).")
    var vocabulary: Int = 3

    @Option(name: .long, help: "The vector dimension d (1 to 4, with V·d at most 15; default 2).")
    var dims: Int = 2

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        do {
            return try SkipGramGradient.derivation(vocabulary: vocabulary, dims: dims)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
