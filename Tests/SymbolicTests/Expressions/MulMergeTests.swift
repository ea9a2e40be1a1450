import Testing
@testable import Symbolic

@Suite struct MulMergeTests {
    /// Merging one expression into sorted factors gives what `MulBuilder` gives.
    @Test(arguments: ["sin(x)", "3*y*x", "x^(-2)", "1/y", "2", "0", "exp(x)", "x + 1", "z^w", "x^(1/2)", "t*sin(x)^2"])
    func sameAsMultiplication(_ d: String) {
        let product = parse("2*x^2*y*sin(x)*z^w")
        guard case .mul(let m) = product.kind else { Issue.record("not a product"); return }
        let merged = Expression.product(coefficient: m.coefficient, factors: m.factors, times: parse(d))
        #expect(merged == product * parse(d))
    }

    @Test func cancellationToOneFactor() {
        // x·y times 1/y is x, not a product of one factor.
        guard case .mul(let m) = parse("x*y").kind else { Issue.record("not a product"); return }
        #expect(Expression.product(coefficient: m.coefficient, factors: m.factors, times: parse("1/y")) == parse("x"))
    }

    @Test func skippingOneFactorIsTheProductRulesRest() {
        // 2·x²·y·sin(x) without its second factor (y), times cos(x): 2·x²·sin(x)·cos(x).
        guard case .mul(let m) = parse("2*x^2*y*sin(x)").kind, let i = m.factors.firstIndex(where: { $0.base == parse("y") }) else {
            Issue.record("not a product"); return
        }
        let merged = Expression.product(coefficient: m.coefficient, factors: m.factors, skipping: i, times: parse("cos(x)"))
        #expect(merged == parse("2*x^2*sin(x)*cos(x)"))
    }

    /// Merged exponents whose power rewrites still rewrite (a factor whose power keeps its base
    /// is not built as a power first, a shortcut that must leave these alone).
    @Test func mergedPowersThatRewrite() {
        let x = Expression.symbol("x"), y = Expression.symbol("y")
        let absX = Expression.apply(.abs, x)
        #expect(absX * absX == Expression.power(x, Expression(2)))                       // |x|^2 = x^2
        #expect(Expression.apply(.exp, x) * Expression.apply(.exp, y) == Expression.apply(.exp, x + y))
        let root2 = Expression(2).squareRoot
        #expect(root2 * root2 == Expression(2))                                          // 2^(1/2)·2^(1/2) = 2
        #expect(root2 * root2 * x == 2 * x)
        let s = Expression.apply(.sin, x)
        #expect(s.squareRoot * s.squareRoot == s)                                        // exponents add to 1
        #expect(Expression.power(s, y) * s == Expression.power(s, y + 1))                // kept: sin(x)^(y+1)
        guard case .mul(let m) = (Expression.power(s, y) * x).kind else { Issue.record("not a product"); return }
        #expect(m.factors.contains { $0.base == s && $0.exponent == y })
    }
}
