import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Steps between equations and inequalities (issue 14). Every expected verdict and witness was
/// worked out by hand; the comments give the solution sets.
@Suite struct EquationStepTests {
    func verify(_ text: String) -> VerificationReport { Verifier().verify(text, file: "test.md") }
    func verdicts(_ text: String) -> [StepVerdict] { verify(text).steps.map(\.verdict) }

    // MARK: Correct arguments

    @Test func linearEquationSolvedOnSuccessiveDisplayLines() throws {
        // {0} and {0}: the first line is the equation to solve, not a false identity.
        let report = verify("$$2x - 6 = x - 6$$\n\n$$\\Rightarrow x = 0$$")
        #expect(report.steps.map(\.verdict) == [.unchecked, .valid])
        #expect(report.steps[0].reason.contains("an equation in x"))
        #expect(report.steps[1].method.contains("equivalent"))
    }

    @Test func quadraticByFactoring() {
        // x² + x - 6 = (x + 3)(x - 2): {-3, 2} throughout.
        let text = "$$x^2 + x - 6 = 0 \\Rightarrow (x + 3)(x - 2) = 0 \\Rightarrow x = 2 \\text{ or } x = -3$$"
        #expect(verdicts(text) == [.unchecked, .valid, .valid])
    }

    @Test func solutionsListedWithCommasAndIndices() {
        // `P = 0 ⇒ x_1 = a, x_2 = b` stays a solving claim (checked with multiplicity); lists
        // after a line that is not `P = 0` are read by the equation checker.
        #expect(verdicts("$$x^2 - 1 = 0 \\iff x_1 = 1, x_2 = -1$$") == [.valid])
        #expect(verdicts("$$x^2 - 1 = 0 \\iff x_1 = 1, x_2 = 2$$") == [.invalid])
        // After a step, the list is a step of the argument.
        #expect(verdicts("$$x^2 = 1$$\n$$(x - 1)(x + 1) = 0 \\iff x_1 = 1, x_2 = -1$$") == [.unchecked, .valid, .valid])
    }

    @Test func multiplicity() {
        // (x - 2)² = 0: 2 twice is right; (x - 1)(x - 3) = 0: 1 is a simple root, not a double one.
        let double = Verifier().verify("$$x^2 - 4x + 4 = 0 \\rightarrow x_1 = 2, x_2 = 2$$", file: "t.md").steps
        #expect(double.map(\.verdict) == [.valid])
        let twice = Verifier().verify("$$x^2 - 4x + 3 = 0 \\rightarrow x_1 = 1, x_2 = 1$$", file: "t.md").steps
        #expect(twice.map(\.verdict) == [.invalid])
        #expect(twice.first?.reason.contains("claimed 2 times but is a root of multiplicity 1") == true)
        // A note on multiplicity beside a root is read as such, not as a name or a claim in words.
        let noted = Verifier().verify("$$x^3 - 3x + 2 = 0 \\Rightarrow x = 1 \\text{ (double root) or } x = -2$$", file: "t.md").steps
        #expect(noted.last?.verdict == .valid)
        let lost = Verifier().verify("$$(x - 1)^2 (x + 2) = 0 \\Rightarrow x = 1 \\text{ (double)}$$", file: "t.md").steps
        #expect(lost.last?.verdict == .invalid)
        #expect(lost.last?.counterexample?.point == ["x": "-2"])
        // A stated multiplicity is checked against the first line: -2 is a simple root of (x - 1)²(x + 2).
        let first = "$$x^3 - 3x + 2 = 0$$\n$$\\Rightarrow (x - 1)^2 (x + 2) = 0$$\n"
        let right = Verifier().verify(first + "$$\\Rightarrow x = 1 \\text{ (double root) or } x = -2$$", file: "t.md").steps
        #expect(right.last?.verdict == .valid)
        let wrong = Verifier().verify(first + "$$\\Rightarrow x = 1 \\text{ or } x = -2 \\text{ (double root)}$$", file: "t.md").steps
        #expect(wrong.last?.verdict == .invalid)
        #expect(wrong.last?.reason.contains("x = -2 is a root of multiplicity 1") == true)
    }

