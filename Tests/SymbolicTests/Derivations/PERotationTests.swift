import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct PERotationTests {
    func sym(_ s: String) -> Expression { try! LaTeXReader.readExpression(s) }

    func result(_ d: Derivation) throws -> Matrix {
        let step = try #require(d.steps.first { $0.isResult && $0.lhsLatex == "M" })
        guard case .matrix(let m) = step.rhs else { throw Failure() }
        return m
    }
    struct Failure: Error {}

    @Test func sinCosOrderGivesTheTextbookRotation() throws {
        let m = try result(try #require(PERotation.derivation()))
        // By hand: sin(ωt + ωφ) = sin ωt cos ωφ + cos ωt sin ωφ, cos(ωt + ωφ) = cos ωt cos ωφ - sin ωt sin ωφ.
        let expected = [sym("\\cos(\\omega \\phi)"), sym("\\sin(\\omega \\phi)"), sym("-\\sin(\\omega \\phi)"), sym("\\cos(\\omega \\phi)")]
        #expect(m.entries == expected)
        // The other order transposes it.
        let t = try result(try #require(PERotation.derivation(order: .cosSin)))
        #expect(t.entries == [expected[0], expected[2], expected[1], expected[3]])
    }

    @Test func rotationShiftsAtRationalAnglesExactly() throws {
        let m = try result(try #require(PERotation.derivation()))
        // ω = 1, φ = π/3, t = π/6: M PE(π/6) must be PE(π/2) = [1; 0], with exact trigonometric values.
        let at: [Symbol: Expression] = [Symbol("omega"): .one, Symbol("phi"): sym("\\pi/3"), Symbol("t"): sym("\\pi/6")]
        let pe = Matrix(rows: 2, columns: 1, entries: [sym("\\sin(\\pi/6)"), sym("\\cos(\\pi/6)")])
        let substituted = m.map { $0.substituting(at) }
        let maybeProduct: Matrix? = substituted * pe
        let product = try #require(maybeProduct)
        let checker = EquivalenceChecker()
        for (value, expected) in zip(product.entries, [Expression.one, .zero]) {
            guard case .equal = checker.check(value, expected) else { Issue.record("\(value) is not \(expected)"); continue }
        }
    }

    @Test(arguments: [2, 4, 6, 8]) func everyStepVerifies(_ d: Int) throws {
        for order in PERotation.Order.allCases {
            let derivation = try #require(PERotation.derivation(order: order, dimensions: d))
            let outcomes = derivation.verification().compactMap { $0 }
            #expect(outcomes.count >= 6)
            for o in outcomes { #expect(o.verdict == .valid, "d = \(d), \(order): \(o.reason)") }
            // The four matched coefficients each get a verdict: the solution satisfies them.
            let matched = zip(derivation.steps, derivation.verification()).filter { $0.0.check == .equation }
            #expect(matched.count == 4)
            for (_, o) in matched { #expect(o?.verdict == .valid && o?.method == "the solution substituted") }
        }
    }

    @Test func aWrongSolutionFailsTheMatchedCoefficients() throws {
        var d = try #require(PERotation.derivation())
        // Transposed M (the other sign of the sines) does not satisfy the coefficient equations.
        let sin = Expression.apply(.sin, Expression(Symbol("omega")) * Expression(Symbol("phi")))
        d.solution[Symbol("m", subscriptText: "12")] = -sin
        d.solution[Symbol("m", subscriptText: "21")] = sin
        let matched = zip(d.steps, d.verification()).filter { $0.0.check == .equation }.compactMap(\.1)
        #expect(matched.filter { $0.verdict == .invalid }.count == 2)
    }

    @Test func oddOrLargeDimensionsAreRefused() {
        #expect(PERotation.derivation(dimensions: 3) == nil)
        #expect(PERotation.derivation(dimensions: PERotation.maximumDimensions + 2) == nil)
    }
}

@Suite struct LinearSystemTests {
    func sym(_ s: String) -> Expression { try! LaTeXReader.readExpression(s) }

    @Test func solvesWithSymbolicConstants() throws {
        // x + y = a, x - y = b: x = (a + b)/2, y = (a - b)/2.
        let s = try #require(LinearSystem.solve([sym("x + y - a"), sym("x - y - b")], for: [Symbol("x"), Symbol("y")]))
        #expect((s[Symbol("x")]! - sym("(a + b)/2")).expanded().isZero)
        #expect((s[Symbol("y")]! - sym("(a - b)/2")).expanded().isZero)
    }

    @Test func refusesSingularInconsistentAndNonlinearSystems() {
        #expect(LinearSystem.solve([sym("x + y - 1"), sym("2x + 2y - 2")], for: [Symbol("x"), Symbol("y")]) == nil)
        #expect(LinearSystem.solve([sym("x - 1"), sym("x - 2")], for: [Symbol("x")]) == nil)
        #expect(LinearSystem.solve([sym("x^2 - 1")], for: [Symbol("x")]) == nil)
        #expect(LinearSystem.solve([sym("a x - 1")], for: [Symbol("x")]) == nil)
    }
}
