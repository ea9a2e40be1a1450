import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct LaTeXReaderTests {
    func read(_ s: String) -> Expression {
        do { return try LaTeXReader.readExpression(s) } catch { fatalError("\(s): \(error)") }
    }

    func fails(_ s: String) -> String? {
        do { _ = try LaTeXReader.read(s); return nil } catch { return error.construct }
    }

    @Test func fractionsRootsAndPowers() {
        #expect(read("\\frac{a+b}{2}") == parse("(a+b)/2"))
        #expect(read("\\dfrac{1}{x^2}") == parse("x^-2"))
        #expect(read("\\sqrt{x}") == parse("sqrt(x)"))
        #expect(read("\\sqrt[3]{8}") == Expression(2))
        #expect(read("x^{2y}") == parse("x^(2*y)"))
        #expect(read("x^23") == parse("3*x^2"))  // TeX takes one digit
        #expect(read("e^{-x}") == parse("exp(-x)"))
        #expect(read("2e") == parse("2*exp(1)"))
        #expect(read("e_t") == Expression(Symbol("e", subscriptText: "t")))
    }

    @Test func productsAndGrouping() {
        #expect(read("2 \\cdot 3 \\times 4 * 5") == Expression(120))
        #expect(read("2xy") == parse("2*x*y"))
        #expect(read("\\left( x + 1 \\right)^2") == parse("(x+1)^2"))
        #expect(read("\\left[ x + 1 \\right] y") == parse("(x+1)*y"))
        #expect(read("|x - 1|") == parse("abs(x - 1)"))
        #expect(read("\\left| x \\right|") == parse("abs(x)"))
        #expect(read("\\boxed{x+1}") == parse("x+1"))
        #expect(read("\\underbrace{a+b}_{\\text{sum}}") == parse("a+b"))
    }

    @Test func functions() {
        #expect(read("\\sin^2 x + \\cos^2 x") == parse("sin(x)^2 + cos(x)^2"))
        #expect(read("\\sin 2x") == parse("sin(2*x)"))
        #expect(read("\\log(x) + \\ln y") == parse("log(x) + log(y)"))
        #expect(read("\\tanh(z)") == parse("tanh(z)"))
        #expect(read("\\sigma(z)") == parse("sigmoid(z)"))
        #expect(read("\\sigma'(z)") == parse("sigmoid(z)*(1 - sigmoid(z))"))
        #expect(read("\\text{ReLU}(x)") == parse("relu(x)"))
        #expect(read("\\operatorname{ReLU}(x - 1)") == parse("relu(x - 1)"))
        #expect(read("\\exp(x)") == parse("exp(x)"))
        #expect(read("\\arctan x") == parse("atan(x)"))
        #expect(read("\\sin^{-1} x") == parse("asin(x)"))
        #expect(read("f(x)") == parse("f(x)"))
    }

    @Test func functionNameWithoutArgumentIsOpaque() {
        let e = read("\\cos^2 + \\sin^2")
        #expect(e.freeSymbols == [Symbol("_")])
        #expect(e.equivalent(to: .one).isEqual)
    }

    /// `p\tilde{c}` is one name once the document differentiates with respect to it or defines it
    /// at the start of a row; without that, a letter against an accented letter is a product.
    @Test func compoundNamesNeedTheDocumentsEvidence() throws {
        func blocks(_ latex: String...) -> [MathBlock] { latex.map { MathBlock(latex: $0, line: 1, column: 1, display: true) } }
        #expect(LaTeXMacros.compoundNames(in: blocks("\\frac{\\partial L}{\\partial p\\tilde{c}^{(t)}} = 1")) == ["ptildec"])
        #expect(LaTeXMacros.compoundNames(in: blocks("p\\tilde{c}^{<t>} = W_c x + b_c")) == ["ptildec"])
        #expect(LaTeXMacros.compoundNames(in: blocks("\\begin{cases} p\\tilde{c}^{<t>} = W_c x \\\\ z\\hat{y} = 2 \\end{cases}")) == ["ptildec", "zhaty"])
        #expect(LaTeXMacros.compoundNames(in: blocks("c = u\\tilde{c} + (1 - u) c_0", "x = p\\tilde{c}", "ap\\tilde{c} = 1")).isEmpty)
        var macros = LaTeXMacros()
        macros.compoundNames = ["ptildec"]
        let name = Symbol("ptildec", timeStep: .init("t"))
        var r = LaTeXReader(tokens: try macros.expand(LaTeXLexer.tokens("\\tanh(p\\tilde{c}^{<t>})")).get())
        #expect(try r.readWhole() == .scalar(Expression.apply(.tanh, Expression(name))))
        #expect(LaTeXPrinter.symbol(Symbol("ptildec")) == "p\\tilde{c}")
        // Without the document's evidence the same text is a product.
        #expect(read("p\\tilde{c}") == Expression(Symbol("p")) * Expression(Symbol("c", accent: .tilde)))
    }

    /// Course names for gradients are one name, read and printed: `dc_{next}`, `d\gamma_f`.
    @Test func gradientNames() {
        let dGamma = Symbol("dgamma", subscriptText: "f")
        #expect(read("d\\gamma_f") == Expression(dGamma))
        #expect(read("2 d\\Gamma_{u}") == parse("2") * Expression(Symbol("dGamma", subscriptText: "u")))
        #expect(LaTeXPrinter.symbol(dGamma) == "d\\gamma_f")
        #expect(read("dc_{next}") == Expression(Symbol("dc", subscriptText: "next")))
        // Apart, or without a subscript, d is a letter of its own; in a derivative or an integral, a differential.
        #expect(read("d \\gamma_f") == Expression(Symbol("d")) * Expression(Symbol("gamma", subscriptText: "f")))
        #expect(read("d\\gamma") == Expression(Symbol("d")) * Expression(Symbol("gamma")))
        #expect(read("\\frac{d}{d\\theta_1} \\theta_1^2") == parse("2*theta_1"))
        #expect(read("\\int_0^1 x_1 \\, dx_1") == parse("1/2"))
        #expect(read("\\int_0^2 \\theta_{k} d\\theta_{k}") == parse("2"))
    }

    @Test func decoratedSymbols() {
        #expect(read("\\hat{y}") == Expression(Symbol("y", accent: .hat)))
        #expect(read("\\tilde{c}^{<t>}") == Expression(Symbol("c", accent: .tilde, timeStep: .init("t"))))
        #expect(read("a^{(t-1)}") == Expression(Symbol("a", timeStep: .init("t-1", style: .paren))))
        // Layer and example indices are names, not powers.
        #expect(read("W^{(1)}") == Expression(Symbol("W", timeStep: .init("1", style: .paren))))
        #expect(read("W^{[l]}") == Expression(Symbol("W", timeStep: .init("l", style: .bracket))))
        #expect(read("\\mathbf{W}^{(2)}") == Expression(Symbol("W", accent: .bold, timeStep: .init("2", style: .paren))))
        #expect(read("x^{(i)} x^{(i)}") == Expression(Symbol("x", timeStep: .init("i", style: .paren))).pow(2))
        #expect(read("x^{2}") == Expression(Symbol("x")).pow(2))
        #expect(read("a^{\\langle t \\rangle}") == Expression(Symbol("a", timeStep: .init("t"))))
        #expect(read("\\Gamma_u^{<t>}") == Expression(Symbol("Gamma", subscriptText: "u", timeStep: .init("t"))))
        #expect(read("W_{ua}") == Expression(Symbol("W", subscriptText: "ua")))
        #expect(read("\\mathbf{w}") == Expression(Symbol("w", accent: .bold)))
        #expect(read("\\bar{x}") == Expression(Symbol("x", accent: .bar)))
        #expect(read("W^Q") == Expression(Symbol("W", timeStep: .init("Q", style: .label))))
        #expect(read("w^*") == Expression(Symbol("w*")))
        #expect(read("stride") == Expression(Symbol("stride")))
    }

    @Test func numbersAsTheDocumentsWriteThem() {
        #expect(read("7,680,000") == Expression(7_680_000))
        #expect(read("۷,۶۸۰,۰۰۰") == Expression(7_680_000))
        #expect(read("٣٤") == Expression(34))
        #expect(read("2,8") == Expression(Rational(Integer(14), Integer(5))!))
        #expect(read("0.5") == Expression(Rational(Integer(1), Integer(2))!))
        #expect(read("\\#params") == Expression(Symbol("#params")))
    }

    @Test func derivatives() {
        #expect(read("\\frac{d}{dx} x^3") == parse("3*x^2"))
        #expect(read("\\frac{\\partial}{\\partial w} (w x + b)") == parse("x"))
        #expect(read("\\frac{\\partial^2 (x^3)}{\\partial x^2}") == parse("6*x"))
        let d = read("\\frac{\\partial L}{\\partial w}")
        #expect(d == Expression(.derivative(Expression.symbol("L"), Symbol("w"), order: 1)))
    }

    @Test func sumsWithNumericBounds() {
        #expect(read("\\sum_{k=1}^{4} k^2") == Expression(30))
        #expect(read("\\prod_{i=1}^{3} (x + i)") == parse("(x+1)*(x+2)*(x+3)"))
        // Symbolic bounds give a sum node, its index bound in `x_i`.
        guard case .bigOperator(let o) = read("\\sum_{i=1}^{n} x_i").kind else { Issue.record("not a sum"); return }
        #expect(o.upper == Expression.symbol("n") && o.lower == .one)
        #expect(read("\\sum_{i=1}^{n} x_i").freeSymbols == [Symbol("n")])
        #expect(fails("\\sum_{i \\in V} x_i") == "\\sum over this range")
        #expect(fails("\\sum_{i=1} x_i") == "\\sum with one bound")
    }

    @Test func indexedNamesAndKroneckerDeltas() {
        #expect(read("\\sum_{j=1}^{n} \\delta_{ij} x_j") == read("x_i"))
        #expect(read("\\sum_{j \\neq i} x_j") == read("\\sum_{j} x_j - x_i"))
    }

    @Test func matrices() throws {
        let v = try LaTeXReader.read("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ 1 \\end{pmatrix}")
        #expect(v == .matrix(Matrix([[3], [7]].map { $0.map { Expression($0) } })!))
        let t = try LaTeXReader.read("\\begin{bmatrix} 1 & 2 \\end{bmatrix}^T")
        #expect(t == .matrix(Matrix([[Expression(1)], [Expression(2)]])!))
        #expect(read("\\det \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}") == parse("a*d - b*c"))
        #expect(read("\\begin{vmatrix} 2 & 1 \\\\ 1 & 2 \\end{vmatrix}") == Expression(3))
        #expect(read("\\left| \\begin{pmatrix} 2 & 1 \\\\ 1 & 2 \\end{pmatrix} \\right|") == Expression(3))
        #expect(read("\\begin{bmatrix} a & b \\end{bmatrix} \\cdot \\begin{bmatrix} c & d \\end{bmatrix}") == parse("a*c + b*d"))
    }

    /// Spacing between entries inside brackets makes a row, as `&` does in bmatrix; elsewhere it
    /// is only spacing.
    @Test func spacedEntriesInBracketsAreARow() throws {
        let row = { (entries: [String]) in MathValue.matrix(Matrix([entries.map(parse)])!) }
        #expect(try LaTeXReader.read("[W_{ua} \\quad W_{ux}]") == row(["W_ua", "W_ux"]))
        #expect(try LaTeXReader.read("[1 \\, 2 \\, x + 1]") == row(["1", "2", "x + 1"]))
        #expect(try LaTeXReader.read("[a \\; (b + c) \\qquad d^2]") == row(["a", "b + c", "d^2"]))
        #expect(try LaTeXReader.read("[1 \\quad 2] + [3 \\quad 4]") == row(["4", "6"]))
        #expect(try LaTeXReader.read("[1 \\quad 2]^T") == .matrix(Matrix([[Expression(1)], [Expression(2)]])!))
        // One entry with spacing around it, a bracket in a product, spacing inside a group: not a row.
        #expect(read("[\\, x + 1 \\,]") == parse("x + 1"))
        #expect(read("2[x + 1]") == parse("2*x + 2"))
        #expect(read("[\\frac{a \\, b}{2}]") == parse("a*b/2"))
        // An entry's domain is the row's: [1/x \quad 1] is defined where x ≠ 0.
        var r = LaTeXReader(tokens: LaTeXLexer.tokens("[\\frac{1}{x} \\quad 1]"))
        _ = try r.readWhole()
        #expect(!r.domain.conditions.isEmpty)
    }

    @Test func determinantBarsAndDotProducts() {
        #expect(read("\\left| \\begin{pmatrix} 2 & 1 \\\\ 1 & 2 \\end{pmatrix} \\right|") == Expression(3))
        #expect(read("\\begin{bmatrix} a & b \\end{bmatrix} \\cdot \\begin{bmatrix} c & d \\end{bmatrix}") == parse("a*c + b*d"))
    }

    @Test func pastedUnicodeMath() {
        #expect(read("α + β") == Expression(Symbol("alpha")) + Expression(Symbol("beta")))
        #expect(read("x² + π") == parse("x^2 + pi"))
        #expect(read("\\lvert x \\rvert") == parse("abs(x)"))
        #expect(read("\\bigl( x + 1 \\bigr)") == parse("x + 1"))
    }

    @Test func unreadableConstructsAreNamed() {
        #expect(fails("(1, 2, 3)") == "a tuple")
        #expect(fails("\\int x dx") == "\\int without bounds (an indefinite integral)")
        #expect(read("E[x]") == Expression.expectation(.symbol("x")))
        #expect(fails("\\mathrm{Cov}(x)") == "Cov of 1 arguments")
        #expect(fails("x \\otimes y") == "\\otimes")
        #expect(fails("\\frac{1}{") != nil)
        #expect(fails(String(repeating: "{", count: 3000) + "x" + String(repeating: "}", count: 3000)) == "formula nested too deeply")
    }

    @Test func printedLaTeXReadsBack() async {
        await propertyCheck(input: codeArrays, Gen.int(in: -9...9)) { codes, a in
            var d = ExpressionDecoder(codes)
            let e = d.general()
            guard let back = try? LaTeXReader.readExpression(e.latex) else {
                Issue.record("did not read back: \(e.latex)"); return
            }
            // Same function (distributing numbers over sums may change the canonical shape).
            #expect(EquivalenceChecker().compare(e, back, at: point(a, a + 2, a - 3), [Symbol("x"), Symbol("y"), Symbol("z")]) == nil, "\(e.latex)")
            if case .different = e.equivalent(to: back) { Issue.record("\(e.latex) read back as a different function") }
        }
    }

    @Test func deepNestsAreRefusedCheaply() {
        // A 100,000-deep nest of fractions copied each group at every level (2 GB).
        let n = 100_000
        #expect(fails(String(repeating: "\\frac{1}{", count: n) + "x" + String(repeating: "}", count: n)) == "formula nested too deeply")
        #expect(fails(String(repeating: "\\frac{d \\frac{d ", count: 3000) + "x" + String(repeating: "}{dx}}{dx}", count: 3000)) == "formula nested too deeply")
        #expect(fails(String(repeating: "\\sum_{i=1}^{", count: 3000) + "3" + String(repeating: "} i", count: 3000)) == "formula nested too deeply")
        #expect(fails(String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n)) == "formula nested too deeply")
        // Shallow fractions over a long formula read as before.
        let long = (0..<20_000).map { "a_{\($0)}" }.joined(separator: " + ")
        #expect(read("\\frac{1}{\\frac{1}{" + long + "}}") == Expression.sum((0..<20_000).map { Expression(Symbol("a", subscriptText: "\($0)")) }))
        #expect(read("\\frac{x^23}{\\frac{d}{dx} x^2}") == parse("3*x^2/(2*x)"))
    }

    @Test func sumsAndMatrixPowersStayWithinTheLimits() {
        #expect(read("\\sum_{i=1}^{4} i^2") == Expression(30))
        // Too many terms to write out: the sums stay sums (never expanded).
        if case .bigOperator = read("\\sum_{i=1}^{9999} \\sum_{j=1}^{9999} \\sin(i j)").kind {} else { Issue.record("expanded") }
        if case .bigOperator = read("\\sum_{i=-9223372036854775808}^{9223372036854775807} i").kind {} else { Issue.record("expanded") }
        if case .bigOperator = read("\\sum_{i=1}^{10^{9}} x_i").kind {} else { Issue.record("expanded") }
        // Repeated products of a symbolic matrix share their entries: the trees grow as 4^k.
        let m = "\\begin{pmatrix} a & b & c & d \\\\ f & g & h & k \\\\ m & n & p & q \\\\ r & s & t & u \\end{pmatrix}"
        #expect(fails(m + "^{16}") == "a matrix power too large to compute")
        #expect(fails(String(repeating: m + " ", count: 16)) == "a product of matrices too large to compute")
        guard case .matrix(let square) = try? LaTeXReader.read(m + "^{2}") else { Issue.record("no square"); return }
        #expect(square[0, 0] == parse("a^2 + b*f + c*m + d*r"))
        let row = (0..<300).map { "x_{\($0)}" }.joined(separator: " & ")
        let big = "\\begin{pmatrix}" + Array(repeating: row, count: 300).joined(separator: " \\\\ ") + "\\end{pmatrix}"
        #expect(fails(big + " " + big) == "a product of matrices too large to compute")
    }

    @Test func longProductsAreBuiltOnce() {
        let names = (0..<20_000).map { "a_{\($0)}" }
        let product = Expression.product((0..<20_000).map { Expression(Symbol("a", subscriptText: "\($0)")) })
        #expect(read(names.joined(separator: " ")) == product)
        #expect(read(names.joined(separator: " \\cdot ")) == product)
        #expect(read("2 (x + 1) y / 2") == parse("(x + 1)*y"))
    }
}

extension EquivalenceResult {
    var isEqual: Bool { if case .equal = self { return true }; return false }
}
