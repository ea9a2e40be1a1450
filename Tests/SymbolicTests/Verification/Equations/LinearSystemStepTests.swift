import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Arguments about linear systems in several unknowns; solution sets worked out by hand.
@Suite struct LinearSystemStepTests {
    func steps(_ text: String) -> [StepResult] { Verifier().verify(text, file: "t.md").steps }

    @Test func affineSolutionSets() {
        let (x, y) = (Symbol("x"), Symbol("y"))
        typealias Row = AffineSolutionSet.Row
        // x + y = 3, x - y = 1: the single point (2, 1).
        let unique = AffineSolutionSet([Row(coefficients: [1, 1], constant: 3), Row(coefficients: [1, -1], constant: 1)], unknowns: [x, y])
        #expect(unique.particular == [2, 1])
        #expect(unique.directions.isEmpty)
        #expect(unique.pointViolating(Row(coefficients: [2, 0], constant: 4)) == nil)
        #expect(unique.pointViolating(Row(coefficients: [0, 1], constant: 2)) == [2, 1])
        // x + y = 3 alone: the line (3, 0) + t(-1, 1); x = 3 fails one step along it, at (2, 1).
        let line = AffineSolutionSet([Row(coefficients: [1, 1], constant: 3)], unknowns: [x, y])
        #expect(line.pointViolating(Row(coefficients: [1, 0], constant: 3)) == [2, 1])
        // x + y = 1 and x + y = 2: no solution, so it implies everything.
        let none = AffineSolutionSet([Row(coefficients: [1, 1], constant: 1), Row(coefficients: [1, 1], constant: 2)], unknowns: [x, y])
        #expect(none.particular == nil)
        #expect(none.pointViolating(Row(coefficients: [1, 0], constant: 7)) == nil)
    }

    @Test func eliminationAndAnswer() {
        // x + y = 3 and x - y = 1: adding gives 2x = 4; the answer (2, 1).
        let s = steps("$$x + y = 3 \\text{ and } x - y = 1$$\n\n$$\\Rightarrow 2x = 4$$\n\n$$\\Rightarrow x = 2 \\text{ and } y = 1$$\n")
        #expect(s.suffix(2).map(\.verdict) == [.valid, .valid])
        #expect(s.last?.method.contains("equivalent") == true)
    }

    @Test func casesEnvironmentIsASystem() {
        // 2x + y = 5, x - y = 1: 3x = 6, x = 2, y = 1. The rows are no steps from one another.
        let s = steps("$$\\begin{cases} 2x + y = 5 \\\\ x - y = 1 \\end{cases}$$\n\n$$\\Rightarrow 3x = 6$$\n")
        #expect(!s.contains { $0.verdict == .invalid })
        #expect(s.last?.verdict == .valid)
    }

    @Test func plantedErrors() {
        // Subtracting wrongly: x + y = 3, x - y = 1 gives 2y = 2, not 2y = 4 (y = 1 at the solution).
        let slip = steps("$$x + y = 3 \\text{ and } x - y = 1$$\n\n$$\\Rightarrow 2y = 4$$\n").last
        #expect(slip?.verdict == .invalid)
        #expect(slip?.counterexample?.point == ["x": "2", "y": "1"])
        // A wrong answer.
        let answer = steps("$$x + y = 3 \\text{ and } x - y = 1 \\Rightarrow x = 2 \\text{ and } y = 2$$").last
        #expect(answer?.verdict == .invalid)
        // ⇔ to a consequence that is not equivalent: x = 2 alone allows y = 0.
        let iff = steps("$$x + y = 3 \\text{ and } x - y = 1 \\iff x = 2$$").last
        #expect(iff?.verdict == .invalid)
    }

    @Test func answersDefineNoNames() {
        // `y = 1` as an answer is no definition: the next argument's y is an unknown again.
        let s = steps("$$x + y = 3 \\text{ and } x - y = 1 \\Rightarrow x = 2 \\text{ and } y = 1$$\n\n$$y = 1$$\n\n$$x + y = 5 \\text{ and } x - y = 1 \\Rightarrow x = 3 \\text{ and } y = 2$$\n")
        #expect(s.last?.verdict == .valid)
    }
}
