import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// What a line is, decided before it is checked: equations to solve only on evidence, premises in
/// prose, tasks, one mark per error, rejected candidates. Each case is one of the false verdicts
/// found on documents nobody here wrote (new examples of each class).
@Suite struct RoleTests {
    func report(_ text: String) -> VerificationReport { Verifier().verify(text, file: "t.md") }
    func verdicts(_ text: String) -> [StepVerdict] { report(text).steps.map(\.verdict) }

    // MARK: A false identity is no equation because it failed

    @Test func twoDisplayBlocksInARowAreTwoClaims() {
        // ⁴√(y⁴) = |y| and √(y¹⁰) = |y|⁵: both false at y < 0; nothing links them.
        #expect(verdicts("$$\\sqrt[4]{y^4} = y$$\n\n$$\\sqrt{y^{10}} = y^5$$") == [.invalid, .invalid])
        #expect(verdicts("$$\\sqrt[4]{y^4} = y$$\n$$\\sqrt{y^{10}} = y^5$$") == [.invalid, .invalid])
    }

    @Test func aRestatedSlipIsNotAStepOfASolution() {
        let r = report("A common slip is $\\cos 2x = 2\\cos x$. Equivalently\n\n$$2\\cos x = \\cos 2x$$\n\n$$\\cos 2x - 2\\cos x = 0$$")
        #expect(r.steps.map(\.verdict).prefix(2) == [.invalid, .invalid])
        // The last line holds for some x only; whatever it is, it is not valid.
        #expect(r.steps.count == 3 && r.steps[2].verdict != .valid)
    }

    @Test func anArrowOrAnAnswerLineIsEvidenceOfAnEquation() {
        // x² = 4 ⇒ x = ±2: an equation and its solution.
        let r = report("$$x^2 = 4 \\Rightarrow x = \\pm 2$$")
        #expect(r.steps.map(\.verdict) == [.unchecked, .valid])
        #expect(r.steps[0].method == "equation to solve")
        // Rows reaching an answer line with nothing between them.
        #expect(verdicts("$$3x + 2 = 11$$\n$$3x = 9$$\n$$x = 3$$") == [.unchecked, .valid, .valid])
        // A consequence word between blocks.
        #expect(verdicts("$$2x + 1 = 7$$\nso\n$$x = 3$$") == [.unchecked, .valid])
    }

    // MARK: Premises in prose

    @Test func aConditionInProseIsAPremiseOfLaterClaims() {
        let r = report("Here $p$ is a probability vector, so $\\sum_i p_i = 1$, and $x > 0$.\n\n$$\\sqrt{x^2} = x$$\n\n$$\\frac{|x|}{x} = 1$$")
        let claims = r.steps.filter { $0.latex.contains("x") && !$0.latex.contains("p_i") }
        #expect(claims.map(\.verdict) == [.valid, .valid])
        #expect(claims[0].reason.contains("premises"))
    }

    @Test func premiseWordsAndSignWords() {
        #expect(verdicts("Assume $t > 0$.\n\n$$\\sqrt{t^2} = t$$") == [.valid])
        #expect(verdicts("Suppose that $a \\neq 0$.\n\n$$\\frac{a^2}{a} = a$$") == [.valid])
        #expect(verdicts("Here $x$ is positive.\n\n$$|x| = x$$") == [.valid])
        #expect(verdicts("فرض کنید $x > 0$.\n\n$$\\sqrt{x^2} = x$$") == [.valid])
        #expect(verdicts("در اینجا $x$ مثبت است.\n\n$$|x| = x$$") == [.valid])
        // Without the premise the same claim is refuted.
        #expect(verdicts("$$\\sqrt{t^2} = t$$") == [.invalid])
        // A condition inside an `if` of its own sentence is no premise of the section.
        #expect(verdicts("If $x > 0$ then the root is simple.\n\n$$\\sqrt{x^2} = x$$") == [.invalid])
    }

    @Test func aPremiseKeepsOnlyCounterexamplesThatSatisfyIt() {
        // Under x > 1, x² > x holds, but |x - 1| = x - 1 too: a counterexample must have x > 1.
        #expect(verdicts("Let $x > 1$.\n\n$$|x - 1| = x - 1$$\n\n$$|x - 2| = x - 2$$") == [.valid, .invalid])
        let r = report("Let $x > 1$.\n\n$$|x - 2| = x - 2$$")
        let point = r.steps[0].counterexample?.values?.values.first
        #expect(point.map { $0 > 1 } == true)
    }

