import ArgumentParser
import Symbolic

struct BinaryAdderCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "binary-adder",
        abstract: "A threshold RNN that adds two binary numbers bit by bit: weights from the carry logic, the truth table, every pair of N-bit numbers checked.")

    @Option(name: .long, help: "Check every pair of numbers of up to N bits (1 to 10; default 3).")
    var bits: Int = 3

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        do {
            return try BinaryAdder.derivation(bits: bits)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
