import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicDerivations

/// `derive skipgram-pairs`: the seed's numbers, and the count against brute force over pairs.
@Suite struct SkipGramPairsTests {
    func results(_ d: Derivation) -> [Rational] {
        d.steps.filter(\.isResult).compactMap { $0.rhs.scalar?.rationalValue }
    }

    @Test func theSeedsNumbers() throws {
        // Seed 002: ten tokens, window 2, five negatives: 34, 170, 204.
        let d = try SkipGramPairs.derivation(tokens: 10, window: 2, negatives: 5)
        #expect(results(d) == [34, 170, 204])
        for o in d.verification().compactMap({ $0 }) { #expect(o.holds, "\(o.reason)") }
    }

    @Test(arguments: [(1, 1), (3, 1), (5, 2), (7, 3), (12, 4), (4, 4)]) func countIsBruteForce(_ nc: (Int, Int)) throws {
        let (n, c) = nc
        var pairs = 0
        for i in 0..<n { for j in 0..<n where i != j && abs(i - j) <= c { pairs += 1 } }
        let d = try SkipGramPairs.derivation(tokens: n, window: c, negatives: 3)
        #expect(results(d) == [Rational(pairs), Rational(pairs * 3), Rational(pairs * 4)])
        for o in d.verification().compactMap({ $0 }) { #expect(o.holds, "\(o.reason)") }
    }

    @Test func badCountsAreRefused() {
        #expect(throws: SkipGramPairs.Failure.self) { try SkipGramPairs.derivation(tokens: 0, window: 2, negatives: 5) }
        #expect(throws: SkipGramPairs.Failure.self) { try SkipGramPairs.derivation(tokens: 5, window: 9, negatives: 5) }
    }
}
