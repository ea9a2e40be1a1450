import ArgumentParser
import Symbolic

struct DotVarianceCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "dot-variance",
        abstract: "E[(aᵀb)²] = D for independent a, b with independent N(0, σ²) entries, computed step by step.")

    @Option(name: .long, help: "The entries' variance σ² in plain syntax (default 1), e.g. s^2.")
    var variance: String = "1"

    @Flag(name: .long, help: "Also the variance of aᵀb/√D.")
    var scaled = false

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        let v = try parseExpression(variance)
        // A variance is positive: a number that is not is refused (a letter stands for a positive one).
        if let r = v.rationalValue, r.signum <= 0 {
            throw InputError(description: "--variance \(variance): a variance is positive")
        }
        return DotVariance.derivation(variance: v, scaled: scaled)
    }
}
