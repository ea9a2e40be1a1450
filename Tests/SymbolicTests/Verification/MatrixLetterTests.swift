import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Letters the document makes matrices are never checked as commuting numbers (hand-derived).
@Suite struct MatrixLetterTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "t.md").steps.map(\.verdict) }

    static let declared = "Let $A, B \\in \\mathbb{R}^{n \\times n}$.\n\n"

    @Test func productsOfMatricesAreNeverProvedAsNumbers() {
        #expect(!verdicts(Self.declared + "$$A B = B A$$").contains(.valid))
        #expect(!verdicts(Self.declared + "$$(A + B)^2 = A^2 + 2AB + B^2$$").contains(.valid))
        #expect(!verdicts("Let $A \\in \\mathbb{R}^{n \\times n}$ and $B \\in \\mathbb{R}^{n \\times n}$ be matrices.\n\n$$A B = B A$$").contains(.valid))
        // Typography alone makes a matrix.
        #expect(!verdicts("$$\\mathbf{A}\\mathbf{B} = \\mathbf{B}\\mathbf{A}$$").contains(.valid))
    }

    @Test func linearIdentitiesHoldEntryByEntry() {
        #expect(verdicts(Self.declared + "$$A + B = B + A$$") == [.valid])
        #expect(verdicts(Self.declared + "$$2(A + B) - B = 2A + B$$") == [.valid])
        #expect(verdicts("$$\\mathbf{a} + \\mathbf{a} = 2\\mathbf{a}$$") == [.valid])
    }

    @Test func aNumericRefutationStandsOnlyWhereEveryDimensionMayBeOne() {
        // A + A = A fails for 1×1 matrices, and n may be 1.
        #expect(verdicts(Self.declared + "$$A + A = A$$") == [.invalid])
        // Declared 3×3, or n + d wide: a 1×1 counterexample is none.
        #expect(verdicts("Let $A \\in \\mathbb{R}^{3 \\times 3}$.\n\n$$A + A = A$$") == [.unchecked])
        #expect(verdicts("Let $W \\in \\mathbb{R}^{n \\times (n + d)}$.\n\n$$W + W = W$$") == [.unchecked])
    }
}
