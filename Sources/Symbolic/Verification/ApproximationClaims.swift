import SymbolicCore
import SymbolicLaTeX

/// `f \approx p` "for small x": p is read as the first terms of f's series at 0, so the
/// difference f − p must start beyond p's last power (`\sin x \approx x - x^3/6`: it starts
/// with x⁵). The series is exact (`PuiseuxSeries`). Only in a section whose prose says x is
/// small (from those words on).
enum ApproximationClaims {
    /// Phrases saying the variable is small (English and Persian).
    static let smallCues = ["small", "near 0", "near zero", "close to 0", "close to zero", "\\to 0", "\\ll 1", "→ 0",
                            "کوچک", "نزدیک صفر", "نزدیک به صفر"]

    static func saysSmall(_ text: String) -> Bool {
        let lower = text.lowercased()
        return smallCues.contains { lower.contains($0) }
    }
}

extension Verifier {
    /// `f ≈ p` with p a polynomial in one letter x, after words that say x is small; nil otherwise.
    func approximationClaim(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        guard state.saysSmall else { return nil }
        guard case .success(.scalar(let l0)) = a.value, case .success(.scalar(let r0)) = b.value else { return nil }
        let (l, r) = (state.definitions.resolve(l0), state.definitions.resolve(r0))
        let letters = Set(l.freeSymbols).union(r.freeSymbols)
        guard letters.count == 1, let x = letters.first else { return nil }
        // The polynomial side and its degree.
        func degree(_ e: Expression) -> Int? {
            guard let cs = e.coefficients(in: x), cs.keys.allSatisfy({ $0.isInteger && !$0.isNegative }),
                  cs.values.allSatisfy({ !$0.contains(x) }) else { return nil }
            return cs.keys.compactMap { $0.numerator.intValue }.max() ?? 0
        }
        guard let n = degree(r) ?? degree(l) else { return nil }
        guard let g = Growth.of(l - r, in: x), case .series(let s) = g else {
            return .unchecked("the series at \(PlainPrinter.name(x)) = 0 of a side is not found")
        }
        let name = PlainPrinter.name(x)
        let method = "approximation for small \(name): the series at 0"
        // Fractional powers hold on one side of 0 only; the claim is about both.
        guard s.terms.keys.allSatisfy(\.isInteger) else { return .unchecked("the series at \(name) = 0 has fractional powers") }
        let bound = Rational(n + 1)
        if let (e, c) = s.leading, e < bound {
            return StepChecker.Outcome(verdict: .invalid, method: method,
                                       reason: "the difference of the sides starts with \(PlainPrinter.string(c * Expression(x).pow(Expression(e)))), of lower order than the terms kept (up to \(name)^\(n)): the approximation is wrong at that order",
                                       counterexample: nil)
        }
        guard s.order >= bound else { return .unchecked("the series at \(name) = 0 is not known far enough") }
        return StepChecker.Outcome(verdict: .valid, method: method,
                                   reason: "the difference of the sides is of order \(name)^\(n + 1) or higher at \(name) = 0: the right side is the series to \(name)^\(n)",
                                   counterexample: nil)
    }
}
