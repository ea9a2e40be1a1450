import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The probe of `PointwisePowers`: a law that holds only under the convention `u^v = exp(v log u)`
/// is never `valid`, whatever its letters are called.
@Suite struct PointwisePowersTests {
    func outcome(_ latex: String) -> StepResult? {
        Verifier().verify("$$" + latex + "$$", file: "t.md").steps.first
    }

    @Test(arguments: [("x", "n", "m"), ("u", "v", "w"), ("a", "b", "c"), ("z", "y", "x"), ("t", "k", "j"), ("p", "q", "r"), ("n", "m", "x")])
    func powerOfAPowerIsNeverValidInAnyLetters(letters: (String, String, String)) throws {
        let (x, n, m) = letters
        let step = try #require(outcome("(\(x)^\(n))^\(m) = \(x)^{\(n)\(m)}"))
        #expect(step.verdict == .unchecked, "\(step.reason)")
        #expect(step.reason.contains("read pointwise it fails"), "\(step.reason)")
    }

    @Test func aBaseThatIsNegativeOnlyInsideItsDomainIsFound() throws {
        // √((ln t)^k) = (ln t)^(k/2) needs ln t > 0: at t = 1/3, k = 2 the sides are |ln 3| and -ln 3.
        let step = try #require(outcome("\\sqrt{(\\ln t)^k} = (\\ln t)^{k/2}"))
        #expect(step.verdict == .unchecked)
        #expect(step.reason.contains("t = 1/3") || step.reason.contains("t = 1/2"), "\(step.reason)")
    }

    @Test func lawsThatHoldPointwiseStayValid() throws {
        // x^n x^m = x^(n+m) holds wherever both sides are defined, read either way.
        #expect(outcome("x^n x^m = x^{n+m}")?.verdict == .valid)
        #expect(outcome("e^{a} e^{b} = e^{a+b}")?.verdict == .valid)
    }

    @Test func shellsVisitEveryTupleOnceInOrderOfLargestIndex() {
        var seen: [[Int]] = []
        Shells.enumerate(sizes: [3, 2, 4]) { seen.append($0); return true }
        #expect(seen.count == 3 * 2 * 4)
        #expect(Set(seen.map { $0.description }).count == seen.count)
        let largest = seen.map { $0.max()! }
        #expect(largest == largest.sorted())
        var first: [[Int]] = []
        Shells.enumerate(sizes: [5, 5]) { first.append($0); return first.count < 4 }
        #expect(first == [[0, 0], [0, 1], [1, 0], [1, 1]])
    }
}
