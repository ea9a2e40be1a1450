import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicReports
@testable import SymbolicDerivations

/// `derive lstm-backward --through-time`: every step valid, and ∂c_t/∂c_{t-1} through a_{t-1}
/// against a central difference of the cell computed in Double.
@Suite struct LSTMGradientPathTests {
    @Test(arguments: [1, 3, 5]) func everyStepIsValid(_ T: Int) throws {
        let d = try #require(LSTMGradientPath.derivation(steps: T))
        let outcomes = d.verification().compactMap { $0 }
        #expect(outcomes.count >= 6)
        for o in outcomes { #expect(o.verdict == .valid, "\(o.reason)") }
        for s in d.steps { #expect(PersianRules.phrase(s.justification) != nil, "\(s.justification)") }
        #expect(LSTMGradientPath.derivation(steps: 0) == nil && LSTMGradientPath.derivation(steps: 99) == nil)
    }

    @Test func fullDerivativeMatchesFiniteDifferences() throws {
        let d = try #require(LSTMGradientPath.derivation(steps: 3))
        let full = try #require(d.steps.first { $0.justification.hasPrefix("the terms through") }?.rhs.scalar)
        // A point: weights, biases, x, Γ_o^{<t-1>} and c^{<t-1>}, as exact halves and thirds.
        let values: [String: Double] = ["w_fa": 0.5, "w_fx": -1.0 / 3, "b_f": 0.25, "w_ua": -0.75, "w_ux": 0.5, "b_u": -0.5,
                                        "w_ca": 1.5, "w_cx": 0.25, "b_c": 1.0 / 3, "x": 0.5, "Gamma_o": 0.75, "c_t-1": -0.5]
        func sigma(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }
        func cell(_ cPrev: Double) -> Double {
            let a = values["Gamma_o"]! * Foundation.tanh(cPrev)
            func gate(_ g: String) -> Double { values["w_\(g)a"]! * a + values["w_\(g)x"]! * values["x"]! + values["b_\(g)"]! }
            return sigma(gate("u")) * Foundation.tanh(gate("c")) + sigma(gate("f")) * cPrev
        }
        let h = 1e-6, c0 = values["c_t-1"]!
        let numeric = (cell(c0 + h) - cell(c0 - h)) / (2 * h)
        var point: [Symbol: SymbolicCore.Expression] = [:]
        for s in full.freeSymbols {
            let key = s.subscriptText.map { "\(s.name)_\($0)" } ?? s.name
            let v = try #require(values[key], "\(key)")
            let r = try #require(Rational(String(format: "%.17g", v)))
            point[s] = SymbolicCore.Expression(r)
        }
        guard case .value(let interval) = IntervalEvaluator(point: [:]).evaluate(full.substituting(point)),
              let exact = Double(interval.decimalString(digits: 17)) else { Issue.record("no value"); return }
        #expect(abs(exact - numeric) < 1e-6, "\(exact) vs \(numeric)")
    }
}
