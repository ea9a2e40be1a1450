import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Identities from outside the course documents (trig, logs, radicals, |x|, hyperbolic and
/// inverse functions), with verdicts worked out by hand.
@Suite struct OrdinaryAlgebraTests {
    func verdict(_ latex: String) -> StepVerdict? {
        Verifier().verify("$$\(latex)$$", file: "t").steps.first?.verdict
    }

    @Test(arguments: [
        "\\tan^2 x + 1 = \\sec^2 x",
        "\\sin(a+b) - \\sin(a-b) = 2\\cos a \\sin b",
        "\\cosh^2 x - \\sinh^2 x = 1",
        "\\sinh(2x) = 2\\sinh x \\cosh x",
        "\\frac{d}{dx} \\arctan x = \\frac{1}{1+x^2}",
        "\\frac{d}{dx} \\ln|x| = \\frac{1}{x}",
        "\\frac{d}{dx} \\sec x = \\sec x \\tan x",
        "\\frac{d}{dx} x^x = x^x (\\ln x + 1)",
        "\\log(ab) = \\log a + \\log b",
        "e^{2\\ln x} = x^2",
        "\\sqrt{x}\\sqrt{y} = \\sqrt{xy}",
        "\\sqrt{x^2} = |x|",
        "|xy| = |x||y|",
        "\\frac{1}{\\sqrt{2}} = \\frac{\\sqrt{2}}{2}",
        "\\cos^4 x - \\sin^4 x = \\cos 2x",
        "\\frac{\\sin x}{1 + \\cos x} = \\tan \\frac{x}{2}",
        "\\tan(x + \\pi) = \\tan x",
        "\\sin(x + \\frac{\\pi}{2}) = \\cos x",
        "\\frac{1}{1 + e^{-x}} = \\frac{e^x}{1 + e^x}",
        "\\log_2 8 = 3",
        "\\sqrt{2} \\approx 1.414",
        "x^{2/3} = (x^{1/3})^2",
        "\\frac{d}{dx}|x| = \\text{sign}(x)",
        "2^{x+1} = 2 \\cdot 2^x",
        "e^{x \\ln 2} = 2^x",
        "4^x = 2^{2x}",
    ])
    func valid(_ latex: String) {
        #expect(verdict(latex) == .valid, "\(latex)")
    }

    @Test(arguments: [
        "\\sqrt{x^2} = x",                                     // x = -1
        "\\sqrt{(x-1)^2} = x - 1",                             // x = 0
        "\\arcsin(\\sin x) = x",                               // x = 2
        "\\cos\\frac{\\pi}{3} = \\frac{\\sqrt{3}}{2}",           // it is 1/2
        "\\frac{d}{dx}(x^2 \\sin x) = 2x \\sin x - x^2 \\cos x",  // sign of the second term
        "\\tanh x = \\frac{\\sinh x}{\\sinh x + \\cosh x}",
        "\\log(x^2) = 2\\log|x| + 1",
        "\\sqrt{2} \\approx 1.42",                              // 1.41421… is not within 0.005 of 1.42
    ])
    func invalid(_ latex: String) {
        #expect(verdict(latex) == .invalid, "\(latex)")
    }

    @Test func vacuousIdentitiesAreNotValid() {
        // log(-x) and log(x) are never both defined.
        #expect(verdict("\\log(-x) = \\log x") == .unchecked)
    }
}
