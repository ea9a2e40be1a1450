import ArgumentParser
import Symbolic

struct ExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Multiply out products and integer powers of sums.",
        discussion: "Example: derive expand '(x+y)^3*sigmoid(x)' --latex"
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The expression in plain syntax (a leading minus is fine), or - to read it from standard input.", valueName: "expression"))
    var words: [String]

    var expression: String { words.joined(separator: " ") }

    @OptionGroup var output: OutputOptions

    func run() throws {
        let e = try parseExpression(expression)
        guard let result = e.expanded(maxTerms: ExpandCommand.maximumTerms) else {
            throw InputError(description: "the expansion could have more than \(ExpandCommand.maximumTerms) terms; not attempted")
        }
        output.print(input: e, result: result)
    }

    /// The largest expansion the command attempts (the library itself has no limit).
    static let maximumTerms = 5_000_000


}
