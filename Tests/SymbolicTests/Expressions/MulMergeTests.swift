import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct MulMergeTests {
    /// Merging one expression into sorted factors gives what `MulBuilder` gives.
    @Test(arguments: ["sin(x)", "3*y*x", "x^(-2)", "1/y", "2", "0", "exp(x)", "x + 1", "z^w", "x^(1/2)", "t*sin(x)^2"])
    func sameAsMultiplication(_ d: String) {
        let product = parse("2*x^2*y*sin(x)*z^w")
        guard case .mul(let m) = product.kind else { Issue.record("not a product"); return }
        let merged = Expression.product(coefficient: m.coefficient, factors: m.factors, times: parse(d))
        #expect(merged == product * parse(d))
    }

    @Test func cancellationToOneFactor() {
        // x·y times 1/y is x, not a product of one factor.
        guard case .mul(let m) = parse("x*y").kind else { Issue.record("not a product"); return }
        #expect(Expression.product(coefficient: m.coefficient, factors: m.factors, times: parse("1/y")) == parse("x"))
    }

    @Test func skippingOneFactorIsTheProductRulesRest() {
        // 2·x²·y·sin(x) without its second factor (y), times cos(x): 2·x²·sin(x)·cos(x).
        guard case .mul(let m) = parse("2*x^2*y*sin(x)").kind, let i = m.factors.firstIndex(where: { $0.base == parse("y") }) else {
            Issue.record("not a product"); return
        }
        let merged = Expression.product(coefficient: m.coefficient, factors: m.factors, skipping: i, times: parse("cos(x)"))
        #expect(merged == parse("2*x^2*sin(x)*cos(x)"))
    }

    /// Merged exponents whose power rewrites still rewrite (a factor whose power keeps its base
    /// is not built as a power first, a shortcut that must leave these alone).
    @Test func mergedPowersThatRewrite() {
        let x = Expression.symbol("x"), y = Expression.symbol("y")
        let absX = Expression.apply(.abs, x)
        #expect(absX * absX == Expression.power(x, Expression(2)))                       // |x|^2 = x^2
        #expect(Expression.apply(.exp, x) * Expression.apply(.exp, y) == Expression.apply(.exp, x + y))
        let root2 = Expression(2).squareRoot
        #expect(root2 * root2 == Expression(2))                                          // 2^(1/2)·2^(1/2) = 2
        #expect(root2 * root2 * x == 2 * x)
        let s = Expression.apply(.sin, x)
        #expect(s.squareRoot * s.squareRoot == s)                                        // exponents add to 1
        #expect(Expression.power(s, y) * s == Expression.power(s, y + 1))                // kept: sin(x)^(y+1)
        guard case .mul(let m) = (Expression.power(s, y) * x).kind else { Issue.record("not a product"); return }
        #expect(m.factors.contains { $0.base == s && $0.exponent == y })
    }
}

/// `*` merges canonical products' factor lists; `MulBuilder` (through `Expression.product`)
/// is the independent reference: every pair of these operands must give the same node.
@Suite struct MergedProductTests {
    static let operands: [String] = [
        "x", "y", "2*x*y", "-x^2*sin(x)", "x^(-1)", "x^(1/2)", "3*x^(1/2)*y", "1/y",
        "x + 1", "2*x + 2", "6*y + 9", "-x - 1", "(x + 1)^2", "(2*x + 2)^2", "(2*x + 2)^(1/2)",
        "(x + 1)^(1/2)", "exp(x)", "2*exp(y)*x", "abs(x)", "abs(x)^3", "2^(1/2)", "3*2^(1/2)*x",
        "2^(1/3)", "z^w", "(z^w)^y", "x^y*z", "(x*y)^(1/2)", "sin(x)^(1/2)", "sin(x)^(-1/2)*y",
        "(x + 1)^(-1)", "2*(x + 1)^(-1)*x", "pi*x", "pi^2",
    ]

    @Test func sameNodeAsTheBuilder() {
        let es = Self.operands.map(parse)
        for (i, a) in es.enumerated() {
            for (j, b) in es.enumerated() {
                let viaMerge = a * b
                let viaBuilder = Expression.product([a, b])
                #expect(viaMerge == viaBuilder, "\(a) * \(b): \(viaMerge) vs \(viaBuilder)")
                #expect(viaMerge.hashValue == viaBuilder.hashValue)
                // And a third operand, so products of products meet every kind of factor (grouped
                // alike: `(2x + 2)²·√(2x + 2)` is `(2x + 2)^(5/2)` in one product, `4(x + 1)²√(2x + 2)`
                // once the square became a product).
                let c = es[(i + 2 * j) % es.count]
                #expect(viaMerge * c == Expression.product([viaBuilder, c]), "\(a) * \(b) * \(c)")
            }
        }
    }

    @Test func randomOperandsSameAsTheBuilder() async {
        await propertyCheck(input: codeArrays, codeArrays) { a, b in
            var da = ExpressionDecoder(a), db = ExpressionDecoder(b)
            let e = da.general(), f = db.general()
            // Numbers are not the merge's operands: `*` scales by them (and x·1 is x, where the
            // builder would take the content out of a standalone power of a sum).
            if case .number = e.kind { return }
            if case .number = f.kind { return }
            #expect(e * f == Expression.product([e, f]), "\(e) * \(f)")
        }
    }

    @Test func rewritesThatTheMergeLeavesToTheBuilder() {
        // Merged exponents whose powers rewrite, and contents that come out.
        #expect(parse("(2*x + 2)^(1/2)") * parse("(2*x + 2)^(1/2)") == parse("2*x + 2"))
        #expect(parse("exp(x)*y") * parse("exp(y)*x") == parse("x*y*exp(x + y)"))
        #expect(parse("abs(x)*y") * parse("abs(x)") == parse("x^2*y"))
        #expect(parse("x*(6*y + 9)") == parse("3*x*(2*y + 3)"))
        #expect(parse("(x + 1)^(1/2)*y") * parse("(x + 1)^(-1/2)") == parse("y"))
        #expect(parse("(x + 1)*2") * parse("(x + 1)^(-1)") == Expression(2))
    }
}

extension MergedProductTests {
    /// A number times a power of a sum is the builder's product (the content comes out), as the
    /// parser reads `-3*(-y - 3)^2`; a sum's term times its coefficient keeps the power as it
    /// stands (so that a sum prints and parses back the same), and multiplied by more, such a
    /// product is normalised as the builder does.
    @Test func scaledPowersOfSumsMultiplyLikeTheBuilder() throws {
        let square = Expression.power(parse("-y - 3"), Expression(2))
        #expect(Expression(-3) * square == Expression.product([Expression(-3), square]))
        #expect(Expression(-3) * square == (try PlainParser.parse("-3*(-y - 3)^2")))
        guard case .add(let sum) = (Expression(5) - square).kind else { Issue.record("not a sum"); return }
        let scaled = sum.summands[0]
        #expect(scaled.description == "-(-y - 3)^2")
        #expect(scaled * parse("y^x") == Expression.product([Expression(-1), square, parse("y^x")]))
        #expect(parse("y^x") * scaled == Expression.product([parse("y^x"), Expression(-1), square]))
        #expect((scaled * parse("y^x")).description == "-y^x*(y + 3)^2")
        let root = parse("(x*y)^(1/2)")
        #expect(Expression(2) * root == Expression.product([Expression(2), root]))
        #expect(Expression(2) * root * parse("z") == Expression.product([Expression(2), root, parse("z")]))
    }
}
