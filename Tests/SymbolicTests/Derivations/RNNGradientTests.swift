import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct RNNGradientTests {
    func sym(_ s: String) -> Expression { try! LaTeXReader.readExpression(s) }

    func equal(_ a: Expression, _ b: Expression) -> Bool {
        guard let d = (a - b).expanded(maxTerms: 100_000) else { return false }
        return d.isZero
    }

    /// The result step: ∂ŷ/∂w collected in w.
    func polynomial(_ d: Derivation) throws -> Expression {
        let step = try #require(d.steps.first { $0.isResult && $0.lhsLatex == "\\frac{\\partial \\hat{y}}{\\partial w}" })
        guard case .scalar(let e) = step.rhs else { throw Failure() }
        return e
    }
    struct Failure: Error {}

    @Test func threeStepsGiveTheTextbookPolynomial() throws {
        // h_3 = w(u_3 + w(u_2 + w(u_1 + h_0))), by hand: ∂/∂w = u_3 + 2w u_2 + 3w²(u_1 + h_0).
        let d = try #require(RNNGradient.derivation(steps: 3))
        #expect(equal(try polynomial(d), sym("u_3 + 2 w u_2 + 3 w^2 (u_1 + h_0)")))
        // Numbering the inputs from 0, as ../shared/seeds 004 does for its first two steps.
        let d0 = try #require(RNNGradient.derivation(steps: 3, firstInput: 0))
        #expect(equal(try polynomial(d0), sym("u_2 + 2 w u_1 + 3 w^2 (u_0 + h_0)")))
    }

    @Test(arguments: 1...8) func polynomialMatchesDirectDifferentiation(_ T: Int) throws {
        // Built here independently: the nested output, differentiated by the engine, expanded.
        var output = sym("h_0")
        for t in 1...T { output = sym("w") * (sym("u_{\(t)}") + output) }
        let direct = output.derivative(with: Symbol("w"))
        let d = try #require(RNNGradient.derivation(steps: T))
        #expect(equal(try polynomial(d), direct))
        // The closed form Σ_k k w^{k-1} u_{T-k+1} + T w^{T-1} h_0 at this T.
        var closed = Expression(T) * Expression.power(sym("w"), Expression(T - 1)) * sym("h_0")
        for k in 1...T { closed = closed + Expression(k) * Expression.power(sym("w"), Expression(k - 1)) * sym("u_{\(T - k + 1)}") }
        #expect(equal(closed, direct))
        for (step, outcome) in zip(d.steps, d.verification()) {
            if let outcome { #expect(outcome.holds, "T = \(T): \(step.leftLatex) = \(step.rightLatex): \(outcome.reason)") }
        }
    }

    @Test(arguments: 1...4) func tanhStepsVerify(_ T: Int) throws {
        let d = try #require(RNNGradient.derivation(steps: T, activation: .tanh))
        let outcomes = d.verification().compactMap { $0 }
        #expect(!outcomes.isEmpty)
        for o in outcomes { #expect(o.verdict == .valid, "T = \(T): \(o.reason)") }
    }

    @Test func tanhTwoStepsMatchesTheHandDerivation() throws {
        // ∂h_2/∂w = (1 - h_2²)(u_2 + h_1 + w (1 - h_1²)(u_1 + h_0)), by the chain rule by hand.
        let d = try #require(RNNGradient.derivation(steps: 2, activation: .tanh))
        let step = try #require(d.steps.first { $0.justification.hasPrefix("backpropagation") })
        guard case .scalar(let split) = step.rhs else { throw Failure() }
        #expect(equal(split, sym("(1 - h_2^2)(u_2 + h_1 + w (1 - h_1^2)(u_1 + h_0))")))
    }

    @Test func outOfRangeIsRefusedBeforeWork() {
        #expect(RNNGradient.derivation(steps: 0) == nil)
        #expect(RNNGradient.derivation(steps: RNNGradient.maximumSteps(.linear) + 1) == nil)
        #expect(RNNGradient.derivation(steps: RNNGradient.maximumSteps(.tanh) + 1, activation: .tanh) == nil)
    }

    @Test func formatsCarryTheResult() throws {
        let d = try #require(RNNGradient.derivation(steps: 3))
        #expect(d.latex.hasPrefix("\\begin{align*}") && d.latex.contains("\\boxed{"))
        #expect(d.json.contains("\"name\":\"rnn-gradient\""))
        #expect(!d.json.contains("\"verdict\":\"invalid\""))
        // One step is unchecked: the closed form for every T, checked at this T only.
        #expect(d.json.components(separatedBy: "\"verdict\":\"unchecked\"").count == 2)
    }
}
