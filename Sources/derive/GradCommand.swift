import ArgumentParser
import Symbolic

struct GradCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grad",
        abstract: "The gradient of a scalar expression of vectors and matrices, derived by reverse mode.",
        discussion: """
        Every name has a shape: --shape A=n,n (a matrix), --shape x=n (a column vector), \
        --shape c=1 (a scalar); dimensions are numbers or letters. Juxtaposition and * are matrix \
        products, ∘ and .* elementwise products, ^T a transpose; functions: sigmoid, tanh, exp, \
        log, relu, softmax.

          derive grad 'x^T A x' --wrt x --shape A=n,n --shape x=n        # dx = A x + A^T x
          derive grad '(X w - y)^T (X w - y)' --wrt w --shape X=n,d --shape w=d --shape y=n
        """
    )

    @Argument(help: "The expression (a scalar), or - for standard input.")
    var expression: String

    @Option(name: .long, help: "A name to differentiate with respect to (repeat for several; all names when omitted).")
    var wrt: [String] = []

    @Option(name: .long, help: "A name's shape: NAME=rows or NAME=rows,columns.")
    var shape: [String] = []

    @OptionGroup var output: BackwardOutput

    func run() throws {
        let text = try readArgument(expression)
        var shapes: [(name: String, shape: String)] = []
        for s in shape {
            guard let eq = s.firstIndex(of: "=") else { throw InputError(description: "--shape \(s): write NAME=rows,columns") }
            shapes.append((String(s[..<eq]), String(s[s.index(after: eq)...])))
        }
        do {
            output.print(try GradientRequest(expression: text, shapes: shapes, variables: wrt).derive())
        } catch {
            throw InputError(description: error.description)
        }
    }
}
