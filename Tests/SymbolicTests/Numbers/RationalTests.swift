import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct RationalTests {
    @Test func normalisation() throws {
        let r = try #require(Rational(Integer(6), Integer(-4)))
        #expect(r.numerator == Integer(-3) && r.denominator == Integer(2))
        #expect(Rational(Integer(1), .zero) == nil)
        #expect(Rational("3/0") == nil)
        #expect(Rational("3/-0") == nil)
        #expect(Rational("-4/-6") == Rational(Integer(2), Integer(3)))
        #expect(Rational("0/5") == .zero)
        #expect(Rational("2.5") == Rational(Integer(5), Integer(2)))
        #expect(Rational("-0.125") == Rational(Integer(-1), Integer(8)))
        #expect(Rational("12345678901234567890123/7")?.description == "12345678901234567890123/7")
    }

    @Test func arithmetic() {
        let a = Rational(Integer(1), Integer(6))!, b = Rational(Integer(1), Integer(10))!
        #expect(a + b == Rational(Integer(4), Integer(15)))
        #expect(a * b == Rational(Integer(1), Integer(60)))
        #expect((a / b) == Rational(Integer(5), Integer(3)))
        #expect(Rational.zero.inverse == nil)
        #expect(Rational(Integer(2), Integer(3))!.power(-2) == Rational(Integer(9), Integer(4)))
        #expect(Rational(Integer(8), Integer(27))!.exactRoot(3) == Rational(Integer(2), Integer(3)))
    }

    @Test func harmonicSumMatchesSequentialSum() {
        // H_30 = 9304682830147/2329089562800 (a known value).
        let terms = (1...30).map { Rational(Integer(1), Integer($0))! }
        let h = Rational.sum(terms)
        #expect(h.description == "9304682830147/2329089562800")
        #expect(h == terms.reduce(Rational.zero, +))
    }

    @Test func fieldLaws() async {
        let g = Gen.int(in: -1_000_000...1_000_000)
        await propertyCheck(input: g, g, g, Gen.int(in: 1...1_000_000)) { a, b, c, d in
            let x = Rational(Integer(a), Integer(d))!, y = Rational(Integer(b), Integer(d + 1))!
            let z = Rational(Integer(c) * Integer(Int.max), Integer(d + 2))!  // past 64 bits
            #expect((x + y) + z == x + (y + z))
            #expect(x * (y + z) == x * y + x * z)
            #expect(x - x == .zero)
            if !y.isZero { #expect((x / y)! * y == x) }
            #expect(Rational.compare(x, y) == -Rational.compare(y, x))
        }
    }
}
