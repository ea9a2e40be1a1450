import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct SparsePolynomialTests {
    @Test func multinomialPowerMatchesRepeatedProduct() {
        // (x + 2y + 3)^4 by the multinomial theorem against four multiplications.
        let x = SparsePolynomial.generator(0, generatorCount: 2, bits: 16)
        let y = SparsePolynomial.generator(1, generatorCount: 2, bits: 16)
        let three = SparsePolynomial.constant(3, generatorCount: 2, bits: 16)
        let base = x + y * .constant(2, generatorCount: 2, bits: 16) + three
        let power = base.power(4)
        let product = base * base * base * base
        let a = Dictionary(uniqueKeysWithValues: power.terms.map { ($0.key, $0.value) })
        let b = Dictionary(uniqueKeysWithValues: product.terms.map { ($0.key, $0.value) })
        #expect(a == b)
        // The constant term is 3^4 = 81 and the y^4 term 2^4 = 16.
        #expect(a[0] == Integer(81))
        #expect(a[UInt64(4)] == Integer(16))
    }

    @Test func packedWordOrderIsLexicographic() {
        let p = SparsePolynomial(generatorCount: 3, bits: 8)
        // x (generator 0) sits in the highest field: x > y^5 as words.
        let xWord = UInt64(1) << 16, y5 = UInt64(5) << 8
        #expect(xWord > y5)
        #expect(p.exponent(xWord, 0) == 1 && p.exponent(y5, 1) == 5)
    }
}
