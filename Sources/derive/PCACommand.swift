import ArgumentParser
import Symbolic

struct PCACommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "pca",
        abstract: "Principal components by hand: mean, centred data, covariance, characteristic polynomial, exact eigenvalues and unit eigenvectors, projections.",
        discussion: """
        The data file has one sample per line, numbers separated by spaces or commas (# starts a \
        comment); - reads standard input. Eigenvalues are exact: rational, or square roots from a \
        quadratic factor of the characteristic polynomial.

          printf '4 1\\n2 3\\n5 4\\n1 0\\n' | derive pca --data - --convention n     # λ = 4, 1
        """
    )

    @Option(name: .long, help: "The data file, or - for standard input.")
    var data: String

    @Option(name: .long, help: "The covariance's normalisation: n or n-1 (default n-1).")
    var convention: String = "n-1"

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        let text = try readFileArgument(data)
        guard let c = PCA.Convention(rawValue: convention) else { throw InputError(description: "--convention \(convention): write n or n-1") }
        do {
            return try PCA.derivation(data: try PCA.parse(text), convention: c)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
