import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct PlainParserTests {
    @Test func precedenceAndImplicitMultiplication() {
        #expect(parse("2x^2") == 2 * Expression.symbol("x").pow(2))
        #expect(parse("-x^2") == -(Expression.symbol("x").pow(2)))
        #expect(parse("x**3") == Expression.symbol("x").pow(3))
        #expect(parse("2^3^2") == Expression(512))
        #expect(parse("1/2/2") == Expression(Rational(Integer(1), Integer(4))!))
        #expect(parse("W_ua") == Expression(Symbol("W", subscriptText: "ua")))
        #expect(parse("ln(e)") == .one)
    }

    @Test func errorsCarryColumns() {
        func column(_ s: String) -> Int? {
            do { _ = try PlainParser.parse(s); return nil } catch { return error.column }
        }
        #expect(column("(x+") == 4)
        #expect(column("x + )") == 5)
        #expect(column("") == 1)
        #expect(column("sin(x, y)") == 1)
        #expect(column("2 $ 3") == 3)
        #expect(column("1 + sin x") == 5)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
        #expect(throws: ParseError.self) { try PlainParser.parse(deep) }
    }

    @Test func longChainsAreBuiltOnce() {
        // Sums and products of many distinct names: combining one operand at a time was quadratic.
        let names = (0..<20_000).map { "v\($0)" }
        #expect(parse(names.joined(separator: " + ")) == Expression.sum(names.map { Expression.symbol($0) }))
        #expect(parse(names.joined(separator: "*")) == Expression.product(names.map { Expression.symbol($0) }))
        #expect(parse("a - b + c - d") == Expression.symbol("a") - Expression.symbol("b") + Expression.symbol("c") - Expression.symbol("d"))
        #expect(parse("2*(x+1)*y/2 - x*y") == (Expression.symbol("x") + 1) * Expression.symbol("y") - Expression.symbol("x") * Expression.symbol("y"))
        #expect(parse("a/b*c/0").isUndefined)
        #expect(parse("x*y^2 + 3") == Expression.symbol("x") * Expression.symbol("y").pow(2) + 3)
    }
}
