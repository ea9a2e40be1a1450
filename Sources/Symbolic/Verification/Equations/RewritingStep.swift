import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A line that rewrites an equation of the previous block, in several unknowns and variables,
/// such as the rows of a system that must hold for all t (`a \sin(\omega t) + b \cos(\omega t) =
/// \sin(\omega(t + \phi))`, multiplied by `\cos(\omega t)`, then rewritten by product-to-sum).
///
/// `valid` when `lhs - rhs` is the previous equation's times a small nonzero factor, as an
/// identity in every name (so the step keeps the solutions whatever the unknowns are).
/// `invalid` when one side is such a multiple of the previous line's side and the other side,
/// written in the same names, certainly differs from that multiple of its counterpart: the
/// rewriting of that side is wrong, and its correct form is given.
enum RewritingStep {
    /// The factors tried: multiplying or dividing a line by 2 is the common step.
    static let factors: [Rational] = [1, -1, 2, Rational(1, 2)!, -2, Rational(-1, 2)!]

    static func outcome(_ b: Condition, candidates: [Condition], equivalence: EquivalenceChecker) -> StepChecker.Outcome? {
        guard let (bl, br, bd) = single(b) else { return nil }
        for a in candidates.reversed() {
            guard let (al, ar, ad) = single(a), !(al == bl && ar == br) else { continue }
            let domain = ad.union(bd)
            for k in factors {
                if case .equal = equivalence.check(bl - br, Expression(k) * (al - ar), domain: domain) {
                    let times = k == 1 ? "" : " times \(k)"
                    return StepChecker.Outcome(verdict: .valid, method: "equivalent (a rewriting of the equation)",
                                               reason: "the previous block's equation\(times), rewritten: the same identity in every name", counterexample: nil)
                }
            }
            for k in factors {
                for (matched, side) in [((bl, al), (br, ar)), ((br, ar), (bl, al))] {
                    // A constant side (`= 0`) matches trivially: it shows no rewriting (`\sin x = 0
                    // \Rightarrow x = 0` solves, it does not rewrite `\sin x` as x).
                    guard !matched.0.freeSymbols.isEmpty,
                          case .equal = equivalence.check(matched.0, Expression(k) * matched.1, domain: domain) else { continue }
                    let expected = Expression(k) * side.1
                    guard Set(side.0.freeSymbols) == Set(expected.freeSymbols), !side.0.freeSymbols.isEmpty,
                          case .different(let ce) = equivalence.check(side.0, expected, domain: domain) else { continue }
                    let which = side.0 == br ? "right" : "left"
                    let other = which == "right" ? "left" : "right"
                    let times = k == 1 ? "" : " (times \(k))"
                    let correct = PlainPrinter.string(expected)
                    return StepChecker.Outcome(
                        verdict: .invalid, method: "a rewriting of the equation",
                        reason: "the \(other) side rewrites the previous block's\(times), but the \(which) side does not: they differ at \(ce.pointDescription) (written \(ce.lhs), should be \(ce.rhs)); the \(which) side should be \(correct)",
                        counterexample: CounterexampleReport(point: Dictionary(uniqueKeysWithValues: ce.point.map { (PlainPrinter.name($0.symbol), $0.value.description) }),
                                                             lhs: ce.lhs.description, rhs: ce.rhs.description, correct: correct))
                }
            }
        }
        return nil
    }

    /// The sides of a condition that is one equation.
    private static func single(_ c: Condition) -> (Expression, Expression, Domain)? {
        guard c.disjuncts.count == 1, c.disjuncts[0].count == 1, c.disjuncts[0][0].relation == .equal else { return nil }
        let atom = c.disjuncts[0][0]
        return (atom.lhs, atom.rhs, atom.domain)
    }
}
