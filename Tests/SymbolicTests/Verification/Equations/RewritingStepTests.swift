import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Rows that rewrite the equations of the block before them (the rotation-matrix derivation of
/// positional encodings): products to sums, multiplied by 2. Identities checked by hand:
/// sin A cos B = (sin(A + B) + sin(A - B)) / 2 and cos² A = (1 + cos 2A) / 2.
@Suite struct RewritingStepTests {
    func steps(_ text: String) -> [StepResult] { Verifier().verify(text, file: "t.md").steps }

    let system = "$$\\begin{cases} a \\sin(w t) \\cos(w t) + b \\cos^2(w t) = \\sin(w(t + p)) \\cos(w t) \\end{cases}$$\n\n"

    @Test func productToSumRewritingIsValid() {
        let s = steps(system + "$$\\Rightarrow \\frac{1}{2} a \\sin(2 w t) + \\frac{1}{2} b (1 + \\cos(2 w t)) = \\frac{1}{2} [\\sin(2 w t + w p) + \\sin(w p)]$$\n\n"
            + "$$a \\sin(2 w t) + b \\cos(2 w t) + b = \\sin(2 w t + w p) + \\sin(w p)$$\n")
        #expect(s.suffix(2).map(\.verdict) == [.valid, .valid])
        #expect(s.last?.reason.contains("times 2") == true)
    }

    @Test func wrongRightSideIsFound() {
        // sin(2wt + p) instead of sin(2wt + wp): the left side is rewritten correctly, the right is not.
        let s = steps(system + "$$\\Rightarrow \\frac{1}{2} a \\sin(2 w t) + \\frac{1}{2} b (1 + \\cos(2 w t)) = \\frac{1}{2} [\\sin(2 w t + p) + \\sin(w p)]$$\n")
        #expect(s.last?.verdict == .invalid)
        #expect(s.last?.reason.contains("right side") == true)
        #expect(s.last?.counterexample?.correct != nil)
    }

    @Test func arithmeticSlipInARewrittenLine() {
        // 1 - h + 1 - 2.8 = -h - 0.8, not -h - 0.2.
        let s = steps("$$y = 1 - h + k + 1 - 2.8$$\n\n$$\\Rightarrow y = -h + k - 0.2$$\n")
        #expect(s.last?.verdict == .invalid)
        #expect(s.last?.counterexample?.correct == "k - h - 4/5")
    }
}
