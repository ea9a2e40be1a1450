import ArgumentParser
import Symbolic

struct ExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Multiply out products and integer powers of sums.",
        discussion: "Example: derive expand '(x+y)^3*sigmoid(x)' --latex"
    )

    @OptionGroup var expression: ExpressionArgument

    @OptionGroup var output: OutputOptions

    func run() throws {
        let e = try expression.parsed()
        guard let result = e.expanded(maxTerms: ExpandCommand.maximumTerms) else {
            throw InputError(description: "the expansion could have more than \(ExpandCommand.maximumTerms) terms; not attempted")
        }
        output.print(input: e, result: result)
    }

    /// The largest expansion the command attempts (the library itself has no limit).
    static let maximumTerms = 5_000_000


}
