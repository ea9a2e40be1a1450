import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// `derive verify` on documents that state a model's forward equations and then its gradients in
/// vector notation. Expected verdicts are worked out by hand from the LSTM and RNN equations.
@Suite struct GradientClaimTests {
    /// The course's LSTM cell as a student writes it: `*` elementwise, `\times` a matrix product,
    /// `(t)` superscripts, `\bar{y}` for the prediction, a label before an equation.
    static let lstm = """
    $$\\gamma_u^{<t>} = W_u \\times \\begin{bmatrix} a^{<t-1>} \\\\ x^{<t>} \\end{bmatrix} + b_u$$
    $$\\Gamma_u^{<t>} = \\sigma(\\gamma_u^{<t>})$$
    $$\\gamma_f^{<t>} = W_f \\times \\begin{bmatrix} a^{<t-1>} \\\\ x^{<t>} \\end{bmatrix} + b_f$$
    $$\\Gamma_f^{<t>} = \\sigma(\\gamma_f^{<t>})$$
    $$p\\tilde{c}^{<t>} = W_c \\times \\begin{bmatrix} a^{<t-1>} \\\\ x^{<t>} \\end{bmatrix} + b_c$$
    $$\\tilde{c}^{<t>} = \\tanh(p\\tilde{c}^{<t>})$$
    $$\\text{memory cell: } c^{\\langle t \\rangle} = \\Gamma_u^{\\langle t \\rangle} * \\tilde{c}^{\\langle t \\rangle} + \\Gamma_f^{\\langle t \\rangle} * c^{\\langle t-1 \\rangle}$$
    $$\\gamma_o^{<t>} = W_o \\times \\left[ \\frac{a^{\\langle t-1 \\rangle}}{x^{\\langle t \\rangle}} \\right] + b_o$$
    $$\\Gamma_o^{<t>} = \\sigma(\\gamma_o^{<t>})$$
    $$a^{(t)} = \\Gamma_o * \\tanh(c^{(t)})$$
    $$z^{(t)} = W_y \\times a^{(t)} + b_y$$
    $$\\bar{y}^{(t)} = \\text{softmax}(z^{(t)})$$

    """

    static func steps(_ body: String) -> [StepResult] {
        Verifier().verify(lstm + body, file: "doc.md").steps
    }

    @Test func forwardEquationsAreDefinitionsNotSteps() {
        let report = Verifier().verify(Self.lstm, file: "doc.md")
        #expect(report.steps.isEmpty, "\(report.steps.map(\.reason))")
        #expect(report.notes.contains { $0.reason.contains("forward equation of the LSTM cell") })
    }

