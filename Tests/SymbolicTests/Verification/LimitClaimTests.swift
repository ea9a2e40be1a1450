import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicVerification

/// Limit claims whose value no number represents (hand-derived verdicts).
@Suite struct LimitClaimTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "t.md").steps.map(\.verdict) }

    @Test func infiniteLimitsAreProvedAndFiniteClaimsRefuted() throws {
        #expect(verdicts("$$\\lim_{x \\to 0^+} \\frac{\\sqrt{x}}{x} = \\infty$$") == [.valid])
        #expect(verdicts("$$\\lim_{x \\to 0^-} \\frac{1}{x} = -\\infty$$") == [.valid])
        #expect(verdicts("$$\\lim_{x \\to \\infty} \\frac{e^{x}}{x^3} = \\infty$$") == [.valid])
        // Planted: a finite value for an infinite limit, the wrong sign.
        let five = try #require(Verifier().verify("$$\\lim_{x \\to 0^+} \\frac{\\sqrt{x}}{x} = 5$$", file: "t.md").steps.first)
        #expect(five.verdict == .invalid && five.reason == "the limit is +∞, not 5", "\(five.reason)")
        #expect(verdicts("$$\\lim_{x \\to 0^+} \\frac{1}{\\sqrt{x}} = -\\infty$$") == [.invalid])
        // A finite limit claimed infinite.
        #expect(verdicts("$$\\lim_{x \\to 0} \\frac{\\sin x}{x} = \\infty$$") == [.invalid])
    }

    @Test func aLimitThatDoesNotExistIsRefutedByItsOneSidedLimits() throws {
        let step = try #require(Verifier().verify("$$\\lim_{x \\to 0} \\frac{|x|}{x} = 1$$", file: "t.md").steps.first)
        #expect(step.verdict == .invalid)
        #expect(step.reason == "the limit does not exist: from the left it is -1, from the right 1", "\(step.reason)")
        // From the right alone it is 1.
        #expect(verdicts("$$\\lim_{x \\to 0^+} \\frac{|x|}{x} = 1$$") == [.valid])
    }
}
