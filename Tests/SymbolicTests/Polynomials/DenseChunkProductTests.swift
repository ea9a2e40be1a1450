import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct DenseChunkProductTests {
    private let n = 3, bits = 16

    private func poly(_ terms: [([Int], Int)]) -> SparsePolynomial {
        var p = SparsePolynomial(generatorCount: n, bits: bits)
        p.terms = terms.map { (e, c) in
            var key: UInt64 = 0
            for i in 0..<n { key |= UInt64(e[i]) << UInt64((n - 1 - i) * bits) }
            return (key, Integer(c))
        }
        return p
    }

    /// The product term by term through a dictionary, without zero coefficients.
    private func naive(_ a: SparsePolynomial, _ b: SparsePolynomial) -> [UInt64: Integer] {
        var t: [UInt64: Integer] = [:]
        for (ma, ca) in a.terms { for (mb, cb) in b.terms { t[ma &+ mb, default: .zero] = t[ma &+ mb, default: .zero] + ca * cb } }
        return t.filter { !$0.value.isZero }
    }

    @Test func matchesTermByTermProduct() {
        // (1 + x + 2y - 3z)^4 · (x - y + 5)^3 with cancellations of signs.
        let base = poly([([0, 0, 0], 1), ([1, 0, 0], 1), ([0, 1, 0], 2), ([0, 0, 1], -3)])
        let other = poly([([1, 0, 0], 1), ([0, 1, 0], -1), ([0, 0, 0], 5)])
        let a = base * base * base * base, b = other * other * other
        guard let dense = SparsePolynomial.multiplyDense(a, b) else { Issue.record("dense path refused"); return }
        #expect(Dictionary(uniqueKeysWithValues: dense.map { ($0.key, $0.value) }) == naive(a, b))
    }

    @Test func cancelledTermsAreDropped() {
        // (x + 1)(x - 1) = x² - 1.
        let a = poly([([1, 0, 0], 1), ([0, 0, 0], 1)]), b = poly([([1, 0, 0], 1), ([0, 0, 0], -1)])
        let dense = SparsePolynomial.multiplyDense(a, b)
        #expect(dense?.count == 2)
        #expect(Set(dense?.map { $0.value } ?? []) == [Integer(1), Integer(-1)])
    }

    @Test func wordCoefficientsPastTheNarrowBoundUseWideAccumulators() {
        // 2^62 · 2^62 · 2 terms could pass 127 bits: the 256-bit accumulators take it, exactly.
        let big = 1 << 62
        let a = poly([([1, 0, 0], big), ([0, 0, 0], big)])
        guard let dense = SparsePolynomial.multiplyDense(a, a) else { Issue.record("dense path refused"); return }
        let t = Dictionary(uniqueKeysWithValues: dense.map { ($0.key, $0.value) })
        #expect(t == naive(a, a))
        #expect(t[UInt64(1) << 32] == Integer(2) * Integer(big) * Integer(big))
    }

    @Test func refusesCoefficientsPast128Bits() {
        // 2^130: the dense path refuses, the product is still exact (through GMP).
        let big = Integer("1361129467683753853853498429727072845824")!  // 2^130
        var a = poly([([1, 0, 0], 1), ([0, 0, 0], 1)])
        a.terms = a.terms.map { ($0.key, $0.value * big) }
        #expect(SparsePolynomial.multiplyDense(a, a) == nil)
        let t = Dictionary(uniqueKeysWithValues: (a * a).terms.map { ($0.key, $0.value) })
        #expect(t == naive(a, a))
    }

    @Test func wideCoefficientsMatchTermByTermProduct() {
        // Coefficients of about 100 bits and both signs (as rational coefficients over a common
        // denominator have) go through the 256-bit accumulators.
        let big = Integer("1267650600228229401496703205376")!  // 2^100
        var a = poly([([1, 0, 0], 1), ([0, 1, 0], -1), ([0, 0, 1], 3), ([0, 0, 0], 1)])
        a.terms = a.terms.enumerated().map { ($1.key, $1.value * big + Integer($0 * 7919 - 5)) }
        guard let dense = SparsePolynomial.multiplyDense(a, a) else { Issue.record("dense path refused"); return }
        #expect(Dictionary(uniqueKeysWithValues: dense.map { ($0.key, $0.value) }) == naive(a, a))
    }

    @Test func accumulatorsConvertBothSigns() {
        // 256-bit two's complement: -1 is all ones; 2^200 - 3 and its negation.
        #expect(SignedMagnitude.integer(high: ~0, low: ~0) == Integer(-1))
        let v = Integer("1606938044258990275541962092341162602522202993782792835301373")!  // 2^200 - 3
        let high = (UInt128(1) << 72), low = ~UInt128(0) - 2
        #expect(SignedMagnitude.integer(high: high - 1, low: low) == v)
        #expect(SignedMagnitude.integer(high: ~(high - 1), low: 3) == -v)
    }

    @Test func refusesSparseProducts() {
        // x^1000 + 1 squared: a dense chunk would be mostly empty.
        let a = poly([([1000, 0, 0], 1), ([0, 0, 0], 1)])
        #expect(SparsePolynomial.multiplyDense(a, a) == nil)
    }
}
