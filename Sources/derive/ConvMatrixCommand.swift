import ArgumentParser
import Symbolic

struct ConvMatrixCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "conv-matrix",
        abstract: "A convolution as a matrix–vector product A x = z, with the kernel's weights as entries, checked against the convolution's definition.")

    @Option(name: .long, help: "The input's size, ROWSxCOLUMNS (default 4x4).")
    var input: String = "4x4"

    @Option(name: .long, help: "The kernel's size, ROWSxCOLUMNS (default 2x2).")
    var kernel: String = "2x2"

    @Option(name: .long, help: "The stride (default 2).")
    var stride: Int = 2

    @Option(name: .long, help: "Zero padding on every side (default 0).")
    var padding: Int = 0

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        guard let i = ConvolutionMatrix.size(input) else { throw InputError(description: "--input \(input): write ROWSxCOLUMNS, each 1 to 64") }
        guard let k = ConvolutionMatrix.size(kernel) else { throw InputError(description: "--kernel \(kernel): write ROWSxCOLUMNS, each 1 to 64") }
        do {
            return try ConvolutionMatrix.derivation(input: i, kernel: k, stride: stride, padding: padding)
        } catch {
            throw InputError(description: error.description)
        }
    }
}
