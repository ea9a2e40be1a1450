import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped

/// `derive hessian`: each Hessian against an independent reference, the expression written out
/// entry by entry at concrete sizes and differentiated twice by the scalar engine.
@Suite struct HessianRequestTests {
    static let cases: [(String, [(String, String)], String)] = [
        ("x^T A x", [("A", "n,n"), ("x", "n")], "x"),                              // A + Aᵀ
        ("(X w - y)^T (X w - y)", [("X", "n,d"), ("w", "d"), ("y", "n")], "w"),    // 2 XᵀX
        ("a^T tanh(W x)", [("a", "m"), ("W", "m,n"), ("x", "n")], "x"),
        ("(x^T x) (x^T x)", [("x", "n")], "x"),                                    // 4 xᵀx I + 8 x xᵀ
        ("a^T x x^T b", [("a", "n"), ("b", "n"), ("x", "n")], "x"),                // a bᵀ + b aᵀ
        ("sum(exp(x))", [("x", "n")], "x"),                                        // diag(eˣ)
        ("a^T softmax(x)", [("a", "n"), ("x", "n")], "x"),
        ("sum(log(sigmoid(x)))", [("x", "n")], "x"),
        ("(A x + b)^T (A x + b)", [("A", "m,n"), ("x", "n"), ("b", "m")], "x"),    // 2 AᵀA
    ]

    @Test(arguments: 0..<cases.count) func hessianMatchesTheEntrywiseSecondDerivatives(index: Int) throws {
        let (expression, shapes, variable) = Self.cases[index]
        let request = HessianRequest(expression: expression, shapes: shapes.map { (name: $0.0, shape: $0.1) }, variable: variable)
        let hessian = try request.derive()
        let model = hessian.model
        for size in [2, 3] {
            let sizes = Dictionary(uniqueKeysWithValues: model.dimensions.map { ($0, size) })
            var values: [Quantity: Matrix] = [:]
            for d in model.declarations {
                let (r, c) = try #require(d.shape.instantiated(sizes))
                values[d.quantity] = Matrix(rows: r, columns: c, entries: (0..<(r * c)).map { Expression(Symbol("\(d.quantity.plain)_\($0)")) })
            }
            let evaluator = try #require(model.forward(ShapedEvaluator(sizes: sizes, values: values)))
            let f = try #require(evaluator.evaluate(model.equations.last!.value)).entries[0]
            let h = try #require(evaluator.evaluate(hessian.value))
            let x = try #require(values[hessian.of]).entries.compactMap { e -> Symbol? in if case .symbol(let s) = e.kind { return s }; return nil }
            #expect(h.rows == x.count && h.columns == x.count, "\(expression): shape")
            for i in x.indices {
                for j in x.indices {
                    let reference = f.derivative(with: x[i]).derivative(with: x[j])
                    let claimed = h.entries[i * x.count + j]
                    let same = (reference - claimed).expanded(maxTerms: 100_000).map { $0.isZero } ?? false
                        || { if case .equal = EquivalenceChecker().check(reference, claimed) { return true }; return false }()
                    #expect(same, "\(expression) H[\(i),\(j)]: \(PlainPrinter.string(claimed)) vs \(PlainPrinter.string(reference))")
                }
            }
        }
    }

    @Test func aMatrixVariableIsRefusedInOneLine() {
        #expect(throws: GradientRequest.Failure.self) {
            try HessianRequest(expression: "x^T A x", shapes: [(name: "A", shape: "n,n"), (name: "x", shape: "n")], variable: "A").derive()
        }
    }
}
