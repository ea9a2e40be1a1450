import Testing
@testable import SymbolicLaTeX

/// Pasted math re-emitted for TeX from closed lists only (the reports typeset what was written).
@Suite struct SafeLaTeXTests {
    @Test func mathAsWrittenComesBack() {
        #expect(SafeLaTeX.rewritten("4 \\times 768 \\times 768 = 2357296") == "4 \\times 768 \\times 768 = 2357296")
        #expect(SafeLaTeX.rewritten("(2x+3)(x-5)") == "(2x+3)(x-5)")
        #expect(SafeLaTeX.rewritten("\\frac{d}{dx} x^2 e^{3x}") == "\\frac {d}{dx} x^2 e^{3x}")
        #expect(SafeLaTeX.rewritten("X \\in \\mathbb{R}^{n\\times d}") == "X \\in \\mathbb {R}^{n\\times d}")
        #expect(SafeLaTeX.rewritten("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}") == "\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}")
        #expect(SafeLaTeX.rewritten("\\text{if } x \\gg N")?.hasPrefix("\\text{if }") == true)
        #expect(SafeLaTeX.rewritten("30,721,024") == "30{,}721{,}024")
    }

    @Test func anythingElseIsRefused() {
        for hostile in ["\\input{/etc/passwd} = 1", "q_{^^5cinput} + 1", "\\csname input\\endcsname",
                        "\\write18{touch pwned}", "\\begin{align} x \\end{align}", "\\begin{verbatim} x \\end{verbatim}",
                        "768 \\times 384 = 294912 \\end{cases}", "x = {1", "x = 1}", "a & b", "x \\\\ y", "\\left( x",
                        "\\text{\\input{x}}", "x \\# y", "سلام = 1", "۲ + ۲ = ۴", "\\url{http://x}", "\\catcode`\\^^5c=12"] {
            #expect(SafeLaTeX.rewritten(hostile) == nil, "\(hostile)")
        }
        // A definition is the macro expander's own: it is applied, never sent.
        #expect(SafeLaTeX.rewritten("x = \\def\\a{1} 2 \\a").map { !$0.contains("def") } ?? true)
        #expect(SafeLaTeX.rewritten("") == nil)
        #expect(SafeLaTeX.rewritten(String(repeating: "x + ", count: 2_000) + "x") == nil)
    }
}
