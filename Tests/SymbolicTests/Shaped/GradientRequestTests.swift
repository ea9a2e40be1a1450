import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped

/// `derive grad`: gradients of scalar expressions of vectors and matrices (the Matrix Cookbook's
/// first-order identities that the operations cover), each checked against an independent
/// reference: the expression written out entry by entry at concrete sizes and differentiated by
/// the scalar engine with respect to each entry (denominator layout: ∂f/∂X has X's shape).
@Suite struct GradientRequestTests {
    /// (expression, shapes, variable, the cookbook's closed form for the record).
    static let cases: [(String, [(String, String)], String, String)] = [
        ("a^T x", [("a", "n"), ("x", "n")], "x", "a"),
        ("x^T a", [("a", "n"), ("x", "n")], "x", "a"),
        ("x^T x", [("x", "n")], "x", "2x"),
        ("x^T A x", [("A", "n,n"), ("x", "n")], "x", "(A + A^T) x"),
        ("x^T A x", [("A", "n,n"), ("x", "n")], "A", "x x^T"),
        ("a^T X b", [("a", "m"), ("X", "m,n"), ("b", "n")], "X", "a b^T"),
        ("a^T X^T b", [("a", "n"), ("X", "m,n"), ("b", "m")], "X", "b a^T"),
        ("(X w - y)^T (X w - y)", [("X", "n,d"), ("w", "d"), ("y", "n")], "w", "2 X^T (X w - y)"),
        ("(X w - y)^T (X w - y)", [("X", "n,d"), ("w", "d"), ("y", "n")], "X", "2 (X w - y) w^T"),
        ("(A x + b)^T (A x + b)", [("A", "m,n"), ("x", "n"), ("b", "m")], "x", "2 A^T (A x + b)"),
        ("x^T B^T C x", [("B", "m,n"), ("C", "m,n"), ("x", "n")], "x", "(B^T C + C^T B) x"),
        ("b^T X^T X c", [("X", "m,n"), ("b", "n"), ("c", "n")], "X", "X (b c^T + c b^T)"),
        ("(B x + b)^T C (D x + d)", [("B", "k,n"), ("b", "k"), ("C", "k,l"), ("D", "l,n"), ("d", "l"), ("x", "n")], "x",
         "B^T C (D x + d) + D^T C^T (B x + b)"),
        ("a^T tanh(W x)", [("a", "m"), ("W", "m,n"), ("x", "n")], "W", "(a ∘ (1 - tanh²(Wx))) x^T"),
        ("v^T sigmoid(W x)", [("v", "m"), ("W", "m,n"), ("x", "n")], "x", "W^T (v ∘ σ(Wx) ∘ (1 - σ(Wx)))"),
        // Traces, inverses and determinants (cookbook 2.2, 2.4, 2.5).
        ("tr(A X)", [("A", "n,n"), ("X", "n,n")], "X", "A^T"),
        ("tr(X^T A)", [("A", "m,n"), ("X", "m,n")], "X", "A"),
        ("tr(A X B)", [("A", "k,m"), ("X", "m,n"), ("B", "n,k")], "X", "A^T B^T"),
        ("tr(X A X^T)", [("A", "n,n"), ("X", "m,n")], "X", "X (A + A^T)"),
        ("tr(X^T X)", [("X", "m,n")], "X", "2 X"),
        ("log(det(X))", [("X", "n,n")], "X", "X^{-T}"),
        ("det(X)", [("X", "n,n")], "X", "det(X) X^{-T}"),
        ("a^T inv(X) b", [("a", "n"), ("b", "n"), ("X", "n,n")], "X", "-X^{-T} a b^T X^{-T}"),
        ("tr(A inv(X) B)", [("A", "n,n"), ("B", "n,n"), ("X", "n,n")], "X", "-X^{-T} A^T B^T X^{-T}"),
        // More of 2.2 (traces), 2.4 (inverses, determinants), 2.5 and the quadratic forms of 2.4.2.
        ("tr(X)", [("X", "n,n")], "X", "I"),
        ("tr(X X)", [("X", "n,n")], "X", "2 X^T"),
        ("tr(X X X)", [("X", "n,n")], "X", "3 (X^2)^T"),
        ("tr(X^T B X)", [("X", "n,m"), ("B", "n,n")], "X", "B X + B^T X"),
        ("tr(B X X^T)", [("X", "n,m"), ("B", "n,n")], "X", "(B + B^T) X"),
        ("tr(A X^T B)", [("A", "n,m"), ("X", "k,m"), ("B", "k,n")], "X", "B A"),
        ("tr(X X^T)", [("X", "n,m")], "X", "2 X"),
        ("tr(X^T X B)", [("X", "m,n"), ("B", "n,n")], "X", "X (B + B^T)"),
        ("tr(A X B X)", [("A", "n,n"), ("X", "n,n"), ("B", "n,n")], "X", "A^T X^T B^T + B^T X^T A^T"),
        ("tr(X^T A X B)", [("X", "n,m"), ("A", "n,n"), ("B", "m,m")], "X", "A X B + A^T X B^T"),
        ("tr(inv(X))", [("X", "n,n")], "X", "-(X^{-2})^T"),
        ("det(A X B)", [("A", "n,n"), ("X", "n,n"), ("B", "n,n")], "X", "det(A X B) X^{-T}"),
        ("log(det(X^T X))", [("X", "m,n")], "X", "2 X (X^T X)^{-1}"),
        ("a^T X a", [("a", "n"), ("X", "n,n")], "X", "a a^T"),
        ("a^T X^T X a", [("a", "n"), ("X", "m,n")], "X", "2 X a a^T"),
        ("(X b + c)^T D (X b + c)", [("X", "n,m"), ("b", "m"), ("c", "n"), ("D", "n,n")], "X", "(D + D^T)(X b + c) b^T"),
        ("b^T X^T D X c", [("X", "n,m"), ("b", "m"), ("c", "m"), ("D", "n,n")], "X", "D^T X b c^T + D X c b^T"),
        ("x^T A^T A x", [("A", "m,n"), ("x", "n")], "x", "2 A^T A x"),
        ("a^T x x^T b", [("a", "n"), ("b", "n"), ("x", "n")], "x", "(a b^T + b a^T) x"),
        ("(x^T x) (x^T x)", [("x", "n")], "x", "4 (x^T x) x"),
        ("a^T softmax(x)", [("a", "n"), ("x", "n")], "x", "(diag(s) - s s^T) a, s = softmax(x)"),
        ("sum(exp(x))", [("x", "n")], "x", "exp(x)"),
    ]

