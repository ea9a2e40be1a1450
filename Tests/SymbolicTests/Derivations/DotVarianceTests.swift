import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct DotVarianceTests {
    func sym(_ s: String) -> Expression { try! LaTeXReader.readExpression(s) }

    @Test(arguments: [false, true]) func everyStepVerifies(_ scaled: Bool) throws {
        for v in [Expression.one, sym("s^2"), Expression(3)] {
            let d = DotVariance.derivation(variance: v, scaled: scaled)
            let outcomes = d.verification().compactMap { $0 }
            #expect(outcomes.count >= 9)
            for o in outcomes { #expect(o.verdict == .valid, "σ² = \(v): \(o.reason)") }
        }
    }

    /// E[(Σ_{i≤D} a_i b_i)²] by brute force, independently of the engine's expectations: the
    /// square expanded into monomials, each monomial's expectation the product of Gaussian moments
    /// E[x^k] = (k-1)!! σ^k (k even), 0 (k odd), the entries independent.
    func bruteForce(_ D: Int, variance v: Rational) -> Rational {
        // A monomial of a_1..a_D, b_1..b_D as exponent vectors; (Σ a_i b_i)² = Σ_{i,j} a_i b_i a_j b_j.
        var total = Rational.zero
        for i in 1...D {
            for j in 1...D {
                var exponents: [String: Int] = [:]
                for name in ["a\(i)", "b\(i)", "a\(j)", "b\(j)"] { exponents[name, default: 0] += 1 }
                var e = Rational.one
                for (_, k) in exponents {
                    if k % 2 == 1 { e = .zero; break }
                    var doubleFactorial = 1
                    for m in stride(from: k - 1, to: 0, by: -2) { doubleFactorial *= m }
                    e = e * Rational(doubleFactorial) * v.power(k / 2)!
                }
                total = total + e
            }
        }
        return total
    }

    @Test(arguments: 1...4) func resultMatchesExactMoments(_ D: Int) throws {
        for v in [Rational.one, Rational(2), Rational(1, 3)!] {
            let d = DotVariance.derivation(variance: Expression(v))
            let step = try #require(d.steps.first { $0.isResult })
            guard case .scalar(let result) = step.rhs else { Issue.record("not a scalar"); return }
            let atD = result.substituting([Symbol("D"): Expression(D)])
            #expect(atD == Expression(bruteForce(D, variance: v)), "D = \(D), σ² = \(v)")
        }
    }

    @Test func wrongClaimsAreRefuted() {
        let d = DotVariance.derivation()
        var checker = StepChecker()
        checker.probability = d.probability
        let E = Expression.expectation
        let dot = Expression.bigOperator(.sum, index: Symbol("i"), lower: .one, upper: sym("D"), body: sym("a_i b_i"))
        // E[(aᵀb)²] is D, not 2D; the fourth moment of a_i b_i is 9, not the Gaussian 3.
        #expect(checker.check(.scalar(E(Expression.power(dot, 2))), .equal, .scalar(sym("2D"))).verdict == .invalid)
        #expect(checker.check(.scalar(E(Expression.power(sym("a_i b_i"), 4))), .equal, .scalar(Expression(3))).verdict == .invalid)
    }
}
