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
                let outcome = checker.check(resolved(step.lhs), step.relation, resolved(step.rhs))
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
            let (l, r) = (resolved(step.lhs), resolved(step.rhs))
            let outcome = checker.check(l, step.relation, r)
            if outcome.verdict == .unchecked, step.relation == .equal, case .scalar(let a) = l, case .scalar(let b) = r,
               let proof = Self.equalWithFunctionsAsAtoms(a, b) {
                return StepChecker.Outcome(verdict: .valid, method: "polynomial identity in the function values",
                                           reason: "equal as polynomials with each tanh(…), σ(…) an independent atom (\(proof))", counterexample: nil)
            }
            return outcome
        }
    }

    /// How `a - b` was shown to be 0 with every function application replaced by a symbol named
    /// by its canonical form (equal as polynomials in independent atoms, hence equal); nil if not.
    static func equalWithFunctionsAsAtoms(_ a: Expression, _ b: Expression) -> String? {
        var memo: [Expression: Expression] = [:]
        func atomized(_ e: Expression) -> Expression {
            if let m = memo[e] { return m }
            let out: Expression
            switch e.kind {
            case .function, .derivative: out = Expression(Symbol("⟦" + PlainPrinter.string(e) + "⟧"))
            case .add(let s): out = Expression.sum(s.summands.map(atomized))
            case .mul(let m): out = Expression.product(coefficient: m.coefficient, factors: m.factors.map { (atomized($0.0), atomized($0.1)) })
            case .power(let base, let exponent): out = Expression.power(atomized(base), atomized(exponent))
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
