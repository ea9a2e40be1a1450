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


/// Lines whose reading depends on the line before or on their sentence (seed mistakes).
@Suite struct CarriedValueTests {
    func steps(_ text: String) -> [StepResult] { Verifier().verify(text, file: "c.md").steps }

    /// `\times 8` after a wrong result: with the written value it fails, with the correct one it
    /// holds; the readings disagree, so neither verdict is given (it was invalid).
    @Test func anOperatorAfterAWrongResultHasTwoReadings() throws {
        let s = steps("$$4 \\times 768 \\times 768 = 2357296$$\n\n$$\\times 8 \\rightarrow 18874368$$\n")
        #expect(s.map(\.verdict) == [.invalid, .unchecked])
        #expect(s.last?.reason.contains("readings disagree") == true)
        // Carrying the wrong value in both readings fails both: invalid.
        let wrong = steps("$$4 \\times 768 \\times 768 = 2357296$$\n\n$$\\times 8 \\rightarrow 18000000$$\n")
        #expect(wrong.map(\.verdict) == [.invalid, .invalid])
        // After a right result nothing changes.
        let right = steps("$$4 \\times 768 \\times 768 = 2359296$$\n\n$$\\times 8 \\rightarrow 18874368$$\n")
        #expect(right.map(\.verdict) == [.valid, .valid])
    }

    /// An inequality between names given as the reason for what follows is a claim about their
    /// values; under `if` it stays a condition.
    @Test func aReasonIsChecked() throws {
        let given = "$$\\lambda_1 = 1$$\n\n$$\\lambda_2 = 4$$\n\n"
        let since = steps(given + "Since $\\lambda_1 > \\lambda_2$, we keep the first.\n")
        #expect(since.last?.verdict == .invalid, "\(since.map(\.reason))")
        let condition = steps(given + "If $\\lambda_1 > \\lambda_2$, we keep the first.\n")
        #expect(condition.last?.verdict != .invalid)
        let persian = steps(given + "از آنجایی که $\\lambda_2 > \\lambda_1$ ، مولفه دوم را انتخاب میکنیم.\n")
        #expect(persian.last?.verdict == .valid, "\(persian.map(\.reason))")
    }

    /// The premise of an approximation is shown as a step, not dropped.
    @Test func aMuchGreaterConditionIsShown() throws {
        let s = steps("$$\\text{if } \\exp(x) \\gg N \\rightarrow a \\approx 1$$\n")
        #expect(s.first?.verdict == .unchecked && s.first?.reason.contains("\\gg") == true, "\(s.map(\.reason))")
    }
}

@Suite struct PlainTableTests {
    @Test func aTableOfValuesIsSaidNotRead() {
        let tabs = "A truth table:\n\nx\ty\tz\n0\t0\t1\n0\t1\t0\n1\t1\t1\n\nand then $x + x = 2x$.\n"
        let steps = Verifier().verify(tabs, file: "t.md").steps
        #expect(steps.map(\.verdict) == [.unchecked, .valid])
        #expect(steps.first?.reason.contains("lines 4–6") == true, "\(steps.map(\.reason))")
        let markdown = "| a | b | a+b |\n|---|---|---|\n| 1 | 2 | 3 |\n| 2 | 2 | 5 |\n| 3 | 1 | 4 |\n"
        #expect(Verifier.plainTables(markdown.split(separator: "\n", omittingEmptySubsequences: false)).count == 1)
        // Prose with numbers in it, or two rows only, is no table.
        let prose = "In 2024 we had 3 runs of 10 epochs.\nThen 4 more.\nAnd 5.\n\n1\t2\t3\n4\t5\t6\n"
        #expect(Verifier.plainTables(prose.split(separator: "\n", omittingEmptySubsequences: false)).isEmpty)
    }
}

@Suite struct MalformedMathTests {
    /// Braces that do not pair up: an unchecked step naming the brace and its column, never dropped.
    @Test func unpairedBracesAreSaid() {
        let steps = Verifier().verify("We have\n$$\\frac{x}{ = 2$$\nand $$x + x = 2x$$\n", file: "b.md").steps
        #expect(steps.map(\.verdict) == [.unchecked, .valid])
        #expect(steps.first?.reason == "cannot read a { that is never closed (column 11)", "\(steps.map(\.reason))")
        let closing = Verifier().verify("$$x} = 2$$\n", file: "b.md").steps
        #expect(closing.first?.reason.contains("a } that closes nothing") == true)
    }
}

/// Under a wrong polynomial identity, the terms in which the sides differ (hand-derived).
@Suite struct TermDifferenceTests {
    @Test func theDifferingTermsAreListed() throws {
        let s = Verifier().verify("$$(x+1)^3 = x^3 + 3x^2 + 2x + 1$$\n\n$$(a+b)^2 = a^2 + b^2$$\n\n$$(x-1)(x+1) = x^2 + x - 1$$\n", file: "t.md").steps
        #expect(s.map(\.verdict) == [.invalid, .invalid, .invalid])
        #expect(s[0].terms?.map(\.sentence) == ["the coefficient of x is 3, not 2"])
        #expect(s[1].terms?.map(\.sentence) == ["the term 2*a*b is missing"])
        #expect(s[2].terms?.map(\.sentence) == ["the term x should not be there"])
        // In the JSON as a list.
        let report = Verifier().verify("$$(x+1)^3 = x^3 + 3x^2 + 2x + 1$$\n", file: "t.md")
        #expect(report.json.contains("\"terms\""))
        // A wrong number or a step that is not a polynomial has no list.
        #expect(Verifier().verify("$$2 + 2 = 5$$\n$$\\sin(x)^2 = 1$$\n", file: "t.md").steps.allSatisfy { $0.terms == nil })
    }
}
