import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct StatementReaderTests {
    func shapes(_ latex: String) -> [[String]] {
        StatementReader.statements(latex, line: 1, column: 1).map { s in s.items.map(\.latex) }
    }

    @Test func chainsQuadsCommasAndArrows() {
        #expect(shapes("a = b = c") == [["a", "b", "c"]])
        #expect(shapes("x = 1 \\quad y = 2") == [["x", "1"], ["y", "2"]])
        #expect(shapes("Q_i = X W_i^Q, K_i = X W_i^K") == [["Q_i", "X W_i^Q"], ["K_i", "X W_i^K"]])
        #expect(shapes("f(a, b) = 1") == [["f(a, b)", "1"]])
        let arrow = StatementReader.statements("p = 0 \\Rightarrow x = 2", line: 1, column: 1)
        #expect(arrow.count == 2 && arrow[1].followsArrow)
    }

    @Test func wordsInsideMathJoinStatementsAndAreNeverLetters() {
        // Seed 001: `f(x) = \sigma(x) \text{ is } f'(x) = …` is a definition and a claim, not an
        // equation in the letters i, s and x.
        #expect(shapes("f(x) = \\sigma(x) \\text{ is } f'(x) = 1") == [["f(x)", "\\sigma(x)"], ["f'(x)", "1"]])
        let so = StatementReader.statements("a = 2 \\text{, so } b = 3", line: 1, column: 1)
        #expect(so.map { $0.items.map(\.latex) } == [["a", "2"], ["b", "3"]])
        #expect(so.count == 2 && so[1].followsArrow)
        #expect(shapes("y = W h \\text{ where } h = 3") == [["y", "W h"], ["h", "3"]])
        // `and` joins the relations of one condition (a system), and other words stay where they are.
        #expect(shapes("x + y = 3 \\text{ and } x - y = 1").count == 1)
        #expect(shapes("\\text{the area } A = 6") == [["A", "6"]])
        let report = Verifier().verify("$$f(x) = x^2 \\text{ is } f'(x) = 2x$$", file: "t.md")
        #expect(report.steps.map(\.verdict) == [.valid])
    }

    @Test func alignedLinesAndContinuations() {
        let s = StatementReader.statements("\\begin{aligned} f &= (x+1)^2 \\\\ &= x^2 + 2x + 1 \\end{aligned}", line: 1, column: 1)
        #expect(s.count == 2)
        #expect(s[1].continuesPrevious)
        #expect(s[1].items.last?.latex == "x^2 + 2x + 1")
        // `&` between cells (not before a relation) separates statements.
        #expect(shapes("\\begin{aligned} p &= 1 & q &= 2 \\end{aligned}") == [["p", "1"], ["q", "2"]])
    }

    @Test func alignLikeEnvironmentsInsideDisplayMath() {
        // align, align*, gather, eqnarray written inside $$…$$: their rows are the lines.
        #expect(shapes("\\begin{align} a &= b \\label{eq:1} \\\\ &= c \\tag{2} \\end{align}") == [["a", "b"], ["", "c"]])
        #expect(shapes("\\begin{gather*} a = b \\\\ c = d \\notag \\end{gather*}") == [["a", "b"], ["c", "d"]])
        // `=&` and eqnarray's `&=&` align the relation on either side.
        #expect(shapes("\\begin{align*} f =& g \\nonumber \\\\ =& h \\end{align*}") == [["f", "g"], ["", "h"]])
        #expect(shapes("\\begin{eqnarray} u &=& v \\\\ &=& w \\end{eqnarray}") == [["u", "v"], ["", "w"]])
        // A row opening with `&` (and `& &=`, `& \\quad =`) continues the previous left side.
        let rows = StatementReader.statements("\\begin{align} & p \\\\ & &= q \\\\ & \\quad = r \\end{align}", line: 1, column: 1)
        #expect(rows.map { $0.items.map(\.latex) } == [["p"], ["", "q"], ["", "r"]])
        #expect(rows[1].continuesPrevious && rows[2].continuesPrevious)
        // alignat's column count is no math.
        #expect(shapes("\\begin{alignat}{2} x &= 1 \\end{alignat}") == [["x", "1"]])
    }

    @Test func universalRemarksAndNamingWords() {
        // `\text{for all } u, v` says the statement holds everywhere: no condition, no statements.
        let s = StatementReader.statements("(u+v)^2 = u^2 + 2uv + v^2 \\quad \\text{for all } u, v", line: 1, column: 1)
        #expect(s.map { $0.items.map(\.latex) } == [["(u+v)^2", "u^2 + 2uv + v^2"]])
        #expect(!s[0].conditional)
        // With a relation it restricts the names: a condition.
        #expect(StatementReader.statements("\\sqrt{x^2} = x \\quad \\text{for all } x > 0", line: 1, column: 1)[0].conditional)
        // Words naming what follows are dropped; a function written in \text is kept.
        #expect(shapes("\\text{the area } A = 2 \\cdot 3") == [["A", "2 \\cdot 3"]])
        #expect(shapes("\\text{softmax}(z) = 1") == [["\\text{softmax}(z)", "1"]])
    }

    @Test func functionsTheDocumentDefines() {
        func declared(_ latex: String) -> Set<Character> { StatementReader.declaredFunctions(StatementReader.statements(latex, line: 1, column: 1)) }
        #expect(declared("q(x) = 3x^2 + 1") == ["q"])
        #expect(declared("p(s, t) = s t + 1") == ["p"])
        // A product, a right side without the parameter, one using the letter, a space before `(`: no function.
        #expect(declared("a(b + c) = ab + ac").isEmpty)
        #expect(declared("q(x) = 5").isEmpty)
        #expect(declared("k(x) = k x").isEmpty)
        #expect(declared("q (x) = 3x").isEmpty)
        // Read with q declared, q(2) is an application; q (2) with a space stays a product.
        let s = StatementReader.statements("q(2) = q (2)", line: 1, column: 1, functions: ["q"])
        #expect(s[0].items.map { try? $0.value.get().scalar } == [Expression.apply(.undefined("q"), [Expression(2)]), parse("2*q")])
    }

    @Test func labelsAreDropped() {
        #expect(shapes("\\text{Self Attention} : 4 \\times 768 = 3072") == [["4 \\times 768", "3072"]])
        #expect(shapes("12 \\times 2 = 24 : \\text{Encoder}") == [["12 \\times 2", "24"]])
        #expect(shapes("\\text{Feed Forward: } 12 \\times 5 = 60") == [["12 \\times 5", "60"]])
        #expect(shapes("\\#params = 10 \\times 768 = 7680.") == [["\\#params", "10 \\times 768", "7680"]])
    }

    @Test func casesAndConditions() {
        let piecewise = StatementReader.statements("h = \\begin{cases} 1 & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}", line: 1, column: 1)
        #expect(piecewise.count == 1)
        if case .failure(let e) = piecewise[0].items[1].value { #expect(e.construct == "a definition by cases") } else { Issue.record("read") }
        let system = shapes("\\begin{cases} a + b = 1 \\\\ a - b = 0 \\end{cases}")
        // A brace of equations standing alone is one system: its rows joined by `\text{ and }`.
        #expect(system.count == 1)
        #expect(system.first?.count == 3)
        let conditional = StatementReader.statements("g = 1 \\quad \\text{if } a \\geq 0", line: 1, column: 1)
        #expect(conditional.count == 1 && conditional[0].conditional)
    }

    @Test func boxedSolutionsAndGather() {
        #expect(shapes("\\boxed{\\lambda_1 = 1, \\lambda_2 = 4}") == [["\\lambda_1", "1"], ["\\lambda_2", "4"]])
        let blocks = MathBlockScanner.blocks(in: "\\begin{gather} a = 1 \\\\ b = 2 \\end{gather}")
        #expect(shapes(blocks[0].latex) == [["a", "1"], ["b", "2"]])
    }

    @Test func positionsAreInTheFile() {
        let s = StatementReader.statements("x = 1", line: 7, column: 3)
        #expect(s[0].items[0].line == 7 && s[0].items[0].column == 3)
        #expect(s[0].items[1].column == 7)
    }

    @Test func deepBoxesAndLongLabelRunsAreLinear() {
        // Both were unwrapped by recursion, copying the rest at each level: a stack overflow.
        let n = 100_000
        #expect(shapes(String(repeating: "\\boxed{", count: n) + "x = 1" + String(repeating: "}", count: n)) == [["x", "1"]])
        #expect(shapes(String(repeating: "\\text{a}: ", count: n) + "x = 1") == [["x", "1"]])
        #expect(shapes("\\boxed{x = 1}, \\boxed{y = 2}") == [["x", "1"], ["y", "2"]])
        #expect(shapes(String(repeating: "\\tag{", count: 20_000) + "x = 1").count <= 1)
    }
}
