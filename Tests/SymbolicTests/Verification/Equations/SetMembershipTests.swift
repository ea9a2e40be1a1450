import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Lines that state a solution set with `\in` (sets, intervals, unions, ∅, ℝ); the solution
/// sets in the comments were worked out by hand.
@Suite struct SetMembershipTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "t.md").steps.map(\.verdict) }
    func last(_ text: String) -> StepResult? { Verifier().verify(text, file: "t.md").steps.last }

    @Test func finiteSets() {
        // x² - 3x + 2 = (x - 1)(x - 2): {1, 2}. The set's commas are no statement separators.
        #expect(verdicts("$$x^2 - 3x + 2 = 0 \\Rightarrow x \\in \\{1, 2\\}$$") == [.unchecked, .valid])
        #expect(verdicts("$$x^2 - 4 = 0 \\Rightarrow x \\in \\left\\{-2, 2\\right\\}$$") == [.unchecked, .valid])
        // {1, 3} loses 2.
        let wrong = last("$$x^2 - 3x + 2 = 0 \\Rightarrow x \\in \\{1, 3\\}$$")
        #expect(wrong?.verdict == .invalid)
        #expect(wrong?.counterexample?.point["x"] == "2")
    }

    @Test func emptySetAndAllReals() {
        // x² + 1 > 0 everywhere: no real solution.
        #expect(verdicts("$$x^2 + 1 = 0 \\Rightarrow x \\in \\emptyset$$") == [.unchecked, .valid])
        #expect(last("$$x^2 + 1 = 0 \\Rightarrow x \\in \\{1\\}$$")?.verdict == .invalid)
        // x² - 1 = 0 has solutions: ∅ loses them.
        #expect(last("$$x^2 - 1 = 0 \\Rightarrow x \\in \\varnothing$$")?.verdict == .invalid)
        // x² + 2x + 1 ≥ 0 holds for every real x.
        #expect(verdicts("$$x^2 + 2x + 1 \\geq 0 \\iff x \\in \\mathbb{R}$$") == [.unchecked, .valid])
    }

    @Test func intervalsAndUnions() {
        // 2x - 2 > 0 ⇔ x > 1; with ≥ the solution 1 is lost by the open interval.
        #expect(verdicts("$$2x - 2 > 0 \\Rightarrow x \\in (1, \\infty)$$") == [.unchecked, .valid])
        let lost = last("$$2x - 2 \\geq 0 \\Rightarrow x \\in (1, \\infty)$$")
        #expect(lost?.verdict == .invalid)
        #expect(lost?.counterexample?.point["x"] == "1")
        // x² ≤ 4 ⇔ -2 ≤ x ≤ 2; x² ≥ 4 ⇔ x ≤ -2 or x ≥ 2.
        #expect(verdicts("$$x^2 - 4 \\leq 0 \\iff x \\in [-2, 2]$$") == [.unchecked, .valid])
        #expect(verdicts("$$x^2 \\geq 4 \\iff x \\in (-\\infty, -2] \\cup [2, \\infty)$$") == [.unchecked, .valid])
        // (-2, 2] gains 2... no: it loses -2 (x = -2 solves x² ≤ 4).
        let half = last("$$x^2 \\leq 4 \\iff x \\in (-2, 2]$$")
        #expect(half?.verdict == .invalid)
        #expect(half?.counterexample?.point["x"] == "-2")
    }

    @Test func setsInPiecewiseDefinitionsStillSplit() {
        // `\left\{` of a cases-like brace is no set: the statements after it are still separate.
        let s = StatementReader.statements("f(x) = \\left\\{ x \\right. , \\quad y = 2", line: 1, column: 1)
        #expect(s.count == 2)
    }
}
