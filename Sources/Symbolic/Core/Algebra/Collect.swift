/// Collecting an expanded expression by powers of one symbol.
extension Expression {
    /// The coefficients of `self` as a polynomial in `symbol` after expansion: power -> coefficient.
    /// Nil when `symbol` appears other than as a power with a rational exponent, or when the
    /// expansion would be unreasonably large.
    /// `expanded`: the expression is already a sum of monomials, so no expansion (and no size
    /// estimate, which is pessimistic for sparse sums in many symbols) is needed.
    public func coefficients(in symbol: Symbol, expanded isExpanded: Bool = false) -> [Rational: Expression]? {
        var groups: [Rational: AddBuilder] = [:]
        let x = Expression(symbol)
        guard let expansion = isExpanded ? self : expanded(maxTerms: 1_000_000) else { return nil }
        for s in expansion.summandList {
            var power = Rational.zero
            var rest: [(base: Expression, exponent: Expression)] = []
            var coefficient = Rational.one
            switch s.kind {
            case .mul(let m):
                coefficient = m.coefficient
                for (b, e) in m.factors {
                    if b == x, let k = e.rationalValue { power = k } else { rest.append((b, e)) }
                }
            case .power(let b, let e) where b == x && e.rationalValue != nil:
                power = e.rationalValue!
            case .symbol where s == x:
                power = .one
            default:
                rest = [(s, .one)]
            }
            let r = Expression.product(coefficient: coefficient, factors: rest)
            if r.contains(symbol) { return nil }
            groups[power, default: AddBuilder()].add(r)
        }
        var out: [Rational: Expression] = [:]
        for (k, b) in groups {
            let c = b.build()
            if !c.isZero { out[k] = c }
        }
        return out
    }

    /// `self` collected in `symbol`: `Σ c_k · symbol^k`, highest power first.
    public func collected(in symbol: Symbol, expanded isExpanded: Bool = false) -> Expression {
        guard let cs = coefficients(in: symbol, expanded: isExpanded) else { return self }
        var b = AddBuilder()
        for (k, c) in cs {
            let p = Expression.power(Expression(symbol), Expression(k))
            if case .add = c.kind {
                // Keep the coefficient grouped: (a + b)·x^k.
                b.add(keepingGrouped(c, p))
            } else {
                b.add(c * p)
            }
        }
        return b.build()
    }

    private func keepingGrouped(_ c: Expression, _ p: Expression) -> Expression {
        var m = MulBuilder()
        m.multiply(c); m.multiply(p)
        return m.build()
    }

    /// The summands of a sum, or the expression itself.
    public var summandList: [Expression] {
        if case .add(let a) = kind { return a.summands }
        return isZero ? [] : [self]
    }
}