    @Test func plusMinus() {
        // x² = 4 ⇔ x ∈ {2, -2}.
        #expect(verdicts("$$x^2 = 4 \\iff x = \\pm 2$$") == [.unchecked, .valid])
    }

    @Test func alignedRowsAreSteps() {
        // 3x + 2 = 11 ⇔ 3x = 9 ⇔ x = 3.
        let text = "$$\\begin{aligned} 3x + 2 &= 11 \\\\ 3x &= 9 \\\\ x &= 3 \\end{aligned}$$"
        #expect(verdicts(text) == [.unchecked, .valid, .valid])
    }

    @Test func quadraticFormulaWithIrrationalRoots() {
        // x² - 5x + 3 = 0 has roots (5 ± √13)/2.
        #expect(verdicts("$$x^2 - 5x + 3 = 0 \\Rightarrow x = \\frac{5 \\pm \\sqrt{13}}{2}$$") == [.unchecked, .valid])
    }

    @Test func inequalityFlippedWhenDividingByANegative() {
        // -2x < 6 ⇔ x > -3.
        #expect(verdicts("$$-2x < 6 \\Rightarrow x > -3$$") == [.unchecked, .valid])
        // 1 < 2x + 1 ≤ 5 ⇔ 0 < x ≤ 2; the chain is one line of the report.
        #expect(verdicts("$$1 < 2x + 1 \\le 5 \\iff 0 < x \\le 2$$") == [.unchecked, .valid])
    }

    @Test func squaringIsAnImplicationAndExtraneousRootsMayBeDropped() {
        // √(x+2) = x has the solution 2 only; squaring gives {2, -1}; dropping -1 is correct.
        let text = "$$\\sqrt{x + 2} = x \\Rightarrow x + 2 = x^2 \\Rightarrow x = 2 \\text{ or } x = -1$$\n\n$$\\Rightarrow x = 2$$"
        let report = verify(text)
        #expect(!report.steps.contains { $0.verdict == .invalid })
        #expect(report.steps.last?.verdict == .valid)
    }

    @Test func noSolutionAndEveryReal() {
        // 2x + 3 = 2x + 6 has no solution, nor has 0 = 3.
        #expect(verdicts("$$2x + 3 = 2x + 6 \\Rightarrow 0 = 3$$") == [.unchecked, .valid])
        // 3(x + 1) - 3 = 3x holds for every x: an identity, and 0 = 0 after it is true.
        #expect(verdicts("$$3(x + 1) - 3 = 3x \\Rightarrow 0 = 0$$") == [.valid, .valid])
    }

    @Test func contradictionFromAnAssumptionIsNoArithmeticSlip() throws {
        // a² = 2b² (two unknowns) cannot be decided, but 7 = 13 must not be called a slip.
        let report = verify("$$a^2 = 2 b^2 \\Rightarrow 7 = 13$$")
        #expect(report.steps.last?.verdict == .unchecked)
        // x² = -1 has no real solution, nor has 7 = 13: equivalent.
        #expect(verdicts("$$x^2 = -1 \\Rightarrow 7 = 13$$") == [.unchecked, .valid])
    }

    @Test func choosingAValueThatSatisfiesAConditionIsNoLostSolution() {
        // b > -3 holds at b = -2.8.
        #expect(!verdicts("$$3 + b > 0 \\Rightarrow b > -3 \\Rightarrow b = -2.8$$").contains(.invalid))
    }

    @Test func inequalitiesInSeparateBlocksMayBeAListOfConditions() {
        #expect(!verdicts("$$3 + b > 0$$\n\n$$2 + b > 0$$\n\n$$1 + b > 0$$").contains(.invalid))
    }

