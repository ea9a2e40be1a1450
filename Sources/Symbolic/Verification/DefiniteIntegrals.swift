import SymbolicCore
import SymbolicLaTeX

/// `\int_a^b f \, dx = \left[ F \right]_a^b`: the fundamental theorem of calculus with the
/// antiderivative the document states. Valid when F' = f and both f and F are defined on the
/// whole of [a, b] (decided by interval arithmetic over the interval, so a jump of F inside, as
/// `\ln|x|` across 0, is never passed over); otherwise unchecked, since the integral itself was
/// not computed.
enum DefiniteIntegrals {
    /// `\int_a^b … dx`: the bounds, the integrand and the variable's token.
    static func integral(_ tokens: [LaTeXToken]) -> (lower: [LaTeXToken], upper: [LaTeXToken], integrand: [LaTeXToken], variable: LaTeXToken)? {
        var k = 0
        guard k < tokens.count, tokens[k].kind == .command("int") else { return nil }
        k += 1
        if k < tokens.count, tokens[k].kind == .command("limits") { k += 1 }
        var lower: [LaTeXToken]?, upper: [LaTeXToken]?
        for _ in 0..<2 {
            guard k + 1 < tokens.count, tokens[k].kind == .symbol("_") || tokens[k].kind == .symbol("^") else { break }
            let isLower = tokens[k].kind == .symbol("_")
            guard let (group, next) = tokens.group(at: k + 1) else { return nil }
            if isLower { lower = group } else { upper = group }
            k = next
        }
        guard let lower, let upper else { return nil }
        // The rest is an indefinite integral's shape: integrand, then the differential ending it.
        guard let (integrand, variable) = IndefiniteIntegrals.parts([tokens[0]] + tokens[k...]), variable.count == 1 else { return nil }
        return (lower, upper, integrand, variable[0])
    }

    /// `\left[ F \right]_a^b` or `[F]_a^b`: F and the bounds.
    static func bracket(_ tokens: [LaTeXToken]) -> (body: [LaTeXToken], lower: [LaTeXToken], upper: [LaTeXToken])? {
        var k = 0
        let left = k < tokens.count && tokens[k].kind == .command("left")
        if left { k += 1 }
        guard k < tokens.count, tokens[k].kind == .symbol("[") else { return nil }
        let open = k
        var depth = 0, close: Int? = nil
        // `\left[` opens two levels, `\right]` closes them.
        for j in (left ? open - 1 : open)..<tokens.count {
            depth += tokens[j].nesting
            if depth == 0 { close = j; break }
        }
        guard var end = close else { return nil }
        var body = Array(tokens[(open + 1)..<end])
        if left {
            guard body.last?.kind == .command("right") else { return nil }
            body.removeLast()
        }
        end += 1
        var lower: [LaTeXToken]?, upper: [LaTeXToken]?
        var k2 = end
        for _ in 0..<2 {
            guard k2 + 1 < tokens.count, tokens[k2].kind == .symbol("_") || tokens[k2].kind == .symbol("^") else { break }
            let isLower = tokens[k2].kind == .symbol("_")
            guard let (g, next) = tokens.group(at: k2 + 1) else { return nil }
            if isLower { lower = g } else { upper = g }
            k2 = next
        }
        guard let lower, let upper, k2 == tokens.count else { return nil }
        return (body, lower, upper)
    }
}

extension Verifier {
    /// A part of a claim's tokens read as a number with the section's definitions applied, and
    /// where it is defined; nil when it is not read as one.
    func readScalar(_ ts: [LaTeXToken], of item: ChainItem, _ state: DocumentState) -> (value: Expression, domain: Domain)? {
        var reader = LaTeXReader(tokens: ts)
        reader.functionNames = item.functionNames
        guard case .scalar(let e)? = try? reader.readWhole() else { return nil }
        return (state.definitions.resolve(e), reader.domain)
    }

