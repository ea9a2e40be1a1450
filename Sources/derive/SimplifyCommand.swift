import ArgumentParser
import Symbolic

struct SimplifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simplify",
        abstract: "Find a simpler equal form of an expression.",
        discussion: "Example: derive simplify 'sin(x)^2 + cos(x)^2'"
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The expression in plain syntax (a leading minus is fine), or - to read it from standard input.", valueName: "expression"))
    var words: [String]

    var expression: String { words.joined(separator: " ") }

    @OptionGroup var output: OutputOptions

    func run() throws {
        let e = try parseExpression(expression)
        output.print(input: e, result: e.simplified())
    }
}
