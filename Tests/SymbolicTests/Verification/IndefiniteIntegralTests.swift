import Testing
import Symbolic
@testable import SymbolicVerification

/// Indefinite integrals checked by differentiating back (verdicts derived by hand).
@Suite struct IndefiniteIntegralTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "i.md").steps.map(\.verdict) }

    @Test func rightAntiderivativesAreValid() {
        #expect(verdicts("$$\\int x e^{x} dx = (x - 1) e^{x} + C$$") == [.valid])
        #expect(verdicts("$$\\int \\frac{1}{x} dx = \\ln|x| + C$$") == [.valid])
        #expect(verdicts("$$\\int \\cos(2x) \\, dx = \\frac{1}{2}\\sin(2x) + K$$") == [.valid])
        #expect(verdicts("$$(x - 1) e^{x} + C = \\int x e^{x} \\, \\mathrm{d}x$$") == [.valid])
    }

    @Test func wrongAntiderivativesAreRefuted() throws {
        #expect(verdicts("$$\\int x e^{x} dx = x e^{x} + C$$") == [.invalid])
        #expect(verdicts("$$\\int \\sin x \\, dx = \\cos x + C$$") == [.invalid])
        let step = try #require(Verifier().verify("$$\\int 2x \\, dx = x^3$$", file: "i.md").steps.first)
        #expect(step.verdict == .invalid && step.reason.contains("3*x^2"), "\(step.reason)")
    }

    @Test func integrationByPartsAndLinearityBetweenIntegrals() throws {
        // Both sides differentiated, each integral to its integrand (hand-checked).
        #expect(verdicts("$$\\int x \\cos x \\, dx = x \\sin x - \\int \\sin x \\, dx$$") == [.valid])
        #expect(verdicts("$$\\int \\ln x \\, dx = x \\ln x - \\int 1 \\, dx$$") == [.valid])
        #expect(verdicts("$$\\int 3 x^2 \\, dx = 3 \\int x^2 \\, dx$$") == [.valid])
        // Planted: the sign of the parts term.
        let step = try #require(Verifier().verify("$$\\int x \\cos x \\, dx = x \\sin x + \\int \\sin x \\, dx$$", file: "i.md").steps.first)
        #expect(step.verdict == .invalid && step.reason.hasPrefix("the derivatives of the sides differ"), "\(step.reason)")
    }

    @Test func definiteIntegralsThroughAStatedAntiderivativeOrACertainEnclosure() throws {
        // ∫₁^e ln x = [x ln x − x]₁^e and ∫₀^π x sin x = [sin x − x cos x]₀^π by the fundamental theorem.
        #expect(verdicts("$$\\int_1^{e} \\ln x \\, dx = \\left[ x \\ln x - x \\right]_1^{e} = 1$$") == [.valid, .valid])
        #expect(verdicts("$$\\int_0^{\\pi} x \\sin x \\, dx = \\left[ \\sin x - x \\cos x \\right]_0^{\\pi} = \\pi$$") == [.valid, .valid])
        // ln|x| across 0 is no antiderivative on [-1, 1]: not valid.
        #expect(verdicts("$$\\int_{-1}^{1} \\frac{1}{x} \\, dx = \\left[ \\ln|x| \\right]_{-1}^{1}$$") == [.unchecked])
        // A wrong bracket ([x eˣ]₀¹ = e, the integral is 1) and a wrong value (∫₀^π x sin x = π, not 2):
        // outside an interval that certainly holds the integral.
        #expect(verdicts("$$\\int_0^{1} x e^{x} \\, dx = \\left[ x e^{x} \\right]_0^{1}$$") == [.invalid])
        let step = try #require(Verifier().verify("$$\\int_0^{\\pi} x \\sin x \\, dx = 2$$", file: "i.md").steps.first)
        #expect(step.verdict == .invalid && step.reason.hasPrefix("the integral lies in"), "\(step.reason)")
        #expect(verdicts("$$\\int_0^{\\pi} x \\sin x \\, dx = \\pi$$") == [.unchecked])
    }

    @Test func boundsAndOtherShapesAreNoIndefiniteIntegral() {
        #expect(IndefiniteIntegrals.parts(LaTeXLexer.tokens("\\int_0^1 x dx")) == nil)
        #expect(IndefiniteIntegrals.parts(LaTeXLexer.tokens("\\int x dx + 1")) == nil)
        #expect(IndefiniteIntegrals.parts(LaTeXLexer.tokens("\\int x \\, dx"))?.variable.first?.kind == .letter("x"))
    }
}

/// `\nabla_w f` against a tuple or a column (hand-derived partial derivatives).
@Suite struct NablaClaimTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "n.md").steps.map(\.verdict) }

    @Test func gradientsByPartialDerivatives() {
        #expect(verdicts("$$\\nabla_{w} (w_1^2 + 3 w_1 w_2) = (2 w_1 + 3 w_2, 3 w_1)$$") == [.valid])
        #expect(verdicts("$$\\nabla_{\\mathbf{w}} (w_1 w_2) = \\begin{bmatrix} w_2 \\\\ w_1 \\end{bmatrix}$$") == [.valid])
        #expect(verdicts("$$\\nabla_{w} (w_1^2 + 3 w_1 w_2) = (2 w_1, 3 w_1)$$") == [.invalid])
        // Another number of components than entries written: how many entries w has is not said.
        #expect(verdicts("$$\\nabla_{w} (w_1^2) = (2 w_1, 0)$$") == [.unchecked])
    }
}

