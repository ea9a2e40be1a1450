import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The verdict of every step of the newer Examples, worked out by hand.
@Suite struct ExampleDocumentTests {
    func report(_ name: String) throws -> VerificationReport {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/\(name)")
        return Verifier().verify(try String(contentsOf: url, encoding: .utf8), file: name)
    }

    @Test func dotProductVariance() throws {
        // a, b independent N(0, I) in R^D: aᵀb = ∑ a_i b_i; a_i ~ N(0, 1); E[a_i b_i] = E[a_i]E[b_i] = 0;
        // a_i b_i ~ N(0, 1) is false (fourth moment 9); Var(aᵀb) = ∑ Var(a_i b_i) = D; E[(aᵀb)²] = D + 0;
        // Var(aᵀb/√D) = 1; Var(2aᵀb) = 4D, not 2D.
        let r = try report("dot-product-variance.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .invalid, .valid, .valid, .valid, .valid, .valid, .invalid])
    }

    @Test func solving() throws {
        // {2, 3} throughout; x ≥ 2 loses 2 in (2, ∞); the system's rows are the equation to solve,
        // 3x = 9 and (3, 1) follow; a x = a b ⇒ x = b loses every x at a = 0; squaring gains -2,
        // which the answer drops.
        let r = try report("solving.md")
        #expect(r.steps.map(\.verdict) == [.unchecked, .valid, .valid, .unchecked, .invalid, .unchecked, .valid, .valid,
                                           .unchecked, .invalid, .unchecked, .valid, .valid, .valid])
        #expect(r.steps[4].counterexample?.point["x"] == "2")
        // The system is one line of the report.
        #expect(r.steps[5].latex.contains("x - y = 2") && r.steps[5].latex.contains("2x + y = 7"))
        #expect(r.steps[9].counterexample?.point["a"] == "0")
    }

    @Test func persianNotes() throws {
        // σ(x) = 1/(1 + e^{-x}) is a definition read as a step (valid); σ' = σ(1 - σ); (a + b)² expanded
        // right; (a - b)² = a² - b² drops -2ab; 128·64 + 64 = 8256; 3·4 + 4 = 16, not 17.
        let r = try report("persian-notes.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .invalid, .valid, .invalid])
        #expect(r.steps[5].counterexample?.correct == "16")
    }
}
