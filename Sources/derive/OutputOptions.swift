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
