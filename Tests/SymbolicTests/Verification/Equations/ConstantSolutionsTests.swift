import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Equations whose solutions have no rational form, solved exactly: values worked out by hand.
@Suite struct ConstantSolutionsTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "t.md").steps.map(\.verdict) }

    @Test func exponentialsAndLogarithmsTakenOff() {
        // e^{2x} = 5 ⇔ 2x = ln 5 ⇔ x = ln(5)/2.
        #expect(verdicts("$$e^{2x} = 5$$\n$$\\Rightarrow 2x = \\ln 5$$\n$$\\Rightarrow x = \\frac{\\ln 5}{2}$$") == [.unchecked, .valid, .valid])
        // 3^x = 7 ⇔ x = ln 7 / ln 3.
        #expect(verdicts("$$3^x = 7$$\n$$\\Rightarrow x = \\frac{\\ln 7}{\\ln 3}$$") == [.unchecked, .valid])
        // ln(x + 1) = 2 ⇔ x + 1 = e².
        #expect(verdicts("$$\\ln(x + 1) = 2$$\n$$\\Rightarrow x + 1 = e^2$$") == [.unchecked, .valid])
    }

    @Test func wrongValuesAreRefutedWithTheExactSolution() {
        let steps = Verifier().verify("$$e^{2x} = 5$$\n$$\\Rightarrow x = \\ln 5$$", file: "t.md").steps
        #expect(steps.last?.verdict == .invalid)
        #expect(steps.last?.counterexample?.point == ["x": "log(5)/2"])
        // x + 1 = e² gives x = e² - 1, not e² + 1.
        #expect(verdicts("$$\\ln(x + 1) = 2$$\n$$\\Rightarrow x + 1 = e^2$$\n$$\\Rightarrow x = e^2 + 1$$").last == .invalid)
        // e^x = -3 has no solution: x = ln 3 is a gained value.
        #expect(verdicts("$$e^{x} = -3$$\n$$\\Rightarrow x = \\ln 3$$").last == .invalid)
    }

    @Test func aSolvingStepIsNoRewriting() {
        // sin x = 0 has the solutions kπ: x = 0 loses some, but the step does not rewrite sin x as
        // x, and no rational point shows the loss: undecided, not refuted at a made-up point.
        let steps = Verifier().verify("$$\\sin x = 0$$\n$$\\Rightarrow x = 0$$", file: "t.md").steps
        #expect(steps.last?.verdict == .unchecked)
    }
}
