import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct DifferentiateTests {
    let x = Symbol("x")

    @Test func textbookDerivatives() {
        #expect(parse("x^3").derivative(with: x) == parse("3*x^2"))
        #expect(parse("sigmoid(x)").derivative(with: x) == parse("sigmoid(x)*(1 - sigmoid(x))"))
        #expect(parse("tanh(x)").derivative(with: x) == parse("1 - tanh(x)^2"))
        #expect(parse("relu(x)").derivative(with: x) == parse("heaviside(x)"))
        #expect(parse("log(x)").derivative(with: x) == parse("1/x"))
        #expect(parse("exp(2*x)").derivative(with: x) == parse("2*exp(2*x)"))
        #expect(parse("sin(x^2)").derivative(with: x) == parse("2*x*cos(x^2)"))
        #expect(parse("x^x").derivative(with: x) == parse("x^x*(log(x) + 1)"))
        #expect(parse("y").derivative(with: x) == .zero)
    }

    /// The summands of the terms' derivatives are gathered by rank (a performance detail): the
    /// sum must still be the canonical one, with like summands merged and constants kept.
    @Test func sumsWhoseTermsHaveSeveralSummandsInTheirDerivatives() {
        // d/dx (x^y z^x) = y x^(y-1) z^x + x^y z^x log z; the second and third terms share summands.
        let d = parse("x^y*z^x + x*log(x) + x^2*log(x) + 3*x").derivative(with: x)
        #expect(d == parse("y*x^(y - 1)*z^x + x^y*z^x*log(z) + log(x) + 1 + 2*x*log(x) + x + 3"))
        // Summands that cancel across terms leave nothing behind.
        #expect(parse("x*log(x) - x*log(x) + x*y").derivative(with: x) == parse("y"))
        #expect(parse("x*log(x) + x*exp(x)").derivative(with: x) == parse("log(x) + 1 + exp(x) + x*exp(x)"))
    }

    /// `d(b^x) = b^x·(x'·log b + x·b'/b)`, written with the general operators: the rule builds
    /// x·b'/b as one product and reuses the node b^x, and must give the same expression.
    @Test func generalPowerRuleIsTheFormula() {
        func formula(_ b: Expression, _ e: Expression) -> Expression {
            let db = b.derivative(with: x), de = e.derivative(with: x)
            return Expression.power(b, e) * (de * Expression.apply(.log, b) + e * db / b)
        }
        var nested = Expression(23)
        for k in 1...4 {
            // SymEngine's diff_cache, four levels: e ← e^(cos √(log sin(x^k)) + e).
            let inner = Expression.apply(.cos, Expression.apply(.log, Expression.apply(.sin, parse("x^\(k)"))).squareRoot)
            let next = nested.pow(inner + nested)
            if case .power(let b, let e) = next.kind, b.contains(x) {
                #expect(next.derivative(with: x) == formula(b, e), "level \(k)")
            }
            nested = next
        }
        for (b, e) in [("x", "x"), ("x + 1", "sin(x)"), ("2*x", "x^2"), ("sin(x)", "x*y"), ("x^x", "x + 1"), ("x*y + 3", "-x")] {
            let p = Expression.power(parse(b), parse(e))
            guard case .power(let pb, let pe) = p.kind else { continue }
            #expect(p.derivative(with: x) == formula(pb, pe), "(\(b))^(\(e))")
        }
    }

    @Test func undefinedFunctionsGiveUnevaluatedDerivatives() {
        let d = parse("f(x)^2").derivative(with: x)
        let fx = parse("f(x)")
        #expect(d == 2 * fx * Expression(.derivative(fx, x, order: 1)))
        #expect(Expression(.derivative(fx, x, order: 1)).latex == "\\frac{\\partial}{\\partial x}\\left(f(x)\\right)")
    }

    @Test func higherDerivativesOfAnExpansion() {
        // d^5/dx^5 of x^7 y = 7!/2! x^2 y = 2520 x^2 y
        #expect(parse("x^7*y + x^4").derivative(with: x, times: 5) == parse("2520*x^2*y"))
    }

    @Test func productRule() async {
        await propertyCheck(input: codeArrays, codeArrays, Gen.int(in: -9...9)) { c1, c2, a in
            var d1 = ExpressionDecoder(c1), d2 = ExpressionDecoder(c2)
            let f = d1.general(), g = d2.general()
            let lhs = (f * g).derivative(with: x)
            let rhs = f.derivative(with: x) * g + f * g.derivative(with: x)
            // Compare exactly where rational, otherwise with certified intervals.
            let p = point(a, a + 1, a - 1)
            let checker = EquivalenceChecker()
            #expect(checker.compare(lhs, rhs, at: p, [Symbol("x"), Symbol("y"), Symbol("z")]) == nil)
        }
    }

    @Test func derivativeMatchesDifferenceQuotientOnPolynomials() async {
        await propertyCheck(input: codeArrays, Gen.int(in: -9...9)) { codes, a in
            var d = ExpressionDecoder(codes)
            let f = d.polynomial()
            // For a polynomial, f(x+h) - f(x) - h f'(x) is divisible by h^2: check the h-linear coefficient vanishes.
            let h = Symbol("h")
            let shifted = f.substituting([x: Expression.symbol("x") + Expression(h)])
            let diff = (shifted - f - Expression(h) * f.derivative(with: x)).expanded()
            let cs = diff.coefficients(in: h) ?? [:]
            #expect(cs[0] == nil && cs[1] == nil)
        }
    }

    @Test func highOrdersStopAtTheSizeLimit() {
        // The derivatives of x^x grow exponentially: past the node limit the rest stays unevaluated.
        var small = Limits.default
        small.maximumExpressionNodes = 2_000
        let (d, remaining) = parse("x^x").boundedDerivative(with: x, times: 40, limits: small)
        #expect(remaining > 0 && remaining < 40)
        #expect(d.treeSize(exceeds: 2_000) && !d.treeSize(exceeds: 20 * 2_000))
        #expect(parse("x^x").boundedDerivative(with: x, times: 3, limits: small).remaining == 0)
        // An order past the limit is not attempted; a derivative that vanishes stops early.
        guard case .derivative(_, _, 1_000_000_000) = parse("sin(x)").derivative(with: x, times: 1_000_000_000).kind else {
            Issue.record("a huge order was attempted"); return
        }
        #expect(parse("x^3").derivative(with: x, times: 1000) == .zero)
        #expect(parse("sin(x)").derivative(with: x, times: 1000) == parse("sin(x)"))
    }

    @Test func deepCompositionsDifferentiateAndSimplifyQuickly() {
        var e = parse("x")
        for _ in 0..<150 { e = Expression.apply(.sin, e) }
        let d = e.derivative(with: x).simplified()
        guard case .mul(let m) = d.kind else { Issue.record("not a product"); return }
        #expect(m.factors.count == 150)
    }

    @Test func treeSizeStopsCounting() {
        var e = parse("x")
        for _ in 0..<64 { e = Expression.apply(.undefined("f"), [e, e]) }  // 2^64 nodes as a tree
        #expect(e.treeSize(exceeds: 1000))
        #expect(!parse("x + y").treeSize(exceeds: 3))
        #expect(parse("x + y").treeSize(exceeds: 2))
    }
}

@Suite struct SharedSubexpressionTests {
    /// f₀ = x, fₖ₊₁ = sin(fₖ)·fₖ + fₖ: each level uses the previous one three times, so a tree walk
    /// would visit 3^k paths. The derivative is checked against the chain rule by recurrence.
    @Test func deepSharedExpressionsDifferentiateByTheChainRule() {
        let x = Symbol("x")
        var f = Expression(x)
        var expected = Expression.one
        for _ in 0..<10 {
            // d/dx [sin(f) f + f] = (cos(f) f + sin(f) + 1) f'
            expected = (Expression.apply(.cos, f) * f + Expression.apply(.sin, f) + 1) * expected
            f = Expression.apply(.sin, f) * f + f
        }
        let d = f.derivative(with: x)
        let point: [Symbol: Rational] = [x: Rational(1, 3)!]
        #expect(EquivalenceChecker().compare(d, expected, at: point, [x]) == nil)
        let e = IntervalEvaluator(point: point)
        guard case .value(let a) = e.evaluate(d), case .value(let b) = e.evaluate(expected) else {
            Issue.record("could not evaluate")
            return
        }
        #expect(!a.isDisjoint(from: b))
    }
}