    @Test func aConditionOnItsOwnRowIsNotALostSolution() {
        // x² = 4 and x > 0: the row x > 0 drops -2, but may be a condition of the problem.
        #expect(!verdicts("$$\\begin{aligned} x^2 &= 4 \\\\ x &> 0 \\end{aligned}$$").contains(.invalid))
    }

    @Test func anIdentityAfterAWrongIdentityIsItsOwnClaim() {
        // (x+1)³ - (x³ + 3x² + 2x + 1) = x: the first is a wrong identity; the second is a true one.
        #expect(verdicts("$$(x+1)^3 = x^3 + 3x^2 + 2x + 1$$\n\n$$(x + 1)^2 = x^2 + 2x + 1$$") == [.invalid, .valid])
    }

    @Test func absoluteValuesAndSquareRootsAreSolvedExactly() {
        // |x - 1| = 3 ⇔ x ∈ {4, -2}; |x + 2| = 5 is {3, -7}, and x + 2 = 5 loses -7.
        #expect(verdicts("$$|x - 1| = 3 \\iff x - 1 = 3 \\text{ or } x - 1 = -3$$") == [.unchecked, .valid])
        let half = verify("$$|x + 2| = 5 \\Rightarrow x + 2 = 5$$").steps.last
        #expect(half?.verdict == .invalid)
        #expect(half?.counterexample?.point["x"] == "-7")
        // √(x + 2) = x is {2}: squaring gives {2, -1}, an implication, not an equivalence.
        #expect(verdicts("$$\\sqrt{x + 2} = x \\Rightarrow x + 2 = x^2$$") == [.unchecked, .valid])
        #expect(verdicts("$$\\sqrt{x + 2} = x \\iff x + 2 = x^2$$") == [.unchecked, .invalid])
    }

    @Test func simpleLogarithmsAndExponentials() {
        // log₃(x - 1) = 2 ⇔ x - 1 = 9; 2^(x+1) = 16 ⇔ x = 3; ln(x²) = 0 is {1, -1}; 4^x = -2 has no solution.
        #expect(verdicts("$$\\log_3 (x - 1) = 2 \\Rightarrow x - 1 = 9 \\Rightarrow x = 10$$") == [.unchecked, .valid, .valid])
        #expect(verdicts("$$2^{x+1} = 16 \\Rightarrow x + 1 = 4 \\Rightarrow x = 3$$") == [.unchecked, .valid, .valid])
        // x = 3 or x = 5 keeps the solution (an implication) but 5 is no answer: 2^6 = 64.
        #expect(verdicts("$$2^{x+1} = 16 \\Rightarrow x = 3 \\text{ or } x = 5$$") == [.unchecked, .invalid])
        let lost = verify("$$2^{x} = 16 \\Rightarrow x = 8 \\text{ or } x = 5$$").steps.last
        #expect(lost?.verdict == .invalid)
        #expect(lost?.counterexample?.point["x"] == "4")
        #expect(verdicts("$$\\ln(x^2) = 0 \\Rightarrow x^2 = 1 \\Rightarrow x = 1$$") == [.unchecked, .valid, .invalid])
        #expect(verdicts("$$4^{x} = -2 \\Rightarrow 0 = 1$$") == [.unchecked, .valid])
    }

    @Test func listsOfIrrationalValuesAreCompared() {
        // √(25 - 12) = √13; (5 ± √13)/2 is not (5 ± √12)/2.
        #expect(verdicts("$$x^2 - 5x + 3 = 0 \\Rightarrow x = \\frac{5 \\pm \\sqrt{25 - 12}}{2} \\Rightarrow x = \\frac{5 \\pm \\sqrt{13}}{2}$$") == [.unchecked, .valid, .valid])
        #expect(verdicts("$$x^2 - 5x + 3 = 0 \\Rightarrow x = \\frac{5 \\pm \\sqrt{25 - 12}}{2} \\Rightarrow x = \\frac{5 \\pm \\sqrt{12}}{2}$$") == [.unchecked, .valid, .invalid])
    }

    // MARK: Planted mistakes

