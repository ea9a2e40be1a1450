import ArgumentParser
import Symbolic

/// The output options of the backward-pass commands.
struct BackwardOutput: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, latex, json, numpy }

    @Option(name: .long, help: "Output format: text, latex (an align* block), json, or numpy (a Python module with loss and gradients).")
    var format: Format = .text

    @Flag(name: .long, help: "Same as --format latex.")
    var latex = false

    @Flag(name: .long, help: "Same as --format json.")
    var json = false

    @Flag(name: .long, help: "Same as --format text.")
    var text = false

    var chosen: Format { latex ? .latex : json ? .json : text ? .text : format }

    /// A derivation (`lstm-backward --through-time`) in the chosen format; it has no NumPy form.
    func print(_ d: Derivation) throws {
        switch chosen {
        case .text: Swift.print(d.text, terminator: "")
        case .latex: Swift.print(d.latex, terminator: "")
        case .json: Swift.print(d.json)
        case .numpy: throw InputError(description: "--format numpy: the gradient path is a derivation, with no NumPy form (text, latex or json)")
        }
    }

    func print(_ pass: BackwardPass) {
        switch chosen {
        case .text: Swift.print(pass.text, terminator: "")
        case .latex: Swift.print(pass.latex, terminator: "")
        case .json: Swift.print(pass.json)
        case .numpy: Swift.print(pass.numpy, terminator: "")
        }
    }
}

/// Derives a catalog model's backward pass, turning a failure into a one-line error.
func derivedBackwardPass(_ name: String, gates: Bool = false) throws -> BackwardPass {
    do {
        guard let pass = try ModelCatalog.backwardPass(name, gates: gates) else { throw InputError(description: "no model named \(name)") }
        return pass
    } catch let e as ModelParser.Failure {
        throw InputError(description: "the built-in \(name) model: \(e)")
    } catch let e as ShapeError {
        throw InputError(description: "the built-in \(name) model: \(e)")
    }
}
