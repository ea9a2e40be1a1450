import ArgumentParser
import Symbolic

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Differentiate an expression with respect to a symbol.",
        discussion: "Example: derive diff 'tanh(w*x + b)' --wrt w --latex"
    )

    @OptionGroup var expression: ExpressionArgument

    @Option(name: .long, help: "The symbol to differentiate with respect to (e.g. x, W_ua).")
    var wrt: String

    @Option(name: .long, help: "How many times to differentiate.")
    var times: Int = 1

    @Flag(inversion: .prefixedNo, help: "Simplify the result.")
    var simplify = true

    @OptionGroup var output: OutputOptions

    func validate() throws {
        let limit = Limits.default.maximumDerivativeOrder
        guard times >= 1 && times <= limit else { throw ValidationError("--times must be between 1 and \(limit)") }
    }

    func run() throws {
        let e = try expression.parsed()
        guard case .symbol(let s) = (try PlainParser.parse(wrt)).kind else {
            throw InputError(description: "--wrt must be a symbol, got '\(wrt)'")
        }
        var (d, remaining) = e.boundedDerivative(with: s, times: times)
        if remaining > 0 {
            throw InputError(description: "the derivative of order \(times - remaining) has more than \(Limits.default.maximumExpressionNodes) nodes; order \(times) not computed")
        }
        if simplify { d = d.simplified() }
        output.print(input: e, result: d)
    }
}
