import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Bounds checked before any work: a claim of very high degree is unchecked with the limit named.
@Suite struct CheckLimitTests {
    @Test func aPolynomialAboveTheDegreeLimitIsUncheckedAtOnce() throws {
        let n = Limits.default.maximumCheckedDegree + 10
        let terms = (0..<n).map { "\($0) x^{\($0)}" }.joined(separator: " + ")
        let report = Verifier().verify("$$" + terms + " = 0$$", file: "t.md")
        let step = try #require(report.steps.first)
        #expect(step.verdict == .unchecked)
        #expect(step.reason.contains("beyond the limit"))
    }

    @Test func largestExponentMultipliesThroughNestedPowers() {
        let x = Expression(Symbol("x")), y = Expression(Symbol("y"))
        #expect(x.pow(20).pow(30).largestExponent == 600)
        #expect((x * y.pow(7) + 3).largestExponent == 7)
        #expect(Expression(5).largestExponent == 0)
        #expect(x.pow(3).largestExponent == 3)
    }
}
