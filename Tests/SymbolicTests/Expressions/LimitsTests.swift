import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Every exact power checks its size against `Limits` before computing; past the limit it
/// stays a power and exact evaluation answers "not computed exactly".
@Suite struct LimitsTests {
    let x = Expression.symbol("x")

    func isPower(_ e: Expression) -> Bool { if case .power = e.kind { return true } else { return false } }

    @Test func sizeOfAPowerIsComputedWithoutOverflow() {
        #expect(Limits.bitsOfPower(Rational(7), Integer(10)) == 40)
        #expect(Limits.bitsOfPower(Rational(7), Integer(Int.max)) == nil)
        #expect(Limits.bitsOfPower(Rational(7), Integer(Int.min)) == nil)
        #expect(Limits.bitsOfPower(Rational(-1), Integer(2).power(100)) == 1)
        #expect(Limits.default.allowsPower(Rational(2), 1 << 20))
        #expect(!Limits.default.allowsPower(Rational(2), Integer(10).power(11)))
    }

    @Test func hugeNumericPowersStayUnevaluated() {
        let p = Expression(7).pow(Expression(Rational(Integer(10).power(20))))
        #expect(isPower(p))
        #expect(isPower(Expression(7).pow(Expression(Int.max))))
        #expect(isPower(Expression(7).pow(Expression(Int.min))))
        #expect(Expression(-1).pow(Expression(Rational(Integer(10).power(20) + 1))) == -1)
        #expect(Expression(0).pow(Expression(Rational(Integer(10).power(20)))) == .zero)
        #expect(Expression(0).pow(-Expression(Rational(Integer(10).power(20)))).isUndefined)
        // A non-integer exponent with a huge whole part, as 7^(t^24) at t = 13/4 asks for;
        // at t = 3/2 the whole part is 16834, small enough to compute.
        #expect(isPower(Expression(7).pow(Expression(Rational(Integer(13).power(24), Integer(4).power(24))!))))
        #expect(!isPower(Expression(7).pow(Expression(Rational(Integer(3).power(24), Integer(2).power(24))!))))
        #expect(isPower(Expression(7).pow(Expression(Rational(Integer(10).power(20), 3)!))))
    }

    @Test func productPowersCheckTheirCoefficient() {
        let p = (2 * x).pow(Expression(100_000_000_000))
        #expect(isPower(p))
        #expect(p.description == "(2*x)^100000000000")
        let q = (4 * Expression.symbol("z")).pow(Expression(Rational(Integer(10).power(10))))
        #expect(q.substituting([Symbol("z"): Expression(3)]).description == "12^10000000000")
        // Substituting into an integer power of a product goes through the same check.
        #expect(isPower(x.pow(Expression(Rational(Integer(10).power(10)))).substituting([Symbol("x"): 2 * Expression.symbol("y")])))
    }

    @Test func exactEvaluationPastTheLimitIsNotComputed() {
        let t = Symbol("t")
        let e = Expression(7).pow(Expression(t).pow(24))
        #expect(e.exactValue(at: [t: Rational(Integer(13), Integer(4))!]) == .irrational)
        #expect(e.exactValue(at: [t: Rational(6)]) == .irrational)
        #expect(e.exactValue(at: [t: Rational(1)]) == .rational(Rational(7)))
        #expect(Expression(Symbol("z")).pow(Expression(Int.min)).exactValue(at: [Symbol("z"): Rational(3)]) == .irrational)
    }

    @Test func rootsOfLargePowersAreFoundWithoutFactoring() {
        let big = Expression(2).pow(Expression(1 << 20))
        #expect(big.squareRoot == Expression(2).pow(Expression(1 << 19)))
        #expect((3 * big).squareRoot == Expression(2).pow(Expression(1 << 19)) * Expression(3).squareRoot)
        // A large prime squared is a perfect power of the root's degree.
        #expect((Expression(1_000_003).pow(2) * 2).squareRoot == 1_000_003 * Expression(2).squareRoot)
        #expect(Expression(2).pow(Expression(Rational(Integer(1), Integer(10).power(15))!)).description == "2^(1/1000000000000000)")
    }

    @Test func hugeAnglesAndExponentsStayAtoms() {
        let angle = Expression(2).pow(Expression(1_000_000)) * x
        let s = Expression.apply(.sin, angle)
        #expect(s.simplified() == s)
        #expect(parse("sin(100*x)^2 + cos(100*x)^2").simplified() == .one)
    }
}