    @Test(arguments: 0..<cases.count) func gradientMatchesTheEntrywiseDerivative(index: Int) throws {
        let (expression, shapes, variable, _) = Self.cases[index]
        let request = GradientRequest(expression: expression, shapes: shapes.map { (name: $0.0, shape: $0.1) }, variables: [variable])
        let pass = try request.derive()
        let model = try request.model()
        let gradient = try #require(pass.gradients.first { $0.of.plain == variable })
        for size in [2, 3] {
            let sizes = Dictionary(uniqueKeysWithValues: model.dimensions.map { ($0, $0.name == "k" ? size - 1 : size) })
            var values: [Quantity: Matrix] = [:]
            for d in model.declarations {
                let (r, c) = try #require(d.shape.instantiated(sizes))
                values[d.quantity] = Matrix(rows: r, columns: c, entries: (0..<(r * c)).map { Expression(Symbol("\(d.quantity.plain)_\($0)")) })
            }
            let evaluator = try #require(model.forward(ShapedEvaluator(sizes: sizes, values: values)))
            let f = try #require(evaluator.evaluate(model.equations.last!.value)).entries[0]
            let g = try #require(evaluator.evaluate(gradient.value))
            let x = try #require(values[gradient.of])
            #expect(g.rows == x.rows && g.columns == x.columns, "\(expression): layout")
            for k in x.entries.indices {
                guard case .symbol(let s) = x.entries[k].kind else { continue }
                let reference = f.derivative(with: s)
                let claimed = g.entries[k]
                let same = (reference - claimed).expanded(maxTerms: 100_000).map { $0.isZero } ?? false
                    || { if case .equal = EquivalenceChecker().check(reference, claimed) { return true }; return false }()
                #expect(same, "\(expression) d/d\(s): \(PlainPrinter.string(claimed)) vs \(PlainPrinter.string(reference))")
            }
        }
    }

    @Test func badRequestsAreOneLineErrors() {
        #expect(throws: GradientRequest.Failure.self) { try GradientRequest(expression: "x", shapes: [("x", "n")], variables: ["x"]).derive() }
        #expect(throws: GradientRequest.Failure.self) { try GradientRequest(expression: "x^T B", shapes: [("x", "n")], variables: []).derive() }
        #expect(throws: GradientRequest.Failure.self) { try GradientRequest(expression: "x^T x", shapes: [("x", "n,")], variables: []).derive() }
        #expect(throws: GradientRequest.Failure.self) { try GradientRequest(expression: "x^T x", shapes: [("x", "n")], variables: ["y"]).derive() }
    }
}
