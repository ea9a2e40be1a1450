import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// A derivation: a problem statement and a sequence of steps `left relation right`, each with the
/// rule that justifies it, built by the engine (differentiation, expansion, substitution,
/// solving) and checked by the same `StepChecker` that `derive verify` uses.
public struct Derivation: Sendable {
    /// How a step is checked.
    public enum Check: Sendable, Equatable {
        /// An identity, checked with the derivation's definitions substituted.
        case identity
        /// A definition (a forward equation, an ansatz): it introduces a name, nothing to check.
        case definition
        /// A statement about every n (a closed form), shown in general and checked as an identity
        /// at the derivation's own n; the tests check it at the instances the text names. Not a
        /// proof for every n, so its verdict is `unchecked` (saying it holds at this n) unless the
        /// instance refutes it.
        case instances(String)
        /// An equation the unknowns must satisfy (a matched coefficient): checked with the
        /// derivation's `solution` substituted when it states one, else not checked.
        case equation
        /// A remark in words (what a factor does as T grows); nothing to check.
        case remark
    }

    /// `lhs relation rhs`, justified.
    public struct Step: Sendable {
        public let lhs: MathValue
        public let relation: Relation
        public let rhs: MathValue
        public let justification: String
        public var check: Check = .identity
        /// LaTeX shown for the left side instead of the printed value (`\frac{\partial \hat{y}}{\partial w}`).
        public var lhsLatex: String? = nil
        /// LaTeX shown for the right side instead of the printed value (a sum over k).
        public var rhsLatex: String? = nil
        /// A result of the derivation (boxed when typeset).
        public var isResult = false

        public init(_ lhs: MathValue, _ relation: Relation = .equal, _ rhs: MathValue, _ justification: String,
                    check: Check = .identity, lhsLatex: String? = nil, rhsLatex: String? = nil, isResult: Bool = false) {
            self.lhs = lhs
            self.relation = relation
            self.rhs = rhs
            self.justification = justification
            self.check = check
            self.lhsLatex = lhsLatex
            self.rhsLatex = rhsLatex
            self.isResult = isResult
        }

        public init(_ lhs: Expression, _ rhs: Expression, _ justification: String, check: Check = .identity,
                    lhsLatex: String? = nil, rhsLatex: String? = nil, isResult: Bool = false) {
            self.init(.scalar(lhs), .equal, .scalar(rhs), justification, check: check, lhsLatex: lhsLatex, rhsLatex: rhsLatex, isResult: isResult)
        }

        /// The left side as LaTeX.
        public var leftLatex: String { lhsLatex ?? lhs.latex }
        /// The right side as LaTeX.
        public var rightLatex: String { rhsLatex ?? rhs.latex }
    }

    /// The command that prints it (`rnn-gradient`).
    public let name: String
    public let title: String
    /// The problem, in words and LaTeX math between `$…$`.
    public let statement: String
    /// The same problem in Persian (math between `$…$`, Latin words in `\lr{…}`), for a Persian
    /// answer key; nil when there is none (the key then prints the English one).
    public var persianStatement: String?
    public var steps: [Step] = []
    /// Names the steps use, with their values (substituted before a step is checked).
    public var definitions: [Symbol: Expression] = [:]
    /// The values of the unknowns that `equation` steps constrain (a matched coefficient's M), for
    /// checking those steps; empty when the derivation solves none.
    public var solution: [Symbol: Expression] = [:]
    /// The random quantities of the problem, for the checks of expectations.
    public var probability = ProbabilityModel()

    public init(name: String, title: String, statement: String) {
        self.name = name
        self.title = title
        self.statement = statement
    }

    /// The verdict on every step that is an identity (nil for the others).
    public func verification(_ checker: StepChecker = StepChecker()) -> [StepChecker.Outcome?] {
        var checker = checker
        checker.probability = probability
        return steps.map { step in
            switch step.check {
            case .identity: break
            case .instances(let which):
                let outcome = identity(step, checker)
                guard outcome.verdict == .valid else { return outcome }
                return StepChecker.Outcome(verdict: .unchecked, method: "instances",
                                           reason: "holds at this instance (\(outcome.method)); the general form is checked for \(which) only, not proved for every value",
                                           counterexample: nil)
            case .equation:
                guard !solution.isEmpty else { return nil }
                let (l, r) = (resolved(step.lhs, solution), resolved(step.rhs, solution))
                var universal = checker
                universal.lettersAreUniversal = true
                let outcome = universal.check(l, step.relation, r)
                guard outcome.verdict == .valid else { return outcome }
                return StepChecker.Outcome(verdict: .valid, method: "the solution substituted",
                                           reason: "the solution satisfies it (\(outcome.method))", counterexample: nil)
            case .definition, .remark: return nil
            }
            return identity(step, checker)
        }
    }

    /// The verdict on a step as an identity; when the checker cannot decide, equal as polynomials
    /// with every function value an independent atom (entry by entry for matrices) is a proof.
    func identity(_ step: Step, _ checker: StepChecker) -> StepChecker.Outcome {
        let (l, r) = (resolved(step.lhs), resolved(step.rhs))
        let outcome = checker.check(l, step.relation, r)
        guard outcome.verdict == .unchecked, step.relation == .equal else { return outcome }
        let pairs: [(Expression, Expression)]
        switch (l, r) {
        case (.scalar(let a), .scalar(let b)): pairs = [(a, b)]
        case (.matrix(let a), .matrix(let b)) where a.rows == b.rows && a.columns == b.columns: pairs = Array(zip(a.entries, b.entries))
        default: return outcome
        }
        var proofs: Set<String> = []
        for (a, b) in pairs {
            guard let proof = Self.equalWithFunctionsAsAtoms(a, b) else { return outcome }
            proofs.insert(proof)
        }
        return StepChecker.Outcome(verdict: .valid, method: "polynomial identity in the function values",
                                   reason: "equal as polynomials with each tanh(…), σ(…), exp(…) an independent atom (\(proofs.sorted().joined(separator: "; ")))", counterexample: nil)
    }

