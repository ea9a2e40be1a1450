import ArgumentParser
import Symbolic

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression exactly at a point.",
        discussion: """
        Substitutes the values and prints the exact result (a rational, or an exact form such as \
        sqrt(2)/2). Example: derive eval 'x^2 + y' --at x=1/2 --at y=3
        """
    )

    @OptionGroup var expression: ExpressionArgument

    @Option(name: .long, help: "A value for a symbol, as name=value (repeatable); the value is an expression.")
    var at: [String] = []

    @OptionGroup var output: OutputOptions

    func run() throws {
        let written = try expression.written()
        let e = written.expression
        var values: [Symbol: Expression] = [:]
        for assignment in at {
            guard let eq = assignment.firstIndex(of: "=") else {
                throw InputError(description: "--at \(assignment): expected name=value")
            }
            let name = String(assignment[..<eq]).trimmingCharacters(in: .whitespaces)
            guard case .symbol(let s) = (try parseExpression(name)).kind else {
                throw InputError(description: "--at \(assignment): \(name) is not a symbol")
            }
            values[s] = try parseExpression(String(assignment[assignment.index(after: eq)...]))
        }
        // Undefined where the expression as written is (`x/x` at x = 0), though its canonical form is not.
        output.print(input: e, result: written.substituting(values).value.simplified())
    }
}
