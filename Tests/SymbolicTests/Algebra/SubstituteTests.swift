import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct SubstituteTests {
    @Test func substitutionRebuildsCanonically() {
        let e = parse("x^2 + y")
        #expect(e.substituting([Symbol("x"): parse("y + 1")]) == parse("(y+1)^2 + y"))
        #expect(e.substituting([Symbol("x"): parse("2"), Symbol("y"): parse("1/3")]) == Expression(Rational(Integer(13), Integer(3))!))
    }

    @Test func untouchedPartsAreKept() {
        // Parts without the symbol come back as the same nodes; the others are rebuilt.
        let e = parse("a*b + sin(b)^c + x*y")
        guard case .add(let before) = e.kind,
              case .add(let after) = e.substituting([Symbol("x"): parse("a + 1")]).kind else { Issue.record("not a sum"); return }
        let untouched = before.terms.filter { !$0.term.contains(Symbol("x")) }.map { $0.term.node }
        #expect(untouched.allSatisfy { n in after.terms.contains { $0.term.node === n } })
        #expect(e.substituting([Symbol("x"): parse("a + 1")]) == parse("a*b + sin(b)^c + (a+1)*y"))
        #expect(e.substituting([Symbol("z"): parse("w + 1")]).node === e.node)
    }

    @Test func exactEvaluation() {
        let p: [Symbol: Rational] = [Symbol("x"): Rational(Integer(1), Integer(2))!]
        #expect(parse("1/(x - 1/2)").exactValue(at: p) == .undefined)
        #expect(parse("sqrt(x)").exactValue(at: [Symbol("x"): Rational(Integer(9), Integer(4))!]) == .rational(Rational(Integer(3), Integer(2))!))
        #expect(parse("sin(x)").exactValue(at: p) == .irrational)
        #expect(parse("log(x - 1)").exactValue(at: p) == .undefined)
    }

    @Test func trigExpansionAndProductToSum() {
        #expect(parse("sin(x+y)").trigExpanded() == parse("sin(x)*cos(y) + cos(x)*sin(y)"))
        #expect(parse("cos(2*x)").trigExpanded() == parse("cos(x)^2 - sin(x)^2"))
        #expect(parse("sin(x)*cos(x)").productToSum() == parse("sin(2*x)/2"))
        #expect(parse("2*sin(a)*sin(b)").productToSum() == parse("cos(a - b) - cos(a + b)"))
    }

    @Test func collect() {
        let cs = parse("a*x^2 + b*x^2 + c*x + 1").coefficients(in: Symbol("x"))!
        #expect(cs[2] == parse("a + b"))
        #expect(cs[1] == parse("c"))
        #expect(cs[0] == .one)
    }

    @Test func substitutedPowersRespectTheLimits() {
        // A table of every power up to x^4000 of a 1000-bit value took a gigabyte.
        let big = Expression(2).pow(1000)
        let e = parse("x^4000 + y").substituting([Symbol("x"): big])
        #expect(e == big.pow(4000) + parse("y"))
        let huge = parse("x^4000 + x^3999 + y").substituting([Symbol("x"): Expression(2).pow(100_000)])
        guard case .add(let a) = huge.kind else { Issue.record("not a sum"); return }
        #expect(a.terms.count == 3)  // the two powers stay unevaluated
    }
}
