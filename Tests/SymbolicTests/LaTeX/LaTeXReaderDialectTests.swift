import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

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

    @Test func derivativeNotations() {
        // ∂²(x² y³)/∂x∂y = 6 x y², by hand.
        #expect(read("\\frac{\\partial^2}{\\partial x \\partial y} x^2 y^3") == parse("6*x*y^2"))
        #expect(read("\\frac{\\partial^2 (x^2 y^3)}{\\partial x^2}") == parse("2*y^3"))
        #expect(fails("\\frac{\\partial^3 f}{\\partial x \\partial y}") == "a derivative whose orders disagree")
        #expect(read("\\frac{d^2}{dx^2} x^4") == parse("12*x^2"))
        #expect(read("\\frac{d}{dx} 5") == .zero)
        #expect(read("\\frac{d^{3}}{dx^{3}} x^4") == parse("24*x"))
        // ∂²f/∂x∂y of a name stays a derivative of the name, for the document's definitions.
        #expect(read("\\frac{\\partial^2 f}{\\partial x \\partial y}") == Expression(.derivative(Expression(.derivative(Expression(Symbol("f")), Symbol("y"), order: 1)), Symbol("x"), order: 1)))
        // Subscript partials.
        #expect(read("\\partial_w (w x - t)^2") == parse("2*x*(w*x - t)"))
        #expect(read("\\partial_{o_j} o_j^2") == Expression(2) * Expression(Symbol("o", subscriptText: "j")))
        // dg/dx at a point is g'(t).
        #expect(read("\\frac{dg}{dx}(t)") == Expression.apply(.undefined("g'"), [Expression(Symbol("t"))]))
    }

    @Test func evaluationBars() {
        #expect(read("\\left. x^2 + 1 \\right|_{x=3}") == Expression(10))
        #expect(read("\\left.\\frac{d}{dx} x^3 \\right|_{x=2}") == Expression(12))
        #expect(read("\\left.\\frac{dh}{dx}\\right|_{x=a}") == Expression.apply(.undefined("h'"), [Expression(Symbol("a"))]))
        #expect(fails("\\left. x \\right|") == "\\left. … \\right| without a point")
    }

    @Test func primesAndDotsResolveAgainstDefinitions() {
        var d = Definitions()
        // (x² sin x)' = 2x sin x + x² cos x: the prime's variable is the one name.
        #expect(d.resolve(read("(x^2 \\sin x)'")!) == parse("2*x*sin(x) + x^2*cos(x)"))
        // With a = 3 given, (a u^2)' is by u (a has a value); u is the one name left.
        d.define(Symbol("a"), .scalar(Expression(3)))
        #expect(d.resolve(read("\\left(a u^2\\right)'")!) == parse("6*u"))
        // Two names without values: the variable is not clear, the derivative stays.
        #expect(d.resolve(read("(u v)'")!).contains(derivative: ()))
        // \dot{x} after x = t³ is dx/dt = 3t².
        d.define(Symbol("x"), .scalar(parse("t^3")))
        #expect(d.resolve(read("\\dot{x}")!) == parse("3*t^2"))
    }
}

/// Limits, definite integrals, evaluations between bounds and named operators, checked against
/// values worked out by hand.
@Suite struct LaTeXReaderCalculusTests {
    func read(_ s: String) -> Expression? { try? LaTeXReader.readExpression(s) }

    func fails(_ s: String) -> String? {
        do { _ = try LaTeXReader.read(s); return nil } catch { return error.construct }
    }

