import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct IntegerTests {
    @Test func smallValuesStayInline() {
        let a = Integer(123) * Integer(456)
        #expect(a.isSmall)
        #expect(a == Integer(56088))
    }

    @Test func overflowPromotesToGMPAndBack() {
        let big = Integer(Int.max) + Integer(1)
        #expect(!big.isSmall)
        #expect(big.description == "9223372036854775808")
        let back = big - Integer(1)
        #expect(back.isSmall)
        #expect(back == Integer(Int.max))
        #expect((Integer(Int.min) - 1).description == "-9223372036854775809")
        #expect((-Integer(Int.min)).description == "9223372036854775808")
    }

    @Test func parsingAndPrintingPast64Bits() throws {
        let text = "12345678901234567890123"
        let v = try #require(Integer(text))
        #expect(v.description == text)
        #expect(Integer("-" + text)?.description == "-" + text)
        #expect(Integer("12a") == nil)
        #expect(Integer("") == nil)
        // 2^100 computed independently: 1267650600228229401496703205376
        #expect(Integer(2).power(100).description == "1267650600228229401496703205376")
    }

    @Test func gcdLcmAndDivision() {
        #expect(Integer.gcd(Integer(-12), Integer(18)) == Integer(6))
        #expect(Integer.gcd(.zero, .zero) == .zero)
        #expect(Integer.lcm(Integer(4), Integer(6)) == Integer(12))
        let big = Integer(2).power(80) * Integer(3)
        #expect(Integer.gcd(big, Integer(2).power(70) * Integer(9)) == Integer(2).power(70) * Integer(3))
        let (q, r) = Integer(-7).quotientAndRemainder(dividingBy: Integer(2))
        #expect(q == Integer(-3) && r == Integer(-1))
        #expect(Integer(-7).floorDivided(by: Integer(2)) == Integer(-4))
    }

    /// The machine-word gcd agrees with Euclid's algorithm, edge values included.
    @Test func wordGcdMatchesEuclid() {
        func euclid(_ a: Int, _ b: Int) -> Int {
            var (x, y) = (a.magnitude, b.magnitude)
            while y != 0 { (x, y) = (y, x % y) }
            return Int(x)
        }
        var values = [0, 1, -1, 2, -2, 3, 6, 12, -18, 1 << 40, 3 << 20, Int.max, Int.min + 1, Int.max - 1, 999_983, 1 << 62]
        var state: UInt64 = 12345
        for _ in 0..<200 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int(truncatingIfNeeded: state >> UInt64(1 + state % 60)) * (state % 2 == 0 ? 1 : -1))
        }
        for a in values {
            for b in values {
                #expect(Integer.gcd(Integer(a), Integer(b)) == Integer(euclid(a, b)), "gcd(\(a), \(b))")
            }
        }
    }

    @Test func hashingMatchesEquality() {
        let a = Integer(2).power(70), b = Integer("1180591620717411303424")!
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
    }

    @Test func comparisonAcrossRepresentations() {
        #expect(Integer(5) < Integer(2).power(70))
        #expect(-Integer(2).power(70) < Integer(-5))
        #expect(Integer(2).power(70) > Integer(2).power(69))
    }

    @Test func exactRoots() {
        #expect(Integer(2).power(90).exactRoot(3) == Integer(2).power(30))
        #expect(Integer(-27).exactRoot(3) == Integer(-3))
        #expect(Integer(-4).exactRoot(2) == nil)
        #expect(Integer(10).exactRoot(2) == nil)
    }

    @Test func trialFactoring() {
        let (fs, rest) = Integer(360).trialFactor()
        #expect(rest == .one)
        #expect(fs.map { "\($0.prime)^\($0.exponent)" } == ["2^3", "3^2", "5^1"])
    }

    @Test func trialFactoringOfHugeNumbersIsBounded() {
        // Each prime costs one pass, however often it divides: 2^(2^20)·3 factors at once.
        let (fs, rest) = (Integer(2).power(1 << 20) * Integer(3)).trialFactor()
        #expect(rest == .one)
        #expect(fs.map { "\($0.prime)^\($0.exponent)" } == ["2^1048576", "3^1"])
        // A prime past the bound stays in the cofactor.
        let p = Integer(1_000_003)
        let (gs, cofactor) = (p * p * Integer(12)).trialFactor()
        #expect(gs.map { "\($0.prime)^\($0.exponent)" } == ["2^2", "3^1"])
        #expect(cofactor == p * p)
        #expect(Integer(1_000_003).trialFactor().cofactor == .one)  // below the bound squared: prime
    }
}
