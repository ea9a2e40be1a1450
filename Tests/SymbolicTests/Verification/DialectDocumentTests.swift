import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The verdict of every step of the documents in Examples/dialects, worked out by hand: the same
/// kinds of derivation written in the dialects authors use (kramdown, align-like environments,
/// macros, derivative notations, limits and integrals, spacing commands).
@Suite struct DialectDocumentTests {
    func report(_ name: String) throws -> VerificationReport {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/dialects/\(name)")
        return Verifier().verify(try String(contentsOf: url, encoding: .utf8), file: name)
    }

    @Test func alignLikeEnvironments() throws {
        // align: (x+1)² - (x-1)² = (…) - (…) = 4x; align* with =&: f = (a+b)³ = a³ + 3a²b + 3ab² + b³;
        // aligned: (2x-1)(2x+1) = 4x² - 1 = (2x)² - 1, ≠ 4x² + 1; split: sin² + cos² + tan² = 1 + tan² = 1/cos²;
        // gather: (y+2)(y-2) = y² - 4, (y+2)² = y² + 4y + 4, (y-3)² ≠ y² - 6y + 6 (it is … + 9);
        // eqnarray: 1/n - 1/(n+1) = 1/(n(n+1)) = 1/(n² + n); & &=: (p+q)² - 4pq = … = (p-q)².
        let r = try report("align.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .valid, .invalid, .valid, .valid,
                                           .valid, .valid, .invalid, .valid, .valid, .valid, .valid])
        #expect(r.notes.allSatisfy { $0.reason != "no relation to check" })
    }

    @Test func authorMacros() throws {
        // \sq{u+1} = (u+1)², \sq{u-v} = (u-v)², \sq{2u} = 4u² ≠ 2u²; L = θ²x + 3θ: ∂L/∂θ = 2θx + 3;
        // ∂(x³y²)/∂x = 3x²y², ∂(x³y²)/∂y = 2x³y ≠ 3x²y; \lin{x} - b = wx, \lin[c]{x} = wx + c; tr(A) + tr(A) = 2 tr(A).
        let r = try report("macros.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .invalid, .valid, .valid, .invalid, .valid, .valid, .valid])
        #expect(r.steps[0].latex == "\\sq{u + 1} = u^2 + 2u + 1")
    }

    @Test func spacingAndFormatting() throws {
        // 1/2 + 1/2 = 1; ab = ba; x² - 2x = x(x - 2); x² + x = x(x + 1); |-3| = 3; (e^{-x})' = -e^{-x};
        // (x e^{-x})' = e^{-x} - x e^{-x} = (1 - x) e^{-x}; (x² e^{-x})' = 2x e^{-x} - x² e^{-x}, not + x² e^{-x};
        // 1 + 2 + 3 = 6; (u + v)² for all u, v; A = 2·3 = 6 (A defined); 3·4 = 12, 5·5 ≠ 24; P(A | B) unread; 2^10 = 1024.
        let r = try report("spacing.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .valid, .valid, .valid, .valid, .invalid,
                                           .valid, .valid, .valid, .valid, .invalid, .unchecked, .valid])
        #expect(r.steps[14].reason == "cannot read a conditional bar \\mid")
    }

    @Test func derivativeNotations() throws {
        // g = ax² + bx: dg/dx(x) = g'(x) = 2ax + b, not ax + b; (7)' = 0; y = x⁴ - x: y'' = 12x²;
        // f = x²y³: f_xy = 6xy², f_xx = 2y³; L = (wx - t)²: ∂_w L = 2x(wx - t), not 2(wx - t);
        // x = t³: ẋ = 3t²; (u² sin u)' = 2u sin u + u² cos u; h = x³ - 2x: h'(2) = 10, h'(1) = 1 ≠ 3.
        let r = try report("derivatives.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .invalid, .valid, .valid, .valid, .valid, .valid, .invalid,
                                           .valid, .valid, .valid, .invalid])
    }

    @Test func aPointIsNoDefinition() throws {
        // f = x² + 1: f'(x) = 2x, f'(4) = 8, f(4) = 17; y = 8(x - 4) + 17 = 8x - 15; (x+4)² - 16 = x² + 8x;
        // x(x - 8) = x² - 8x; (x-4)(x+4) = x² - 16 ≠ x² - 8; (x+4)² = 16x holds only at 4; x³ = 8 "for x = 2"
        // is unchecked (x has no value); x³ - 8 = (x - 2)(x² + 2x + 4).
        let r = try report("points.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .valid, .valid, .invalid, .invalid, .unchecked, .valid])
    }

    @Test func limitsIntegralsAndOperators() throws {
        // lim (2x + h) = 2x; lim (x + 3) at 3 = 6; lim (x² + x + 1) at 1 = 3 ≠ 2; 2² + 1 = 5; ∫₀¹ x² = 1/3;
        // ∫₁² (3x² - 2x) = [x³ - x²]₁² = 4 - 0 = 4; ∫₀² (x + 1) = 2 + 2 = 4 ≠ 3; log₂ 8 = 3; ln e² = 2;
        // exp 0 = 1; max = 7; min = 3; θ̂ = arg max ℓ(θ) defines θ̂ by an optimum, not a value (a note).
        let r = try report("limits.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .invalid, .valid, .valid, .valid, .valid, .invalid,
                                           .valid, .valid, .valid, .valid, .valid])
        #expect(r.notes.contains { $0.reason == "definition of \\hat{\\theta} (its value is not read: \\arg\\max (an optimum, not a value))" }, "\(r.notes)")
    }

    @Test func kramdownDelimitersAndDeclaredFunctions() throws {
        // q(x) = 3x² - 12x + 7 (a definition, inline \\( \\)): q(x) = 3(x² - 4x) + 7 = 3(x-2)² - 12 + 7 = 3(x-2)² - 5;
        // (2x+3)(x-4) = 2x² - 5x - 12; (x-5)² ≠ x² + 10x + 25; a² - b² = (a-b)(a+b); (x²-9)/(x+3) = x - 3;
        // (x²+9)/(x+3) ≠ x + 3; 1/2 + 1/3 = 5/6; 2/3 · 9/4 = 3/2; 1/4 + 1/4 = 1/2 (in backticks).
        let r = try report("kramdown.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .invalid, .valid, .valid, .invalid, .valid, .valid, .valid])
    }

    @Test func heldOutHomework() throws {
        // p = t³ - 6t² + 9t: p' = 3t² - 12t + 9 = 3(t-1)(t-3); p'' = 6t - 12, p''(1) = -6, p''(3) = 6; p'(2) = -3;
        // lim (x+2)/(x-1) at 2 = 4; lim (x + 2) at 0 = 2; ∫₋₁¹ (x² - 1) = -4/3; ∫₀¹ e^{2x} = (e² - 1)/2;
        // ∫₀³ 2x = 9 ≠ 6; E = mv²/2: E_v = mv, E_vv = m, E_m = v²/2 ≠ v²; (x² ln x)' at 1 = 1;
        // (1/x)' = -1/x² stated "for x ≠ 0" (a conditional statement); (sin² x)' = sin 2x.
        let r = try report("holdout.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .valid, .valid, .valid, .valid, .valid, .valid,
                                           .invalid, .valid, .valid, .invalid, .valid, .unchecked, .valid])
        // p''(t) = 6t - 12 is an identity in t: the points t = 1 and t = 3 define nothing.
        #expect(r.steps[2].reason == "both sides are equal for all values of t")
    }

    @Test func limitsAndIntegralsOfTheDocumentsFunctions() {
        // f = x² + 3x: (f(x+h) - f(x))/h = 2x + h + 3 → 2x + 3, not 2x; ∫₀¹ f = 1/3 + 3/2 = 11/6;
        // g = 1/t: (g(t+h) - g(t))/h = -1/(t(t+h)) → -1/t².
        let doc = """
        Let $f(x) = x^2 + 3x$.

        $$f'(x) = \\lim_{h \\to 0} \\frac{f(x + h) - f(x)}{h} = 2x + 3$$

        $$\\int_0^1 f(x) \\, dx = \\frac{11}{6}$$

        $$\\lim_{h \\to 0} \\frac{f(x + h) - f(x)}{h} = 2x$$

        Let $g(t) = \\frac{1}{t}$.

        $$\\lim_{h \\to 0} \\frac{g(t + h) - g(t)}{h} = -\\frac{1}{t^2}$$
        """
        let r = Verifier().verify(doc, file: "t.md")
        #expect(r.steps.map(\.verdict) == [.valid, .valid, .valid, .invalid, .valid])
    }
}
