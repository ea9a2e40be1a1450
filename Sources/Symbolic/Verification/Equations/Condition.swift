import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A line of a solving argument as a condition on its unknowns: a disjunction of conjunctions
/// of relations (`x = 2 \text{ or } x = -3`, `1 < x \le 4`, `x = \pm 2`).
///
/// Its solution set is the set of points where some conjunction holds, and a relation holds
/// only where both its sides, as written, are defined (`Domain`): a point where `1/x` is
/// undefined solves no relation that contains it.
struct Condition {
    /// One relation `lhs relation rhs` with the conditions under which both sides are defined.
    struct Atom {
        let lhs: Expression
        let relation: Relation
        let rhs: Expression
        let domain: Domain
    }

    /// Or of ands.
    var disjuncts: [[Atom]]
    /// How the line wrote it, when that is clearer than the relations (`x \in \{1, 2\}`, `x \in \emptyset`).
    var written: (plain: String, typeset: String)? = nil
    /// Names the line is about although they cancel out of it: under the assumption `a = b`,
    /// `(a+b)(a-b) = b(a-b)` reads `0 = 0` and is still a line about b.
    var assumedUnknowns: Set<Symbol> = []
    /// Multiplicities stated beside values of a list (`x = 1 \text{ (double root) or } x = -2`):
    /// disjunct index → multiplicity.
    var statedMultiplicities: [Int: Int] = [:]

    /// The names the condition is about, its domain conditions included.
    var unknowns: Set<Symbol> {
        var out = assumedUnknowns
        for atom in disjuncts.joined() {
            out.formUnion(atom.lhs.freeSymbols)
            out.formUnion(atom.rhs.freeSymbols)
            for c in atom.domain.conditions { out.formUnion(c.expression.freeSymbols) }
        }
        return out
    }

    /// True when some relation is an inequality or ≠.
    var hasInequality: Bool { disjuncts.joined().contains { $0.relation != .equal } }

    /// The relations the checker decides.
    static let decidedRelations: Set<Relation> = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]

    /// True when the condition only says `x = c` for constants c (a list of solutions).
    func isSolutionList(in x: Symbol) -> Bool {
        disjuncts.allSatisfy { conj in
            conj.count == 1 && conj[0].relation == .equal
                && ((conj[0].lhs == Expression(x) && conj[0].rhs.freeSymbols.isEmpty)
                    || (conj[0].rhs == Expression(x) && conj[0].lhs.freeSymbols.isEmpty))
        }
    }

    /// Whether the condition holds at a rational point, decided exactly; nil when some value
    /// is not rational or some part cannot be evaluated exactly (radicals of non-squares, say).
    func truth(at point: [Symbol: Rational]) -> Bool? {
        var sawUnknown = false
        for conj in disjuncts {
            var all: Bool? = true
            for atom in conj {
                guard let t = atom.truth(at: point) else { all = nil; continue }
                if !t { all = false; break }
            }
            if all == true { return true }
            if all == nil { sawUnknown = true }
        }
        return sawUnknown ? nil : false
    }
}

extension Condition.Atom {
    /// Exact truth at a rational point (nil when a side or a domain condition is not rational there).
    func truth(at point: [Symbol: Rational]) -> Bool? {
        switch domain.truth(at: point) {
        case .fails: return false
        case .unknown: return nil
        case .holds: break
        }
        guard case .rational(let l) = lhs.exactValue(at: point) else {
            return lhs.exactValue(at: point) == .undefined ? false : nil
        }
        guard case .rational(let r) = rhs.exactValue(at: point) else {
            return rhs.exactValue(at: point) == .undefined ? false : nil
        }
        return Condition.Atom.holds(relation, sign: (l - r).signum)
    }

    /// Whether `lhs - rhs` of this sign satisfies the relation.
    static func holds(_ relation: Relation, sign s: Int) -> Bool {
        switch relation {
        case .equal: s == 0
        case .notEqual: s != 0
        case .less: s < 0
        case .lessOrEqual: s <= 0
        case .greater: s > 0
        case .greaterOrEqual: s >= 0
        default: false
        }
    }
}
