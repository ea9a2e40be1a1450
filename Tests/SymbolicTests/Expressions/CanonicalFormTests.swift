import Testing
@testable import Symbolic

@Suite struct CanonicalFormTests {
    let x = Expression.symbol("x"), y = Expression.symbol("y")

    @Test func likeTermsAndPowersMerge() {
        #expect(x + x == 2 * x)
        #expect(x * x == x.pow(2))
        #expect(0 * x == .zero)
        #expect(x.pow(0) == .one)
        #expect(x - x == .zero)
        #expect(x / x == .one)
        #expect((x * y) / y == x)
        #expect(x.pow(2) * x.pow(-2) == .one)
    }

    @Test func numericCoefficientsDistributeOverSums() {
        #expect(2 * (x + y) == 2 * x + 2 * y)
        guard case .add(let a) = (2 * (x + y)).kind else { Issue.record("not a sum"); return }
        #expect(a.terms.count == 2)
    }

    @Test func orderIsIndependentOfConstructionOrder() {
        let a = Expression.sum([x.pow(2), 3 * y, .one, x * y])
        let b = Expression.sum([.one, x * y, 3 * y, x.pow(2)])
        #expect(a == b)
        #expect(a.description == b.description)
        #expect(a.description == "x^2 + x*y + 3*y + 1")
    }

    @Test func numericRootsAreCanonical() {
        let two = Expression(2)
        #expect(two.squareRoot * two.squareRoot == two)
        #expect(Expression(12).squareRoot == 2 * Expression(3).squareRoot)
        #expect(Expression(2).squareRoot * Expression(3).squareRoot == Expression(6).squareRoot)
        #expect(Expression(-8).pow(Expression(Rational(Integer(1), Integer(3))!)) == Expression(-2))
        #expect(Expression(-4).squareRoot.isUndefined)
        #expect((Expression.one / 0).isUndefined)
    }

    @Test func realRootsKeepTheirDomain() {
        // sqrt(x^2) is |x|, never x.
        #expect((x.pow(2)).squareRoot == Expression.apply(.abs, x))
        #expect(((x * y).pow(2)).squareRoot == Expression.apply(.abs, x) * Expression.apply(.abs, y))
        // (sqrt x)^2 = x wherever sqrt x is defined.
        #expect(x.squareRoot.pow(2) == x)
    }

    @Test func functionIdentities() {
        #expect(Expression.apply(.sin, -x) == -Expression.apply(.sin, x))
        #expect(Expression.apply(.cos, -x) == Expression.apply(.cos, x))
        #expect(Expression.apply(.exp, Expression.apply(.log, x)) == x)
        #expect(Expression.apply(.log, Expression.apply(.exp, x)) == x)
        #expect(Expression.apply(.sin, Expression.pi / 6) == Expression(Rational(Integer(1), Integer(2))!))
        #expect(Expression.apply(.cos, Expression.pi) == -1)
        #expect(Expression.apply(.exp, x) * Expression.apply(.exp, y) == Expression.apply(.exp, x + y))
        #expect(Expression.apply(.relu, Expression(-3)) == .zero)
        #expect(Expression.apply(.abs, Expression.apply(.exp, x)) == Expression.apply(.exp, x))
    }

    @Test func hashesAreStructural() {
        let a = (x + 1) * (y - 2), b = (y - 2) * (1 + x)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }
}
