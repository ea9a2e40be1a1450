import SymbolicCore
import SymbolicLaTeX

/// Calculus of what a document never defines: a letter is a constant for `d/dx` unless the
/// document makes it depend on x (its definitions are applied before), members of one family
/// at two index letters give `δ_ij` (`∂z_i/∂z_j`), and a function it never defines (`f`, `g`) is
/// an unknown differentiable function: its derivatives are atoms (`f'(x)` is `d f(x)/dx`), the
/// product, quotient and chain rules apply. A claim about unknown functions is valid when it
/// holds with them as atoms, otherwise unchecked: particular functions put for them would
/// refute a rule meant for every f, but also a claim about the one f the document means
/// without writing it down, so none is tried until the document says which.
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
        // Not refuted by particular functions put for the unknown ones: a document may mean one
        // function it never writes down (`f'(x) = f(x)(1 - f(x))` for the sigmoid), and nothing
        // here tells a rule for every f from a claim about that one.
        return .unchecked("with unknown functions or derivatives of undefined names: not proved equal with them as atoms")
    }

    /// True when a primed unknown function (`f'(g(x))`) occurs.
    static func hasPrimedFunction(_ e: Expression) -> Bool {
        if case .function(.undefined(let name), _) = e.kind, name.hasSuffix("'") { return true }
        return e.children.contains { hasPrimedFunction($0) }
    }
}