    @Test func rootLostByDividingByX() throws {
        // x² = 3x has solutions {0, 3}; dividing by x loses 0.
        #expect(verdicts("$$x^2 = 3x \\Rightarrow x = 3$$").last == .invalid)
        let report = verify("$$x^2 = 3x \\Rightarrow x - 3 = 0$$")
        let step = try #require(report.steps.last)
        #expect(step.verdict == .invalid)
        #expect(step.counterexample?.point["x"] == "0")
    }

    @Test func rootLostOnPlainSuccession() throws {
        let report = verify("$$x^2 = 3x$$\n$$x = 3$$")
        #expect(report.steps.map(\.verdict) == [.unchecked, .invalid])
        #expect(report.steps[1].counterexample?.point["x"] == "0")
    }

    @Test func squaringGainsARootKeptInTheAnswer() throws {
        // At x = -1: √(x+2) = 1 but x = -1, so -1 does not solve the first line.
        let text = "$$\\sqrt{x + 2} = x$$\n\n$$\\Rightarrow x + 2 = x^2$$\n\n$$\\Rightarrow (x - 2)(x + 1) = 0$$\n\n$$\\Rightarrow x = 2 \\text{ or } x = -1$$"
        let report = verify(text)
        let last = try #require(report.steps.last)
        #expect(last.verdict == .invalid)
        #expect(last.counterexample?.point["x"] == "-1")
        #expect(report.steps.filter { $0.verdict == .invalid }.count == 1)
    }

    @Test func inequalityMultipliedByANegativeWithoutFlipping() throws {
        // -2x < 6 is x > -3; x < -3 is disjoint from it: a witness solves the first, not the second.
        let step = try #require(verify("$$-2x < 6 \\Rightarrow x < -3$$").steps.last)
        #expect(step.verdict == .invalid)
        let x = try #require(step.counterexample?.point["x"].flatMap { Rational($0) })
        #expect(x > Rational(-3))
    }

    @Test func wrongQuadraticFormulaRoot() throws {
        // x² - 5x + 6 = (x - 2)(x - 3): 3 is lost, 4 is not a root.
        let step = try #require(verify("$$x^2 - 5x + 6 = 0 \\Rightarrow x = 2 \\text{ or } x = 4$$").steps.last)
        #expect(step.verdict == .invalid)
        #expect(step.counterexample?.point["x"] == "3")
        // The sign of b flipped in the formula: (-5 ± √13)/2 are not roots of x² - 5x + 3.
        #expect(verdicts("$$x^2 - 5x + 3 = 0 \\Rightarrow x = \\frac{-5 \\pm \\sqrt{13}}{2}$$") == [.unchecked, .invalid])
    }

    @Test func irrationalRootLost() throws {
        // x² = 2 has roots ±√2; x = √2 loses -√2, a certified irrational witness.
        let step = try #require(verify("$$x^2 = 2 \\Rightarrow x = \\sqrt{2}$$").steps.last)
        #expect(step.verdict == .invalid)
        #expect(step.counterexample?.point["x"]?.hasPrefix("-1.41421") == true)
    }

    @Test func equivalenceClaimedForAnImplication() {
        // x² = 4 is {2, -2}; x = 2 is only part of it.
        #expect(verdicts("$$x^2 = 4 \\iff x = 2$$").last == .invalid)
        #expect(verdicts("$$x^2 = 4 \\iff x = 2 \\lor x = 3$$") == [.unchecked, .invalid])
    }

    @Test func aValueWhereTheDenominatorVanishesIsNoSolution() throws {
        // (x² - 1)/(x - 1) = 2 needs x ≠ 1, and x + 1 = 2 gives x = 1: no solution.
        let report = verify("$$\\frac{x^2 - 1}{x - 1} = 2 \\Rightarrow x + 1 = 2 \\Rightarrow x = 1$$")
        #expect(report.steps.map(\.verdict) == [.unchecked, .valid, .invalid])
        #expect(report.steps[1].method.contains("implies"))
        #expect(report.steps[2].counterexample?.point["x"] == "1")
    }

