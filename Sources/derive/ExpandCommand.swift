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
        let limits = Limits.default
        guard let result = e.expanded(maxTerms: limits.maximumExpansionTerms) else {
            throw InputError(description: "the expansion could have more than \(limits.maximumExpansionTerms) terms, a degree above \(limits.maximumExpansionDegree) or more than \(limits.maximumExpansionBits) bits of coefficients; not attempted")
        }
        output.print(input: e, result: result)
    }
}
