import ArgumentParser
import Symbolic

/// A derivation command whose result can be a section of `derive answer-key`, built with the
/// command's own options (`answer-key rnn-gradient --steps 4 --activation tanh`).
protocol AnswerKeySource: ParsableCommand {
    /// The section, with this command's options.
    func section() throws -> AnswerKey.Section
}

/// A command that prints one `Derivation`.
protocol DerivationCommand: AnswerKeySource {
    /// The derivation with this command's options; a bad option is an `InputError`.
    func derivation() throws -> Derivation
}

extension DerivationCommand {
    func section() throws -> AnswerKey.Section { AnswerKey.Section(try derivation()) }
}

/// The commands that can be sections of an answer key, by name.
enum AnswerKeySources {
    static let byName: [String: any AnswerKeySource.Type] = [
        "lstm-backward": LSTMBackwardCommand.self, "gru-backward": GRUBackwardCommand.self, "rnn-backward": RNNBackwardCommand.self,
        "backward": BackwardCommand.self, "rnn-gradient": RNNGradientCommand.self, "pe-rotation": PERotationCommand.self,
        "dot-variance": DotVarianceCommand.self, "least-squares": LeastSquaresCommand.self, "transformer": TransformerCommand.self,
        "skipgram-pairs": SkipGramPairsCommand.self, "conv-matrix": ConvMatrixCommand.self, "pca": PCACommand.self,
        "attention": AttentionCommand.self, "binary-adder": BinaryAdderCommand.self, "skipgram-gradient": SkipGramGradientCommand.self,
    ]

    /// The section of `name` built from `arguments` as its command would read them; with no
    /// arguments, the catalog's default section.
    static func section(_ name: String, _ arguments: [String]) throws -> AnswerKey.Section {
        if arguments.isEmpty, let s = DerivationCatalog.answerKeySection(name) { return s }
        guard let type = byName[name] else { throw InputError(description: "no derivation named \(name)") }
        let command: any AnswerKeySource
        do {
            command = try type.parse(arguments)
        } catch {
            let message = type.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            throw InputError(description: "\(name) \(arguments.joined(separator: " ")): \(message)")
        }
        do {
            return try command.section()
        } catch let e as InputError {
            throw InputError(description: "\(name): \(e.description)")
        }
    }
}
