import ArgumentParser
import Symbolic

struct HessianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hessian",
        abstract: "The Hessian of a scalar expression with respect to a column vector, derived by reverse mode twice.",
        discussion: """
        The expression and shapes are written as for `derive grad`. The variable must be a column \
        vector (--shape x=n).

          derive hessian 'x^T A x' --wrt x --shape A=n,n --shape x=n      # H = A^T + A
          derive hessian '(X w - y)^T (X w - y)' --wrt w --shape X=n,d --shape w=d --shape y=n
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, latex, json }

    @Argument(help: "The expression (a scalar), or - for standard input.")
    var expression: String

    @Option(name: .long, help: "The column vector to differentiate with respect to.")
    var wrt: String

    @Option(name: .long, help: "A name's shape: NAME=rows or NAME=rows,columns.")
    var shape: [String] = []

    @Option(name: .long, help: "Output format: text, latex or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Same as --format latex.")
    var latex = false

    @Flag(name: .long, help: "Same as --format json.")
    var json = false

    func run() throws {
        let text = try readArgument(expression)
        var shapes: [(name: String, shape: String)] = []
        for s in shape {
            guard let eq = s.firstIndex(of: "=") else { throw InputError(description: "--shape \(s): write NAME=rows,columns") }
            shapes.append((String(s[..<eq]), String(s[s.index(after: eq)...])))
        }
        let h: Hessian
        do { h = try HessianRequest(expression: text, shapes: shapes, variable: wrt).derive() } catch {
            throw InputError(description: error.description)
        }
        switch latex ? .latex : json ? .json : format {
        case .text: print(h.text, terminator: "")
        case .latex: print(h.latex, terminator: "")
        case .json: print(h.json)
        }
    }
}
