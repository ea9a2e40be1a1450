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

    @Test func theSoftmaxJacobianThroughAFamilyDefinedMemberByMember() {
        // ŷ_i = e^{z_i}/Σ_k e^{z_k} defines every ŷ_j; ∂ŷ_i/∂z_j = ŷ_i(δ_ij − ŷ_j) (hand-derived), and
        // dropping δ_ij is wrong where i = j.
        let lead = "Let $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
        func verdicts(_ claim: String) -> [StepVerdict] { Verifier().verify(lead + "$$" + claim + "$$", file: "t.md").steps.map(\.verdict) }
        #expect(verdicts("\\frac{\\partial \\hat{y}_i}{\\partial z_j} = \\hat{y}_i (\\delta_{ij} - \\hat{y}_j)") == [.valid])
        #expect(verdicts("\\frac{\\partial \\hat{y}_i}{\\partial z_j} = - \\hat{y}_i \\hat{y}_j") == [.invalid])
        #expect(verdicts("\\frac{\\partial \\hat{y}_i}{\\partial z_i} = \\hat{y}_i (1 - \\hat{y}_i)") == [.valid])
        // Inside a sum the member's definition is not applied: its derivative is not taken (it
        // was 0 before, and the false claim below valid).
        #expect(verdicts("\\frac{\\partial}{\\partial z_j} \\left(- \\sum_i y_i \\log \\hat{y}_i\\right) = 0") == [.unchecked])
    }
}
