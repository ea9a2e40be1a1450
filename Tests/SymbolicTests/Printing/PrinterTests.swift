import PropertyBased
import Testing
@testable import Symbolic

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