    @Test func everyRealClaimedForAnEquationWithoutSolutions() {
        // 2x + 3 = 2x + 6 has no solution; 0 = 0 would make every x one.
        #expect(verdicts("$$2x + 3 = 2x + 6 \\Rightarrow 0 = 0$$") == [.unchecked, .invalid])
    }

    @Test func alignedRowWithASlip() throws {
        let text = "$$\\begin{aligned} 3x + 2 &= 11 \\\\ 3x &= 9 \\\\ x &= 4 \\end{aligned}$$"
        let report = verify(text)
        #expect(report.steps.map(\.verdict) == [.unchecked, .valid, .invalid])
        #expect(report.steps[2].counterexample?.point["x"] == "3")
    }

    // MARK: Not decided

    @Test func undecidedStepsStayUnchecked() {
        // Two unknowns, linear: decided as a system (x + y = 3 and x = 3 - y have the same solutions).
        #expect(verdicts("$$x + y = 3 \\Rightarrow x = 3 - y$$").last == .valid)
        // With y as a parameter: y = 1 gives x = 3 against x = 2 (a certain error); x = 3/y agrees at every y tried.
        #expect(verdicts("$$x y = 3 \\Rightarrow x = 3 - y$$").last == .invalid)
        #expect(verdicts("$$x y = 3 \\Rightarrow x = \\frac{3}{y}$$").last == .unchecked)
        #expect(verdicts("$$\\sin x = \\cos x \\Rightarrow \\tan x = 1$$").last == .unchecked)
        // Beyond the degree limit: no isolation is attempted.
        #expect(verdicts("$$x^{60} = 1 \\Rightarrow x = 1 \\text{ or } x = -1$$").last == .unchecked)
    }
}

/// The exact real-root isolation behind the equation checker.
@Suite struct RealRootTests {
    typealias Poly = UnivariateDivision.Poly

    @Test func rationalRootsAreExact() {
        // x³ - x = x(x - 1)(x + 1).
        let roots = RealRoots.isolate([0, -1, 0, 1]) ?? []
        #expect(roots.map(\.lower) == [-1, 0, 1])
        #expect(roots.allSatisfy { if case .rational = $0 { return true }; return false })
        // (x - 1)²(x + 2) = x³ - 3x + 2: distinct roots -2 and 1.
        #expect((RealRoots.isolate([2, -3, 0, 1]) ?? []).map(\.lower) == [-2, 1])
        // 6x² - 5x + 1 = (2x - 1)(3x - 1).
        #expect((RealRoots.isolate([1, -5, 6]) ?? []).map(\.lower) == [Rational(1, 3)!, Rational(1, 2)!])
    }

    @Test func irrationalRootsAreIsolated() throws {
        // x² - 2: roots ±√2, each in an interval whose ends square to either side of 2.
        let roots = try #require(RealRoots.isolate([-2, 0, 1]))
        #expect(roots.count == 2)
        for r in roots {
            guard case .interval(_, let lo, let hi) = r else { Issue.record("expected an interval"); continue }
            #expect(lo < hi)
            let (a, b) = (lo * lo - 2, hi * hi - 2)
            #expect(a.signum * b.signum < 0)
        }
        #expect(RealRoots.isolate([1, 0, 1])?.isEmpty == true)  // x² + 1
    }

    @Test func signsAtIrrationalRoots() throws {
        let roots = try #require(RealRoots.isolate([-2, 0, 1]))
        let positive = try #require(roots.last)
        // At √2: x² - 2 = 0, x - 1 > 0, x² - 3 < 0, and 2x² - 4 = 0.
        #expect(positive.sign(of: [-2, 0, 1]) == 0)
        #expect(positive.sign(of: [-1, 1]) == 1)
        #expect(positive.sign(of: [-3, 0, 1]) == -1)
        #expect(positive.sign(of: [-4, 0, 2]) == 0)
    }
}
