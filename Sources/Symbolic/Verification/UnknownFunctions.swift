import SymbolicCore
import SymbolicLaTeX

/// Calculus of what a document never defines: a letter is a constant for `d/dx` unless the
/// document makes it depend on x (its definitions are applied before), members of one family
/// at two index letters give `δ_ij` (`∂z_i/∂z_j`), and a function it never defines (`f`, `g`) is
/// an unknown differentiable function: its derivatives are atoms (`f'(x)` is `d f(x)/dx`), the
/// product, quotient and chain rules apply. A claim about unknown functions is valid when it
/// holds with them as atoms. A claim shaped as a rule of differentiation (a derivative operator
/// written on an expression that composes unknown functions or combines two of them) is meant for
/// every f, so particular functions refute it; any other claim (`f'(x) = f(x)(1 - f(x))`, about
/// the one f a document may mean without writing it down) is unchecked.
enum UnknownFunctions {
    /// The sides with every derivative the engine can take taken (undefined letters constant,
    /// `f'(x)` of a letter written as `d f(x)/dx`); nil when a derivative stays that is no
    /// derivative of an unknown function of a letter.
    static func evaluated(_ e: Expression, lettersConstant: Bool, defined: Set<Symbol> = [], functionLetters: Set<Symbol> = []) -> Expression? {
        var lost = false
        let out = e.transformed { node in
            switch node.kind {
            case .function(.undefined(let name), let args):
                // `f'(x)`, `f''(x)`: the derivative of f at a letter, as the engine writes it.
                let primes = name.reversed().prefix { $0 == "'" }.count
                guard primes > 0, args.count == 1, case .symbol(let x) = args[0].kind else { return node }
                let base = Expression.apply(.undefined(String(name.dropLast(primes))), args)
                return Expression(.derivative(base, x, order: primes))
            case .derivative(let f, let v, let n):
                // With respect to a defined name (its definition was substituted, the dependence
                // lost), or of a member of a defined vector (`\hat{y}_i` of `\hat{y} = softmax(z)`):
                // what depends on the variable is not visible here.
                if defined.contains(v) || f.freeSymbols.contains(where: { defined.contains($0) || ($0.subscriptText != nil && defined.contains($0.family)) }) {
                    lost = true
                    return node
                }
                if isUnknownFunctionDerivative(node) { return node }
                // A differentiated letter that the claim differentiates on both sides is a
                // function of the variable (`∂E/∂W = Σ_t ∂E_t/∂W`): its derivative stays an atom.
                if isLetterDerivative(node), !lettersConstant || differentiatedLetter(node).map(functionLetters.contains) == true { return node }
                return f.derivative(with: v, times: n)
            default:
                return node
            }
        }
        return lost || out.hasOtherDerivatives(lettersAllowed: true) ? nil : out
    }

    /// The letter a letter derivative differentiates (the family's member for `∂E_t/∂W`).
    static func differentiatedLetter(_ e: Expression) -> Symbol? {
        guard case .derivative(let f, _, _) = e.kind else { return nil }
        switch f.kind {
        case .symbol(let s): return s
        case .indexed(let base, _): return base
        default: return nil
        }
    }

    /// The letters differentiated in `e` (members of a family as the family).
    static func differentiatedLetters(_ e: Expression) -> [Symbol] {
        var out: [Symbol] = []
        func walk(_ e: Expression) {
            if let s = differentiatedLetter(e) { out.append(s.subscriptText == nil ? s : s.family) }
            for c in e.children { walk(c) }
        }
        walk(e)
        return out
    }

    /// `d y/dx` of a letter or an indexed letter that no definition gives.
    static func isLetterDerivative(_ e: Expression) -> Bool {
        guard case .derivative(let f, _, _) = e.kind else { return false }
        switch f.kind {
        case .symbol, .indexed: return true
        default: return false
        }
    }

    /// True when the expression differentiates a letter.
    static func hasLetterDerivative(_ e: Expression) -> Bool {
        if isLetterDerivative(e) { return true }
        return e.children.contains { hasLetterDerivative($0) }
    }

    /// `d^n f(x)/dx^n` for an unknown function f of the letter x.
    static func isUnknownFunctionDerivative(_ e: Expression) -> Bool {
        guard case .derivative(let f, let v, _) = e.kind, case .function(.undefined, let args) = f.kind else { return false }
        return args.contains(Expression(v))
    }

    /// Letters that name probabilities and expectations (`P(w_k)`), never an arbitrary function.
    static let notFunctions: Set<String> = ["P", "p", "E", "Q", "q", "N", "Pr"]

