import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The product rule writes its summands straight into canonical terms (a performance path):
/// the result must be the very expression the general constructors build, Σᵢ c·Π_{j≠i} fⱼ · dfᵢ.
@Suite struct ProductRuleTests {
    let x = Symbol("x")

    /// The product rule through the general `*`, `+` and the derivative of each factor alone.
    func reference(_ e: Expression) -> Expression {
        guard case .mul(let m) = e.kind else { return e.derivative(with: x) }
        let powers = m.factors.map { Expression.power($0.base, $0.exponent) }
        var summands: [Expression] = []
        for i in powers.indices {
            var others = powers
            others.remove(at: i)
            summands.append(Expression(m.coefficient) * Expression.product(others) * powers[i].derivative(with: x))
        }
        return Expression.sum(summands)
    }

    /// The same, term by term for a sum.
    func referenceOfSum(_ e: Expression) -> Expression {
        guard case .add(let a) = e.kind else { return reference(e) }
        return Expression.sum(a.terms.map { Expression($0.coefficient) * reference($0.term) })
    }

    @Test func factorsOfEveryShapeGiveTheGeneralProduct() {
        let products = [
            "x^y*y^z*z^x", "3*x^(2*y)*y^(3*z)*z^(5*x)", "x^y*y", "x^(y+1)*y^2*sin(x)", "sin(x*y)^y*y*cos(x)",
            "abs(x)^3*y", "abs(x)*sin(x)", "exp(x)*x^2*y", "exp(x*y)*sin(x)", "2^(1/2)*x*y^x", "x^(1/2)*sin(x)^y",
            "log(x)*y/(x+1)", "(2*x+2)^3*y", "(x+1)*(x+2)*y", "(x+1)^(1/2)*x", "2^x*3^x*y", "pi^x*x", "x^x*y^x",
            "sin(x)^2*cos(x)^3", "tanh(x)*sigmoid(x)", "x^(-1)*log(x)", "y^(x^2)*z", "f(x)*x^2", "(x*y)^(1/3)*x",
            "x*y*z*sin(x)", "x^2*(x+y)^(-2)", "sin(x)^(1/2)*cos(x)^(-1/2)", "(1-x)^3*x^3", "z^(2*x)*z^(x*y)",
        ]
        for s in products {
            let e = parse(s)
            #expect(e.derivative(with: x) == reference(e), "d/dx of \(s)")
        }
    }

    @Test func exponentsPastAMachineWord() {
        // d/dx x^(2^70)·y = 2^70·x^(2^70 − 1)·y: the lowered exponent was once read as 0 (giving 2^70·y).
        let big = Integer(2).power(70)
        let e = Expression.power(Expression.symbol("x"), Expression(Rational(big))) * Expression.symbol("y")
        let expected = Expression(Rational(big)) * Expression.power(Expression.symbol("x"), Expression(Rational(big - Integer(1))))
            * Expression.symbol("y")
        #expect(e.derivative(with: x) == expected)
        #expect(parse("z^(3*x*y)*sin(x)").derivative(with: x) == reference(parse("z^(3*x*y)*sin(x)")))
    }

    /// symbench S3 at a small power: products of x^(a y), y^(b z), z^(c x), like terms merged.
    @Test func expandedPowerSums() {
        let f = parse("(x^y + y^z + z^x)^6").expanded()
        let d = f.derivative(with: x)
        #expect(d == referenceOfSum(f))
        guard case .add(let a) = d.kind else { Issue.record("not a sum"); return }
        // 28 terms (a + b + c = 6); those with a = c = 0 vanish, the others give two summands
        // (one when a or c is 0): 21 terms have a > 0, 21 have c > 0.
        #expect(a.terms.count == 42)
        let g = parse("(x^y*sin(x) + y*cos(x) + (x+1)^2)^3").expanded()
        #expect(g.derivative(with: x) == referenceOfSum(g))
    }

    @Test func randomProducts() async {
        await propertyCheck(input: codeArrays, codeArrays, Gen.int(in: 0...5)) { c1, c2, k in
            var d1 = ExpressionDecoder(c1), d2 = ExpressionDecoder(c2)
            let f = d1.general(), g = d2.general()
            let shapes = [parse("y^x"), parse("x^y"), parse("sin(x)^z"), parse("(x+2)^3"), parse("exp(y*x)"), parse("z")]
            let e = f * g * shapes[k]
            #expect(e.derivative(with: x) == reference(e), "d/dx of \(e)")
        }
    }
}
