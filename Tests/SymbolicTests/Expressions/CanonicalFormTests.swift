import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct CanonicalFormTests {
    let x = Expression.symbol("x"), y = Expression.symbol("y")

    @Test func likeTermsAndPowersMerge() {
        #expect(x + x == 2 * x)
        #expect(x * x == x.pow(2))
        #expect(0 * x == .zero)
        #expect(x.pow(0) == .one)
        #expect(x - x == .zero)
        #expect(x / x == .one)
        #expect((x * y) / y == x)
        #expect(x.pow(2) * x.pow(-2) == .one)
    }

    /// A sum's builder matches the first terms by a scan and later ones through a hash map:
    /// like terms merge on both sides of that switch and across it.
    @Test func likeTermsMergeInSumsOfManyTerms() {
        let a = (0..<12).map { Expression.symbol("a\($0)") }
        var b = AddBuilder()
        for t in a { b.add(t) }             // 12 distinct terms: past the scan
        for t in a.reversed() { b.add(t, times: 2) }
        b.add(a[0], times: -3)              // cancels a0 (matched in the map)
        b.add(a[11] * x)                    // a new term after the switch
        let expected = Expression.sum(a.dropFirst().map { 3 * $0 } + [a[11] * x])
        #expect(b.build() == expected)
        guard case .add(let sum) = b.build().kind else { Issue.record("not a sum"); return }
        #expect(sum.terms.count == 12 && sum.constant.isZero)
        #expect(sum.terms.filter { $0.coefficient == Rational(3) }.count == 11)
        #expect(!sum.terms.contains { $0.term == a[0] })
        // Under the switch: three terms, one cancelled.
        var c = AddBuilder(capacity: 2)
        c.add(x); c.add(y); c.add(x * y); c.add(x, times: -1)
        #expect(c.build() == y + x * y)
    }

    @Test func numericCoefficientsDistributeOverSums() {
        #expect(2 * (x + y) == 2 * x + 2 * y)
        guard case .add(let a) = (2 * (x + y)).kind else { Issue.record("not a sum"); return }
        #expect(a.terms.count == 2)
    }

    @Test func orderIsIndependentOfConstructionOrder() {
        let a = Expression.sum([x.pow(2), 3 * y, .one, x * y])
        let b = Expression.sum([.one, x * y, 3 * y, x.pow(2)])
        #expect(a == b)
        #expect(a.description == b.description)
        #expect(a.description == "x^2 + x*y + 3*y + 1")
    }

    @Test func numericRootsAreCanonical() {
        let two = Expression(2)
        #expect(two.squareRoot * two.squareRoot == two)
        #expect(Expression(12).squareRoot == 2 * Expression(3).squareRoot)
        #expect(Expression(2).squareRoot * Expression(3).squareRoot == Expression(6).squareRoot)
        #expect(Expression(-8).pow(Expression(Rational(Integer(1), Integer(3))!)) == Expression(-2))
        #expect(Expression(-4).squareRoot.isUndefined)
        #expect((Expression.one / 0).isUndefined)
    }

    @Test func realRootsKeepTheirDomain() {
        // sqrt(x^2) is |x|, never x.
        #expect((x.pow(2)).squareRoot == Expression.apply(.abs, x))
        #expect(((x * y).pow(2)).squareRoot == Expression.apply(.abs, x) * Expression.apply(.abs, y))
        // (sqrt x)^2 = x wherever sqrt x is defined.
        #expect(x.squareRoot.pow(2) == x)
    }

    @Test func functionIdentities() {
        #expect(Expression.apply(.sin, -x) == -Expression.apply(.sin, x))
        #expect(Expression.apply(.cos, -x) == Expression.apply(.cos, x))
        #expect(Expression.apply(.exp, Expression.apply(.log, x)) == x)
        #expect(Expression.apply(.log, Expression.apply(.exp, x)) == x)
        #expect(Expression.apply(.sin, Expression.pi / 6) == Expression(Rational(Integer(1), Integer(2))!))
        #expect(Expression.apply(.cos, Expression.pi) == -1)
        #expect(Expression.apply(.exp, x) * Expression.apply(.exp, y) == Expression.apply(.exp, x + y))
        #expect(Expression.apply(.relu, Expression(-3)) == .zero)
        #expect(Expression.apply(.abs, Expression.apply(.exp, x)) == Expression.apply(.exp, x))
    }

    @Test func hashesAreStructural() {
        let a = (x + 1) * (y - 2), b = (y - 2) * (1 + x)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func distinctTermsNeverCompareEqual() {
        // A tie left the order of a sum to its hash map, whose order changes with the process's seed.
        let u = Expression.apply(.sinh, x)
        #expect(Expression.compareTerms(x, -x) != 0)
        #expect(Expression.compareTerms(x.pow(2), 3 * x.pow(2)) != 0)
        #expect(Expression.compare(Expression.apply(.exp, u), Expression.apply(.exp, -u)) != 0)
        #expect(Expression.compare(Expression.apply(.sinh, x), Expression.apply(.undefined("sinh"), x)) != 0)
    }

    @Test func compareIsAntisymmetricAndZeroOnlyForEqual() async {
        await propertyCheck(input: codeArrays, codeArrays) { a, b in
            var da = ExpressionDecoder(a), db = ExpressionDecoder(b)
            let e = da.general(), f = db.general()
            #expect((Expression.compare(e, f) == 0) == (e == f), "\(e) vs \(f)")
            #expect(Expression.compare(e, f) == -Expression.compare(f, e), "\(e) vs \(f)")
            #expect((Expression.compareTerms(e, -e) == 0) == (e == -e), "\(e)")
        }
    }

    @Test func sumOrderDoesNotDependOnConstructionOrder() {
        let a = Expression.apply(.exp, x), b = Expression.apply(.exp, -x), c = Expression.apply(.exp, -2 * x)
        let sums = [Expression.sum([a, -b, c]), Expression.sum([c, -b, a]), Expression.sum([-b, a, c]), Expression.sum([-b, c, a])]
        for s in sums {
            #expect(s == sums[0] && s.description == sums[0].description)
            // Exactly one of u and -u reads as negated: the parity rule relies on it.
            #expect(s.hasNegativeSign != (-s).hasNegativeSign)
        }
    }

    /// Numbers against powers and products once deferred to the order of a sum's terms, where a
    /// number comes last: 5 < y < 3y < 5, and sums of x^5, x^y, x^(3y) depended on the order of arrival.
    @Test func orderOfExponentsIsTransitive() {
        let exponents = [parse("5"), parse("y"), parse("3*y"), parse("y^2"), parse("y + 4"), parse("-1/2"), parse("sin(y)")]
        for a in exponents {
            for b in exponents {
                for c in exponents where Expression.compare(a, b) < 0 && Expression.compare(b, c) < 0 {
                    #expect(Expression.compare(a, c) < 0, "\(a) < \(b) < \(c)")
                }
            }
        }
        let powers = exponents.map { Expression.power(x, $0) }
        let forward = Expression.sum(powers), backward = Expression.sum(powers.reversed())
        #expect(forward == backward && forward.description == backward.description)
        #expect(Expression.sum([powers[1], powers[0], powers[2]]) == Expression.sum([powers[2], powers[1], powers[0]]))
    }

    @Test func parityRuleTerminatesOnExponentialSums() {
        // cos(sinh x) with sinh through exp: the rule once looped between u and -u.
        let u = RuleSet.exponentialBasis.apply(to: Expression.apply(.sinh, x))
        #expect(Expression.apply(.cos, u) == Expression.apply(.cos, -u))
        #expect(Expression.apply(.sin, u) == -Expression.apply(.sin, -u))
        #expect(Expression.apply(.sec, -u) == Expression.apply(.sec, u))
        #expect(parse("cos(sinh(x))").simplified() == parse("cos(sinh(x))"))
    }
}
