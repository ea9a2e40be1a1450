import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct SymbolTests {
    /// Names that share prefixes, pass 8 bytes, differ in case, or are not ASCII.
    private let names = ["a", "ab", "abc", "abcdefgh", "abcdefghi", "abcdefghj", "abcdefgg", "B", "b", "x", "x1", "x10", "x2",
                         "Gamma", "gamma", "alpha", "aa", "aaaaaaaaaa", "aaaaaaaab", "θ", "αβ", "a\u{301}", "é", "W", "W_", "z"]

    @Test func orderOfNamesIsTheStringOrder() {
        for p in names {
            for q in names {
                let expected = p == q ? 0 : (p < q ? -1 : 1)
                #expect(Symbol.compare(Symbol(p), Symbol(q)) == expected, "\(p) vs \(q)")
            }
        }
    }

    @Test func productsOfTwoSymbolsAreCanonical() {
        // The direct path for two symbols agrees with the general builder, in both orders.
        for p in names.prefix(8) {
            for q in names.prefix(8) {
                let (a, b) = (Expression(Symbol(p)), Expression(Symbol(q)))
                var builder = MulBuilder()
                builder.multiply(a); builder.multiply(b)
                #expect(a * b == builder.build())
                #expect(a * b == b * a)
                var sum = AddBuilder()
                sum.add(a); sum.add(b)
                #expect(a + b == sum.build())
                #expect(a + b == b + a)
            }
        }
        let x = Expression(Symbol("x"))
        #expect(x * x == x.pow(2))
        #expect(x + x == Expression(2) * x)
        #expect(Expression(3) + Expression(Rational(Integer(1), Integer(2))!) == Expression(Rational(Integer(7), Integer(2))!))
    }
}
