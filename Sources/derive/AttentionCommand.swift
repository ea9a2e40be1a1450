import ArgumentParser
import Symbolic

struct AttentionCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "attention",
        abstract: "Attention: the backward pass of softmax(QKᵀ/√d)V, multi-head attention as a sum over heads, orthogonal inputs and their limit, ALiBi's slopes and bias.",
        discussion: """
        The backward pass is derived by reverse mode and checked entry by entry at --tokens × --width \
        against the derivative of Σ dY_ij Y_ij; the other parts are checked at their instances. \
        Example: derive attention --heads 8 --latex
        """
    )

    @Option(name: .long, help: "Tokens n of the entrywise checks (2 to \(Attention.maximumTokens); default 2).")
    var tokens: Int = 2

    @Option(name: .long, help: "Width d of the queries, keys and values (1 to \(Attention.maximumWidth); default 2).")
    var width: Int = 2

    @Option(name: .long, help: "ALiBi heads H (default 8).")
    var heads: Int = 8

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        do {
            return try Attention.derivation(tokens: tokens, width: width, heads: heads)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