/// `f = p + O(x^n)` at x → 0 by exact series (coefficients by hand: e^x = 1 + x + x²/2 + …,
/// sin x = x - x³/6 + …).
@Suite struct BigOClaimTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "o.md").steps.map(\.verdict) }

    @Test func seriesToAnOrder() {
        #expect(verdicts("$$e^{x} = 1 + x + \\frac{x^2}{2} + O(x^3)$$") == [.valid])
        #expect(verdicts("$$\\cos x = 1 - \\frac{x^2}{2} + \\mathcal{O}(x^4)$$") == [.valid])
        #expect(verdicts("$$\\ln(1 + x) = x - \\frac{x^2}{2} + O(x^3)$$") == [.valid])
        #expect(verdicts("$$e^{x} = 1 + x + x^2 + O(x^3)$$") == [.invalid])
        #expect(verdicts("$$\\sin x = x + O(x^4)$$") == [.invalid])
        // Beyond the exact order of the series: not decided.
        #expect(verdicts("$$e^{x} = 1 + O(x^{12})$$") == [.unchecked])
    }
}

/// Trigonometric functions of inverse ones, on the principal branches (values by hand).
@Suite struct InverseTrigonometryTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "t.md").steps.map(\.verdict) }

    @Test func compositionsOnThePrincipalBranch() {
        #expect(verdicts("$$\\sin(\\arcsin x) = x$$") == [.valid])
        #expect(verdicts("$$\\cos(\\arcsin x) = \\sqrt{1 - x^2}$$") == [.valid])
        #expect(verdicts("$$\\sin(\\arccos x) = \\sqrt{1 - x^2}$$") == [.valid])
        #expect(verdicts("$$\\cos(\\arctan x) = \\frac{1}{\\sqrt{1 + x^2}}$$") == [.valid])
        // Principal values at the standard points (hand-derived).
        #expect(verdicts("$$\\arcsin\\frac{1}{2} = \\frac{\\pi}{6}$$") == [.valid])
        #expect(verdicts("$$\\arctan\\sqrt{3} = \\frac{\\pi}{3}$$") == [.valid])
        #expect(verdicts("$$\\arccos\\frac{1}{2} = \\frac{\\pi}{6}$$") == [.invalid])
        // arctan x + arctan(1/x) is π/2 for x > 0 and −π/2 for x < 0: constant on each interval
        // (derivative 0, value at ±1); across 0 it is not.
        #expect(verdicts("Assume $x > 0$.\n\n$$\\arctan x + \\arctan\\frac{1}{x} = \\frac{\\pi}{2}$$") == [.valid])
        #expect(verdicts("Assume $x < 0$.\n\n$$\\arctan x + \\arctan\\frac{1}{x} = -\\frac{\\pi}{2}$$") == [.valid])
        #expect(verdicts("Assume $-1 < x < 1$.\n\n$$\\arctan x + \\arctan\\frac{1}{x} = \\frac{\\pi}{2}$$") != [.valid])
        #expect(verdicts("Assume $x < 0$.\n\n$$\\arctan x + \\arctan\\frac{1}{x} = \\frac{\\pi}{2}$$") != [.valid])
        // cos(arcsin x) ≥ 0, so it is not x; arcsin(sin x) = x only on [-π/2, π/2].
        #expect(verdicts("$$\\cos(\\arcsin x) = x$$") == [.invalid])
        #expect(verdicts("$$\\arcsin(\\sin x) = x$$") == [.invalid])
    }
}

/// `f \approx p` for small x: the first terms of the series at 0 (hand-derived).
@Suite struct ApproximationClaimTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "a.md").steps.map(\.verdict) }

    @Test func firstTermsOfTheSeriesForSmallX() {
        let small = "For small $x$:\n\n"
        #expect(verdicts(small + "$$\\sin x \\approx x - \\frac{x^3}{6}$$") == [.valid])
        #expect(verdicts(small + "$$\\sqrt{1 + x} \\approx 1 + \\frac{x}{2}$$") == [.valid])
        #expect(verdicts(small + "$$e^{x} \\approx 1 + x + \\frac{x^2}{2}$$") == [.valid])
        // Planted: a wrong sign, a wrong coefficient.
        #expect(verdicts(small + "$$\\cos x \\approx 1 + \\frac{x^2}{2}$$") == [.invalid])
        #expect(verdicts(small + "$$\\sqrt{1 + x} \\approx 1 + x$$") == [.invalid])
        // Without words that make x small, ≈ says nothing checkable.
        #expect(verdicts("$$\\cos x \\approx 1 + \\frac{x^2}{2}$$") == [.unchecked])
    }
}
