import SymbolicCore
import SymbolicLaTeX

/// The gradient of one scalar expression of vectors and matrices with respect to some of them,
/// derived by reverse mode (`derive grad 'x^T A x' --wrt x --shape A=n,n --shape x=n`), in the
/// spirit of matrixcalculus.org. The expression uses the model files' syntax (juxtaposition and
/// `*` matrix products, `∘` elementwise, `^T` transposes); every name has a declared shape.
public struct GradientRequest: Sendable {
    /// The expression, as written.
    public let expression: String
    /// Each name with its shape: `n,n`, `n`, `n,1`, `1` (a scalar), numbers or dimension letters.
    public let shapes: [(name: String, shape: String)]
    /// The names to differentiate with respect to (all declared names when empty).
    public let variables: [String]

    public init(expression: String, shapes: [(name: String, shape: String)], variables: [String]) {
        self.expression = expression
        self.shapes = shapes
        self.variables = variables
    }

    /// An error in the request, in one line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The model: the declared names as inputs, the expression as its scalar loss `f`.
    public func model() throws(Failure) -> Model {
        var dimensions: [String] = []
        var lines: [String] = ["model gradient"]
        var declarations: [String] = []
        for (name, shape) in shapes {
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name.first?.isLetter == true else {
                throw Failure(description: "--shape \(name)=\(shape): a name is letters, digits and _")
            }
            let parts = shape.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters() }
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) else {
                throw Failure(description: "--shape \(name)=\(shape): a shape is rows or rows,columns (numbers or dimension names)")
            }
            for p in parts where p.first?.isLetter == true && !dimensions.contains(p) { dimensions.append(p) }
            declarations.append("input \(name) : " + parts.joined(separator: " x "))
        }
        for v in variables where !shapes.contains(where: { $0.name == v }) {
            throw Failure(description: "--wrt \(v): give its shape with --shape \(v)=…")
        }
        if !dimensions.isEmpty { lines.append("dimensions " + dimensions.joined(separator: ", ")) }
        lines += declarations
        guard !expression.contains("\n") else { throw Failure(description: "the expression is one line") }
        lines.append("loss f = " + expression)
        let model: Model
        do { model = try ModelParser.parse(lines.joined(separator: "\n")) } catch {
            throw Failure(description: "in the expression, column \(max(1, error.column - 9)): \(error.message)")
        }
        guard let loss = model.equations.last, loss.value.shape.isScalar else {
            throw Failure(description: "the expression is not a scalar (its shape is \(model.equations.last?.value.shape.description ?? "?")); a gradient needs a scalar")
        }
        return model
    }

    /// The backward pass with only the gradients asked for.
    public func derive() throws(Failure) -> BackwardPass {
        let m = try model()
        let pass: BackwardPass
        do { pass = try BackwardPass(m) } catch { throw Failure(description: error.description) }
        let wanted = variables.isEmpty ? Set(shapes.map(\.name)) : Set(variables)
        return pass.restricted(to: wanted)
    }
}

extension BackwardPass {
    /// The pass with only the gradients of the named declarations.
    func restricted(to names: Set<String>) -> BackwardPass {
        BackwardPass(model: model, gradients: gradients.filter { names.contains($0.of.plain) })
    }
}
