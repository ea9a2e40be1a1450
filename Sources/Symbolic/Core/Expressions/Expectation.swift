/// The expectation `E[body]` of a random quantity.
///
/// Canonical form: linear in numbers and through sums, which holds for every distribution:
/// `E[2X + 3] = 2E[X] + 3`, `E[∑_i X_i] = ∑_i E[X_i]`, `E[c] = c` for a number c. Which
/// names are random, their distributions and their independence are not part of the
/// expression: `ExpectationNormalForm` computes expectations under a `ProbabilityModel`.
extension Expression {
    /// `E[body]` in canonical form.
    public static func expectation(_ body: Expression) -> Expression {
        switch body.kind {
        case .number, .undefined: return body
        case .add(let a):
            var b = AddBuilder()
            b.add(Expression(a.constant))
            for (t, c) in a.terms { b.add(expectation(t), times: c) }
            return b.build()
        case .mul(let m) where !m.coefficient.isOne:
            return Expression(m.coefficient) * expectation(Expression.product(coefficient: .one, factors: m.factors))
        case .bigOperator(let o) where o.operation == .sum:
            return BigOperator.make(.sum, o.index, o.lower, o.upper, expectation(o.body))
        default:
            return Expression(.expectation(body))
        }
    }
}