    @Test func anEqualityPremiseLeavesCounterexamplesOffItUnchecked() {
        // a + b = 1 is assumed; a² + b² = 1 - 2ab holds on it, but the probe's points are off it.
        let r = report("Assume $a + b = 1$.\n\n$$a^2 + b^2 = 1 - 2ab$$\n\n$$(a + b)^2 = a^2 + 2ab + b^2$$")
        #expect(r.steps.map(\.verdict) == [.unchecked, .valid])
        #expect(r.steps[0].reason.contains("premise"))
    }

    @Test func sumPremisesAreUsedByLaterClaims() {
        // `so that`/`satisfy` with a sum, and a probability vector (entries ≥ 0 summing to 1).
        #expect(verdicts("Let the weights satisfy $\\sum_i w_i = 1$.\n\n$$\\sum_i w_i c = c$$") == [.valid])
        #expect(verdicts("Here $p$ is a probability vector.\n\n$$\\sum_j c p_j = c$$\n\n$$\\sum_j 2 p_j = 1$$") == [.valid, .invalid])
        // Without the premise neither is decided.
        #expect(!verdicts("$$\\sum_i w_i c = c$$").contains(.valid))
    }

    @Test func aOneHotLabelNeverRefutesTheSoftmaxGradient() {
        // ŷ - y is right for a one-hot y; the engine cannot derive it here yet, but never refutes it.
        let text = "Here $y$ is a one-hot label, $\\hat{y} = \\mathrm{softmax}(z)$ and $L = -\\sum_i y_i \\log \\hat{y}_i$.\n\n$$\\frac{\\partial L}{\\partial z} = \\hat{y} - y$$"
        #expect(!verdicts(text).contains(.invalid))
        // ∂L/∂z through the members ŷ_i of ŷ = softmax(z) is not 0 (it was valid by a derivative
        // that did not see ŷ_i depend on z).
        let zero = "Here $\\hat{y} = \\mathrm{softmax}(z)$ and $L = -\\sum_i y_i \\log \\hat{y}_i$.\n\n$$\\frac{\\partial L}{\\partial z} = 0$$"
        #expect(!verdicts(zero).contains(.valid))
    }

    @Test func aNewSystemAfterAnAnswerStartsANewArgument() {
        let text = "$$x + y = 7 \\text{ and } x - y = 3$$\n$$\\Rightarrow 2x = 10$$\n$$\\Rightarrow x = 5 \\text{ and } y = 2$$\n\n"
            + "$$x + 2y = 4 \\text{ and } x - y = 1$$\n$$\\Rightarrow 3y = 3$$\n$$\\Rightarrow x = 2 \\text{ and } y = 1$$"
        #expect(verdicts(text) == [.unchecked, .valid, .valid, .unchecked, .valid, .valid])
    }

    @Test func aPremiseRestrictsASolvingArgument() {
        // t > 0 with t² = 16: t = 4 is the whole answer.
        #expect(verdicts("Let $t > 0$.\n\n$$t^2 = 16 \\Rightarrow t = 4$$").last == .valid)
        #expect(verdicts("$$t^2 = 16 \\Rightarrow t = 4$$").last == .invalid)
    }

    @Test func aDefinitionAfterAPremiseWordStaysADefinition() {
        let r = report("Let $f(x) = x^2 + 1$.\n\n$$f(2) = 5$$")
        #expect(r.steps.map(\.verdict) == [.valid])
        #expect(verdicts("where $h = 3$ and\n\n$$h^2 = 9$$") == [.valid])
    }

    @Test func aLetterSetEqualToAnotherInUseIsAStepNotAnAssumption() {
        // After 2x = 6, `x = y` says something about x and y; it assumes nothing for later lines,
        // so x + y = 2x is not proved by it.
        #expect(!verdicts("$$2x = 6$$\n$$x = y$$\n\n$$x + y = 2x$$").contains(.valid))
        // Said as an assumption, it is one (the lines after it are steps under it).
        #expect(report("Let $a = b$.\n\n$$a + b = 2b$$").steps.map(\.verdict) == [.valid])
        // A fresh name for a letter in use is defined by it.
        #expect(verdicts("$$f_t = 3 g$$\n\n$$B_t = f_t$$\n\n$$B_t - f_t = 0$$") .last == .valid)
    }

    // MARK: Tasks

