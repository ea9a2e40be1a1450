import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct LeastSquaresTests {
    @Test func everyStepVerifies() throws {
        let d = try #require(LeastSquares.derivation())
        let outcomes = d.verification().compactMap { $0 }
        #expect(outcomes.count >= 5)
        for o in outcomes { #expect(o.verdict == .valid, "\(o.reason)") }
    }

    /// For n = 2…5 data points, the minimiser found independently: J written out with numbers,
    /// differentiated by the scalar engine, the two linear equations solved exactly.
    @Test(arguments: 2...5) func resultMatchesTheScalarEngine(_ n: Int) throws {
        // Data with no exact line through it: x_k = k² - 2k + 3, y_k = (5k - k² mod 4)/3.
        let xs: [Rational] = (1...n).map { (k: Int) -> Rational in Rational(k * k - 2 * k + 3) }
        let ys: [Rational] = (1...n).map { (k: Int) -> Rational in Rational(Integer(5 * k - (k * k) % 4), Integer(3))! }
        let w0 = Symbol("w", subscriptText: "0"), w1 = Symbol("w", subscriptText: "1")
        var J = Expression.zero
        for k in 0..<n { J = J + Expression.power(Expression(ys[k]) - Expression(w0) - Expression(w1) * Expression(xs[k]), 2) }
        J = J / Expression(n)
        let solution = try #require(LinearSystem.solve([J.derivative(with: w0), J.derivative(with: w1)], for: [w0, w1]))
        // The derivation's closed forms with the data put in.
        let d = try #require(LeastSquares.derivation())
        var data: [Symbol: Expression] = [Symbol("n"): Expression(n)]
        for k in 0..<n {
            data[Symbol("x", subscriptText: "\(k + 1)")] = Expression(xs[k])
            data[Symbol("y", subscriptText: "\(k + 1)")] = Expression(ys[k])
        }
        for (name, symbol) in [("w_1^*", w1), ("w_0^*", w0)] {
            let step = try #require(d.steps.first { $0.lhsLatex == name })
            guard case .scalar(let closed) = d.resolved(step.rhs) else { Issue.record("not a scalar"); return }
            var value = closed.substituting([Symbol("n"): Expression(n)])
            value = value.substituting(data)
            #expect(value == solution[symbol]!, "n = \(n), \(name): \(value) vs \(solution[symbol]!)")
        }
    }
}