    @Test func correctGradientsAreValid() {
        let claims = [
            // softmax then cross-entropy
            "$$\\frac{\\partial L}{\\partial z^{(t)}} = \\bar{y}^{(t)} - y^{(t)}$$",
            // two uses of a: the output layer and the next step
            "$$\\frac{\\partial L}{\\partial a^{(t)}} = W_y^T \\times (\\bar{y}^{(t)} - y^{(t)}) + da_{next}$$",
            "$$\\frac{\\partial L}{\\partial c^{(t)}} = dc_{next} + \\frac{\\partial L}{\\partial a^{(t)}} * \\Gamma_o * (1 - \\tanh^2 c^{(t)})$$",
            // chain-rule factors as diagonal Jacobians
            "$$\\frac{\\partial L}{\\partial \\gamma_f^{(t)}} = \\frac{\\partial L}{\\partial c^{(t)}} * \\frac{\\partial c^{(t)}}{\\partial \\Gamma_f^{(t)}} * \\frac{\\partial \\Gamma_f^{(t)}}{\\partial \\gamma_f^{(t)}}$$",
            "$$\\frac{\\partial L}{\\partial \\gamma_f^{(t)}} = \\frac{\\partial L}{\\partial c^{(t)}} * c^{(t-1)} * \\Gamma_f^{(t)} * (1 - \\Gamma_f^{(t)})$$",
            // tanh' through the candidate, written as 1 - c̃²
            "$$\\frac{\\partial L}{\\partial p\\tilde{c}^{(t)}} = \\frac{\\partial L}{\\partial c^{(t)}} * \\Gamma_u^{(t)} * (1 - (\\tilde{c}^{(t)})^2)$$",
            "$$dc_{prev} = \\frac{\\partial L}{\\partial c^{(t)}} \\odot \\Gamma_f^{(t)}$$",
            "$$da_{prev} = W_{ca}^T \\times \\frac{\\partial L}{\\partial p\\tilde{c}^{(t)}} + W_{ua}^T \\times \\frac{\\partial L}{\\partial \\gamma_u^{(t)}} + W_{fa}^T \\times \\frac{\\partial L}{\\partial \\gamma_f^{(t)}} + W_{oa}^T \\times \\frac{\\partial L}{\\partial \\gamma_o^{(t)}}$$",
            "$$\\frac{\\partial L}{\\partial W_y} = \\frac{\\partial L}{\\partial z^{(t)}} \\times (a^{(t)})^T$$",
            "$$\\frac{\\partial L}{\\partial W_f} = \\frac{\\partial L}{\\partial \\gamma_f^{(t)}} \\times \\left[ \\begin{matrix} a^{(t-1)} \\\\ x^{(t)} \\end{matrix} \\right]^T$$",
            "$$\\frac{\\partial L}{\\partial b_o} = \\frac{\\partial L}{\\partial a^{(t)}} * \\tanh(c^{(t)}) * \\sigma'(\\gamma_o^{(t)})$$",
        ]
        for claim in claims {
            let steps = Self.steps(claim)
            #expect(steps.count >= 1, "\(claim)")
            for s in steps { #expect(s.verdict == .valid, "\(claim): \(s.reason)") }
        }
    }

    /// A document that states only the cell (no output layer, no loss): the gradients arriving
    /// from later steps are da_next and dc_next alone, and no W_y enters.
    @Test func aCellGetsOnlyTheLayersItsDocumentStates() throws {
        let cell = Self.lstm.components(separatedBy: "\n").filter { !$0.contains("z^{(t)}") && !$0.contains("bar{y}") }.joined(separator: "\n")
        let claims: [(String, StepVerdict)] = [
            ("$$\\frac{\\partial L}{\\partial c^{(t)}} = dc_{next} + da_{next} * \\Gamma_o * (1 - \\tanh^2 c^{(t)})$$", .valid),
            ("$$\\frac{\\partial L}{\\partial \\Gamma_o^{(t)}} = da_{next} * \\tanh(c^{(t)})$$", .valid),
            ("$$\\frac{\\partial L}{\\partial \\Gamma_o^{(t)}} = da_{next} * c^{(t)}$$", .invalid),
            ("$$dc_{prev} = \\frac{\\partial L}{\\partial c^{(t)}} \\odot \\Gamma_f^{(t)}$$", .valid),
        ]
        for (claim, verdict) in claims {
            let steps = Verifier().verify(cell + claim, file: "cell.md").steps
            let s = try #require(steps.last, "\(claim)")
            #expect(s.verdict == verdict, "\(claim): \(s.reason)")
        }
    }

    @Test func forgetGateWithTheWrongStateIsInvalidAndNamesTheFactor() throws {
        // Seed 001's mistake: ∂c/∂Γ_f is c^{<t-1>}, not c̃.
        let steps = Self.steps("$$\\frac{\\partial L}{\\partial \\gamma_f^{(t)}} = \\frac{\\partial L}{\\partial c^{(t)}} * \\tilde{c}^{(t)} * (\\Gamma_f^{(t)} * (1 - \\Gamma_f^{(t)}))$$")
        let s = try #require(steps.first)
        #expect(s.verdict == .invalid)
        #expect(s.reason.contains("the factor \\tilde{c}^{<t>} where the derived gradient has c^{<t-1>}"), "\(s.reason)")
        let correct = try #require(s.counterexample?.correct)
        #expect(correct.contains("c^{<t-1>}") && correct.hasPrefix("d\\gamma_f^{<t>} ="), "\(correct)")
    }

    @Test func missingTransposeIsFoundAtSizeTwo() throws {
        // W_{ca} dpc̃ equals W_{ca}^T dpc̃ when every dimension is 1; a 2 × 2 W_{ca} tells them apart.
        let steps = Self.steps("$$da_{prev} = W_{ca} \\times \\frac{\\partial L}{\\partial p\\tilde{c}^{(t)}} + W_{ua}^T \\times \\frac{\\partial L}{\\partial \\gamma_u^{(t)}} + W_{fa}^T \\times \\frac{\\partial L}{\\partial \\gamma_f^{(t)}} + W_{oa}^T \\times \\frac{\\partial L}{\\partial \\gamma_o^{(t)}}$$")
        let s = try #require(steps.first)
        #expect(s.verdict == .invalid)
        #expect(s.reason.contains("every dimension 2"), "\(s.reason)")
    }

    @Test func wrongGateInTheMemoryGradientIsInvalid() throws {
        let s = try #require(Self.steps("$$dc_{prev} = \\frac{\\partial L}{\\partial c^{(t)}} * \\Gamma_u^{(t)}$$").first)
        #expect(s.verdict == .invalid)
        #expect(s.reason.contains("the factor \\Gamma_u^{<t>} where the derived gradient has \\Gamma_f^{<t>}"), "\(s.reason)")
    }

    @Test func sidesOfDifferentShapesAreUnchecked() throws {
        // a (dz)^T is n_a × n_y where dW_y is n_y × n_a: the gradient in numerator layout (its
        // transpose), which is right, and the report names the layout.
        let s = try #require(Self.steps("$$\\frac{\\partial L}{\\partial W_y} = a^{(t)} \\times (\\frac{\\partial L}{\\partial z^{(t)}})^T$$").first)
        #expect(s.verdict == .valid && s.method.contains("numerator layout"), "\(s.reason)")
        // Shapes that are no transpose of each other stay unchecked.
        let t = try #require(Self.steps("$$\\frac{\\partial L}{\\partial W_y} = \\frac{\\partial L}{\\partial z^{(t)}}$$").first)
        #expect(t.verdict == .unchecked && t.reason.contains("different shapes"), "\(t.reason)")
    }

    @Test func partialLossesAndSumsOverTimeAreUncheckedWithTheirReason() throws {
        let a = try #require(Self.steps("$$\\frac{\\partial L}{\\partial a^{(t)}} = \\frac{\\partial L^{(t)}}{\\partial a^{(t)}} + \\frac{\\partial L'}{\\partial a^{(t)}}$$").first)
        #expect(a.verdict == .unchecked && a.reason.contains("part of the loss"))
        let b = try #require(Self.steps("$$\\frac{\\partial L}{\\partial b_u} = \\sum \\frac{\\partial L}{\\partial \\gamma_u^{(t)}}$$").first)
        #expect(b.verdict == .unchecked && b.reason.contains("\\sum"))
    }

    /// An RNN whose activation is written in one line: the document's equation defines the model.
    static let rnn = """
    $$a^{<t>} = \\tanh(W_a [a^{<t-1>}; x^{<t>}] + b_a)$$
    $$z^{<t>} = W_y a^{<t>} + b_y$$
    $$\\hat{y}^{<t>} = \\operatorname{softmax}(z^{<t>})$$

    """

    @Test func documentEquationsDefineTheModel() throws {
        let good = Verifier().verify(Self.rnn + "$$da_{prev} = W_{aa}^\\top \\left( (1 - (a^{<t>})^2) \\odot \\frac{\\partial L}{\\partial a^{<t>}} \\right)$$", file: "rnn.md").steps
        #expect(good.count == 1 && good[0].verdict == .valid, "\(good.map(\.reason))")
        let bad = Verifier().verify(Self.rnn + "$$da_{prev} = W_{aa}^\\top \\left( (1 - a^{<t>}) \\odot \\frac{\\partial L}{\\partial a^{<t>}} \\right)$$", file: "rnn.md").steps
        #expect(bad.count == 1 && bad[0].verdict == .invalid, "\(bad.map(\.reason))")
    }

    /// A model of the document's own, with shapes from `\in \mathbb{R}^{…}` declarations.
    static let declared = """
    Let $W \\in \\mathbb{R}^{n \\times (n+d)}$, $h_{t-1} \\in \\mathbb{R}^{n}$, $x_t \\in \\mathbb{R}^{d}$, $b \\in \\mathbb{R}^n$.

    $$h_t = \\tanh(W [h_{t-1}, x_t] + b)$$

    """

    @Test func declaredShapesGiveAModel() throws {
        let claims: [(String, StepVerdict)] = [
            ("\\frac{\\partial L}{\\partial W} = \\left(\\frac{\\partial L}{\\partial h_t} \\odot (1 - h_t^2)\\right) [h_{t-1}, x_t]^\\top", .valid),
            ("\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial h_t} \\odot \\tanh'(W [h_{t-1}, x_t] + b)", .valid),
            // tanh' is 1 - h², not 1 - h
            ("\\frac{\\partial L}{\\partial b} = \\frac{\\partial L}{\\partial h_t} \\odot (1 - h_t)", .invalid),
            // sides of different shapes (d and n): unchecked, the reading may not be the author's
            ("\\frac{\\partial L}{\\partial x_t} = \\frac{\\partial L}{\\partial h_t}", .unchecked),
        ]
        for (claim, verdict) in claims {
            let report = Verifier().verify(Self.declared + "$$" + claim + "$$\n", file: "own.md")
            let s = try #require(report.steps.last)
            #expect(s.verdict == verdict, "\(claim): \(s.reason)")
            // The declarations are shapes, not claims; the forward equation is a definition.
            #expect(report.steps.count == 1, "\(report.steps.map(\.latex))")
        }
    }

    /// The document's own scalar loss receives ∂L/∂L = 1 (it is not an output whose gradient
    /// arrives from outside). Hand-derived: ∂/∂w (Xw - y)ᵀ(Xw - y) = 2Xᵀ(Xw - y); with
    /// L = ½‖ŷ - y‖², ŷ = W₂ tanh(W₁x): ∂L/∂ŷ = ŷ - y, ∂L/∂W₂ = (ŷ - y)aᵀ, ∂L/∂a = W₂ᵀ(ŷ - y).
    @Test func theDocumentsScalarLossHasGradientOne() throws {
        func verdicts(_ doc: String) -> [StepVerdict] { Verifier().verify(doc, file: "loss.md").steps.map(\.verdict) }
        let v = "Let $W \\in \\mathbb{R}^{m \\times n}$, $x \\in \\mathbb{R}^n$, $v \\in \\mathbb{R}^m$.\n\n$$h = \\tanh(W x)$$\n\n$$L = v^T h$$\n\n"
        #expect(verdicts(v + "$$\\frac{\\partial L}{\\partial h} = v$$") == [.valid])
        #expect(verdicts(v + "$$\\frac{\\partial L}{\\partial h} = 2v$$") == [.invalid])
        // Numerator layout: the claim is the gradient's transpose, and the method says so.
        let row = Verifier().verify(v + "$$\\frac{\\partial L}{\\partial h} = v^T$$", file: "loss.md").steps
        #expect(row.map(\.verdict) == [.valid] && row[0].method.contains("numerator layout"))
        #expect(verdicts(v + "$$\\frac{\\partial L}{\\partial h} = 2 v^T$$") == [.invalid])
        let ls = "Let $X \\in \\mathbb{R}^{n \\times d}$, $w \\in \\mathbb{R}^d$, $y \\in \\mathbb{R}^n$.\n\n$$L = (Xw - y)^T (Xw - y)$$\n\n"
        #expect(verdicts(ls + "$$\\frac{\\partial L}{\\partial w} = 2X^T(Xw - y)$$") == [.valid])
        #expect(verdicts(ls + "$$\\frac{\\partial L}{\\partial w} = X^T(Xw - y)$$") == [.invalid])
        let net = """
        Let $W_1 \\in \\mathbb{R}^{h \\times d}$, $W_2 \\in \\mathbb{R}^{k \\times h}$, $x \\in \\mathbb{R}^d$, $y \\in \\mathbb{R}^k$.

        $$z = W_1 x$$

        $$a = \\tanh(z)$$

        $$\\hat{y} = W_2 a$$

        $$L = \\frac{1}{2} (\\hat{y} - y)^T (\\hat{y} - y)$$

        $$\\frac{\\partial L}{\\partial \\hat{y}} = \\hat{y} - y$$

        $$\\frac{\\partial L}{\\partial W_2} = (\\hat{y} - y) a^T$$

        $$\\frac{\\partial L}{\\partial a} = W_2^T (\\hat{y} - y)$$

        """
        #expect(verdicts(net) == [.valid, .valid, .valid])
    }

    @Test func exampleDocumentVerdicts() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/lstm-gradients.md")
        let report = Verifier().verify(try String(contentsOf: url, encoding: .utf8), file: "lstm-gradients.md")
        // Worked out by hand from the cell's equations: the forget gate with c̃ (line 29) and
        // W_{ca} without its transpose (line 39) are the planted errors; the rest is right.
        let expected: [(Int, StepVerdict)] = [(19, .valid), (21, .valid), (23, .valid), (25, .valid), (25, .valid), (29, .invalid),
                                              (31, .valid), (33, .valid), (35, .valid), (39, .invalid), (41, .valid), (41, .valid)]
        #expect(report.steps.map(\.line) == expected.map(\.0))
        #expect(report.steps.map(\.verdict) == expected.map(\.1))
    }