    @Test func aTaskIsSolvedNotChecked() {
        let r = report("**Problem 2.** Solve $x^2 - 3x = 4$.\n\nSolve $t^2 = 7t$.")
        #expect(r.steps.isEmpty)
        #expect(r.notes.allSatisfy { $0.reason.hasPrefix("task") })
        // Its solution follows as steps, the answer compared with the task.
        let s = report("Solve $x^2 - 3x = 4$.\n\n$$(x - 4)(x + 1) = 0$$\n$$x = 4 \\text{ or } x = -1$$")
        #expect(s.steps.map(\.verdict) == [.valid, .valid])
        let wrong = report("Solve $x^2 - 3x = 4$.\n\n$$(x - 4)(x + 1) = 0$$\n$$x = 4$$")
        #expect(wrong.steps.map(\.verdict) == [.valid, .invalid])
        #expect(verdicts("معادلهٔ $x^2 = 9$ را حل کنید.").isEmpty)
    }

    // MARK: One error, one mark; rejected candidates

    @Test func anErrorCarriedToTheAnswerIsMarkedOnce() {
        let r = report("$$|3x-2| = x+4 \\Rightarrow 3x-2 = x+4 \\Rightarrow x = 3$$")
        #expect(r.steps.map(\.verdict) == [.unchecked, .invalid, .valid])
    }

    @Test func aCandidateTheTextRejectsIsNotTheAnswer() {
        // √x = x - 2 ⇒ x = (x - 2)² ⇒ x = 1 or x = 4; 1 is extraneous.
        let text = "$$\\sqrt{x} = x - 2 \\Rightarrow x = x^2 - 4x + 4 \\Rightarrow x = 1 \\text{ or } x = 4$$\n\nHere $x = 1$ is rejected, so $x = 4$."
        let r = report(text)
        #expect(!r.steps.contains { $0.verdict == .invalid }, "\(r.steps.map(\.reason))")
        // Without the rejection the answer keeps a value that fails the first line.
        #expect(verdicts("$$\\sqrt{x} = x - 2 \\Rightarrow x = x^2 - 4x + 4 \\Rightarrow x = 1 \\text{ or } x = 4$$").last == .invalid)
        // One of two candidates rejected: √x = x - 6 has 9 only (4 gives 2 = -2).
        let one = report("$$\\sqrt{x} = x - 6 \\Rightarrow x = x^2 - 12x + 36 \\Rightarrow x = 4 \\text{ or } x = 9$$\n\n$x = 4$ is excluded.")
        #expect(!one.steps.contains { $0.verdict == .invalid }, "\(one.steps.map(\.reason))")
        // Every candidate rejected: no solution, which is the first line's solution set.
        let none = report("$$\\sqrt{x} = -2 \\Rightarrow x = 4$$\n\nBut $x = 4$ is not a solution, so there is no solution.")
        #expect(!none.steps.contains { $0.verdict == .invalid }, "\(none.steps.map(\.reason))")
        #expect(verdicts("$$\\sqrt{x} = -2 \\Rightarrow x = 4$$").last == .invalid)
    }

    // MARK: A definition whose value cannot be read

    @Test func aFreshNameWithAnUnreadValueIsADefinitionNoClaim() {
        let r = report("$$H = \\text{Softmax}\\left[\\frac{Q K^T}{\\sqrt{d}}\\right] V$$\n\n$$H + H = 3H$$\n\n$$H - H = 0$$")
        #expect(r.notes.contains { $0.line == 1 && $0.reason.hasPrefix("definition of H (its value is not read") }, "\(r.notes)")
        // H is some matrix: no point refutes a claim about it, a proof for every value covers it.
        #expect(r.steps.map(\.verdict) == [.unchecked, .valid], "\(r.steps.map(\.reason))")
        let c = report("$$c = (1, 2, 3)$$\n\n$$c + c = 3c$$")
        #expect(c.steps.map(\.verdict) == [.unchecked])
        #expect(c.steps.first?.reason.contains("defined by a value that is not read") == true, "\(c.steps.map(\.reason))")
        // A function of the document's own, likewise; `\\text{Var}(…)` is a claim about Var, no definition.
        let f = report("$$\\text{Attention}(Q, K, V) = \\text{Softmax}(Q K^T) V$$")
        #expect(f.steps.isEmpty && f.notes.first?.reason.hasPrefix("definition of") == true)
        #expect(Verifier.appliedName(LaTeXLexer.tokens("\\text{Var}(a^T b)")) == "Var")
        #expect(Verifier.operatorNames.contains("Var"))
    }
}
