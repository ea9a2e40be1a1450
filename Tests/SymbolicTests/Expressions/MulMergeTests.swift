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
}