    /// The names of the unknown functions of one argument in `e` (`f` for `f(x)` and `f'(g(x))`):
    /// one letter each (`f`, `g`, `φ`), not a probability's.
    /// True when `e` (with derivatives taken) combines two unknown functions or applies one to
    /// something other than a letter (`f'(g(x)) g'(x)`, `f'(2x)`): with a derivative operator
    /// written on an expression, the shape of a rule of differentiation. `f'(x) = f(x)(1 - f(x))`
    /// is no rule.
    static func isRule(_ e: Expression) -> Bool {
        if names(e).count >= 2 { return true }
        func composed(_ e: Expression) -> Bool {
            if case .function(.undefined(let name), let args) = e.kind, args.count == 1,
               names(e).contains(String(name.prefix { $0 != "'" })) {
                if case .symbol = args[0].kind {} else { return true }
            }
            return e.children.contains(where: composed)
        }
        return composed(e)
    }

    /// The particular functions tried for unknown ones: each unknown function takes one of them,
    /// a different one in each trial.
    static let particularTexts = ["e^{2u}", "u^3 + 1", "sin u"]

    static func particular(_ k: Int, _ u: Expression) -> Expression {
        switch k {
        case 0: return .apply(.exp, Expression(2) * u)
        case 1: return u.pow(3) + .one
        default: return .apply(.sin, u)
        }
    }

    /// A point, for particular functions put for `functions`, where the sides certainly differ.
    static func refutedByParticularFunctions(_ a: Expression, _ b: Expression, functions: [String], checker: EquivalenceChecker,
                                            domain: Domain) -> StepChecker.Outcome? {
        let u = Symbol("\u{1}u")
        for trial in particularTexts.indices {
            var chosen: [String: Int] = [:]
            for (m, f) in functions.enumerated() { chosen[f] = (trial + m) % particularTexts.count }
            func concrete(_ e: Expression) -> Expression {
                e.transformed { node in
                    switch node.kind {
                    case .function(.undefined(let name), let args) where args.count == 1:
                        let base = String(name.prefix { $0 != "'" })
                        guard let k = chosen[base] else { return node }
                        let primes = name.count - base.count
                        var body = particular(k, Expression(u))
                        if primes > 0 { body = body.derivative(with: u, times: primes) }
                        return body.substituting([u: args[0]])
                    case .derivative(let f, let v, let n):
                        // (The rebuilding walk does not enter a derivative's body.)
                        return concrete(f).derivative(with: v, times: n)
                    default:
                        return node
                    }
                }
            }
            let (ca, cb) = (concrete(a), concrete(b))
            // The conditions (`g(x) ≠ 0`) with the same functions.
            var concreteDomain = Domain()
            for c in domain.conditions { concreteDomain.insert(c.with(concrete(c.expression))) }
            guard !ca.appliesUndefinedFunction, !cb.appliesUndefinedFunction, !ca.contains(derivative: ()), !cb.contains(derivative: ()),
                  UnknownFunctions.names(ca).isEmpty, UnknownFunctions.names(cb).isEmpty else { continue }
            guard case .different(let ce) = checker.check(ca, cb, domain: concreteDomain) else { continue }
            let assignment = functions.map { "\($0)(u) = \(particularTexts[chosen[$0]!])" }.joined(separator: ", ")
            var point = Dictionary(ce.point.map { (PlainPrinter.name($0.symbol), $0.value.description) }, uniquingKeysWith: { x, _ in x })
            for f in functions { point[f + "(u)"] = particularTexts[chosen[f]!] }
            return StepChecker.Outcome(verdict: .invalid, method: "calculus with unknown functions (particular functions)",
                                       reason: "false for \(assignment): at \(ce.pointDescription) the left side is \(ce.lhs), the right \(ce.rhs); a rule for every differentiable function must hold for these",
                                       counterexample: CounterexampleReport(point: point, lhs: ce.lhs.description, rhs: ce.rhs.description, correct: nil))
        }
        return nil
    }

    static func names(_ e: Expression) -> Set<String> {
        var out = Set<String>()
        func walk(_ e: Expression) {
            if case .function(.undefined(let name), let args) = e.kind, args.count == 1 {
                let base = String(name.prefix { $0 != "'" })
                if !notFunctions.contains(base), base.count == 1 || greekLetterNames.contains(base) { out.insert(base) }
            }
            for c in e.children { walk(c) }
        }
        walk(e)
        return out
    }
}