    /// How `a - b` was shown to be 0 with every function application and every irrational power
    /// of a number replaced by a symbol named by its canonical form (an exponential by powers of
    /// atoms, below): equal as rational functions of independent atoms, hence equal; nil if not.
    static func equalWithFunctionsAsAtoms(_ a: Expression, _ b: Expression) -> String? {
        // Each term of an exponential's argument is a rational multiple of a rest (`exp(q k/2)`
        // and `exp(q k)` share the rest `q k`, with √2 written as 2^{1/2} times a rational). Per
        // rest, one atom exp(rest/L), L the common denominator of its multiples, so every
        // exponential is an integer power of atoms: exp(a + b) = exp(a) exp(b), exp(2a) = exp(a)².
        func split(_ t: Expression) -> (Rational, Expression) {
            func numericPower(_ base: Expression, _ exponent: Expression) -> (Rational, Expression)? {
                guard base.rationalValue != nil, let e = exponent.rationalValue, !e.isInteger,
                      let whole = Expression.power(base, Expression(Rational(e.floor))).rationalValue else { return nil }
                return (whole, .power(base, Expression(e - Rational(e.floor))))
            }
            switch t.kind {
            case .mul(let m):
                var c = m.coefficient
                var factors: [Expression] = []
                for (base, exponent) in m.factors {
                    if let (whole, rest) = numericPower(base, exponent) { c = c * whole; factors.append(rest) } else { factors.append(.power(base, exponent)) }
                }
                return (c, Expression.product(factors))
            case .power(let base, let exponent):
                if let (whole, rest) = numericPower(base, exponent) { return (whole, rest) }
                return (1, t)
            default: return (1, t)
            }
        }
        func terms(_ argument: Expression) -> [Expression] {
            if case .add(let s) = argument.kind { return s.summands }
            return [argument]
        }
        var denominators: [Expression: Integer] = [:]
        var seen: Set<Expression> = []
        func collect(_ e: Expression) {
            guard seen.insert(e).inserted else { return }
            if case .function(.exp, let args) = e.kind, args.count == 1 {
                for t in terms(args[0]) {
                    let (c, rest) = split(t)
                    denominators[rest] = Integer.lcm(denominators[rest] ?? 1, c.denominator)
                }
            }
            for c in e.children { collect(c) }
        }
        collect(a)
        collect(b)
        var memo: [Expression: Expression] = [:]
        func atomized(_ e: Expression) -> Expression {
            if let m = memo[e] { return m }
            let out: Expression
            func atom(_ e: Expression) -> Expression { Expression(Symbol("⟦" + PlainPrinter.string(e) + "⟧")) }
            func irrationalPower(_ base: Expression, _ exponent: Expression) -> Bool {
                base.rationalValue != nil && !(exponent.rationalValue?.isInteger ?? false)
            }
            switch e.kind {
            case .function(.exp, let args) where args.count == 1:
                out = Expression.product(terms(args[0]).map { t in
                    let (c, rest) = split(t)
                    let l = denominators[rest] ?? 1
                    return .power(atom(.apply(.exp, rest / Expression(Rational(l)))), Expression(c * Rational(l)))
                })
            case .function, .derivative: out = atom(e)
            case .add(let s): out = Expression.sum(s.summands.map(atomized))
            case .mul(let m):
                out = Expression.product(coefficient: m.coefficient, factors: m.factors.map { base, exponent in
                    irrationalPower(base, exponent) ? (atom(.power(base, exponent)), .one) : (atomized(base), atomized(exponent))
                })
            case .power(let base, let exponent):
                // √2 is an atom too (its square being 2 is not used: equal without it is still equal).
                out = irrationalPower(base, exponent) ? atom(e) : Expression.power(atomized(base), atomized(exponent))
            default: out = e
            }
            memo[e] = out
            return out
        }
        let d = atomized(a) - atomized(b)
        if d.isZero { return "the same form" }
        guard d.isRationalFunction else { return nil }
        if let e = d.expanded(maxTerms: 20_000) { return e.isZero ? "expanded to 0" : nil }
        return EquivalenceChecker().schwartzZippel(d, d.freeSymbols)
    }

    /// The value with the definitions (and `extra`, a solution) substituted until none is left.
    func resolved(_ v: MathValue, _ extra: [Symbol: Expression] = [:]) -> MathValue {
        guard !definitions.isEmpty || !extra.isEmpty else { return v }
        switch v {
        case .scalar(let e): return .scalar(resolved(e, extra))
        case .matrix(let m): return .matrix(m.map { resolved($0, extra) })
        }
    }

    func resolved(_ e: Expression, _ extra: [Symbol: Expression] = [:]) -> Expression {
        let values = extra.isEmpty ? definitions : definitions.merging(extra) { _, solved in solved }
        var e = e
        for _ in 0..<64 {
            let next = e.substituting(values)
            if next == e { return e }
            e = next
        }
        return e
    }
}
