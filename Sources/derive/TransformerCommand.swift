import ArgumentParser
import Symbolic

struct TransformerCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "transformer",
        abstract: "Transformer shapes and parameter counts, each part as a formula with its value, from a configuration file.",
        discussion: """
        The configuration has key = value lines (# starts a comment): vocabulary, d_model, heads, \
        d_head (default d_model / heads), d_ff, encoder_layers (1), decoder_layers (0), \
        embedding_bias (no), separate_embeddings (yes), attention_bias (yes), ffn_bias (yes), \
        norms_per_block (2; a decoder block has one more), output_layer (no), output_bias (yes), \
        batch, sequence.

          printf 'vocabulary = 10000\\nd_model = 768\\nd_ff = 3000\\n' | derive transformer --config -
        """
    )

    @Option(name: .long, help: "The configuration file, or - for standard input.")
    var config: String

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        let text = try readFileArgument(config)
        do {
            return TransformerParameters.derivation(try TransformerParameters.parse(text))
        } catch {
            throw InputError(description: error.description)
        }
    }
}
