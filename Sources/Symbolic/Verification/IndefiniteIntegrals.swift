import SymbolicCore
import SymbolicLaTeX

/// `\int f(x) \, dx = F(x) + C`: an indefinite integral is claimed right when the other side
/// differentiates back to the integrand, `F' = f`, wherever both are defined (so `\ln|x|` is an
/// antiderivative of `1/x` on each interval of its domain). A constant of integration (`+ C`,
/// any name free of x) differentiates to 0. Invalid only where `F'` and `f` are both defined
/// and certainly differ.
enum IndefiniteIntegrals {
    /// The integrand's tokens and the variable, when `tokens` are `\int … dx` without bounds.
    static func parts(_ tokens: [LaTeXToken]) -> (integrand: [LaTeXToken], variable: [LaTeXToken])? {
        var k = 0
        while k < tokens.count, case .command(let c) = tokens[k].kind, [",", ";", "!", " ", "displaystyle"].contains(c) { k += 1 }
        guard k < tokens.count, tokens[k].kind == .command("int") else { return nil }
        k += 1
        if k < tokens.count, tokens[k].kind == .symbol("_") || tokens[k].kind == .symbol("^") { return nil }
        if k < tokens.count, tokens[k].kind == .command("limits") { k += 1 }
        // The integrand runs to the differential at its own level, which ends the side.
        var depth = 0
        var j = k
        while j < tokens.count {
            let t = tokens[j]
            if depth == 0, t.kind == .letter("d"), j + 2 == tokens.count, case .letter = tokens[j + 1].kind {
                return (Array(tokens[k..<j]), [tokens[j + 1]])
            }
            if depth == 0, t.kind == .command("mathrm") || t.kind == .command("text"), j + 5 == tokens.count,
               tokens[j + 1].kind == .symbol("{"), tokens[j + 2].kind == .letter("d"), tokens[j + 3].kind == .symbol("}") {
                return (Array(tokens[k..<j]), [tokens[j + 4]])
            }
            depth += t.nesting
            j += 1
        }
        return nil
    }
}

extension Verifier {
    /// `\int f dx = F` (either way round): nil when neither side is an indefinite integral.
    func indefiniteIntegral(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        let (integral, other): (ChainItem, ChainItem)
        if IndefiniteIntegrals.parts(a.tokens) != nil { (integral, other) = (a, b) }
        else if IndefiniteIntegrals.parts(b.tokens) != nil { (integral, other) = (b, a) }
        else { return nil }
        guard let (body, variable) = IndefiniteIntegrals.parts(integral.tokens) else { return nil }
        var br = LaTeXReader(tokens: body), vr = LaTeXReader(tokens: variable)
        br.functionNames = integral.functionNames
        guard case .scalar(let f)? = try? br.readWhole(), case .scalar(let xe)? = try? vr.readWhole(), case .symbol(let x) = xe.kind else {
            return .unchecked("cannot read the integrand of an indefinite integral")
        }
        guard case .success(.scalar(let written)) = other.value else {
            return .unchecked("cannot read the side of an indefinite integral that should be its antiderivative")
        }
        let F = state.definitions.resolve(written), integrand = state.definitions.resolve(f)
        let derivative = F.derivative(with: x)
        let domain = state.definitions.resolve(br.domain.union(other.domain))
        switch checker.equivalence.check(derivative, integrand, domain: domain) {
        case .equal(let how):
            return StepChecker.Outcome(verdict: .valid, method: "indefinite integral: differentiated back (\(how))",
                                       reason: "the derivative of \(PlainPrinter.string(F)) with respect to \(PlainPrinter.name(x)) is the integrand wherever both are defined (on each interval of the domain)",
                                       counterexample: nil)
        case .different(let ce):
            return StepChecker.Outcome(verdict: .invalid, method: "indefinite integral: differentiated back",
                                       reason: "the derivative of the right side is \(PlainPrinter.string(derivative.simplified())), not the integrand \(PlainPrinter.string(integrand)): at \(checker.describe(ce.point)) it is \(ce.lhs), the integrand \(ce.rhs)",
                                       counterexample: checker.report(ce, correct: nil))
        case .unknown(let why):
            return .unchecked("indefinite integral: the derivative of the right side and the integrand were not compared: \(why)")
        }
    }
}
