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
        // Declared 3×3, or n + d wide: refuted by matrices of those sizes (not by numbers).
        let three = Verifier().verify("Let $A \\in \\mathbb{R}^{3 \\times 3}$.\n\n$$A + A = A$$", file: "t.md").steps
        #expect(three.map(\.verdict) == [.invalid])
        #expect(three.first?.counterexample?.point["A"]?.split(separator: ";").count == 3)
        #expect(verdicts("Let $W \\in \\mathbb{R}^{n \\times (n + d)}$.\n\n$$W + W = W$$") == [.invalid])
        // Read as numbers only (the vector reader cannot read `\\det`): a 1×1 refutation is none for a 3×3 matrix.
        #expect(verdicts("Let $A \\in \\mathbb{R}^{3 \\times 3}$.\n\n$$\\det(A) + A = A$$") != [.invalid])
    }

    @Test func declaredMatricesAreCheckedAsMatrices() throws {
        // Refuted with explicit 2×2 matrices (checked by hand for AB = BA: entry (1,1) of AB and BA).
        for claim in ["A B = B A", "(A + B)^2 = A^2 + 2AB + B^2", "(A B)^\\top = A^\\top B^\\top"] {
            let step = try #require(Verifier().verify(Self.declared + "$$" + claim + "$$", file: "t.md").steps.first)
            #expect(step.verdict == .invalid, "\(claim): \(step.reason)")
            #expect(step.reason.contains("with every dimension 2"), "\(claim): \(step.reason)")
            let a = try #require(step.counterexample?.point["A"])
            #expect(a.hasPrefix("[") && a.contains(";"), "\(a)")
        }
        // Proved at every size.
        #expect(verdicts(Self.declared + "$$(A B)^\\top = B^\\top A^\\top$$") == [.valid])
        #expect(verdicts(Self.declared + "$$(A + B)^2 = A^2 + AB + BA + B^2$$") == [.valid])
        #expect(verdicts(Self.declared + "$$A (B + A) = A B + A^2$$") == [.valid])
    }

    @Test func theCounterexampleMatricesRefuteTheClaim() throws {
        // Recompute AB and BA from the reported matrices (an independent check of the report).
        let step = try #require(Verifier().verify(Self.declared + "$$A B = B A$$", file: "t.md").steps.first)
        func matrix(_ text: String) throws -> [[Rational]] {
            try text.dropFirst().dropLast().split(separator: ";").map { row in
                try row.split(separator: ",").map { try #require(Rational(String($0).trimmingCharacters())) }
            }
        }
        let a = try matrix(try #require(step.counterexample?.point["A"]))
        let b = try matrix(try #require(step.counterexample?.point["B"]))
        func product(_ x: [[Rational]], _ y: [[Rational]]) -> [[Rational]] {
            (0..<2).map { i in (0..<2).map { j in (0..<2).reduce(Rational.zero) { $0 + x[i][$1] * y[$1][j] } } }
        }
        #expect(product(a, b) != product(b, a))
    }

    @Test func inversesTracesAndTheIdentity() {
        let d = "Let $A, B, C \\in \\mathbb{R}^{n \\times n}$.\n\n"
        // Hand-derived: (AB)⁻¹ = B⁻¹A⁻¹; the trace is invariant under rotation, not under swaps.
        #expect(verdicts(d + "$$(AB)^{-1} = B^{-1} A^{-1}$$") == [.valid])
        #expect(verdicts(d + "$$(AB)^{-1} = A^{-1} B^{-1}$$") == [.invalid])
        #expect(verdicts(d + "$$\\operatorname{tr}(ABC) = \\operatorname{tr}(CAB)$$") == [.valid])
        #expect(verdicts(d + "$$\\operatorname{tr}(ABC) = \\operatorname{tr}(BAC)$$") == [.invalid])
        #expect(verdicts(d + "$$\\mathrm{tr}(A^\\top B) = \\mathrm{tr}(B^\\top A)$$") == [.valid])
        #expect(verdicts(d + "$$A A^{-1} B = B$$") == [.valid])
        #expect(verdicts(d + "$$(I + A)^{-1} (I + A) = I$$") == [.valid])
        #expect(verdicts(d + "$$(A + I)^2 = A^2 + 2A + I$$") == [.valid])
        // True for matrices, not proved here: never refuted (the identity is no free number).
        #expect(verdicts(d + "$$A (I + A)^{-1} = I - (I + A)^{-1}$$") != [.invalid])
        // A number added to a matrix: the convention is not stated.
        #expect(verdicts(d + "$$A + 1 = 1 + A$$") == [.unchecked])
    }

    @Test func boldLettersAreMatricesAndVectorsByTypography() {
        // Undeclared: a bold capital is an n × n matrix, a bold small letter a column of n.
        #expect(verdicts("$$\\mathbf{A}\\mathbf{B} = \\mathbf{B}\\mathbf{A}$$") == [.invalid])
        #expect(verdicts("$$(\\mathbf{A}\\mathbf{B})^T = \\mathbf{B}^T \\mathbf{A}^T$$") == [.valid])
        #expect(verdicts("$$\\mathbf{x}^T \\mathbf{y} = \\mathbf{y}^T \\mathbf{x}$$") == [.valid])
        #expect(verdicts("$$\\mathbf{A}\\mathbf{x} + \\mathbf{A}\\mathbf{y} = \\mathbf{A}(\\mathbf{x} + \\mathbf{y})$$") == [.valid])
        #expect(verdicts("$$\\mathbf{x} \\mathbf{x}^T = \\mathbf{x}^T \\mathbf{x}$$") == [.unchecked])
    }

    @Test func lettersAreMatricesAndVectorsByTheirUse() throws {
        // Nothing declared: a transposed letter is a vector (small) or a matrix (capital), a capital
        // beside a matrix in a product is one too; shapes are unified, not assumed square.
        #expect(verdicts("$$x^T y = y^T x$$") == [.valid])
        #expect(verdicts("$$x_n^T x_m = x_m^T x_n$$") == [.valid])
        #expect(verdicts("$$(A B)^T = B^T A^T$$") == [.valid])
        #expect(verdicts("$$x^T A x = x^T A^T x$$") == [.valid])
        #expect(verdicts("$$\\frac{Q K^T}{\\sqrt{d}} = \\frac{1}{\\sqrt{d}} Q K^T$$") == [.valid])
        // Refuted with explicit 2 × 2 matrices (hand-checked: (AB)ᵀ ≠ AᵀBᵀ, QKᵀ ≠ KQᵀ in general).
        for claim in ["(A B)^T = A^T B^T", "Q K^T = K Q^T"] {
            let step = try #require(Verifier().verify("$$" + claim + "$$", file: "t.md").steps.first)
            #expect(step.verdict == .invalid, "\(claim): \(step.reason)")
            #expect(step.reason.contains("with every dimension 2"), "\(claim): \(step.reason)")
        }
        // A name on one side only is an unknown of an equation, not a free matrix of an identity.
        let equation = try #require(Verifier().verify("$$W X X^T = X M X^T$$", file: "t.md").steps.first)
        #expect(equation.verdict == .unchecked && equation.reason.hasPrefix("an equation in M, W"), "\(equation.reason)")
        // A letter transposed earlier is a matrix later: AB = BA is no identity of numbers then.
        #expect(verdicts("$$(A^T)^T = A$$\n\n$$A B = B A$$").last == .invalid)
    }

    @Test func matricesDefinedInTheDocumentAreReadAsTheirValues() {
        // P = X(XᵀX)⁻¹Xᵀ, the projection: P² = P and Pᵀ = P at every size (X need not be square),
        // whether X is declared or only transposed; P = I only when X is square: not refuted
        // at square sizes alone, and false for a tall X (hand-checked with X = [1; 0]).
        for lead in ["Let $X \\in \\mathbb{R}^{m \\times n}$ and $P = X (X^\\top X)^{-1} X^\\top$.\n\n",
                     "Let $P = X (X^\\top X)^{-1} X^\\top$.\n\n"] {
            #expect(verdicts(lead + "$$P^2 = P$$") == [.valid], "\(lead)")
            #expect(verdicts(lead + "$$P^\\top = P$$") == [.valid], "\(lead)")
            #expect(verdicts(lead + "$$P = I$$") != [.valid], "\(lead)")
        }
        // (I + A)⁻¹ by the rule A Z = Z A = I - Z.
        let d = "Let $A \\in \\mathbb{R}^{n \\times n}$.\n\n"
        #expect(verdicts(d + "$$A (I + A)^{-1} = I - (I + A)^{-1}$$") == [.valid])
        #expect(verdicts(d + "$$(I - A)^{-1} A = (I - A)^{-1} - I$$") == [.valid])
        #expect(verdicts(d + "$$A (I + A)^{-1} = I + (I + A)^{-1}$$") == [.invalid])
    }

    @Test func listsOfNumbersAreVectorsAndTheKroneckerSignIsNamedAsAmbiguous() throws {
        // `[a, b]` of numbers is a row (so `[a, b]^T` a column), `[a; b]` a column.
        #expect(verdicts("$$[a, b]^T = [b, a]^T$$") == [.invalid])
        #expect(verdicts("$$x^T [a; b] = [a, b] x$$") == [.valid])
        // A bold name defined by such a vector is that vector; restating it is no new claim.
        let w = Verifier().verify("$$\\mathbf{w}^* = [w_0^*, w_1^*]^T$$\n\n$$\\mathbf{w}^* = [w_0^*, w_1^*]^T$$", file: "t.md")
        #expect(w.steps.map(\.verdict) == [.valid])
        // ⊗: Kronecker, or elementwise in some LSTM write-ups; nothing is decided under one reading.
        let step = try #require(Verifier().verify("$$c_t = c_{t-1} \\otimes f_t + i_t$$\n\n$$c_{t-1} \\otimes f_t = f_t \\otimes c_{t-1}$$", file: "t.md").steps.last)
        #expect(step.verdict == .unchecked && step.reason.contains("Kronecker"), "\(step.reason)")
    }

    @Test func normsAreSumsOfSquares() {
        // ‖x‖² = xᵀx, ‖Ax‖² = xᵀAᵀAx, ‖A‖_F² = tr(AᵀA) = tr(AAᵀ) (hand-derived); a dropped 2 is refuted.
        #expect(verdicts("$$\\|x\\|^2 = x^T x$$") == [.valid])
        #expect(verdicts("$$\\|A x\\|^2 = x^T A^T A x$$") == [.valid])
        #expect(verdicts("$$\\|x - y\\|^2 = \\|x\\|^2 - 2 x^T y + \\|y\\|^2$$") == [.valid])
        #expect(verdicts("$$\\|x - y\\|^2 = \\|x\\|^2 - x^T y + \\|y\\|^2$$") == [.invalid])
        #expect(verdicts("$$\\|A\\|_F^2 = \\operatorname{tr}(A A^T)$$") == [.valid])
        // Which norm of a matrix without F is not written: not read as one.
        #expect(verdicts("$$\\|A\\|^2 = \\operatorname{tr}(A^T A)$$") != [.valid])
    }

    @Test func gradientsOfFunctionsOfMatricesByReverseMode() throws {
        // The Matrix Cookbook's closed forms (hand-checked); wrong ones refuted with matrices.
        #expect(verdicts("$$\\nabla_x (x^T A x) = (A + A^T) x$$") == [.valid])
        #expect(verdicts("$$\\nabla_w \\|X w - y\\|^2 = 2 X^T (X w - y)$$") == [.valid])
        #expect(verdicts("$$\\frac{\\partial}{\\partial X} \\operatorname{tr}(A X) = A^T$$") == [.valid])
        #expect(verdicts("$$\\frac{\\partial}{\\partial X} \\log \\det X = X^{-T}$$") == [.valid])
        #expect(verdicts("$$\\frac{\\partial}{\\partial X} \\det(X) = \\det(X) X^{-T}$$") == [.valid])
        #expect(verdicts("$$\\nabla_x (x^T A x) = 2 A x$$") == [.invalid])
        #expect(verdicts("$$\\nabla_w \\|X w - y\\|^2 = X^T (X w - y)$$") == [.invalid])
        // Numerator layout is accepted and named; a claim failing in every layout is invalid.
        let d = "Let $A, X \\in \\mathbb{R}^{n \\times n}$.\n\n"
        let numerator = try #require(Verifier().verify(d + "$$\\frac{\\partial}{\\partial X} \\operatorname{tr}(A X) = A$$", file: "t.md").steps.first)
        #expect(numerator.verdict == .valid && numerator.method.contains("numerator layout"), "\(numerator.method)")
        #expect(verdicts(d + "$$\\frac{\\partial}{\\partial X} \\operatorname{tr}(A X) = A + A^T$$") == [.invalid])
    }

    @Test func readingsThatDisagreeAreNamedNotDecided() throws {
        // With matrices elsewhere in the document, AB = BA of plain capitals is true for numbers
        // and false for matrices: unchecked, naming both readings. Alone, the capitals are numbers.
        let step = try #require(Verifier().verify("$$x^T y = y^T x$$\n\n$$A B = B A$$", file: "t.md").steps.last)
        #expect(step.verdict == .unchecked && step.reason.hasPrefix("read as numbers the sides are equal, but with A, B matrices"), "\(step.reason)")
        #expect(verdicts("$$A B = B A$$") == [.valid])
        // A claim true in both readings keeps its proof.
        #expect(verdicts("$$x^T y = y^T x$$\n\n$$2 A = A + A$$").last == .valid)
    }
}
