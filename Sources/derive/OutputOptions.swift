import ArgumentParser
import Symbolic

/// `--latex` and `--json`, shared by the expression commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print LaTeX instead of plain text.")
    var latex = false

    @Flag(name: .long, help: "Print a JSON object with the input and the result in plain and LaTeX form.")
    var json = false

    func print(input: Symbolic.Expression, result: Symbolic.Expression) {
        if json {
            Swift.print(ExpressionReport(input: input, result: result).json)
        } else {
            Swift.print(latex ? result.latex : result.description)
        }
    }
}

/// The expression argument of the expression commands: plain syntax, possibly several words
/// and a leading minus (`-x^2`), or `-` for standard input.
struct ExpressionArgument: ParsableArguments {
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The expression in plain syntax (a leading minus is fine), or - to read it from standard input.", valueName: "expression"))
    var words: [String]

    /// The parsed expression; a syntax error becomes a one-line message with its column.
    func parsed() throws -> Symbolic.Expression { try parseExpression(words.joined(separator: " ")) }

    /// The parsed expression with the domain of its written form.
    func written() throws -> WrittenExpression { try readExpression(words.joined(separator: " ")) }
}
