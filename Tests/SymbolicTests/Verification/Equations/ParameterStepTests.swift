import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Steps in one unknown with parameters; witnesses worked out by hand.
@Suite struct ParameterStepTests {
    func last(_ text: String) -> StepResult? { Verifier().verify(text, file: "t.md").steps.last }

    @Test func divisionByAParameterThatCanVanish() {
        // a = b = 0: every x solves 0·x = 0, none solves x = 0/0.
        let step = last("$$a x = b \\Rightarrow x = \\frac{b}{a}$$")
        #expect(step?.verdict == .invalid)
        #expect(step?.counterexample?.point["a"] == "0")
        // With a ≠ 0 stated, no witness exists; agreement at sample values proves nothing.
        #expect(last("Let $a \\neq 0$.\n\n$$a x = b \\Rightarrow x = \\frac{b}{a}$$")?.verdict == .unchecked)
    }

    @Test func squareRootLosesTheNegativeRoot() {
        // c = 1: x = -1 solves x² = 1 but not x = √1.
        let step = last("$$x^2 = c \\Rightarrow x = \\sqrt{c}$$")
        #expect(step?.verdict == .invalid)
        #expect(step?.counterexample?.point == ["c": "1", "x": "-1"])
        #expect(last("$$x^2 = c \\Rightarrow x = \\pm \\sqrt{c}$$")?.verdict == .unchecked)
    }

    @Test func isolatedName() {
        let c = Condition(disjuncts: [[Condition.Atom(lhs: Expression(Symbol("x")), relation: .equal, rhs: Expression(Symbol("b")) / Expression(Symbol("a")), domain: Domain())]])
        #expect(ParameterStep.isolated(c) == Symbol("x"))
    }
}
