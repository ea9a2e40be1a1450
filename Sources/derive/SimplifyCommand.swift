import ArgumentParser
import Symbolic

struct SimplifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simplify",
        abstract: "Find a simpler equal form of an expression.",
        discussion: "Example: derive simplify 'sin(x)^2 + cos(x)^2'"
    )

    @OptionGroup var expression: ExpressionArgument

    @OptionGroup var output: OutputOptions

    func run() throws {
        let e = try expression.parsed()
        output.print(input: e, result: e.simplified())
    }
}
