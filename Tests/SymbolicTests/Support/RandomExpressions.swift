import PropertyBased
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Decodes a list of small integers into an expression, so PropertyBased can generate
/// (and shrink) random expressions from integer arrays.
struct ExpressionDecoder {
    var codes: [Int]
    var position = 0
    let symbols: [Expression] = ["x", "y", "z"].map { Expression.symbol($0) }

    init(_ codes: [Int]) { self.codes = codes }

    private mutating func next() -> Int {
        defer { position += 1 }
        return position < codes.count ? codes[position] : 0
    }

    /// A polynomial-ish expression: sums, products, small powers of symbols and rationals.
    mutating func polynomial(depth: Int = 3) -> Expression {
        let c = next()
        if depth == 0 || c % 5 == 0 {
            return leaf()
        }
        switch c % 5 {
        case 1: return polynomial(depth: depth - 1) + polynomial(depth: depth - 1)
        case 2: return polynomial(depth: depth - 1) * polynomial(depth: depth - 1)
        case 3: return polynomial(depth: depth - 1).pow(abs(next()) % 3 + 1)
        default: return polynomial(depth: depth - 1) - polynomial(depth: depth - 1)
        }
    }

    /// An expression that may also contain functions and quotients.
    mutating func general(depth: Int = 3) -> Expression {
        let c = next()
        if depth == 0 || c % 7 == 0 { return leaf() }
        switch c % 7 {
        case 1: return general(depth: depth - 1) + general(depth: depth - 1)
        case 2: return general(depth: depth - 1) * general(depth: depth - 1)
        case 3: return Expression.apply([Function.sin, .cos, .exp, .sigmoid, .tanh][abs(next()) % 5], general(depth: depth - 1))
        case 4: return general(depth: depth - 1) / (general(depth: depth - 1).pow(2) + 1)
        case 5: return general(depth: depth - 1).pow(abs(next()) % 3 + 1)
        default: return general(depth: depth - 1) - general(depth: depth - 1)
        }
    }

    private mutating func leaf() -> Expression {
        let c = next()
        if c % 3 == 0 { return Expression(Rational(Integer(c % 7 - 3), Integer(abs(c) % 4 + 1))!) }
        return symbols[abs(c) % symbols.count]
    }
}

let codeArrays = Gen.int(in: -50...50).array(of: 4...24)

/// A point with rational values for x, y, z.
func point(_ a: Int, _ b: Int, _ c: Int) -> [Symbol: Rational] {
    [Symbol("x"): Rational(Integer(a), 3)!, Symbol("y"): Rational(Integer(b), 5)!, Symbol("z"): Rational(Integer(c), 7)!]
}

/// Parses plain syntax, failing the test on a syntax error.
func parse(_ s: String) -> Expression {
    do { return try PlainParser.parse(s) } catch { fatalError("test input \(s) did not parse: \(error)") }
}
