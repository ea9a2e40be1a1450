import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// A free δ_ij is 0 or 1: claims are checked where i ≠ j and where i = j (hand-derived verdicts).
@Suite struct KroneckerCaseTests {
    func step(_ latex: String) -> StepResult? { Verifier().verify("$$" + latex + "$$", file: "t.md").steps.first }

    @Test func deltaSquaredIsDelta() {
        #expect(step("\\delta_{ij}^2 = \\delta_{ij}")?.verdict == .valid)
        #expect(step("\\delta_{ij}^3 a_j = \\delta_{ij} a_j")?.verdict == .valid)
        #expect(step("\\delta_{ij} a_j = \\delta_{ij} a_i")?.verdict == .valid)
        #expect(step("\\delta_{ij} \\delta_{jk} = \\delta_{ij} \\delta_{ik}")?.verdict == .valid)
    }

    @Test func aFalseClaimIsRefutedInTheCaseThatBreaksIt() throws {
        let s = try #require(step("\\delta_{ij} a_j = a_i"))
        #expect(s.verdict == .invalid)
        #expect(s.counterexample?.point["delta_ij"] == "0")
        // Never refuted at a value the delta cannot take.
        let t = try #require(step("2\\delta_{ij} = \\delta_{ij}"))
        #expect(t.verdict == .invalid)
        #expect(t.counterexample?.point["delta_ij"] == "1")
    }
}
