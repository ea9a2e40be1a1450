import Testing
@testable import Symbolic

/// What authors write besides the core notation: spacing and formatting commands, signs after
/// product signs, bars, derivative notations, limits, integrals and named operators.
@Suite struct LaTeXReaderDialectTests {
    func read(_ s: String) -> Expression? { try? LaTeXReader.readExpression(s) }

    func fails(_ s: String) -> String? {
        do { _ = try LaTeXReader.read(s); return nil } catch { return error.construct }
    }

    @Test func spacingAndFormattingAreIgnored() {
        #expect(read("a \\hspace{1em} b") == parse("a*b"))
        #expect(read("\\hspace*{2cm} x + \\phantom{y} 1") == parse("x + 1"))
        #expect(read("\\displaystyle \\frac{1}{2} \\, x \\; \\! y \\quad") == nil)  // \quad ends a value
        #expect(read("\\displaystyle \\frac{1}{2} \\, x \\; \\! y") == parse("x*y/2"))
        #expect(read("\\sum\\limits_{i=1}^{3} i") == Expression(6))
        #expect(read("\\left. x^2 \\right.") == parse("x^2"))
        #expect(read("\\lvert -3 \\rvert + \\lvert x \\rvert") == parse("3 + abs(x)"))
    }

    @Test func signAfterAProductSign() {
        #expect(read("x \\cdot -e^{-x}") == parse("-x*exp(-x)"))
        #expect(read("2 \\times -3") == Expression(-6))
        #expect(read("4 * +2") == Expression(8))
    }

    @Test func conditionalBarIsNamed() {
        #expect(fails("P(A \\mid B)") == "a conditional bar \\mid")
        #expect(fails("\\foo(x)") == "\\foo")
    }
}
