import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Every recorded step says in `method` which kind of line it was taken for.
@Suite struct LineKindTests {
    func methods(_ text: String) -> [String] { Verifier().verify(text, file: "t.md").steps.map(\.method) }

    func kind(_ method: String) -> String { String(method.prefix { $0 != ":" }) }

    @Test func eachKindIsNamed() {
        let doc = """
        $$ (x + 1)^2 = x^2 + 2x + 1 $$

        $$ s = 3 $$
        $$ s = 4 $$

        $$ y = \\frac{1}{x} \\quad \\text{if } x \\neq 0 $$

        $$ x^2 - 5x + 6 = 0 \\rightarrow x_1 = 2, x_2 = 3 $$

        $$ 2x - 6 = x - 6 $$
        $$ \\Rightarrow x = 0 $$

        $$ z \\sim \\mathcal{N}(0, 1) $$

        $$ 2z \\sim \\mathcal{N}(0, 4) $$
        """
        #expect(methods(doc).map(kind) == [
            "identity claim", "redefinition", "conditional statement", "solving claim",
            "equation to solve", "equation step", "distribution claim",
        ])
    }

    @Test func definitionsAndAssumptionsAreNotes() {
        let report = Verifier().verify("Let $y = 2x$ and $a = b$.", file: "t.md")
        #expect(report.steps.isEmpty)
        #expect(report.notes.map(\.reason).contains { $0.hasPrefix("definition of y") })
        #expect(report.notes.map(\.reason).contains { $0.hasPrefix("assumption a = b") })
    }

    @Test func conditionsInProseAreAssumedNotClaimed() {
        let report = Verifier().verify("Let $a \\neq 0$, $0 < p < 1$ and $n \\in \\mathbb{N}$. So $1 > 2$.", file: "t.md")
        // The three conditions are notes; the false numeric claim is still checked.
        #expect(report.steps.map(\.verdict) == [.invalid])
        #expect(report.notes.filter { $0.reason.hasPrefix("premise") }.count == 3)
        // An inline argument with arrows is steps, not a condition.
        let argument = Verifier().verify("Hence $2 + b > 0 \\Rightarrow b > -2$.", file: "t.md")
        #expect(argument.steps.last?.verdict == .valid)
        // A stated condition restricts the parameter values tried: with a ≠ 0, dividing by a loses nothing.
        let division = Verifier().verify("Let $a \\neq 0$.\n\n$$a x = b \\Rightarrow x = \\frac{b}{a}$$", file: "t.md")
        #expect(division.steps.last?.verdict == .unchecked)
    }
}

/// `at the point $x = 4$` looks at a value; it defines nothing for the rest of the section.
@Suite struct PointPhraseTests {
    @Test func aPointInProseIsNoDefinition() {
        let doc = """
        Let $f(x) = x^2 + 1$. The tangent at the point $x = 4$ has slope $f'(4) = 8$.

        $$(x + 4)^2 = 16 x$$
        """
        let r = Verifier().verify(doc, file: "t.md")
        // Were x = 4 a definition, (x+4)² = 16x would hold (64 = 64); it is false for other x.
        #expect(r.steps.map(\.verdict) == [.valid, .invalid])
        #expect(r.notes.contains { $0.reason == "a point (x = 4), not a definition" })
    }

    @Test func listedPoints() {
        // `at $t = 1$ and $t = 3$`: both are points; t = 3 defines nothing.
        let doc = "Critical points at $t = 1$ and $t = 3$, so\n\n$$t^2 - 4t + 3 = (t - 1)(t - 3)$$\n\n$$t^2 = 9$$"
        let r = Verifier().verify(doc, file: "t.md")
        #expect(r.notes.filter { $0.reason.hasPrefix("a point") }.count == 2)
        // t² = 9 is then an equation in t, not 9 = 9 at a defined t.
        #expect(r.steps.map(\.verdict) == [.valid, .unchecked])
        #expect(Verifier.followsPointWords("we have $x = 1$ and", listed: true) == false)
    }

    @Test func letStillDefines() {
        let r = Verifier().verify("Let $x = 4$.\n\n$$(x + 4)^2 = 16 x$$", file: "t.md")
        #expect(r.steps.map(\.verdict) == [.valid])
        // Persian: «به ازای» (for) before the value.
        let fa = Verifier().verify("به ازای $x = 4$ داریم\n\n$$(x + 4)^2 = 16 x$$", file: "t.md")
        #expect(fa.steps.map(\.verdict) == [.invalid])
    }

    @Test func aDefinedFunctionWrittenAgainIsAClaimOrARedefinition() {
        let text = "Let $f(x) = x^2$. Then $f(2) = 4$.\n\nNow let $f(x) = x^3$, so $f(2) = 8$.\n\n$$f(t) = t \\cdot t^2$$\n"
        let r = Verifier().verify(text, file: "t.md")
        #expect(r.steps.map(\.verdict) == [.valid, .unchecked, .valid, .valid])
        #expect(r.steps[1].reason == "redefines f (earlier f(x) = x^2)")
        #expect(r.steps[1].method.hasPrefix("redefinition"))
        // The same function restated in other letters is a claim about it.
        #expect(r.steps[3].method.hasPrefix("identity claim"))
    }
}

