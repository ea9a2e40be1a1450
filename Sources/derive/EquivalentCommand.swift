import ArgumentParser
import Symbolic

struct EquivalentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equivalent",
        abstract: "Decide whether two expressions are equal wherever both are defined.",
        discussion: """
        Prints `equal` with the method of proof, `different` with a point where both sides are \
        defined and differ, or `unknown` with the reason. Exit status: 0 equal, 1 different, 3 unknown.
        Example: derive equivalent 'tanh(x)' '2*sigmoid(2*x) - 1'
        """
    )

    @Argument(help: "The left side, in plain syntax.")
    var lhs: String

    @Argument(help: "The right side, in plain syntax.")
    var rhs: String

    @Flag(name: .long, help: "Print a JSON object.")
    var json = false

    func run() throws {
        let a = try readExpression(lhs), b = try readExpression(rhs)
        let verdict = EquivalenceVerdict(a.equivalent(to: b))
        print(json ? verdict.json : verdict.text)
        switch verdict.result {
        case "equal": return
        case "different": throw ExitCode(1)
        default: throw ExitCode(3)
        }
    }
}
