import ArgumentParser
import Foundation
import Symbolic

struct BackwardCommand: AnswerKeySource {
    static let configuration = CommandConfiguration(
        commandName: "backward",
        abstract: "The backward pass of a model written as forward equations in a file.",
        discussion: """
        The file declares dimensions, inputs and parameters with shapes, and forward equations:

          dimensions n_a, n_x, n_y
          input a_prev : n_a "a^{<t-1>}"
          input x : n_x
          input y : n_y
          parameter W_a : n_a x (n_a + n_x)
          parameter b_a : n_a
          parameter W_y : n_y x n_a
          parameter b_y : n_y
          a = tanh(W_a [a_prev; x] + b_a) "a^{<t>}"
          yhat = softmax(W_y a + b_y) "\\hat{y}"
          loss L = cross_entropy(y, yhat)
          carry a : da_next "da_{next}"

        Juxtaposition and * are matrix products (a 1 × 1 quantity beside a vector or matrix scales \
        it, on either side), ∘ and .* elementwise products, ^T a transpose, / a division by a \
        number or a scalar, [a; x] a concatenation; functions: sigmoid, tanh, exp, log, relu, \
        softmax (of a column), softmax_rows, cross_entropy, sum, mean, tr, inv, det, and sqrt of \
        a dimension. Examples/models/ has an attention layer. \
        `split W : W_1 "W_{1}", W_2` names the column blocks of a parameter that multiplies a \
        concatenation. Quoted text at the end of a line is the LaTeX name.
        """
    )

    @Argument(help: "The model file, or - for standard input.")
    var file: String

    @Option(name: .long, help: "A value of an input or parameter, NAME=VALUE (a number such as 1/2 or -0.25, or a matrix [1, 2; 3, 4]); with values for all of them, the forward pass and every gradient are evaluated exactly.")
    var at: [String] = []

    @OptionGroup var output: BackwardOutput

    func run() throws {
        let pass = try backwardPass()
        guard !at.isEmpty else { return output.print(pass) }
        var values: [String: Matrix] = [:]
        for a in at {
            guard let eq = a.firstIndex(of: "="), let m = BackwardValues.parseValue(String(a[a.index(after: eq)...])) else {
                throw InputError(description: "--at \(a): write NAME=VALUE, the value a number or [1, 2; 3, 4]")
            }
            values[String(a[..<eq]).trimmingCharacters(in: .whitespaces)] = m
        }
        do { print(try BackwardValues(pass, at: values).text, terminator: "") } catch {
            throw InputError(description: error.description)
        }
    }

    /// The model file's backward pass.
    func backwardPass() throws -> BackwardPass {
        let text = try readFileArgument(file)
        do {
            return try BackwardPass(ModelParser.parse(text))
        } catch let e as ModelParser.Failure {
            throw InputError(description: "\(file): \(e)")
        } catch let e as ShapeError {
            throw InputError(description: "\(file): \(e)")
        }
    }

    func section() throws -> AnswerKey.Section {
        guard at.isEmpty else { throw InputError(description: "--at: an answer key holds the backward pass in symbols, not its values") }
        return DerivationCatalog.backwardSection(try backwardPass(), name: "backward")
    }
}
