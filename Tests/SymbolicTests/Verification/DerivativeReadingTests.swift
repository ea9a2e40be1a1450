import Testing
import Symbolic

/// A derivative of something that does not show the variable is not 0 by default: the function
/// or vector may depend on it (`J(\mathbf{w})` depends on w_0). Such steps are unchecked.
@Suite struct DerivativeReadingTests {
    @Test func hiddenDependenceIsUnchecked() {
        for claim in ["\\frac{\\partial}{\\partial w_0} J(\\mathbf{w}) = 2", "\\frac{d}{dx} g(t) = 1", "\\frac{\\partial}{\\partial w_1} \\mathbf{w} = 0"] {
            let steps = Verifier().verify("$$" + claim + "$$\n", file: "d.md").steps
            #expect(steps.count == 1 && steps[0].verdict == .unchecked, "\(claim): \(steps.map(\.reason))")
        }
    }

    @Test func visibleDependenceIsStillComputed() {
        let steps = Verifier().verify("$$\\frac{d}{dx} (x^2 + y) = 2x$$\n$$\\frac{\\partial}{\\partial y} (x y^2) = 3 x y$$\n", file: "d.md").steps
        #expect(steps.map(\.verdict) == [.valid, .invalid])
    }
}

/// `f(x) = … f'(x)` does not define f: resolving f' would differentiate f's own body again and
/// again (a fuzz input that took seconds).
@Suite struct SelfReferentialDefinitionTests {
    @Test func aBodyUsingItsOwnDerivativeIsNoDefinition() {
        let steps = Verifier().verify("$$f(x) = \\sigma(x) + f'(x)$$\n$$f'(x) = f(x) (1 - f(x))$$\n", file: "f.md").steps
        #expect(steps.count == 2, "\(steps.map(\.latex))")
        #expect(steps.allSatisfy { $0.verdict == .unchecked })
    }
}

/// Issue rows of calculus as courses write it: unknown functions, constants, indices (hand-derived).
@Suite struct UnknownFunctionTests {
    func verdicts(_ text: String) -> [StepVerdict] { Verifier().verify(text, file: "u.md").steps.map(\.verdict) }

    @Test func rulesOfDifferentiationHoldForEveryFunction() {
        #expect(verdicts("$$\\frac{d}{dx} k = 0$$") == [.valid])
        #expect(verdicts("$$\\frac{d}{dx}(f(x) g(x)) = f'(x) g(x) + f(x) g'(x)$$") == [.valid])
        #expect(verdicts("$$\\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)$$") == [.valid])
        #expect(verdicts("$$\\frac{d}{dx} \\frac{f(x)}{g(x)} = \\frac{f'(x) g(x) - f(x) g'(x)}{g(x)^2}$$") == [.valid])
        #expect(verdicts("$$\\frac{\\partial z_i}{\\partial z_j} = \\delta_{ij}$$") == [.valid])
        // A dropped factor is never valid; a claim about the one f a document means is never refuted.
        #expect(verdicts("$$\\frac{d}{dx}(f(x) g(x)) = f'(x) g(x)$$") != [.valid])
        #expect(verdicts("$$f'(x) = f(x) (1 - f(x))$$") == [.unchecked])
        #expect(verdicts("$$\\frac{d}{dx} f(x) = f(x) (1 - f(x))$$") == [.unchecked])
    }

    @Test func aWrongRuleIsRefutedByParticularFunctions() throws {
        // Hand-checked with f = e^{2u}, g = u³ + 1 at x = 3/2: a dropped chain-rule factor, a
        // product rule without its second term, a quotient rule with the wrong sign, f(2x)' = f'(2x).
        for claim in ["\\frac{d}{dx} f(g(x)) = f'(g(x))", "\\frac{d}{dx}(f(x) g(x)) = f'(x) g'(x)",
                      "\\frac{d}{dx} \\frac{f(x)}{g(x)} = \\frac{f'(x) g(x) + f(x) g'(x)}{g(x)^2}", "\\frac{d}{dx} f(2x) = f'(2x)"] {
            let step = try #require(Verifier().verify("$$" + claim + "$$", file: "u.md").steps.first)
            #expect(step.verdict == .invalid, "\(claim): \(step.reason)")
            #expect(step.reason.hasPrefix("false for f(u) = e^{2u}"), "\(claim): \(step.reason)")
            #expect(step.counterexample?.point["f(u)"] == "e^{2u}")
        }
    }

    @Test func aLetterDifferentiatedTwiceIsAFunction() {
        // ∂L/∂z and ∂L/∂a in one section: L depends on them, so ∂L/∂z = 0 is not proved by L being constant.
        #expect(verdicts("$$\\frac{\\partial L}{\\partial z} = 0$$\n\n$$\\frac{\\partial L}{\\partial a} = 0$$") == [.unchecked, .unchecked])
        #expect(verdicts("$$\\frac{\\partial E}{\\partial W} = \\sum_{t=1}^T \\frac{\\partial E_t}{\\partial W}$$") == [.unchecked])
    }
}
