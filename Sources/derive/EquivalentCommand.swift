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

    /// Both sides; every word that is not an option is one, so `-x` is an expression, not an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The left side and the right side, in plain syntax (a leading minus is fine).", valueName: "side"))
    var sides: [String]

    @Flag(name: .long, help: "Print a JSON object.")
    var json = false

    func validate() throws {
        guard sides.count != 2 else { return }
        if let option = sides.first(where: { $0.hasPrefix("--") && $0.count > 2 }) { throw ValidationError("unknown option '\(option)'") }
        throw ValidationError("give two expressions, the left side and the right side (got \(sides.count))")
    }

    func run() throws {
        let a = try readExpression(sides[0]), b = try readExpression(sides[1])
        let verdict = EquivalenceVerdict(a.equivalent(to: b))
        print(json ? verdict.json : verdict.text)
        switch verdict.result {
        case "equal": return
        case "different": throw ExitCode(1)
        default: throw ExitCode(3)
        }
    }
}