    /// A definite integral claimed equal to a bracket or a number: proved by the fundamental
    /// theorem with a stated antiderivative, or refuted when the number lies outside an interval
    /// that certainly holds the integral. Nil when no side is a definite integral.
    func definiteIntegralClaim(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        let ftc = fundamentalTheoremClaim(a, b, state)
        if ftc?.verdict == .valid { return ftc }
        for (integral, other) in [(a, b), (b, a)] {
            // (An integral the reader computes is compared exactly by the ordinary check.)
            guard case .failure = integral.value, let i = DefiniteIntegrals.integral(integral.tokens), case .success(.scalar(let value)) = other.value,
                  value.freeSymbols.isEmpty else { continue }
            func read(_ ts: [LaTeXToken]) -> Expression? { readScalar(ts, of: a, state)?.value }
            guard let f = read(i.integrand), let lo = read(i.lower), let hi = read(i.upper), case .symbol(let x)? = read([i.variable]).map(\.kind),
                  f.freeSymbols.allSatisfy({ $0 == x }), lo.freeSymbols.isEmpty, hi.freeSymbols.isEmpty,
                  case .value(let l) = IntervalEvaluator(point: [:]).evaluate(lo), case .value(let h) = IntervalEvaluator(point: [:]).evaluate(hi),
                  case .value(let v) = IntervalEvaluator(point: [:]).evaluate(value),
                  let enclosure = IntervalEvaluator.integralEnclosure(of: f, x, from: l, to: h), enclosure.isDisjoint(from: v) else { continue }
            return StepChecker.Outcome(verdict: .invalid, method: "definite integral: a certain enclosure (interval sums over 256 parts)",
                                       reason: "the integral lies in \(enclosure.displayString(digits: 6)), and the other side is \(v.displayString(digits: 6))",
                                       counterexample: CounterexampleReport(point: [:], lhs: enclosure.displayString(digits: 6), rhs: v.displayString(digits: 6), correct: nil))
        }
        return ftc
    }

    /// `\int_a^b f dx = [F]_a^b` (either way round); nil when the claim is not of this form.
    func fundamentalTheoremClaim(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        let pair: (integral: ChainItem, bracket: ChainItem)
        if DefiniteIntegrals.integral(a.tokens) != nil, DefiniteIntegrals.bracket(b.tokens) != nil { pair = (a, b) }
        else if DefiniteIntegrals.integral(b.tokens) != nil, DefiniteIntegrals.bracket(a.tokens) != nil { pair = (b, a) }
        else { return nil }
        // An integral the reader computes is compared exactly by the ordinary check.
        guard case .failure = pair.integral.value,
              let i = DefiniteIntegrals.integral(pair.integral.tokens), let br = DefiniteIntegrals.bracket(pair.bracket.tokens) else { return nil }
        func read(_ ts: [LaTeXToken]) -> Expression? { readScalar(ts, of: a, state)?.value }
        guard let f = read(i.integrand), let F = read(br.body), let lo = read(i.lower), let hi = read(i.upper),
              let lo2 = read(br.lower), let hi2 = read(br.upper), case .symbol(let x)? = read([i.variable]).map(\.kind) else {
            return .unchecked("cannot read a part of a definite integral or of the bracket stated for it")
        }
        let method = "definite integral: the fundamental theorem with the stated antiderivative"
        guard (lo - lo2).expanded(maxTerms: 100)?.isZero == true, (hi - hi2).expanded(maxTerms: 100)?.isZero == true else {
            return .unchecked("the bracket's bounds are not the integral's")
        }
        guard lo.freeSymbols.isEmpty, hi.freeSymbols.isEmpty, case .value(let l) = IntervalEvaluator(point: [:]).evaluate(lo),
              case .value(let h) = IntervalEvaluator(point: [:]).evaluate(hi) else {
            return .unchecked("a definite integral with bounds that are not numbers")
        }
        switch checker.equivalence.check(F.derivative(with: x), f) {
        case .equal: break
        default:
            return .unchecked("the derivative of the bracket's expression is not shown to be the integrand, so the bracket is not known to be the integral")
        }
        // f and F defined on the whole interval between the bounds.
        var evaluator = IntervalEvaluator(point: [:])
        evaluator.boxes = [x: Interval.hull(l, h)]
        guard case .value = evaluator.evaluate(f), case .value = evaluator.evaluate(F) else {
            return .unchecked("the integrand or its antiderivative is not shown to be defined on the whole interval of integration")
        }
        return StepChecker.Outcome(verdict: .valid, method: method,
                                   reason: "the derivative of \(PlainPrinter.string(F)) is the integrand, and both are defined on the whole interval: the integral is the bracket",
                                   counterexample: nil)
    }
}
