import ArgumentParser
import Symbolic

struct LeastSquaresCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "least-squares",
        abstract: "Least squares for a line: the gradient of J(w) = (1/n) Σ (y_i - w_0 - w_1 x_i)², the normal equations, w_1* = C_xy / C_xx.")

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        guard let d = LeastSquares.derivation() else { throw InputError(description: "the normal equations could not be solved") }
        return d
    }
}
