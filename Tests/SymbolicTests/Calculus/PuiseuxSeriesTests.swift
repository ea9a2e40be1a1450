import Testing
import Symbolic
@testable import SymbolicCore

/// Limits from Puiseux series, against hand-derived values (each a textbook limit).
@Suite struct PuiseuxSeriesTests {
    let x = Symbol("x")

    @Test func finiteAndInfiniteLimitsAtAPoint() {
        // √x / x → +∞ from the right; (√(1+x) - 1)/x → 1/2; (eˣ - 1 - x)/x² → 1/2.
        #expect(LimitValue.of(parse("sqrt(x)/x"), x, at: .finite(.zero), side: .right) == .plusInfinity)
        #expect(LimitValue.of(parse("(sqrt(1 + x) - 1)/x"), x, at: .finite(.zero), side: .both) == .finite(Expression(Rational(1, 2)!)))
        #expect(LimitValue.of(parse("(exp(x) - 1 - x)/x^2"), x, at: .finite(.zero), side: .both) == .finite(Expression(Rational(1, 2)!)))
        // 1/x has different one-sided limits; |x|/x too (−1 and 1); 1/x² → +∞ from both sides.
        #expect(LimitValue.of(parse("1/x"), x, at: .finite(.zero), side: .both) == .none(left: .minusInfinity, right: .plusInfinity))
        #expect(LimitValue.of(parse("abs(x)/x"), x, at: .finite(.zero), side: .both) == .none(left: .finite(.minusOne), right: .finite(.one)))
        #expect(LimitValue.of(parse("1/x^2"), x, at: .finite(.zero), side: .both) == .plusInfinity)
        // x^20 / sin(x)^20 → 1 (beyond a fixed truncation order, within the relative one).
        #expect(LimitValue.of(parse("x^20/sin(x)^20"), x, at: .finite(.zero), side: .both) == .finite(.one))
    }

    @Test func limitsAtInfinity() {
        // √(x² + 1)/x → 1 at +∞ and −1 at −∞; √(x² + x) − x → 1/2; eˣ/x³ → +∞; x e^{−x} → 0.
        #expect(LimitValue.of(parse("sqrt(x^2 + 1)/x"), x, at: .plusInfinity, side: .both) == .finite(.one))
        #expect(LimitValue.of(parse("sqrt(x^2 + 1)/x"), x, at: .minusInfinity, side: .both) == .finite(.minusOne))
        #expect(LimitValue.of(parse("sqrt(x^2 + x) - x"), x, at: .plusInfinity, side: .both) == .finite(Expression(Rational(1, 2)!)))
        #expect(LimitValue.of(parse("exp(x)/x^3"), x, at: .plusInfinity, side: .both) == .plusInfinity)
        #expect(LimitValue.of(parse("x*exp(-x)"), x, at: .plusInfinity, side: .both) == .finite(.zero))
    }

    @Test func nothingIsGuessed() {
        // √x from the left is not real; a leading coefficient with a letter may vanish; x^x and
        // sin(1/x) are not expanded: no value.
        #expect(LimitValue.of(parse("sqrt(x)"), x, at: .finite(.zero), side: .left) == nil)
        #expect(LimitValue.of(parse("x^2/(a*x + x^2)"), x, at: .finite(.zero), side: .right) == nil)
        #expect(LimitValue.of(parse("sin(1/x)"), x, at: .finite(.zero), side: .right) == nil)
    }
}
