import SymbolicCore
import SymbolicLaTeX

/// `\lim … = \infty`, `= -\infty`, or a number, where the limit is infinite or does not exist
/// (no number represents it, so the reader carries it in `ReaderError.limit`), and a finite
/// limit claimed to be `\infty`. The limit comes from the series of the body near the point
/// (`LimitValue.of`); one that does not exist is refuted by its two one-sided limits.
extension Verifier {
    func limitClaim(_ a: ChainItem, _ b: ChainItem) -> StepChecker.Outcome? {
        for (x, y) in [(a, b), (b, a)] {
            let computed: LimitValue
            if case .failure(let e) = x.value, let v = e.limit { computed = v }
            else if x.tokens.first?.kind == .command("lim"), case .success(.scalar(let c)) = x.value, Self.infinity(y.tokens) != nil { computed = .finite(c) }
            else { continue }
            let claimed: LimitValue
            if let sign = Self.infinity(y.tokens) { claimed = sign > 0 ? .plusInfinity : .minusInfinity }
            else if case .success(.scalar(let c)) = y.value { claimed = .finite(c) }
            else { return .unchecked("the limit is \(computed.description); the other side is not read") }
            let method = "limit from the series near the point"
            if computed == claimed {
                return StepChecker.Outcome(verdict: .valid, method: method, reason: "the limit is \(computed.description)", counterexample: nil)
            }
            if case .finite = computed, case .finite = claimed { return nil }
            let why: String
            if case .none(let l, let r) = computed {
                why = "the limit does not exist: from the left it is \(l?.description ?? "none"), from the right \(r?.description ?? "none")"
            } else {
                why = "the limit is \(computed.description), not \(claimed.description)"
            }
            return StepChecker.Outcome(verdict: .invalid, method: method, reason: why,
                                       counterexample: CounterexampleReport(point: [:], lhs: computed.description, rhs: claimed.description, correct: computed.description))
        }
        return nil
    }

    /// +1 for `\infty` or `+\infty`, -1 for `-\infty`; nil for anything else.
    static func infinity(_ ts: [LaTeXToken]) -> Int? {
        let kinds = ts.map(\.kind).filter { $0 != .command("left") && $0 != .command("right") }
        if kinds == [.command("infty")] || kinds == [.symbol("+"), .command("infty")] { return 1 }
        if kinds == [.symbol("-"), .command("infty")] { return -1 }
        return nil
    }
}
