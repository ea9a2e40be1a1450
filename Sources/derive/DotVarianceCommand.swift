import ArgumentParser
import Symbolic

struct DotVarianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dot-variance",
        abstract: "E[(aᵀb)²] = D for independent a, b with independent N(0, σ²) entries, computed step by step.")

    @Option(name: .long, help: "The entries' variance σ² in plain syntax (default 1), e.g. s^2.")
    var variance: String = "1"

    @Flag(name: .long, help: "Also the variance of aᵀb/√D.")
    var scaled = false

    @OptionGroup var output: DerivationOutput

    func run() throws {
        let v = try parseExpression(variance)
        output.print(DotVariance.derivation(variance: v, scaled: scaled))
    }
}

struct LeastSquaresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "least-squares",
        abstract: "Least squares for a line: the gradient of J(w) = (1/n) Σ (y_i - w_0 - w_1 x_i)², the normal equations, w_1* = C_xy / C_xx.")

    @OptionGroup var output: DerivationOutput

    func run() throws {
        guard let d = LeastSquares.derivation() else { throw InputError(description: "the normal equations could not be solved") }
        output.print(d)
    }
}
