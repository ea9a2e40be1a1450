import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct ListPolynomialTests {
    /// The coefficients by monomial (as word arrays).
    private func table(_ p: ListPolynomial) -> [[UInt64]: Integer] {
        var t: [[UInt64]: Integer] = [:]
        for i in 0..<p.count { t[Array(p.monomial(i))] = p.coefficients[i] }
        return t
    }

    private func word(_ g: Int, _ k: Int) -> UInt64 { UInt64(g) << 32 | UInt64(k) }

    @Test func differenceOfSquares() {
        // (a + b)(a - b) = a² - b²: the ab terms cancel and are dropped.
        let a = ListPolynomial.generator(0), b = ListPolynomial.generator(1)
        let sum = ListPolynomial.sum([(a, .one), (b, .one)])
        let difference = ListPolynomial.sum([(a, .one), (b, .minusOne)])
        let t = table(sum * difference)
        #expect(t.count == 2)
        #expect(t[[word(0, 2)]] == Integer(1))
        #expect(t[[word(1, 2)]] == Integer(-1))
    }

    @Test func commonDenominator() {
        // (a/2 + 1/3)^2 = a²/4 + a/3 + 1/9 = (9a² + 12a + 4)/36.
        let p = ListPolynomial.sum([(.generator(0), Rational(1, 2)!), (.constant(.one), Rational(1, 3)!)]).power(2)
        #expect(p.denominator == Integer(36))
        let t = table(p)
        #expect(t[[word(0, 2)]] == Integer(9) && t[[word(0, 1)]] == Integer(12) && t[[]] == Integer(4))
    }

    @Test func canonicalOrderIsLexicographicHigherFirst() {
        // Generators 0 < 1 < 2: x0² > x0·x1 > x0 > x1² > x1·x2 > x2 > 1.
        var p = ListPolynomial()
        let monomials: [[UInt64]] = [[word(2, 1)], [], [word(0, 1)], [word(1, 1), word(2, 1)], [word(0, 2)], [word(1, 2)], [word(0, 1), word(1, 1)]]
        for m in monomials { p.append(m, .one) }
        let expected: [[UInt64]] = [[word(0, 2)], [word(0, 1), word(1, 1)], [word(0, 1)], [word(1, 2)], [word(1, 1), word(2, 1)], [word(2, 1)], []]
        #expect(p.canonicalOrder().map { Array(p.monomial($0)) } == expected)
    }

    @Test func expansionWithMoreGeneratorsThanOneWord() {
        // (a0 + … + a39)^2 needs 40 × 2 bits: 40 squares with coefficient 1 and C(40, 2) = 780
        // products with coefficient 2, and the value at a_i = 1/(i + 1) is (H_40)^2.
        let symbols = (0..<40).map { Expression(Symbol("a\($0)")) }
        let e = Expression.sum(symbols).pow(2).expanded()
        guard case .add(let sum) = e.kind else { Issue.record("not a sum"); return }
        #expect(sum.terms.count == 820)
        #expect(sum.terms.filter { $0.coefficient == Rational(2) }.count == 780)
        var point: [Symbol: Rational] = [:]
        var h = Rational.zero
        for i in 0..<40 { point[Symbol("a\(i)")] = Rational(Integer(1), Integer(i + 1))!; h += Rational(Integer(1), Integer(i + 1))! }
        #expect(e.exactValue(at: point) == .rational(h * h))
    }

    @Test func substitutionCancelsOverManyGenerators() {
        // SymEngine's expand6 at N = 40: (a0 + … + a39)^2 with a0 = -(a2 + … + a39) is a1².
        let a = (0..<40).map { Expression(Symbol("a\($0)")) }
        let square = Expression.sum(a).pow(2).expanded()
        let s = square.substituting([Symbol("a0"): -Expression.sum(a[2...])])
        #expect(s.expanded() == a[1].pow(2))
    }
}
