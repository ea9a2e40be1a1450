import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Canonical ranges of sums with symbolic bounds, so that shifted, split and swapped sums meet:
/// - a constant lower bound L below 1 is shifted to 1 (`∑_{j=0}^{n-1} x_{j+1} = ∑_{i=1}^{n} x_i`);
/// - one above 1 (at most `maximumPeel`) starts at 1 with the first terms taken away
///   (`∑_{i=2}^{n} x_i = ∑_{i=1}^{n} x_i - x_1`);
/// - an upper bound `m + c` with a small integer c becomes m, the last terms added or taken away
///   (`∑_{i=1}^{n-1} x_i = ∑_{i=1}^{n} x_i - x_n`);
/// - of two nested sums whose bounds do not depend on each other, the order that compares smaller
///   (`∑_i ∑_j w_{ij} = ∑_j ∑_i w_{ij}`).
/// Each rewrite is an identity under `BigOperator`'s semantics (bounds integers with b ≥ a - 1).
enum SumRanges {
    static let maximumPeel = 8

    /// The sum with its range in canonical form (a sum of sums and explicit terms); nil when nothing changes.
    static func canonical(_ o: BigOperator) -> Expression? {
        guard o.operation == .sum, var lower = o.lower, var upper = o.upper else { return nil }
        var extra = Expression.zero
        var body = { (v: Expression) in o.body(at: v) }
        var changed = false
        if let l = lower.rationalValue, l.isInteger, l != 1, let li = l.numerator.intValue, abs(li) <= 1_000_000 {
            if li < 1 {
                let shift = Expression(li - 1)
                let original = body
                body = { v in original(v + shift) }
                upper = upper - shift
            } else {
                guard li - 1 <= maximumPeel else { return nil }
                for v in 1..<li { extra = extra - body(Expression(v)) }
            }
            lower = .one
            changed = true
        }
        if !upper.freeSymbols.isEmpty, case .add(let a) = upper.kind, a.constant.isInteger, let c = a.constant.numerator.intValue,
           c != 0, abs(c) <= maximumPeel {
            let base = upper - Expression(a.constant)
            if c > 0 { for v in 1...c { extra = extra + body(base + Expression(v)) } }
            else { for v in 0..<(-c) { extra = extra - body(base - Expression(v)) } }
            upper = base
            changed = true
        }
        guard changed else { return nil }
        let letter = Symbol.openedIndex(0x7fff_fff0)
        return Expression.bigOperator(.sum, index: letter, lower: lower, upper: upper, body: body(Expression(letter))) + extra
    }

    /// `∑_a ∑_b f` or `∑_b ∑_a f`, whichever compares smaller; nil when the sums cannot be swapped.
    static func ordered(_ e: Expression) -> Expression? {
        guard case .bigOperator(let outer) = e.kind, outer.operation == .sum, outer.lower != nil,
              case .bigOperator(let inner) = outer.body.kind, inner.operation == .sum, inner.lower != nil,
              !(inner.lower!.contains(outer.index) || inner.upper!.contains(outer.index)) else { return nil }
        let (a, b) = (Symbol.openedIndex(0x7fff_fff1), Symbol.openedIndex(0x7fff_fff2))
        let body = inner.body.substituting([inner.index: Expression(a), outer.index: Expression(b)])
        let swapped = Expression.bigOperator(.sum, index: a, lower: inner.lower, upper: inner.upper,
                                             body: Expression.bigOperator(.sum, index: b, lower: outer.lower, upper: outer.upper, body: body))
        return Expression.compare(swapped, e) < 0 ? swapped : nil
    }
}
