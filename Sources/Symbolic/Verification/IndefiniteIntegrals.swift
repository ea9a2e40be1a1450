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
            // Integrals on the other side too: `integralTermsClaim`.
            if other.tokens.contains(where: { $0.kind == .command("int") }) { return nil }
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

extension IndefiniteIntegrals {
    /// A side split into its indefinite integrals (`c \int f \, dx`, each a term of the side) and
    /// the rest; nil when a term holds an integral in any other way (bounds, inside a product).
    struct Side {
        var integrals: [(coefficient: [LaTeXToken], integrand: [LaTeXToken], variable: LaTeXToken)] = []
        var rest: [LaTeXToken] = []
    }

    static func side(_ tokens: [LaTeXToken]) -> Side? {
        // Terms at depth 0, each with the sign before it.
        var terms: [[LaTeXToken]] = []
        var current: [LaTeXToken] = []
        var depth = 0
        for (k, t) in tokens.enumerated() {
            if depth == 0, k > 0, t.kind == .symbol("+") || t.kind == .symbol("-"), !current.isEmpty {
                terms.append(current)
                current = []
            }
            current.append(t)
            depth += t.nesting
        }
        if !current.isEmpty { terms.append(current) }
        var out = Side()
        for term in terms {
            guard let at = term.firstIndex(where: { $0.kind == .command("int") }) else { out.rest += term; continue }
            // The integral must end the term, with the differential at its own level.
            guard let (integrand, variable) = parts(Array(term[at...])), variable.count == 1 else { return nil }
            var coefficient = Array(term[..<at])
            // The integral's own level: nothing before it opens a group it sits in.
            guard coefficient.reduce(0, { $0 + $1.nesting }) == 0 else { return nil }
            if coefficient.first?.kind == .symbol("+") { coefficient.removeFirst() }
            out.integrals.append((coefficient, integrand, variable[0]))
        }
        return out
    }
}

extension Verifier {
    /// A claim with indefinite integrals among the terms of its sides (integration by parts,
    /// `\int x \cos x \, dx = x \sin x - \int \sin x \, dx`): both sides differentiated, each
    /// integral to its integrand. Equal derivatives: the sides differ by a constant, as
    /// indefinite integrals do (valid); derivatives that certainly differ at a point: no constant
    /// makes the sides equal (invalid). Nil when the claim is not of this kind.
    func integralTermsClaim(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        guard let l = IndefiniteIntegrals.side(a.tokens), let r = IndefiniteIntegrals.side(b.tokens),
              !l.integrals.isEmpty || !r.integrals.isEmpty else { return nil }
        let variables = Set((l.integrals + r.integrals).map { "\($0.variable.kind)" })
        guard variables.count == 1, let v = (l.integrals + r.integrals).first?.variable else { return nil }
        var vr = LaTeXReader(tokens: [v])
        guard case .scalar(let xe)? = try? vr.readWhole(), case .symbol(let x) = xe.kind else { return nil }
        var domain = Domain()
        func read(_ ts: [LaTeXToken]) -> Expression? {
            if ts.isEmpty { return .zero }
            guard let (e, d) = readScalar(ts, of: a, state) else { return nil }
            domain.formUnion(d)
            return e
        }
        func derivative(_ s: IndefiniteIntegrals.Side) -> Expression? {
            guard let rest = read(s.rest) else { return nil }
            var total = rest.derivative(with: x)
            for i in s.integrals {
                let c: Expression
                if i.coefficient.isEmpty { c = .one }
                else if i.coefficient.map(\.kind) == [.symbol("-")] { c = .minusOne }
                // Read as `coefficient · 1`, so a trailing product sign (`3 \cdot \int`) reads too.
                else { guard let e = read(i.coefficient + [LaTeXToken(kind: .command("cdot"), line: 0, column: 0, spaceBefore: true),
                                                     LaTeXToken(kind: .number(.one), line: 0, column: 0, spaceBefore: true)]), !e.contains(x) else { return nil }; c = e }
                guard let f = read(i.integrand) else { return nil }
                total = total + c * f
            }
            return total
        }
        guard let dl = derivative(l), let dr = derivative(r) else {
            return .unchecked("cannot read a side of a claim between indefinite integrals")
        }
        let method = "indefinite integrals: both sides differentiated"
        switch checker.equivalence.check(dl, dr, domain: state.definitions.resolve(domain)) {
        case .equal:
            return StepChecker.Outcome(verdict: .valid, method: method,
                                       reason: "both sides have the derivative \(PlainPrinter.string(dl.simplified())) with respect to \(PlainPrinter.name(x)) (an integral differentiates to its integrand): they differ by a constant, as indefinite integrals do",
                                       counterexample: nil)
        case .different(let ce):
            return StepChecker.Outcome(verdict: .invalid, method: method,
                                       reason: "the derivatives of the sides differ: at \(checker.describe(ce.point)) the left is \(ce.lhs), the right \(ce.rhs), so no constant makes them equal",
                                       counterexample: checker.report(ce, correct: nil))
        case .unknown(let why):
            return .unchecked("indefinite integrals: the derivatives of the sides were not compared: \(why)")
        }
    }
}
