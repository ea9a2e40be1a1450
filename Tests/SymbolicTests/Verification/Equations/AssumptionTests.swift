import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// `a = b` opening an argument is an assumption: the lines after it are steps under it, so a
/// step that holds on only part of the assumption's solution set is wrong there.
@Suite struct AssumptionTests {
    func steps(_ text: String) -> [StepResult] { Verifier().verify(text, file: "t.md").steps }

    static let twoEqualsOne = """
    Let $a = b$. Then

    $$a^2 = ab$$
    $$a^2 - b^2 = ab - b^2$$
    $$(a+b)(a-b) = b(a-b)$$
    $$a + b = b$$
    $$2b = b$$
    $$2 = 1$$
    """

    @Test func divisionByAFactorTheAssumptionMakesZero() {
        let s = steps(AssumptionTests.twoEqualsOne)
        #expect(s.map(\.line) == [3, 4, 5, 6, 7, 8])
        // Lines 3-5 hold whenever a = b.
        #expect(s[0..<3].allSatisfy { $0.verdict == .valid })
        // Dividing by a - b = 0: with a = b = t, line 5 holds for every t, line 6 (2t = t) only at t = 0.
        let division = s[3]
        #expect(division.verdict == .invalid)
        #expect(division.method.contains("under the assumption a = b"))
        let point = division.counterexample?.point ?? [:]
        #expect(point["a"] == point["b"] && point["b"] != nil && point["b"] != "0")
        // 2b = b ⇔ b = 0; then dividing by b loses b = 0.
        #expect(s[4].verdict == .valid)
        #expect(s[5].verdict == .invalid)
        #expect(s[5].counterexample?.point["b"] == "0")
    }

    @Test func aCorrectArgumentUnderTheAssumption() {
        let s = steps("Let $a = b$.\n\n$$a^2 = ab$$\n$$a = b$$\n$$a - b = 0$$")
        #expect(s.count == 3)
        #expect(s.allSatisfy { $0.verdict == .valid })
    }

    @Test func aDefinitionByAnExpressionIsNoAssumption() {
        // y = 2x defines y; later lines are identities in x, not steps of an argument.
        let s = steps("Let $y = 2x$.\n\n$$y^2 = 4x^2$$\n$$x + 1 = 2$$")
        #expect(s.first?.verdict == .valid)
        #expect(s.first?.method.hasPrefix("identity claim") == true)
        #expect(!(s.last?.method.contains("assumption") ?? true))
    }
}
