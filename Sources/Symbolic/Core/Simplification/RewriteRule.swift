/// A named rewrite rule: a partial function from an expression node to an equal one.
///
/// Every rule must keep the value wherever the original node is defined (it may extend
/// the domain, never change a value), so chains of rewrites stay sound for the verifier.
public struct RewriteRule: Sendable {
    public let name: String
    public let rewrite: @Sendable (Expression) -> Expression?

    public init(_ name: String, _ rewrite: @escaping @Sendable (Expression) -> Expression?) {
        self.name = name
        self.rewrite = rewrite
    }

    /// A rule for one-argument applications of `function`: `f(u) -> template(u)`.
    public static func function(_ name: String, _ function: Function, _ template: @escaping @Sendable (Expression) -> Expression?) -> RewriteRule {
        RewriteRule(name) { e in
            guard case .function(let f, let args) = e.kind, f == function, args.count == 1 else { return nil }
            return template(args[0])
        }
    }
}

/// An ordered list of rules applied bottom-up until no rule changes any node.
public struct RuleSet: Sendable {
    public let rules: [RewriteRule]

    public init(_ rules: [RewriteRule]) { self.rules = rules }

    public static func + (a: RuleSet, b: RuleSet) -> RuleSet { RuleSet(a.rules + b.rules) }

    /// Applies the rules to every node, children first, repeating at a node while a rule fires.
    public func apply(to e: Expression) -> Expression {
        var memo: [Expression: Expression] = [:]
        return rewrite(e, &memo, budget: 64)
    }

    private func rewrite(_ e: Expression, _ memo: inout [Expression: Expression], budget: Int) -> Expression {
        if let m = memo[e] { return m }
        var current = rebuild(e, &memo, budget: budget)
        var steps = 0
        outer: while steps < budget {
            for r in rules {
                if let next = r.rewrite(current), next != current {
                    current = budget > 0 ? rebuild(next, &memo, budget: budget - 1) : next
                    steps += 1
                    continue outer
                }
            }
            break
        }
        memo[e] = current
        return current
    }

    private func rebuild(_ e: Expression, _ memo: inout [Expression: Expression], budget: Int) -> Expression {
        switch e.kind {
        case .add(let a):
            var b = AddBuilder(capacity: a.terms.count)
            b.add(Expression(a.constant))
            for (t, c) in a.terms { b.add(rewrite(t, &memo, budget: budget), times: c) }
            return b.build()
        case .mul(let m):
            var b = MulBuilder()
            b.multiply(Expression(m.coefficient))
            for f in m.factors {
                // Each factor is a node of its own (`√x` in `√x √y`), so rules see it whole.
                b.multiply(rewrite(Expression.product(coefficient: .one, factors: [f]), &memo, budget: budget))
            }
            return b.build()
        case .power(let b, let x):
            return Expression.power(rewrite(b, &memo, budget: budget), rewrite(x, &memo, budget: budget))
        case .function(let f, let args):
            return Expression.apply(f, args.map { rewrite($0, &memo, budget: budget) })
        default:
            return e
        }
    }
}
