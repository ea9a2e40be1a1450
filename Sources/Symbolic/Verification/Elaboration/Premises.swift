import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The conditions a section states as premises (`Assume $x > 0$`, `$t$ is positive`, `where
/// $a + b = 1$`), which every later check of the section uses.
///
/// A claim is `valid` when it holds wherever the premises hold, and `invalid` only at a point
/// that satisfies them. Inequalities and `≠` are domain conditions of the check itself (so
/// `\sqrt{x^2} = x` is proved under `x > 0`, and no point with `x ≤ 0` refutes anything).
/// Equalities cannot be sampled: a counterexample is kept only when it satisfies them exactly,
/// and otherwise the claim is unchecked with that reason.
struct Premises {
    /// The inequality and `≠` premises.
    private(set) var inequalities: [Condition.Atom] = []
    /// The equality premises.
    private(set) var equalities: [Condition.Atom] = []

    var isEmpty: Bool { inequalities.isEmpty && equalities.isEmpty }

    mutating func add(_ atom: Condition.Atom) {
        switch atom.relation {
        case .equal: equalities.append(atom)
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .notEqual: inequalities.append(atom)
        default: break
        }
    }

    /// The premises in `letters` (those sharing a letter with them) as domain conditions.
    func conditions(on letters: Set<Symbol>) -> Domain {
        var d = Domain()
        for atom in inequalities where !atom.letters.isDisjoint(with: letters) {
            d.formUnion(atom.domain)
            for c in atom.domainConditions { d.insert(c) }
        }
        return d
    }

    /// The inequality premises whose letters are all among `letters` (conjoined with the lines
    /// of a solving argument in those unknowns).
    func atoms(within letters: Set<Symbol>) -> [Condition.Atom] {
        inequalities.filter { !$0.letters.isEmpty && $0.letters.isSubset(of: letters) }
    }

    /// `e` with the left side of each equality premise whose left side is no bare letter
    /// replaced by its right side (`\sum_i w_i = 1` makes `c \sum_i w_i` read `c`): equal to `e`
    /// wherever the premises hold.
    func rewriting(_ e: Expression) -> Expression {
        let map = rewrites
        return map.isEmpty ? e : e.substituting(map)
    }

    /// The left sides of the equality premises that are no bare letter, as written and in the
    /// normal form of sums (so `c \sum_j p_j` meets `\sum_i p_i` once normalised), to their right sides.
    var rewrites: [Expression: Expression] {
        var map: [Expression: Expression] = [:]
        for atom in equalities {
            if case .symbol = atom.lhs.kind { continue }
            if atom.lhs.rationalValue != nil { continue }
            map[atom.lhs] = atom.rhs
            if atom.lhs.hasIndexedParts { map[IndexedNormalForm.normalize(atom.lhs)] = atom.rhs }
        }
        return map
    }

    /// The outcome of a check under the premises: a counterexample that may violate an equality
    /// premise refutes nothing; a proof names the premises it was made under.
    func restricting(_ o: StepChecker.Outcome, letters: Set<Symbol>, used: Bool, indexed: Bool = false) -> StepChecker.Outcome {
        let relevant = equalities.filter { !$0.letters.isDisjoint(with: letters) || (indexed && $0.lhs.hasIndexedParts) }
        switch o.verdict {
        case .invalid where !relevant.isEmpty:
            let point = o.counterexample?.values ?? [:]
            if relevant.allSatisfy({ $0.truth(at: point) == true }) { return o }
            let shown = relevant.map(\.description).joined(separator: ", ")
            return .unchecked("the sides differ at a point where the premise \(shown) does not hold (or cannot be decided), and no point satisfying it was found: " + o.reason)
        case .valid where used || !relevant.isEmpty:
            let shown = (inequalities.filter { !$0.letters.isDisjoint(with: letters) } + relevant).map(\.description).joined(separator: ", ")
            return StepChecker.Outcome(verdict: .valid, method: o.method, reason: o.reason + " (under the premises \(shown))",
                                       counterexample: nil, finding: o.finding)
        default:
            return o
        }
    }
}

extension Condition.Atom {
    /// The letters of both sides.
    var letters: Set<Symbol> { Set(lhs.freeSymbols + rhs.freeSymbols) }

    /// The atom as domain conditions: `l > r` is `l - r > 0`, `l ≠ r` is `l - r ≠ 0`.
    var domainConditions: [DomainCondition] {
        switch relation {
        case .greater: [.positive(lhs - rhs)]
        case .greaterOrEqual: [.nonNegative(lhs - rhs)]
        case .less: [.positive(rhs - lhs)]
        case .lessOrEqual: [.nonNegative(rhs - lhs)]
        case .notEqual: [.nonZero(lhs - rhs)]
        default: []
        }
    }

    /// `x > 0`, in plain syntax.
    var description: String {
        PlainPrinter.string(lhs) + " " + relation.rawValue + " " + PlainPrinter.string(rhs)
    }
}

extension Condition {
    /// The condition with `atoms` added to every conjunction (the premises on its unknowns).
    func conjoining(_ atoms: [Atom]) -> Condition {
        guard !atoms.isEmpty else { return self }
        var c = self
        c.disjuncts = disjuncts.map { $0 + atoms }
        return c
    }
}
