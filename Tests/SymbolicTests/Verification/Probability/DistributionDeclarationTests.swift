import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// `\sim` declarations and claims, and vectors' inner products; verdicts worked out by hand
/// (a_i, b_i independent N(0, 1): E[a_i b_i] = 0, E[(a_i b_i)^2] = 1, E[(a_i b_i)^4] = 3·3 = 9).
@Suite struct DistributionDeclarationTests {
    func steps(_ text: String, assume: [String] = []) -> [StepResult] {
        var v = Verifier()
        v.assumptions = assume
        return v.verify(text, file: "t.md").steps
    }

    func last(_ latex: String, context: String, assume: [String] = []) -> StepResult? {
        steps(context + "\n\n$$" + latex + "$$\n", assume: assume).last
    }

    let declared = "Let $a, b \\sim \\mathcal{N}(0, I)$ be independent vectors with $a, b \\in \\mathbb{R}^D$."

    @Test func readsNormalDistributions() {
        let standard = DistributionReader.read("\\mathcal{N}(0,1)")
        #expect(standard == Distribution(mean: .zero, variance: .one, isVector: false, dimension: nil))
        let vector = DistributionReader.read("\\mathcal{N}(\\mathbf{0}, \\sigma^2 I_D)")
        #expect(vector == Distribution(mean: .zero, variance: Expression(Symbol("sigma")).pow(2), isVector: true, dimension: Expression(Symbol("D"))))
        #expect(DistributionReader.read("\\mathcal{U}(0, 1)") == nil)
        #expect(DistributionReader.read("\\mathcal{N}(0)") == nil)
        #expect(Verifier.euclideanDimension(LaTeXLexer.tokens("\\mathbb{R}^{D}")) == Expression(Symbol("D")))
        #expect(Verifier.euclideanDimension(LaTeXLexer.tokens("\\mathbb{R}^{n \\times d}")) == nil)
    }

    @Test func declarationIsNoStep() {
        let s = steps(declared)
        #expect(s.isEmpty)
    }

    @Test func innerProductOfDeclaredVectors() {
        #expect(last("a^T b = \\sum_{i=1}^{D} a_i b_i", context: declared)?.verdict == .valid)
        #expect(last("E[(a^T b)^2] = D", context: declared)?.verdict == .valid)
        #expect(last("\\text{Var}(a^T b) = D", context: declared)?.verdict == .valid)
        #expect(last("E[a^T b] = 0", context: declared)?.verdict == .valid)
        // Var(a^T b / √D) = 1, and a planted error: E[(a^T b)^2] = D² fails at D = 2 (2 ≠ 4).
        #expect(last("\\text{Var}(\\frac{a^T b}{\\sqrt{D}}) = 1", context: declared)?.verdict == .valid)
        #expect(last("E[(a^T b)^2] = D^2", context: declared)?.verdict == .invalid)
    }

    @Test func distributionClaimsByMoments() {
        // a_i b_i has variance 1 but fourth moment 9: not N(0, 1).
        let product = last("a_i b_i \\sim \\mathcal{N}(0, 1)", context: declared)
        #expect(product?.verdict == .invalid)
        #expect(product?.counterexample?.lhs == "9")
        #expect(product?.counterexample?.rhs == "3")
        #expect(last("a_i \\sim \\mathcal{N}(0, 1)", context: declared)?.verdict == .valid)
        // A sum of independent Gaussians is Gaussian: a_1 + b_1 ~ N(0, 2), not N(0, 1).
        #expect(last("a_1 + b_1 \\sim \\mathcal{N}(0, 2)", context: declared)?.verdict == .valid)
        #expect(last("a_1 + b_1 \\sim \\mathcal{N}(0, 1)", context: declared)?.verdict == .invalid)
        #expect(last("2 a_1 + 3 \\sim \\mathcal{N}(3, 4)", context: declared)?.verdict == .valid)
    }

    @Test func unstatedIndependenceAndDimension() {
        let together = "$$a, b \\sim \\mathcal{N}(0, I)$$"
        // Not stated independent: a and b could be dependent; the claims stay unchecked with the reason.
        let noIndependence = last("E[(a^T b)^2] = D", context: together)
        #expect(noIndependence?.verdict == .unchecked)
        #expect(noIndependence?.reason.contains("independent") == true)
        #expect(last("a_i b_i \\sim \\mathcal{N}(0, 1)", context: together)?.verdict == .unchecked)
        // Independent but of unstated dimension: D is not known to be it.
        let noDimension = last("E[(a^T b)^2] = D", context: together, assume: ["a, b \\text{ independent}"])
        #expect(noDimension?.verdict == .unchecked)
        #expect(noDimension?.reason.contains("dimension of a") == true)
        // The command's assumptions supply both.
        #expect(last("E[(a^T b)^2] = D", context: together, assume: ["a, b \\text{ independent}", "a, b \\in \\mathbb{R}^D"])?.verdict == .valid)
    }

    @Test func transposeOfUndeclaredVectorStaysUnreadable() {
        #expect(last("a^T b = \\sum_i a_i b_i", context: "")?.verdict == .unchecked)
    }
}
