import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct ExpandTests {
    @Test func binomialCoefficients() {
        let e = parse("(x+y)^5").expanded()
        let cs = e.coefficients(in: Symbol("x"))!
        // C(5, k) y^(5-k)
        let expected = [1, 5, 10, 10, 5, 1]
        for k in 0...5 {
            #expect(cs[Rational(k)] == Expression(expected[k]) * parse("y").pow(5 - k))
        }
    }

    @Test func termsOverAtomsMatchTheCanonicalConstructors() {
        // Exponents past the shared small-integer nodes (256), single factors and products, a
        // rational constant: the same expression as the canonical constructors build term by term.
        let (x, y) = (Expression(Symbol("x")), Expression(Symbol("y")))
        let e = ((x + y).pow(2) * x.pow(299) + Expression(Rational(Integer(1), Integer(3))!)).expanded()
        let expected = x.pow(301) + Expression(2) * x.pow(300) * y + x.pow(299) * y.pow(2) + Expression(Rational(Integer(1), Integer(3))!)
        #expect(e == expected)
        let f = ((x + Expression(1)) * (x - Expression(1)) * y.pow(3)).expanded()
        #expect(f == x.pow(2) * y.pow(3) - y.pow(3))
    }

    @Test func termsWhoseGeneratorsExpandAlikeMerge() {
        // sin((x+1)^2) and sin(x^2+2x+1) are one generator after expansion: their terms, read as
        // words over rational coefficients, merge (1/2 + 1/3 = 5/6).
        let e = parse("(1/2) sin((x+1)^2) + (1/3) sin(x^2+2x+1) + x/5").expanded()
        #expect(e == parse("(5/6) sin(x^2+2x+1) + x/5"))
        #expect(parse("sin((x+1)^2) - sin(x^2+2x+1)").expanded() == Expression.zero)
    }

    @Test func multinomialTermCount() {
        // (x+y+z+1)^20 has C(23, 3) = 1771 terms; (x+y+z+w)^15 has C(18, 3) = 816.
        guard case .add(let a) = parse("(x+y+z+1)^20").expanded().kind else { Issue.record("not a sum"); return }
        #expect(a.terms.count + 1 == 1771)
        guard case .add(let b) = parse("(x+y+z+w)^15").expanded().kind else { Issue.record("not a sum"); return }
        #expect(b.terms.count == 816)
        // The largest coefficient of (x+y+z+w)^15 is 15!/(4!4!4!3!) = 15765750.
        #expect(b.terms.map { $0.coefficient }.max() == Rational(15_765_750))
    }

    @Test func expandsInsideFunctionsAndKeepsNonPolynomialParts() {
        #expect(parse("sin((x+1)^2)").expanded() == parse("sin(x^2 + 2*x + 1)"))
        #expect(parse("(sqrt(x)+1)^2").expanded() == parse("x + 2*sqrt(x) + 1"))
        #expect(parse("(x+1)*(x-1)/2").expanded() == parse("x^2/2 - 1/2"))
    }

    @Test func powerGeneratorsBecomeFactorsDirectly() {
        // SymEngine's expand3 at exponent 3: (x^y + y^x + z^x)^3 has C(5, 2) = 10 terms and the
        // value 18^3 at x = 2, y = 3, z = 1 (8 + 9 + 1).
        let e = parse("(x^y + y^x + z^x)^3").expanded()
        guard case .add(let a) = e.kind else { Issue.record("not a sum"); return }
        #expect(a.terms.count == 10)
        #expect(e.exactValue(at: [Symbol("x"): 2, Symbol("y"): 3, Symbol("z"): 1]) == .rational(Rational(18 * 18 * 18)))
        #expect(parse("(x^y + y^x)^2").expanded() == parse("x^(2*y) + 2*x^y*y^x + y^(2*x)"))
        // Two generators with the same base merge: x^y · x^z = x^(y+z).
        #expect(parse("(x^y + 1)*(x^z + 1)").expanded() == parse("x^(y+z) + x^y + x^z + 1"))
    }

    @Test func sharedSubexpressionsStayShared() {
        // e_k = e_{k-1}^(sin(e_{k-1}) + 1): each level is expanded once, and the base and the
        // argument of sin in the result are one node, not equal copies.
        var e = parse("(x+1)^2")
        for _ in 0..<20 { e = e.pow(Expression.apply(.sin, e) + .one) }
        let r = e.expanded()
        guard case .power(let base, let exponent) = r.kind, case .add(let a) = exponent.kind,
              case .function(_, let args) = a.terms[0].term.kind else { Issue.record("unexpected form \(r)"); return }
        #expect(base.node === args[0].node)
    }

    @Test func bigCoefficientsPromote() {
        let e = parse("(123456789*x + 987654321)^4").expanded()
        // 987654321^4 computed independently.
        #expect(e.exactValue(at: [Symbol("x"): .zero]) == .rational(Rational(Integer("951524275264729222930554919618623681")!)))
    }

    @Test func wideAccumulationFallsBackToGMP() {
        // (2^40 x + 2^40)^2 · (2^40 x + 2^40)^2 = 2^160 (x + 1)^4: sums past 127 bits.
        let p = parse("(1099511627776*x + 1099511627776)^2")
        let e = (p * (p + parse("y"))).expanded()
        let c = Integer(2).power(160)
        #expect(e.exactValue(at: [Symbol("x"): .zero, Symbol("y"): .zero]) == .rational(Rational(c)))
        // x^4 coefficient with y = 0 is also 2^160; x^2 y coefficient is 2^80.
        let cs = e.coefficients(in: Symbol("x"))!
        #expect(cs[4] == Expression(Rational(c)))
        #expect(cs[2] == Expression(Rational(Integer(2).power(80))) * parse("y") + Expression(Rational(c * Integer(6))))
    }

    @Test func int128Conversion() {
        #expect(Integer(Int128(Int.max) + 1).description == "9223372036854775808")
        #expect(Integer(-(Int128(1) << 100)).description == "-1267650600228229401496703205376")
        #expect(Integer(Int128(-5)) == Integer(-5))
    }

    @Test func expansionKeepsValue() async {
        await propertyCheck(input: codeArrays, Gen.int(in: -9...9), Gen.int(in: -9...9)) { codes, a, b in
            var d = ExpressionDecoder(codes)
            let e = d.polynomial()
            let p = point(a, b, a + b)
            #expect(e.expanded().exactValue(at: p) == e.exactValue(at: p))
        }
    }

    @Test func ringLaws() async {
        await propertyCheck(input: codeArrays, codeArrays, codeArrays) { c1, c2, c3 in
            var d1 = ExpressionDecoder(c1), d2 = ExpressionDecoder(c2), d3 = ExpressionDecoder(c3)
            let a = d1.polynomial(), b = d2.polynomial(), c = d3.polynomial()
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * (b + c)).expanded() == (a * b + a * c).expanded())
            #expect(((a * b) * c).expanded() == (a * (b * c)).expanded())
            #expect(a - a == .zero)
        }
    }

    @Test func expansionsPastTheLimitsAreRefusedBeforeAnyWork() {
        // Terms, degree, coefficient size and power tables are all judged from the expression.
        #expect(parse("(x + 1)^1000000").expanded(maxTerms: 1_000_000) == nil)      // coefficients
        #expect(parse("(2^1000*x + 1)^3000").expanded(maxTerms: 1_000_000) == nil)  // power tables
        #expect(parse("(x + y + z + 1)^300").expanded(maxTerms: 1_000_000) == nil)  // terms
        #expect(parse("(2^100000*x)^1000").expanded(maxTerms: 1_000_000) == nil)    // one huge coefficient
        #expect(parse("(x + y)^10000000").expanded(maxTerms: 1_000_000) == nil)     // degree
        #expect(parse("(x + 1)^2000").expanded(maxTerms: 1_000_000) != nil)
        #expect(parse("(x/3 + y/5 + 1/7)^40").expanded(maxTerms: 1_000_000) != nil)
        // Inside a function the part too large stays unexpanded.
        #expect(parse("sin((x + 1)^1000000) + (x + 1)^2").expanded(maxTerms: 1_000_000) == parse("x^2 + 2*x + 1 + sin((x + 1)^1000000)"))
    }

    @Test func coefficientSizeIsAnUpperBound() async {
        await propertyCheck(input: codeArrays) { codes in
            var d = ExpressionDecoder(codes)
            let e = d.polynomial()
            var table = 0
            let bound = ExpansionSize.coefficientBits(e, multiplicity: 1, table: &table)
            for s in e.expanded().summandList {
                let c: Rational = { if case .mul(let m) = s.kind { return m.coefficient }; return s.rationalValue ?? .one }()
                // |c| ≤ 2^bound: at most bound + 1 bits.
                #expect(c.numerator.bitWidth <= bound + 1 && c.denominator.bitWidth <= bound + 1, "\(e): \(c) past \(bound) bits")
            }
        }
    }
}
