import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Equivalent rational forms of relations with absolute values and square roots, so that their
/// solution sets are computed exactly:
/// - `|u|` of a rational u splits the relation into the cases u ≥ 0 (|u| read as u) and
///   u < 0 (read as -u);
/// - `c·√u = v` with rational u, v and c ≠ 0 is `v/c ≥ 0 and u = (v/c)²` (then u ≥ 0 and
///   √u = |v/c| = v/c, and conversely).
/// Each rewrite keeps the relation's domain conditions, so the solution set is unchanged.
/// (Logarithms and exponentials: `LogarithmsAndExponentials.swift`.)
extension Condition {
    /// The most absolute values split in one relation (each doubles the cases).
    static let maximumAbsoluteValues = 3

    /// The condition with the rewrites above applied in the unknown x; nil when nothing changed.
    func withoutRadicalsAndAbsoluteValues(in x: Symbol) -> Condition? {
        var changed = false
        var out: [[Atom]] = []
        for conj in disjuncts {
            var cases: [[Atom]] = [[]]
            for atom in conj {
                let rewritten = atom.absoluteValueCases(x) ?? [[atom]]
                var expanded: [[Atom]] = []
                for alternative in rewritten {
                    if rewritten.count > 1 { changed = true }
                    let atoms = alternative.flatMap { a -> [Atom] in
                        guard let r = a.withoutSquareRoot(x) ?? a.withoutLogarithmOrExponential(x) else { return [a] }
                        changed = true
                        return r
                    }
                    expanded.append(atoms)
                }
                cases = cases.flatMap { partial in expanded.map { partial + $0 } }
                guard cases.count <= ConditionReader.maximumCases * 4 else { return nil }
            }
            out += cases
        }
        return changed ? Condition(disjuncts: out) : nil
    }
}

extension Condition.Atom {
    /// The cases of the signs of its absolute values of rational arguments; nil when it has none.
    func absoluteValueCases(_ x: Symbol) -> [[Condition.Atom]]? {
        var arguments: [(node: Expression, argument: Expression)] = []
        func collect(_ e: Expression) {
            if case .function(.abs, let args) = e.kind, args.count == 1, args[0].isRationalFunction {
                if !arguments.contains(where: { $0.node == e }) { arguments.append((e, args[0])) }
                return
            }
            for c in e.children { collect(c) }
        }
        collect(lhs)
        collect(rhs)
        guard !arguments.isEmpty, arguments.count <= Condition.maximumAbsoluteValues else { return nil }
        var out: [[Condition.Atom]] = []
        for signs in 0..<(1 << arguments.count) {
            var replacements: [Expression: Expression] = [:]
            var conj: [Condition.Atom] = []
            for (i, (node, u)) in arguments.enumerated() {
                let negative = signs & (1 << i) != 0
                replacements[node] = negative ? -u : u
                conj.append(Condition.Atom(lhs: u, relation: negative ? .less : .greaterOrEqual, rhs: .zero, domain: domain))
            }
            conj.append(Condition.Atom(lhs: lhs.substituting(replacements), relation: relation, rhs: rhs.substituting(replacements), domain: domain))
            out.append(conj)
        }
        return out
    }

    /// `c·√u = v` as `v/c ≥ 0 and u = (v/c)²`; nil for other relations.
    func withoutSquareRoot(_ x: Symbol) -> [Condition.Atom]? {
        guard relation == .equal else { return nil }
        for (root, other) in [(lhs, rhs), (rhs, lhs)] {
            guard let (c, u) = Condition.Atom.scaledSquareRoot(root), u.isRationalFunction, other.isRationalFunction else { continue }
            let v = other * Expression((Rational.one / c)!)
            return [Condition.Atom(lhs: v, relation: .greaterOrEqual, rhs: .zero, domain: domain),
                    Condition.Atom(lhs: u, relation: .equal, rhs: v.pow(2), domain: domain)]
        }
        return nil
    }

    /// (c, u) when e is c·√u with a rational c ≠ 0.
    static func scaledSquareRoot(_ e: Expression) -> (Rational, Expression)? {
        let half = Rational(1, 2)!
        switch e.kind {
        case .power(let u, let k) where k.rationalValue == half:
            return (.one, u)
        case .mul(let m) where m.factors.count == 1 && m.factors[0].exponent.rationalValue == half && !m.coefficient.isZero:
            return (m.coefficient, m.factors[0].base)
        default:
            return nil
        }
    }
}
