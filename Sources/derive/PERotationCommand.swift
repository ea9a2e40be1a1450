import ArgumentParser
import Symbolic

struct PERotationCommand: DerivationCommand {
    static let configuration = CommandConfiguration(
        commandName: "pe-rotation",
        abstract: "The matrix M with M PE(t) = PE(t + φ) for sinusoidal positional encodings, by coefficient matching; its properties and RoPE.")

    @Option(name: .long, help: "The order of the encoding's entries: sin-cos ([sin ωt; cos ωt]) or cos-sin.")
    var order: PERotation.Order = .sinCos

    @Option(name: .long, help: "The encoding's dimension d (even, 2 to 8): the block-diagonal form with ω_k = 10000^(-2k/d).")
    var dims: Int = 2

    @OptionGroup var output: DerivationOutput

    func run() throws { output.print(try derivation()) }

    func derivation() throws -> Derivation {
        guard dims >= 2, dims <= PERotation.maximumDimensions, dims % 2 == 0 else {
            throw InputError(description: "--dims must be even, between 2 and \(PERotation.maximumDimensions)")
        }
        guard let d = PERotation.derivation(order: order, dimensions: dims) else { throw InputError(description: "coefficient matching found no unique M") }
        return d
    }
}

extension PERotation.Order: ExpressibleByArgument {}
