/// Trigonometric rewriting: expansion of sums and integer multiples in arguments, and
/// products to sums.
extension Expression {
    /// `sin`, `cos` (and `tan` through them) of sums and integer multiples expanded:
    /// `sin(a + b) = sin a cos b + cos a sin b`, `cos 2x = cos²x - sin²x`.
    public func trigExpanded() -> Expression {
        transformed { e in
            guard case .function(let f, let args) = e.kind, args.count == 1 else { return e }
            switch f {
            case .sin, .cos:
                // `ω(t + φ)` is the sum `ωt + ωφ` for the angle-addition formulas.
                let (s, c) = TrigExpansion.sinCos(args[0].expanded(maxTerms: 64) ?? args[0])
                return (f == .sin ? s : c).expanded()
            case .tan:
                let (s, c) = TrigExpansion.sinCos(args[0])
                return s / c
            default:
                return e
            }
        }
    }

    /// Products of sines and cosines rewritten as sums:
    /// `sin a sin b = (cos(a - b) - cos(a + b))/2`, `sin a cos b = (sin(a + b) + sin(a - b))/2`,
    /// `cos a cos b = (cos(a - b) + cos(a + b))/2`, applied until no such product remains.
    public func productToSum() -> Expression {
        var current = self.expanded()
        for _ in 0..<64 {
            var changed = false
            var out = AddBuilder()
            for term in current.summandList {
                if let r = TrigExpansion.productToSum(term) { out.add(r); changed = true } else { out.add(term) }
            }
            current = out.build().expanded()
            if !changed { break }
        }
        return current
    }

    /// Rebuilds the tree bottom-up, applying `rule` to every node after its children.
    public func transformed(_ rule: (Expression) -> Expression) -> Expression {
        let rebuilt: Expression
        switch kind {
        case .add(let a):
            var b = AddBuilder(capacity: a.terms.count)
            b.add(Expression(a.constant))
            for (t, c) in a.terms { b.add(t.transformed(rule), times: c) }
            rebuilt = b.build()
        case .mul(let m):
            var b = MulBuilder()
            b.multiply(Expression(m.coefficient))
            for f in m.factors { b.multiply(Expression.product(coefficient: .one, factors: [f]).transformed(rule)) }
            rebuilt = b.build()
        case .power(let b, let x):
            rebuilt = Expression.power(b.transformed(rule), x.transformed(rule))
        case .function(let f, let args):
            rebuilt = Expression.apply(f, args.map { $0.transformed(rule) })
        case .indexed(let base, let ix):
            rebuilt = Expression.indexed(base, ix.map { $0.transformed(rule) })
        case .expectation(let b):
            rebuilt = Expression.expectation(b.transformed(rule))
        case .bigOperator(let o):
            // Opened at a fresh name, so the rule sees the members `x_i` as names, then bound again.
            let fresh = Symbol.openedIndex(node.hash & 0xffff_ffff)
            rebuilt = Expression.bigOperator(o.operation, index: fresh, lower: o.lower?.transformed(rule), upper: o.upper?.transformed(rule),
                                             body: o.body(at: Expression(fresh)).transformed(rule))
        case .derivative, .number, .symbol, .constant, .undefined:
            rebuilt = self
        }
        return rule(rebuilt)
    }
}

enum TrigExpansion {
    /// (sin u, cos u) with sums and integer multiples in `u` expanded.
    static func sinCos(_ u: Expression) -> (Expression, Expression) {
        if case .add(let a) = u.kind {
            var s = Expression.zero, c = Expression.one
            for part in a.summands {
                let (ps, pc) = sinCos(part)
                (s, c) = (s * pc + c * ps, c * pc - s * ps)
            }
            return (s, c)
        }
        if case .mul(let m) = u.kind, m.coefficient.isInteger, let n = m.coefficient.numerator.intValue,
           n.magnitude > 1, n.magnitude <= Limits.default.maximumMultipleAngle {
            let base = Expression.product(coefficient: .one, factors: m.factors)
            let (s1, c1) = (Expression.apply(.sin, base), Expression.apply(.cos, base))
            var s = Expression.zero, c = Expression.one
            for _ in 0..<n.magnitude { (s, c) = ((s * c1 + c * s1).expanded(), (c * c1 - s * s1).expanded()) }
            return (n < 0 ? -s : s, c)
        }
        return (Expression.apply(.sin, u), Expression.apply(.cos, u))
    }

    /// One product-to-sum step on a term with at least two sin/cos factors, or nil.
    static func productToSum(_ term: Expression) -> Expression? {
        guard case .mul(let m) = term.kind else {
            if case .power(let b, let x) = term.kind { return productToSum(Expression(.mul(Mul(coefficient: .one, factors: [(b, x)])))) }
            return nil
        }
        var trig: [(Function, Expression)] = []
        var rest: [(base: Expression, exponent: Expression)] = []
        for (b, x) in m.factors {
            if case .function(let f, let args) = b.kind, f == .sin || f == .cos,
               let k = x.rationalValue, k.isInteger, !k.isNegative, let n = k.numerator.intValue {
                for _ in 0..<n { trig.append((f, args[0])) }
            } else {
                rest.append((b, x))
            }
        }
        guard trig.count >= 2 else { return nil }
        let (f, a) = trig[0], (g, b) = trig[1]
        let half = Expression(Rational(1, 2)!)
        let combined: Expression
        switch (f, g) {
        case (.sin, .sin): combined = half * (Expression.apply(.cos, a - b) - .apply(.cos, a + b))
        case (.cos, .cos): combined = half * (Expression.apply(.cos, a - b) + .apply(.cos, a + b))
        case (.sin, .cos): combined = half * (Expression.apply(.sin, a + b) + .apply(.sin, a - b))
        default: combined = half * (Expression.apply(.sin, a + b) - .apply(.sin, a - b))
        }
        var out = MulBuilder()
        out.multiply(Expression.product(coefficient: m.coefficient, factors: rest))
        for (h, u) in trig.dropFirst(2) { out.multiply(Expression.apply(h, u)) }
        return (Expression.product([out.build(), combined])).expanded()
    }
}
