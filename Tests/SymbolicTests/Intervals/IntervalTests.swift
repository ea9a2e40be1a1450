import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct IntervalTests {
    @Test func intervalEvaluationIsRigorous() {
        let ev = IntervalEvaluator(point: [Symbol("x"): 1])
        guard case .value(let v) = ev.evaluate(parse("exp(x)")) else { Issue.record("no value"); return }
        // e = 2.718281828459045235...
        #expect(v.decimalString(digits: 10) == "2.718281828")
        #expect(v.isDisjoint(from: Interval(Rational("2.718281828459045236")!, precision: 128)))
        #expect(v.isDisjoint(from: Interval(Rational("2.7182818")!, precision: 128)))
        guard case .undefined = ev.evaluate(parse("log(x - 1)")) else { Issue.record("log 0 must be undefined"); return }
    }

    @Test func domainsAreDecidedOrUnknown() {
        let ev = IntervalEvaluator(point: [Symbol("x"): 0])
        // 1/x at 0 is certainly undefined; sqrt(x) at 0 is 0; log(sin(x)) straddles nothing: undefined.
        guard case .undefined = ev.evaluate(parse("1/x")) else { Issue.record("1/0"); return }
        guard case .value(let r) = ev.evaluate(parse("sqrt(x)")), r.isExactlyZero else { Issue.record("sqrt 0"); return }
        guard case .undefined = ev.evaluate(parse("log(sin(x))")) else { Issue.record("log 0"); return }
        // tan(pi/2) is undefined, decided by an interval for cos that is exactly… not exact: unknown or undefined, never a value.
        let near = IntervalEvaluator(point: [:])
        if case .value = near.evaluate(parse("tan(pi/2)")) { Issue.record("tan(pi/2) has no value") }
    }

    @Test func hugeArgumentsOfSineAreBoundedNotReduced() {
        // Reducing 2^1000000·x modulo 2π would need a million bits of π.
        let ev = IntervalEvaluator(point: [Symbol("x"): Rational(Integer(3), Integer(2))!])
        let angle = Expression(2).pow(Expression(1_000_000)) * Expression.symbol("x")
        guard case .value(let s) = ev.evaluate(Expression.apply(.sin, angle)) else { Issue.record("no bound for sin"); return }
        #expect(s.isDisjoint(from: Interval(Rational(2), precision: 128)))
        #expect(!s.isDisjoint(from: Interval(Rational(0), precision: 128)))
        if case .value = ev.evaluate(Expression.apply(.tan, angle)) { Issue.record("tan of a huge argument has no bound") }
    }

    @Test func failingPowerTowersAreEvaluatedOnce() {
        // At x = -3/2, x^x is undefined: each level of the tower used to evaluate its parts twice.
        var tower = Expression.symbol("x")
        for _ in 0..<60 { tower = Expression.symbol("x").pow(tower) }
        let ev = IntervalEvaluator(point: [Symbol("x"): Rational(Integer(-3), Integer(2))!])
        if case .value = ev.evaluate(tower) { Issue.record("a tower of x at -3/2 has no value") }
    }
}
