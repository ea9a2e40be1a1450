import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Coefficient matching after equations that hold for all t. By hand: sin(2wt + wp) =
/// sin(2wt) cos(wp) + cos(2wt) sin(wp), so a sin(2wt) + b cos(2wt) + b = sin(2wt + wp) + sin(wp)
/// for all t gives a = cos(wp), b = sin(wp) (from cos 2wt) and b = sin(wp) (the constant).
@Suite struct CoefficientMatchingTests {
    func last(_ text: String) -> StepResult? { Verifier().verify(text, file: "t.md").steps.last }
    let row = "$$a \\sin(2 w t) + b \\cos(2 w t) + b = \\sin(2 w t + w p) + \\sin(w p)$$\n\n"

    @Test func valuesThatFollow() {
        #expect(last(row + "$$\\Rightarrow b = \\sin(w p)$$")?.verdict == .valid)
        #expect(last(row + "$$\\Rightarrow a = \\cos(w p)$$")?.method.contains("coefficient matching") == true)
    }

    @Test func valuesThatDoNot() {
        let wrong = last(row + "$$\\Rightarrow a = \\sin(w p)$$")
        #expect(wrong?.verdict == .invalid)
        #expect(wrong?.reason.contains("coefficients") == true)
    }

    @Test func linearRowsWithSymbolicConstants() throws {
        let (a, b) = (Symbol("a"), Symbol("b"))
        let s = Expression(Symbol("s"))
        // a + b - s = 0 and a - b = 0: a = b = s/2.
        let rows = try #require(SymbolicLinearRows([Expression(a) + Expression(b) - s, Expression(a) - Expression(b)], unknowns: [a, b]))
        let r = try #require(SymbolicLinearRows.row(Expression(a) - s / Expression(2), [a, b]))
        #expect(rows.remainder(of: r) == .zero)
        // a + b - 1 = 0 and a + b - 2 = 0 contradict each other.
        #expect(SymbolicLinearRows([Expression(a) + Expression(b) - .one, Expression(a) + Expression(b) - Expression(2)], unknowns: [a, b]) == nil)
    }
}
