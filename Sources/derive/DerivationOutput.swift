import ArgumentParser
import Symbolic

/// The output options of the derivation commands.
struct DerivationOutput: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, latex, json }

    @Option(name: .long, help: "Output format: text, latex (an align* block with justifications), or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Same as --format latex.")
    var latex = false

    @Flag(name: .long, help: "Same as --format json.")
    var json = false

    func print(_ d: Derivation) {
        switch latex ? .latex : json ? .json : format {
        case .text: Swift.print(d.text, terminator: "")
        case .latex: Swift.print(d.latex, terminator: "")
        case .json: Swift.print(d.json)
        }
    }
}
