import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct VerifierTests {
    func verify(_ text: String) -> VerificationReport { Verifier().verify(text, file: "test.md") }

    /// The verdicts of a report's steps, in order.
    func verdicts(_ text: String) -> [StepVerdict] { verify(text).steps.map(\.verdict) }

    @Test func plantedErrors() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/planted-errors.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let report = verify(text)
        func verdict(containing s: String, _ index: Int = 0) -> StepVerdict? {
            report.steps.filter { $0.latex.contains(s) }.dropFirst(index).first?.verdict
        }
        #expect(verdict(containing: "2ab + b^2") == .valid)
        #expect(verdict(containing: "3x^2 + 2x + 1") == .invalid)             // wrong coefficient
        #expect(verdict(containing: "x^2 + y^2") == .invalid)                 // sign
        #expect(verdict(containing: "2ab + 2bc") == .invalid)                 // dropped term
        #expect(verdict(containing: "\\sin^2 x + \\cos^2 x = 1") == .valid)
        #expect(verdict(containing: "2\\cos^2 x - 1 = 1 - 2\\sin^2 x") == .valid)
        #expect(verdict(containing: "= 2 \\sin x") == .invalid)               // wrong trig identity
        #expect(verdict(containing: "\\sec^2 x") == .valid)
        #expect(verdict(containing: "t + w x") == .valid)                      // ∂(w(wx+b))/∂w = 2wx + b
        #expect(verdict(containing: "2wx + b") == .valid)
        #expect(verdict(containing: "\\sigma(z)(1 - \\sigma(z))") == .valid)
        #expect(verdict(containing: "1 + \\tanh^2(z)") == .invalid)           // sign of the tanh derivative
        #expect(verdict(containing: "2357296") == .invalid)                   // arithmetic slip
        #expect(verdict(containing: "14,657,208") == .valid)
        #expect(verdict(containing: "\\sqrt{x^2 y^2}") == .invalid)
        #expect(verdict(containing: "e^{\\log x}") == .valid)
        #expect(verdict(containing: "\\lambda") == .valid)                      // roots 1 and 4 of λ² - 5λ + 4
        #expect(verdict(containing: "x_2 = 4") == .invalid)                   // 4 is not a root of x² - 5x + 6
    }

    @Test func backpropagationThroughDefinitions() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/backprop.md")
        let report = verify(try String(contentsOf: url, encoding: .utf8))
        func verdict(_ s: String) -> StepVerdict? { report.steps.first { $0.latex.contains(s) }?.verdict }
        #expect(verdict("\\frac{\\partial L}{\\partial w} = 2(a - y)") == .valid)     // through z = wx + b
        #expect(verdict("2(a-y)a(1-a)x") == .valid)
        #expect(verdict("a (1 + a)") == .invalid)                                    // σ' = σ(1 - σ), not σ(1 + σ)
        #expect(verdict("\\frac{\\partial L}{\\partial a} = 2(a - y)") == .valid)     // a is the variable: not expanded
        #expect(verdict("\\frac{\\partial h_t}{\\partial c_{t-1}}") == .valid)
        #expect(verdict("c_{t-1} + 1") == .invalid)
        #expect(verdict("\\frac{1}{2}(wx - y)^2") == .valid)                         // d/dw applies to the whole product
        #expect(verdict("\\tanh'(x)") == .valid)
    }

    @Test func rotationOfPositionalEncodings() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/pe-rotation.md")
        let report = verify(try String(contentsOf: url, encoding: .utf8))
        // Angle addition, M PE(t) = PE(t + φ), M Mᵀ = I, det M = 1, Mᵀ undoes M, A v = 0: valid;
        // the last step swaps sin and cos: invalid.
        #expect(report.steps.map(\.verdict) == [.valid, .valid, .valid, .valid, .valid, .valid, .valid, .invalid])
    }

    /// A course's pre-activation `p\tilde{c}`, defined and differentiated against, is one name:
    /// ∂c̃/∂pc̃ = 1 − c̃² holds (hand-derived: tanh′ = 1 − tanh²), 1 + c̃² does not.
    @Test func compoundNamesDefinedByTheDocument() throws {
        let text = "$$p\\tilde{c} = w x + b$$\n\n$$\\tilde{c} = \\tanh(p\\tilde{c})$$\n\n$$\\frac{\\partial \\tilde{c}}{\\partial p\\tilde{c}} = 1 - \\tilde{c}^2$$\n\n$$\\frac{\\partial \\tilde{c}}{\\partial p\\tilde{c}} = 1 + \\tilde{c}^2$$\n"
        #expect(verdicts(text) == [.valid, .invalid])
        // A gate written against c̃ with no such evidence stays a product: a claim, not a definition.
        #expect(verdicts("$$u\\tilde{c} + (1 - u)\\tilde{c} = \\tilde{c}$$\n") == [.valid])
    }

    @Test func arithmeticSlipReportsTheCorrectValue() throws {
        let report = verify("$$\\text{Self Attention} : 4 \\times 768 \\times 768 = 2357296$$")
        let step = try #require(report.steps.first)
        #expect(step.verdict == .invalid)
        #expect(step.counterexample?.correct == "2359296")
        #expect(step.counterexample?.rhs == "2357296")
        #expect(step.line == 1)
    }

    @Test func counterexamplesAreCertain() throws {
        let step = try #require(verify("$$\\sqrt{x^2 y^2} = xy$$").steps.first)
        #expect(step.verdict == .invalid)
        let ce = try #require(step.counterexample)
        let x = try #require(Rational(ce.point["x"] ?? "")), y = try #require(Rational(ce.point["y"] ?? ""))
        // |x y| differs from x y exactly when x y < 0.
        #expect((x * y).isNegative)
    }

    @Test func chainsContinuationsAndDefinitions() {
        let text = """
        $$p = u_0 + h_0, \\quad q = w p$$
        $$\\frac{\\partial q}{\\partial w} = p = u_0 + h_0$$
        $$(x+1)^2 = x^2 + 2x + 1$$
        $$= (x + 1)(x + 1)$$
        """
        #expect(verdicts(text) == [.valid, .valid, .valid, .valid])
    }

    @Test func displayBlockLeftOpenContinues() {
        let text = "$$(a - b)^2 =$$\n\n$$a^2 - 2ab + b^2$$"
        #expect(verdicts(text) == [.valid])
    }

    @Test func numbersPluggedInAreUncheckedWithTheCondition() throws {
        let step = try #require(verify("$$2(\\hat{y} - y) = 1$$").steps.first)
        #expect(step.verdict == .unchecked)
        #expect(step.reason.contains("holds iff"))
        let solved = try #require(verify("$$3y + 1 = 7$$").steps.first)
        #expect(solved.reason.contains("y = 2"))
    }

    @Test func conditionsAndAssumptionsAreNotRefuted() {
        #expect(verdicts("$$a \\sin t + b \\cos t = \\sin(t + \\phi)$$") == [.unchecked])
        // A definition by cases of a fresh function: a definition note, no step.
        #expect(verdicts("$$h(t) = \\begin{cases} 1 & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$$") == [])
        #expect(verdicts("$$g_t = 1 \\quad \\text{if } a_t \\geq 0$$") == [.unchecked])
        // The condition itself is not refuted; the step from it is checked (issue 14): equivalent.
        #expect(verdicts("$$b + 2 > 0 \\Rightarrow b > -2$$") == [.unchecked, .valid])
    }

    @Test func aNameWithoutItsTimeStepIsTheCurrentStep() {
        let text = """
        $$\\Gamma_o^{<t>} = \\sigma(\\gamma_o^{<t>})$$
        $$a^{<t>} = \\Gamma_o \\tanh(c^{<t>})$$
        $$\\frac{\\partial a^{<t>}}{\\partial c^{<t>}} = \\Gamma_o^{<t>} (1 - \\tanh^2 c^{<t>})$$
        """
        #expect(verdicts(text) == [.valid])
    }

    @Test func decimalsAreReadAsRounded() {
        #expect(verdicts("$$\\frac{1}{\\sqrt{2}} = 0.707$$") == [.valid])
        #expect(verdicts("$$\\frac{1}{\\sqrt{2}} = 0.708$$") == [.invalid])
        #expect(verdicts("$$\\frac{1}{3} = 0,33$$") == [.valid])
        #expect(verdicts("$$7,680,001 = 7680000$$") == [.invalid])
    }

    @Test func redefinitionInALaterPartIsNotAnError() {
        let text = "$c = 1$ then later $c = 100$"
        #expect(verdicts(text) == [.unchecked])
    }

    @Test func sectionsScopeDefinitions() {
        let text = """
        # Part 1
        $$x = 2$$
        # Part 2
        $$x^2 - 1 = (x - 1)(x + 1)$$
        """
        #expect(verdicts(text) == [.valid])
    }

    @Test func unreadableConstructsAreNamed() throws {
        // (Integrals are checked now: ∫_0^1 x dx = 1/2 by an antiderivative, ∫ x dx = x²/2 by
        // differentiating back; ∇ is not read yet.)
        #expect(verify("$$\\int x dx = \\frac{x^2}{2}$$").steps.first?.verdict == .valid)
        let step = try #require(verify("$$\\nabla_w (w^2) = 2w$$").steps.first)
        #expect(step.verdict == .unchecked)
        #expect(step.reason.contains("\\nabla"))
    }

    @Test func functionDefinitionsAndTheirDerivatives() {
        let text = """
        $$f(x) = \\text{ReLU}(x) - 2\\text{ReLU}(x - 1)$$
        $$f'(2) = -1$$
        $$f(3) = 2$$
        """
        // f'(2) = H(2) - 2H(1) = -1; f(3) = 3 - 4 = -1, not 2.
        #expect(verdicts(text) == [.valid, .invalid])
    }

    @Test func jsonSchemaIsStable() throws {
        let report = verify("$$1 + 1 = 3$$")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "test.md")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(Set(steps[0].keys) == ["line", "column", "latex", "lhs", "rhs", "verdict", "method", "reason", "counterexample"])
        #expect(steps[0]["verdict"] as? String == "invalid")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["valid": 0, "invalid": 1, "unchecked": 0])
    }

    @Test func textAndLaTeXFormats() {
        let report = verify("$$2 + 2 = 5$$")
        #expect(report.text.hasPrefix("test.md:1  invalid  2 + 2 = 5  the left side is 4, not 5\n"))
        #expect(report.text.hasSuffix("0 valid, 1 invalid, 0 unchecked\n"))
        #expect(report.latex.contains("\\begin{document}"))
        #expect(report.latex.contains("2 + 2 = 5"))
    }

    @Test func seedDocumentsNeverCrashAndKnownVerdictsHold() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/seeds")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else { return }
        for f in files where f.hasSuffix(".txt") {
            let text = try String(contentsOf: seeds.appendingPathComponent(f), encoding: .utf8)
            let report = verify(text)
            #expect(!report.steps.isEmpty, "\(f)")
            if f.hasPrefix("002") {
                let s = try #require(report.steps.first { $0.line == 105 })
                #expect(s.verdict == .invalid && s.counterexample?.correct == "2359296")
            }
            if f.hasPrefix("000") {
                let s = try #require(report.steps.first { $0.line == 325 })
                #expect(s.verdict == .valid)
            }
        }
    }

    @Test func hostileInputsFinishWithAVerdictOrAReason() {
        // Each of these crashed, hung or took seconds per level before the limits.
        let tower = String(repeating: "x^{", count: 23) + "x" + String(repeating: "}", count: 23)
        #expect(verdicts("$$" + tower + " = x$$") == [.invalid])
        #expect(verdicts("$$\\sin(2^{1000000} x) = x$$") == [.invalid])
        #expect(verdicts("$$f(w) + 7^{t^{24}} = f(w) + 1$$").count == 1)
        #expect(verdicts("$$\\sqrt{2^{2^{20}}} = 2^{2^{19}}$$") == [.valid])
        let nest = "$$" + String(repeating: "\\frac{1}{", count: 100_000) + "x" + String(repeating: "}", count: 100_000) + " = x$$"
        #expect(verify(nest).steps.map(\.reason) == ["cannot read formula nested too deeply"])
    }

    @Test func manyDefinitionsAreResolvedInLinearTime() {
        var text = "$$a_{1} = 1$$\n"
        for i in 2...5000 { text += "$$a_{\(i)} = a_{\(i - 1)} + 1$$\n" }
        text += "$$a_{2} = 2$$\n"
        let report = verify(text)
        #expect(report.steps.map(\.verdict) == [.valid])
        #expect(report.notes.count == 5000)
    }

    @Test func sectionsOfWindowsFilesStartAtTheirLines() {
        let text = "$$x = 2$$\r\n# Next\r\n$$x = 3$$\r\n$$x + 1 = 4$$\r\n"
        #expect(Verifier.sectionStarts(text) == [2])
        let report = verify(text)
        #expect(report.steps.map(\.verdict) == [.valid])
        #expect(report.steps.map(\.line) == [4])
    }
}
