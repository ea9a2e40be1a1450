import ArgumentParser
import Symbolic

struct SkipGramPairsCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "skipgram-pairs",
        abstract: "Skip-gram pair counting: positive pairs in a text of N tokens with a window of c, negative samples, all examples.")

    @Option(name: .long, help: "The number of tokens N (default 10).")
    var tokens: Int = 10

    @Option(name: .long, help: "The window c, words on each side (default 2).")
    var window: Int = 2

    @Option(name: .long, help: "Negative samples per positive pair (default 5).")
    var negatives: Int = 5

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        do {
            return try SkipGramPairs.derivation(tokens: tokens, window: window, negatives: negatives)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
