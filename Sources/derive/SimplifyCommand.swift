import ArgumentParser
import Symbolic

struct SimplifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simplify",
        abstract: "Find a simpler equal form of an expression.",
        discussion: "Example: derive simplify 'sin(x)^2 + cos(x)^2'"
    )

    @Argument(help: "The expression in plain syntax, or - to read it from standard input.")
    var expression: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let e = try parseExpression(expression)
        output.print(input: e, result: e.simplified())
    }
}
