import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicShaped

/// The non-commutative normal form of matrix expressions: known identities agree, known
/// non-identities differ, and for random expressions the normal form, evaluated as a sum of
/// words at random rational matrices, equals the expression evaluated directly (an independent
/// evaluation: `ShapedEvaluator`, not the normal form).
@Suite struct MatrixNormalFormTests {
    static let n = Shape(Expression(Symbol("n")), Expression(Symbol("n")))
    static let v = Shape(Expression(Symbol("n")), .one)
    static let A = ShapedExpression.quantity(Quantity("A"), n), B = ShapedExpression.quantity(Quantity("B"), n)
    static let C = ShapedExpression.quantity(Quantity("C"), n), x = ShapedExpression.quantity(Quantity("x"), v)

    func nf(_ e: ShapedExpression) -> MatrixNormalForm? { MatrixNormalForm(e) }
    func p(_ a: ShapedExpression, _ b: ShapedExpression) throws -> ShapedExpression { try .product(a, b) }
    func t(_ a: ShapedExpression) throws -> ShapedExpression { try .transpose(a) }

    @Test func knownIdentitiesHaveOneForm() throws {
        let (A, B, C, x) = (Self.A, Self.B, Self.C, Self.x)
        #expect(nf(try p(A, p(B, C))) == nf(try p(p(A, B), C)))
        #expect(nf(try t(p(p(A, B), C))) == nf(try p(p(t(C), t(B)), t(A))))
        #expect(nf(try p(p(t(x), A), x)) == nf(try p(p(t(x), t(A)), x)))
        let s = try ShapedExpression.sum([A, B])
        #expect(nf(try p(s, s)) == nf(try .sum([p(A, A), p(A, B), p(B, A), p(B, B)])))
    }

    @Test func knownNonIdentitiesDiffer() throws {
        let (A, B, x) = (Self.A, Self.B, Self.x)
        #expect(nf(try p(A, B)) != nf(try p(B, A)))
        #expect(nf(try t(p(A, B))) != nf(try p(t(A), t(B))))
        #expect(nf(try p(p(t(x), A), B)) != nf(try p(p(t(x), B), A)))
    }

    /// Random expressions over A, B, C (n × n): sums, differences, scalar multiples, products, transposes.
    func random(_ rng: inout SplitMix64, depth: Int) throws -> ShapedExpression {
        let leaves = [Self.A, Self.B, Self.C]
        if depth == 0 || rng.next() % 4 == 0 { return leaves[Int(rng.next() % 3)] }
        switch rng.next() % 4 {
        case 0: return try .sum([random(&rng, depth: depth - 1), random(&rng, depth: depth - 1)])
        case 1: return try .scaled(random(&rng, depth: depth - 1), Rational(Int(rng.next() % 5) - 2))
        case 2: return try .product(random(&rng, depth: depth - 1), random(&rng, depth: depth - 1))
        default: return try .transpose(random(&rng, depth: depth - 1))
        }
    }

    @Test func theFormEvaluatesToTheExpression() throws {
        var rng = SplitMix64(seed: 0xabc)
        for _ in 0..<150 {
            let e = try random(&rng, depth: 4)
            let form = try #require(nf(e))
            let size = 2 + Int(rng.next() % 2)
            var values: [Quantity: Matrix] = [:]
            for q in ["A", "B", "C"] {
                values[Quantity(q)] = Matrix(rows: size, columns: size, entries: (0..<(size * size)).map { _ in Expression(Rational(Integer(Int(rng.next() % 19) - 9), Integer(Int(rng.next() % 4) + 1))!) })
            }
            let direct = try #require(ShapedEvaluator(sizes: [Symbol("n"): size], values: values).evaluate(e))
            var total = Matrix(rows: size, columns: size, entries: Array(repeating: .zero, count: size * size))
            for (word, c) in form.terms {
                var m = Matrix.identity(size)
                for letter in word {
                    let name = String(letter.key.dropFirst(2))
                    let value = try #require(values[Quantity(name)])
                    let factor = letter.transposed ? value.transposed : value
                    let next: Matrix? = m * factor
                    m = try #require(next)
                }
                let sum: Matrix? = total + Expression(c) * m
                total = try #require(sum)
            }
            #expect(total.entries == direct.entries, "\(ShapedPrinter.string(e, .plain))")
        }
    }
}