    @Test func unrelatedDocumentsAreNotTakenForAModel() {
        let text = "$$z = x + 1$$\n$$a = 2z$$\n$$c = a - z$$\n$$c = x + 1$$\n"
        let steps = Verifier().verify(text, file: "plain.md").steps
        #expect(steps.count == 1 && steps[0].verdict == .valid, "\(steps.map(\.reason))")
    }
}

@Suite struct EntrywiseFormTests {
    let n = Shape(.symbol("n")), m = Shape(.symbol("m"))
    var u: ShapedExpression { .quantity(Quantity("u"), n) }
    var v: ShapedExpression { .quantity(Quantity("v"), n) }
    var w: ShapedExpression { .quantity(Quantity("W"), Shape(.symbol("m"), .symbol("n"))) }

    func same(_ a: ShapedExpression, _ b: ShapedExpression) -> Bool {
        var f = EntrywiseForm()
        return GradientClaimChecker.equal(f.form(a), f.form(b)) != nil
    }

    @Test func matrixProductsAreBilinear() throws {
        #expect(same(try .product(w, .sum([u, v])), try .sum([.product(w, u), .product(w, v)])))
        #expect(same(try .product(w, .scaled(u, 3)), try .scaled(.product(w, u), 3)))
    }

    @Test func transposesArePushedToTheLeaves() throws {
        let a = try ShapedExpression.transpose(.product(w, u))
        #expect(same(a, try .product(.transpose(u), .transpose(w))))
        #expect(same(try .transpose(.hadamard([u, v])), try .hadamard([.transpose(v), .transpose(u)])))
    }

    @Test func hadamardProductsCommuteAndDistribute() throws {
        #expect(same(try .hadamard([u, v]), try .hadamard([v, u])))
        #expect(same(try .hadamard([u, .sum([v, .filled(.one, n)])]), try .sum([.hadamard([u, v]), u])))
    }

    @Test func differentExpressionsHaveDifferentForms() throws {
        let square = ShapedExpression.quantity(Quantity("S"), Shape(.symbol("n"), .symbol("n")))
        #expect(!same(try .product(square, u), try .product(.transpose(square), u)))
        #expect(!same(try .hadamard([u, u]), u))
    }
}
