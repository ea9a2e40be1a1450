import Foundation
import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct PrinterTests {
    @Test func latexOfTextbookForms() {
        #expect(parse("(x+1)/(x-1)").latex == "\\frac{x + 1}{x - 1}")
        #expect(parse("1 - tanh(x)^2").latex == "1 - \\tanh^{2}(x)")
        #expect(parse("sqrt(x)").latex == "\\sqrt{x}")
        #expect(parse("x^(1/3)").latex == "\\sqrt[3]{x}")
        #expect(parse("2*x*y").latex == "2 x y")
        #expect(parse("exp(-x)").latex == "e^{-x}")
        #expect(parse("-x/2").latex == "-\\frac{x}{2}")
        #expect(parse("2*3^x").latex == "2 \\cdot 3^{x}")
        #expect(parse("sigmoid(z)*(1-sigmoid(z))").latex == "\\sigma(z) (1 - \\sigma(z))")
        #expect(parse("abs(x)").latex == "\\left|x\\right|")
    }

    @Test func decoratedSymbols() {
        let gamma = Symbol("Gamma", subscriptText: "u", timeStep: .init("t"))
        #expect(LaTeXPrinter.symbol(gamma) == "\\Gamma_u^{\\langle t \\rangle}")
        #expect(LaTeXPrinter.symbol(Symbol("c", accent: .tilde, timeStep: .init("t-1", style: .paren))) == "\\tilde{c}^{(t-1)}")
        #expect(LaTeXPrinter.symbol(Symbol("W", subscriptText: "ua")) == "W_{ua}")
        #expect(LaTeXPrinter.symbol(Symbol("y", accent: .hat)) == "\\hat{y}")
        #expect(LaTeXPrinter.symbol(Symbol("#params")) == "\\mathit{\\#params}")
        #expect(LaTeXPrinter.symbol(Symbol("w*", subscriptText: "1")) == "w^{*}_1")
        let a = Expression(Symbol("a", timeStep: .init("t")))
        #expect(a.pow(2).latex == "{a^{\\langle t \\rangle}}^{2}")
    }

    /// Text that could run TeX or break its grouping, as a name, subscript, index or function name.
    static let hostileNames = [
        "\\input{/etc/hostname}", "\\end{document}", "}}}{", "{", "#1", "$x$", "a%b", "a&b", "x^^5c", "^^5c",
        "a_b_c", "x^", "_", "'", "a'^2", "\\", "\\verb|x|", "~", "\\catcode`\\^^5c=12", "\\def\\a{b}", "\\csname x\\endcsname",
        "\\text{max}", "\\theta_1", "\\hat{", "\\hat", "سرعت", "é", "²", "√", "\u{1}", "\u{7F}", "a b", String(repeating: "{", count: 40) + String(repeating: "}", count: 40),
    ]

    /// Every way the printer writes a name taken from a document.
    static func symbolForms(_ n: String) -> [String] {
        let symbols = [
            Symbol(n), Symbol(n + "*"), Symbol(n, accent: .hat), Symbol("x", subscriptText: n), Symbol(n, subscriptText: n, primes: 2),
            Symbol("a", timeStep: .init(n)), Symbol("a", timeStep: .init(n, style: .paren)), Symbol("W", timeStep: .init(n, style: .label)),
            Symbol(n + "*", subscriptText: "1", timeStep: .init("t"), primes: 1), Symbol(n, accent: .bold, primes: 1),
        ]
        var forms = symbols.map(LaTeXPrinter.symbol)
        forms += symbols.map { Expression($0).pow(2).latex }
        let x = Expression.symbol("x")
        forms.append(Expression.apply(.undefined(n), x).latex)
        forms.append(Expression.power(Expression.apply(.undefined(n), x), 2).latex)
        return forms
    }

    @Test func namesCannotRunTeX() {
        for n in PrinterTests.hostileNames {
            for form in PrinterTests.symbolForms(n) {
                #expect(TeXInspection.isInert(form), "\(form)")
                let sequences = Set(TeXInspection.controlSequences(form))
                #expect(sequences.isDisjoint(with: TeXInspection.dangerous.union(TeXInspection.structural)), "\(form)")
            }
        }
        #expect(LaTeXPrinter.symbol(Symbol("\\input{x}")) == "\\mathit{\\backslash \\mathrm{input}{x}}")
        #expect(LaTeXPrinter.symbol(Symbol("x", subscriptText: "\\text{max}")) == "x_{\\mathrm{max}}")
        #expect(LaTeXPrinter.symbol(Symbol("x", subscriptText: "\\theta_1")) == "x_{\\theta _{1}}")
        #expect(LaTeXPrinter.symbol(Symbol("c", timeStep: .init("t"), primes: 1)) == "{c'}^{\\langle t \\rangle}")
        #expect(LaTeXPrinter.symbol(Symbol("w*", primes: 1)) == "{w^{*}}'")
        #expect(Expression.apply(.undefined("f_1"), Expression.symbol("x")).latex == "\\operatorname{f_{1}}(x)")
    }

    @Test(.enabled(if: PdfLaTeXRun.available, "needs pdflatex (CI installs it)"))
    func hostileNamesCompile() throws {
        let body = PrinterTests.hostileNames.flatMap(PrinterTests.symbolForms).map { "\\[ \($0) \\]\n" }.joined()
        let run = try PdfLaTeXRun("\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n\(body)LAST\n\\end{document}\n")
        defer { run.remove() }
        #expect(run.status == 0)
        #expect(run.files == ["report.aux", "report.log", "report.pdf", "report.tex"])
    }

    @Test func plainOutputParsesBack() async {
        await propertyCheck(input: codeArrays) { codes in
            var d = ExpressionDecoder(codes)
            let e = d.general()
            let back = try? PlainParser.parse(e.description)
            #expect(back == e, "\(e.description)")
        }
    }

    @Test func stableOutput() {
        let e = parse("z*y + y*x + x*z + 3")
        #expect(e.description == "x*y + x*z + y*z + 3")
    }

    @Test func negatedProductsNeedNoParentheses() {
        #expect(parse("(x - y)^3").expanded().description == "x^3 - 3*x^2*y + 3*x*y^2 - y^3")
        #expect(parse("x - y/2").description == "x - y/2")
        #expect(parse("a - 2*b/(c + 1)").description == "a - 2*b/(c + 1)")
        for s in ["x^3 - 3*x^2*y + 3*x*y^2 - y^3", "x - y/2", "1 - x*y", "a - 2*b/(c + 1)", "x - 1/2"] {
            #expect(parse(parse(s).description) == parse(s), "\(s)")
        }
    }
}
