import SymbolicCore
import SymbolicLaTeX

/// `f(x) = p(x) + O(x^n)` as x → 0: the difference `f - p` has no term below `x^n` in its
/// series at 0 (exact coefficients: the series of exp, sin, cos and log of polynomials, to
/// `LimitSeries.order`). Invalid with the first coefficient below `x^n` that is not 0.
enum BigOClaims {
    /// The side's tokens without its last term `+ O(…)` (or `\mathcal{O}(…)`), and the tokens inside.
    static func split(_ tokens: [LaTeXToken]) -> (rest: [LaTeXToken], inner: [LaTeXToken])? {
        var depth = 0
        for (k, t) in tokens.enumerated() {
            defer { depth += t.nesting }
            guard depth == 0, t.kind == .symbol("+") else { continue }
            var j = k + 1
            if j < tokens.count, tokens[j].kind == .letter("O") { j += 1 }
            else if j + 3 < tokens.count, tokens[j].kind == .command("mathcal"), tokens[j + 1].kind == .symbol("{"),
                    tokens[j + 2].kind == .letter("O"), tokens[j + 3].kind == .symbol("}") { j += 4 }
            else { continue }
            if j < tokens.count, tokens[j].kind == .command("left") { j += 1 }
            guard j < tokens.count, tokens[j].kind == .symbol("(") else { continue }
            // The matching parenthesis must end the side.
            var d = 0, close: Int? = nil
            for m in j..<tokens.count {
                if tokens[m].kind == .symbol("(") { d += 1 }
                if tokens[m].kind == .symbol(")") { d -= 1; if d == 0 { close = m; break } }
            }
            // The O term ends the side (`\right)` closes it as `)` does).
            guard let close, close + 1 == tokens.count else { return nil }
            let inner = Array(tokens[(j + 1)..<close]).filter { $0.kind != .command("right") }
            return (Array(tokens[..<k]), inner)
        }
        return nil
    }
}

extension Verifier {
    /// `f = p + O(x^n)` either way round; nil when neither side ends in an O term.
    func bigOClaim(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        let (withO, other): (ChainItem, ChainItem)
        if BigOClaims.split(b.tokens) != nil { (withO, other) = (b, a) }
        else if BigOClaims.split(a.tokens) != nil { (withO, other) = (a, b) }
        else { return nil }
        guard let (restTokens, innerTokens) = BigOClaims.split(withO.tokens) else { return nil }
        var rr = LaTeXReader(tokens: restTokens), ir = LaTeXReader(tokens: innerTokens)
        rr.functionNames = withO.functionNames
        guard case .scalar(let p)? = try? rr.readWhole(), case .scalar(let order)? = try? ir.readWhole(),
              case .success(.scalar(let f)) = other.value else { return .unchecked("cannot read a side of a claim with O(…)") }
        // O(x^n) or O(x): the variable and n.
        let (x, n): (Symbol, Int)
        switch order.kind {
        case .symbol(let s): (x, n) = (s, 1)
        case .power(let base, let e):
            guard case .symbol(let s) = base.kind, let r = e.rationalValue, r.isInteger, let k = r.numerator.intValue, k >= 1 else {
                return .unchecked("an O(…) of something other than a power of one letter")
            }
            (x, n) = (s, k)
        default: return .unchecked("an O(…) of something other than a power of one letter")
        }
        let difference = state.definitions.resolve(f) - state.definitions.resolve(p)
        guard let (series, used) = LimitSeries.expand(difference, in: x) else {
            return .unchecked("the series at \(PlainPrinter.name(x)) = 0 of a function other than exp, sin, cos and log of a polynomial")
        }
        if used && n - 1 > LimitSeries.order {
            return .unchecked("a series to order \(n - 1), beyond the \(LimitSeries.order) computed exactly")
        }
        guard let expanded = series.expanded(maxTerms: 20_000), let coefficients = expanded.coefficients(in: x, expanded: true) else {
            return .unchecked("the difference of the sides is no series in \(PlainPrinter.name(x))")
        }
        let name = PlainPrinter.name(x)
        for k in coefficients.keys.sorted() where k < Rational(n) {
            let c = coefficients[k]!
            switch checker.equivalence.check(c, .zero) {
            case .equal: continue
            case .different:
                let term = k.isZero ? "constant term" : "coefficient of \(name)^\(k)"
                return StepChecker.Outcome(verdict: .invalid, method: "series at \(name) = 0",
                                           reason: "the \(term) of the difference of the sides is \(PlainPrinter.string(c)), not 0: the sides differ by more than O(\(name)^\(n))",
                                           counterexample: nil)
            case .unknown(let why):
                return .unchecked("the coefficient of \(name)^\(k) of the difference: \(why)")
            }
        }
        return StepChecker.Outcome(verdict: .valid, method: "series at \(name) = 0",
                                   reason: "the difference of the sides has no term below \(name)^\(n) in its series at 0", counterexample: nil)
    }
}
