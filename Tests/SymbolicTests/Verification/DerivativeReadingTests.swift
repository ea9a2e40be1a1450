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