extension Expression {
    /// True when a derivative node occurs that is no derivative of an unknown function of a
    /// letter (nor, with `lettersAllowed`, of a letter).
    func hasOtherDerivatives(lettersAllowed: Bool) -> Bool {
        if case .derivative = kind {
            return !(UnknownFunctions.isUnknownFunctionDerivative(self) || (lettersAllowed && UnknownFunctions.isLetterDerivative(self)))
        }
        return children.contains { $0.hasOtherDerivatives(lettersAllowed: lettersAllowed) }
    }
}

extension StepChecker {
    /// `a = b` with unknown functions or derivatives of undefined letters: derivatives taken,
    /// then the ordinary check with the unknown functions and derivatives of letters as atoms.
    /// Nil when the sides hold no derivative and no unknown function.
    func checkCalculus(_ a: Expression, _ b: Expression, domain: Domain) -> Outcome? {
        // Claims with derivatives (or primed functions); unknown functions alone are atoms of the
        // ordinary check.
        let involved = a.contains(derivative: ()) || b.contains(derivative: ()) || Self.hasPrimedFunction(a) || Self.hasPrimedFunction(b)
        guard involved else { return nil }
        // `\frac{d}{dx} k = 0`: a letter the document does not make depend on x is a constant; a
        // letter differentiated on both sides is taken as a function of the variable.
        let constant = !(UnknownFunctions.hasLetterDerivative(a) && UnknownFunctions.hasLetterDerivative(b))
        guard let ea = UnknownFunctions.evaluated(a, lettersConstant: constant, defined: definedNames, functionLetters: functionLetters),
              let eb = UnknownFunctions.evaluated(b, lettersConstant: constant, defined: definedNames, functionLetters: functionLetters) else {
            return .unchecked("a derivative of a name given only by its value (or not defined) cannot be computed")
        }
        let functions = UnknownFunctions.names(ea).union(UnknownFunctions.names(eb))
        if functions.isEmpty && !ea.appliesUndefinedFunction && !eb.appliesUndefinedFunction && !ea.contains(derivative: ()) && !eb.contains(derivative: ()) {
            return checkScalars(ea, .equal, eb, lhsLatex: "", rhsLatex: "", domain: domain)
        }
        if ea == eb || (ea - eb).expanded(maxTerms: 2_000)?.isZero == true || { if case .equal = equivalence.check(ea, eb, domain: domain) { return true }; return false }() {
            let what = functions.isEmpty ? "the derivatives as atoms" : "every differentiable " + functions.sorted().joined(separator: ", ")
            return Outcome(verdict: .valid, method: "calculus with unknown functions",
                           reason: "equal for \(what) (the rules of differentiation, with their derivatives as atoms)", counterexample: nil)
        }
        // A rule of differentiation (`d/dx f(g(x)) = …`, `(fg)' = …`) is meant for every f: particular
        // functions put for the unknown ones refute it. A claim about one function the document
        // means without writing it (`f'(x) = f(x)(1 - f(x))` for the sigmoid) is no rule: never refuted.
        if derivativeOperatorWritten, UnknownFunctions.isRule(ea) || UnknownFunctions.isRule(eb), !functions.isEmpty,
           let o = UnknownFunctions.refutedByParticularFunctions(ea, eb, functions: functions.sorted(), checker: equivalence, domain: domain) {
            return o
        }
        return .unchecked("with unknown functions or derivatives of undefined names: not proved equal with them as atoms")
    }

    /// True when a primed unknown function (`f'(g(x))`) occurs.
    static func hasPrimedFunction(_ e: Expression) -> Bool {
        if case .function(.undefined(let name), _) = e.kind, name.hasSuffix("'") { return true }
        return e.children.contains { hasPrimedFunction($0) }
    }
}

extension Verifier {
    /// `\frac{d}{dx}`, `\frac{\partial}{\partial x}` (an operator, its numerator d or ∂ alone) or a
    /// prime on a parenthesised expression, `(…)'`.
    static func writesDerivativeOperator(_ ts: [LaTeXToken]) -> Bool {
        ts.indices.contains { k in
            if ts[k].kind == .symbol(")"), k + 1 < ts.count, ts[k + 1].kind == .symbol("'") { return true }
            guard [.command("frac"), .command("dfrac")].contains(ts[k].kind), k + 3 < ts.count, ts[k + 1].kind == .symbol("{"),
                  [.letter("d"), .command("partial")].contains(ts[k + 2].kind), ts[k + 3].kind == .symbol("}") else { return false }
            return true
        }
    }
}