    @Test func limitsOfRationalFunctions() {
        // ((x+h)² - x²)/h = 2x + h → 2x; (x² - 9)/(x - 3) = x + 3 → 6; (x³ - 1)/(x - 1) → 3.
        #expect(read("\\lim_{h \\to 0} \\frac{(x + h)^2 - x^2}{h}") == parse("2*x"))
        #expect(read("\\lim_{x \\to 3} \\frac{x^2 - 9}{x - 3}") == Expression(6))
        #expect(read("\\lim\\limits_{x \\rightarrow 1} \\frac{x^3 - 1}{x - 1}") == Expression(3))
        #expect(read("\\lim_{x \\to 2} (x^2 + 1)") == Expression(5))
        #expect(read("\\lim_{x \\to 0^+} \\frac{x^2}{x}") == .zero)
        // At infinity: (3x² + 1)/(x² - x) → 3; 1/x → 0.
        #expect(read("\\lim_{x \\to \\infty} \\frac{3x^2 + 1}{x^2 - x}") == Expression(3))
        #expect(read("\\lim_{x \\to \\infty} \\frac{1}{x}") == .zero)
        // The difference quotient's h ≠ 0 is no condition on the result.
        #expect(try! LaTeXReader.readWithDomain("\\lim_{h \\to 0} \\frac{(x + h)^3 - x^3}{h}").domain.conditions.isEmpty)
        #expect(fails("\\lim_{x \\to 0} \\frac{1}{x}") == "\\lim that is no limit (from the left -∞, from the right +∞)")
        // h²/(ah + h²) → 0 only where a ≠ 0 (at a = 0 it is 1): the condition is kept.
        let (v, d) = try! LaTeXReader.readWithDomain("\\lim_{h \\to 0} \\frac{h^2}{a h + h^2}")
        #expect(v.scalar == .zero && d.conditions.map(\.expression) == [Expression(Symbol("a"))])
        // Standard limits through series of exp, log, sin and cos (exact below the truncation order).
        #expect(read("\\lim_{x \\to 0} \\frac{\\sin x}{x}") == .one)
        #expect(read("\\lim_{x \\to 0} \\frac{1 - \\cos x}{x^2}") == Expression(Rational(1, 2)!))
        #expect(read("\\lim_{x \\to 0} \\frac{e^{2x} - 1}{x}") == Expression(2))
        #expect(read("\\lim_{x \\to 1} \\frac{\\ln x}{x - 1}") == .one)
        #expect(read("\\lim_{h \\to 0} \\frac{\\sin(x + h) - \\sin x}{h}") == parse("cos(x)"))
        #expect(read("\\lim_{x \\to 0} \\frac{x - \\sin x}{x}") == .zero)
        // Past the rational path's series order, the Puiseux series (relative order) finds it.
        #expect(read("\\lim_{x \\to 0} \\frac{x^{20}}{\\sin(x)^{20}}") == .one)
        #expect(fails("\\lim_{x \\to 0} \\frac{\\tan x}{x}") == "\\lim of an expression that is not a rational function of x")
        #expect(fails("\\lim x") == "\\lim without its variable")
    }

    @Test func definiteIntegralsOfPolynomials() {
        #expect(read("\\int_0^1 x^2 \\, dx") == Expression(Rational(1, 3)!))
        #expect(read("\\int_{1}^{2} (3x^2 - 2x) \\, dx") == Expression(4))
        #expect(read("\\int_0^a t \\, \\mathrm{d}t") == parse("a^2/2"))
        #expect(read("\\int_{-1}^{1} (x^3 + c) dx") == parse("2*c"))
        // ∫₀¹ eˣ = e - 1; ∫₀^π sin x = 2; ∫₀^{π/2} cos 2x = 0; ∫₀¹ 3e^{2x+1} = 3(e³ - e)/2.
        #expect(read("\\int_0^1 e^x \\, dx") == parse("exp(1) - 1"))
        #expect(read("\\int_0^{\\pi} \\sin x \\, dx") == Expression(2))
        #expect(read("\\int_0^{\\pi/2} \\cos(2x) \\, dx") == .zero)
        #expect(read("\\int_0^1 3 e^{2x + 1} \\, dx") == parse("3*(exp(3) - exp(1))/2"))
        #expect(fails("\\int_0^1 x e^x \\, dx") == "\\int of an expression outside polynomials, e^{ax+b}, sin and cos in x")
        #expect(fails("\\int_0^1 x") == "\\int without its dx")
    }

    @Test func evaluationBetweenBounds() {
        #expect(read("\\left[ x^3 - x^2 \\right]_1^2") == Expression(4))
        #expect(read("[u^2]_{0}^{3}") == Expression(9))
        #expect(read("\\left. t^2 \\right|_0^2") == Expression(4))
        #expect(fails("\\left[ x y \\right]_0^1") == "an evaluation between bounds of an expression in 2 names")
    }

    @Test func namedOperators() {
        #expect(read("\\max(3, 7) + \\min(3, 7)") == Expression(10))
        // log₂ 8 = log 8 / log 2 (the checker proves it is 3); a base may be a name.
        #expect(read("\\log_2 8") == parse("log(8)/log(2)"))
        #expect(read("\\log_{b} x") == parse("log(x)/log(b)"))
        #expect(fails("\\max(a, b)") == "\\max of expressions that are not numbers")
        #expect(fails("\\max_x f(x)") == "\\max over a variable")
        #expect(fails("\\arg\\max_\\theta L") == "\\arg\\max (an optimum, not a value)")
    }
}
