import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Steps with sums over symbolic bounds and expectations; expected verdicts worked out by hand.
@Suite struct IndexedClaimTests {
    func verdict(_ latex: String, context: String = "") -> StepVerdict? {
        let report = Verifier().verify(context + "\n\n$$" + latex + "$$\n", file: "t.md")
        return report.steps.last?.verdict
    }

    @Test func sumsWithSymbolicBounds() {
        #expect(verdict("\\sum_{i=1}^{n} (x_i + y_i) = \\sum_{j=1}^{n} x_j + \\sum_{i=1}^{n} y_i") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} 2 x_i = 2\\sum_{k=1}^{n} x_k") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} i^2 = \\frac{n(n+1)(2n+1)}{6}") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} 1 = n") == .valid)
        #expect(verdict("\\sum_{j=1}^{n} \\delta_{ij} x_j = x_i") == .valid)
        #expect(verdict("\\sum_{j \\neq i} x_j = \\sum_{j} x_j - x_i") == .valid)
        // Planted errors: n = 1 gives 1 ≠ 1/2; n = 2 gives x_1² + x_2² ≠ (x_1 + x_2)².
        #expect(verdict("\\sum_{i=1}^{n} i = \\frac{n^2}{2}") == .invalid)
        #expect(verdict("\\sum_{i=1}^{n} x_i^2 = \\left(\\sum_{i=1}^{n} x_i\\right)^2") == .invalid)
        // Written out, not 3 copies of one name (this read as valid before).
        #expect(verdict("\\sum_{i=1}^{3} x_i = 3 x_i") != .valid)
        #expect(verdict("\\sum_{i=1}^{3} x_i = x_1 + x_2 + x_3") == .valid)
    }

    @Test func shiftedSplitAndSwappedSums() {
        #expect(verdict("\\sum_{i=1}^{n} x_i = \\sum_{j=0}^{n-1} x_{j+1}") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} x_i = x_1 + \\sum_{i=2}^{n} x_i") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} x_i = \\sum_{i=1}^{n-1} x_i + x_n") == .valid)
        #expect(verdict("\\sum_{i=1}^{n} \\sum_{j=1}^{m} w_{ij} = \\sum_{j=1}^{m} \\sum_{i=1}^{n} w_{ij}") == .valid)
        // Planted errors: n = 1 gives x_1 ≠ x_1 + x_2, and x_1 ≠ 2 x_1.
        #expect(verdict("\\sum_{i=1}^{n} x_i = \\sum_{j=0}^{n} x_{j+1}") == .invalid)
        #expect(verdict("\\sum_{i=1}^{n} x_i = x_1 + \\sum_{i=1}^{n} x_i") == .invalid)
        // Geometric sums with a symbolic ratio: r ∑_{i=0}^{n-1} r^i = ∑_{i=1}^{n} r^i; n = 1: 1 ≠ (r + 1)/(r - 1).
        #expect(verdict("\\sum_{i=1}^{n} r^i = r \\sum_{i=0}^{n-1} r^i") == .valid)
        #expect(verdict("\\sum_{i=0}^{n-1} r^i = \\frac{r^n + 1}{r - 1}") == .invalid)
        #expect(verdict("\\sum_{i=0}^{n-1} r^i = \\frac{r^n - 1}{r - 1}") == .valid)
        // The member x_{j+1} is read at the index (it was read as one name, n x_{…}).
        #expect(verdict("\\sum_{j=1}^{n} x_{j+1} = n x_2") != .valid)
    }

    @Test func hostileBoundsStaySums() {
        #expect(verdict("\\sum_{i=1}^{10^{9}} x_i = \\sum_{j=1}^{10^{9}} x_j") == .valid)
    }

    @Test func meanAndSoftmax() {
        let mean = "$$\\bar{x} = \\frac{1}{n}\\sum_{i=1}^n x_i$$"
        #expect(verdict("\\frac{1}{n}\\sum_{i=1}^n (x_i - \\bar{x}) = 0", context: mean) == .valid)
        #expect(verdict("\\sum_i x_i (x_i - \\bar{x}) = \\sum_i (x_i - \\bar{x})^2", context: mean) == .valid)
        #expect(verdict("\\sum_i x_i (x_i - \\bar{x}) = \\sum_i x_i^2", context: mean) != .valid)
        #expect(verdict("\\frac{e^{x_i + c}}{\\sum_j e^{x_j + c}} = \\frac{e^{x_i}}{\\sum_j e^{x_j}}") == .valid)
        #expect(verdict("\\sum_i \\frac{e^{x_i}}{\\sum_j e^{x_j}} = 1") == .valid)
    }

    @Test func conditionsAreNotRefuted() {
        // An optimality condition holds at particular values: never invalid.
        #expect(verdict("\\frac{1}{n} \\sum_{i=1}^n (y_i - w_0 - w_1 x_i) = 0") == .unchecked)
        #expect(verdict("\\sum_{m=1}^N a_{nm} x_m = a_{nn} x_n") == .unchecked)
    }

    @Test func variance() {
        // Var(2X) = 4 Var(X); with X uniform on {1, 3}, Var(X) = 1, so 2Var(X) = 2 ≠ 4.
        #expect(verdict("\\operatorname{Var}(2X) = 2\\operatorname{Var}(X)") == .invalid)
        #expect(verdict("\\operatorname{Var}(2X) = 4\\operatorname{Var}(X)") == .valid)
        #expect(verdict("\\mathrm{Var}(a X + b) = a^2 \\mathrm{Var}(X)") == .valid)
        #expect(verdict("\\mathbb{E}[a X + b] = a \\mathbb{E}[X] + b") == .valid)
        #expect(verdict("\\text{Var}(X) = E[X^2] - E[X]^2") == .valid)
        #expect(verdict("\\mathrm{Cov}(X, Y) = E[XY] - E[X]E[Y]") == .valid)
        // An expectation of a name of unknown kind is not computed.
        #expect(verdict("\\mathbb{E}[x^2] = \\mathbb{E}[x]^2") == .unchecked)
    }
}
