import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct GroupedProductTests {
    private let n = 4, bits = 16

    private func poly(_ terms: [([Int], Integer)]) -> SparsePolynomial {
        var p = SparsePolynomial(generatorCount: n, bits: bits)
        var table: [UInt64: Integer] = [:]
        for (e, c) in terms {
            var key: UInt64 = 0
            for i in 0..<n { key |= UInt64(e[i]) << UInt64((n - 1 - i) * bits) }
            table[key, default: .zero] = table[key, default: .zero] + c
        }
        p.terms = table.filter { !$0.value.isZero }.map { ($0.key, $0.value) }
        return p
    }

    /// Sparse terms from a fixed linear congruential sequence: exponents up to 40, coefficients of both signs.
    private func sparse(_ count: Int, seed: UInt64, coefficient: (UInt64) -> Integer) -> SparsePolynomial {
        var state = seed
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        return poly((0..<count).map { _ in ((0..<n).map { _ in Int(next() % 41) }, coefficient(next())) })
    }

    /// The product term by term through a dictionary, without zero coefficients.
    private func naive(_ a: SparsePolynomial, _ b: SparsePolynomial) -> [UInt64: Integer] {
        var t: [UInt64: Integer] = [:]
        for (ma, ca) in a.terms { for (mb, cb) in b.terms { t[ma &+ mb, default: .zero] = t[ma &+ mb, default: .zero] + ca * cb } }
        return t.filter { !$0.value.isZero }
    }

    @Test func matchesTermByTermProductInDescendingOrder() {
        let a = sparse(300, seed: 1) { Integer(Int($0 % 2001) - 1000) }
        let b = sparse(200, seed: 2) { Integer(Int($0 % 17) - 8) }
        guard let grouped = SparsePolynomial.multiplyGrouped(a, b) else { Issue.record("grouped path refused"); return }
        #expect(Dictionary(uniqueKeysWithValues: grouped.map { ($0.key, $0.value) }) == naive(a, b))
        #expect(zip(grouped, grouped.dropFirst()).allSatisfy { $0.key > $1.key })
        #expect(!grouped.contains { $0.value.isZero })
    }

    @Test func chunksThatOutgrowTheirTableGrowIt() {
        // Tables of at most 16 slots: every chunk with more than 8 monomials grows, mid-chunk.
        let a = sparse(250, seed: 9) { Integer(Int($0 % 101) - 50) }, b = sparse(250, seed: 10) { Integer(Int($0 % 13) - 6) }
        guard let grouped = SparsePolynomial.multiplyGrouped(a, b, largestTable: 16) else { Issue.record("grouped path refused"); return }
        #expect(Dictionary(uniqueKeysWithValues: grouped.map { ($0.key, $0.value) }) == naive(a, b))
        #expect(zip(grouped, grouped.dropFirst()).allSatisfy { $0.key > $1.key })
    }

    @Test func everyNumberOfGeneratorsAndSplit() {
        // Two to six generators, so every number of leading fields is chosen somewhere.
        var taken = 0
        for generators in 2...6 {
            let bits = 64 / generators
            func poly(_ count: Int, _ seed: UInt64, _ top: UInt64) -> SparsePolynomial {
                var state = seed
                func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
                var p = SparsePolynomial(generatorCount: generators, bits: bits)
                var table: [UInt64: Integer] = [:]
                for _ in 0..<count {
                    var key: UInt64 = 0
                    for i in 0..<generators { key |= (next() % top) << UInt64((generators - 1 - i) * bits) }
                    table[key, default: .zero] = table[key, default: .zero] + Integer(Int(next() % 7) - 3)
                }
                p.terms = table.filter { !$0.value.isZero }.map { ($0.key, $0.value) }
                return p
            }
            for top: UInt64 in [2, 5, 30] {
                let a = poly(200, UInt64(generators) * 31 + top, top), b = poly(150, UInt64(generators) * 37 + top, top)
                guard let grouped = SparsePolynomial.multiplyGrouped(a, b) else { continue }
                taken += 1
                #expect(Dictionary(uniqueKeysWithValues: grouped.map { ($0.key, $0.value) }) == naive(a, b), "\(generators) generators, exponents below \(top)")
            }
        }
        #expect(taken >= 8)  // not vacuous: the shapes with exponents below 2 have under 4,096 products and are declined
    }

    @Test func cancellationsAcrossPairsOfGroupsAreDropped() {
        // (p + q)(p - q) = p² - q²: every cross term cancels between two pairs of groups.
        let p = sparse(120, seed: 3) { Integer(Int($0 % 9) + 1) }, q = sparse(120, seed: 4) { Integer(Int($0 % 5) + 1) }
        let sum = poly(p.terms.map { (self.exponents($0.key), $0.value) } + q.terms.map { (self.exponents($0.key), $0.value) })
        let difference = poly(p.terms.map { (self.exponents($0.key), $0.value) } + q.terms.map { (self.exponents($0.key), -$0.value) })
        guard let grouped = SparsePolynomial.multiplyGrouped(sum, difference) else { Issue.record("grouped path refused"); return }
        let expected = naive(sum, difference)
        #expect(Dictionary(uniqueKeysWithValues: grouped.map { ($0.key, $0.value) }) == expected)
        #expect(grouped.count == expected.count)
    }

    @Test func sumsPastTheUncheckedBoundAreCheckedExactly() {
        // Coefficients of 62 bits: a product needs 124 bits, so sums of many are checked; the
        // grouped path either agrees exactly with the term-by-term product or declines.
        let a = sparse(120, seed: 5) { _ in Integer(1 << 62) }, b = sparse(120, seed: 6) { _ in Integer(-(1 << 62)) }
        if let grouped = SparsePolynomial.multiplyGrouped(a, b) {
            #expect(Dictionary(uniqueKeysWithValues: grouped.map { ($0.key, $0.value) }) == naive(a, b))
        }
        #expect(Dictionary(uniqueKeysWithValues: (a * b).terms.map { ($0.key, $0.value) }) == naive(a, b))
    }

    @Test func declinesCoefficientsPastAWord() {
        let a = sparse(100, seed: 7) { _ in Integer("1361129467683753853853498429727072845824")! }  // 2^130
        let b = sparse(100, seed: 8) { Integer(Int($0 % 7) - 3) }
        #expect(SparsePolynomial.multiplyGrouped(a, b) == nil)
        #expect(Dictionary(uniqueKeysWithValues: (a * b).terms.map { ($0.key, $0.value) }) == naive(a, b))
    }

    private func exponents(_ key: UInt64) -> [Int] {
        (0..<n).map { Int((key >> UInt64((n - 1 - $0) * bits)) & 0xFFFF) }
    }
}
