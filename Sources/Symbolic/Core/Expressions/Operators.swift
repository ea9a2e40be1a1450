/// Arithmetic operators on expressions; each returns the canonical form.
extension Expression: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Expression {
    public static func + (a: Expression, b: Expression) -> Expression {
        if a.isZero { return b }
        if b.isZero { return a }
        // Two numbers, or two distinct symbols: the canonical sum directly, without a builder
        // (entries of sums and products of matrices, the verifier's small sums).
        if case .number(let x) = a.kind, case .number(let y) = b.kind { return Expression(x + y) }
        // A sum plus a number: its terms are shared (and packed ones stay packed).
        if case .add = a.kind, case .number(let y) = b.kind { return a.plus(y) }
        if case .number(let x) = a.kind, case .add = b.kind { return b.plus(x) }
        if case .symbol = a.kind, case .symbol = b.kind {
            let order = Expression.compareTerms(a, b)
            if order != 0 {
                return Expression(.add(Add(constant: .zero, terms: order < 0 ? [(a, .one), (b, .one)] : [(b, .one), (a, .one)])))
            }
        }
        var s = AddBuilder()
        s.add(a); s.add(b)
        return s.build()
    }

    public static func - (a: Expression, b: Expression) -> Expression {
        if b.isZero { return a }
        var s = AddBuilder()
        s.add(a); s.add(b, times: .minusOne)
        return s.build()
    }

    public static prefix func - (a: Expression) -> Expression {
        switch a.kind {
        case .number(let r): return Expression(-r)
        case .undefined: return a
        default:
            var s = AddBuilder()
            s.add(a, times: .minusOne)
            return s.build()
        }
    }

    public static func * (a: Expression, b: Expression) -> Expression {
        if case .number(let x) = a.kind, case .number(let y) = b.kind { return Expression(x * y) }
        if a.isOne { return b }
        if b.isOne { return a }
        if case .number(let x) = a.kind { return scaled(b, by: x) }
        if case .number(let y) = b.kind { return scaled(a, by: y) }
        if case .symbol = a.kind, case .symbol = b.kind {
            // Two symbols (the entries of a product of symbolic matrices, the product rule's
            // factors): the canonical product directly, without a builder's lists.
            let order = Expression.compare(a, b)
            if order == 0 { return Expression(.power(a, Expression.smallInteger(2))) }
            let one = Expression.smallInteger(1)
            return Expression(.mul(Mul(coefficient: .one, factors: order < 0 ? [(a, one), (b, one)] : [(b, one), (a, one)])))
        }
        if let merged = Expression.mergedProduct(a, b) { return merged }
        var m = MulBuilder()
        m.multiply(a); m.multiply(b)
        return m.build()
    }

    /// `c · e`: a number times a sum is distributed.
    static func scaled(_ e: Expression, by c: Rational) -> Expression {
        if c.isZero {
            if e.isUndefined { return e }
            return .zero
        }
        if c.isOne { return e }
        if case .add(let a) = e.kind, let packed = a.packed {
            return Expression(.add(Add(constant: a.constant * c, packed: packed.scaled(by: c))))
        }
        if case .power(let b, _) = e.kind, b.isProduct || b.isAdd {
            // As `MulBuilder` makes it (and the parser reads it back): a sum's power gives up its
            // content, `-3·(-y - 3)²` is `-3·(y + 3)²`; an unsplit power of a product is a base.
            return Expression.product([Expression(c), e])
        }
        if case .mul(let m) = e.kind {
            // A product's coefficient changes; its factors stay (never a lone sum, which distributes).
            let k = m.coefficient * c
            if k.isOne && m.factors.count == 1 { return m.unitTerm }
            return Expression(.mul(Mul(coefficient: k, factors: m.factors)))
        }
        var s = AddBuilder()
        s.add(e, times: c)
        return s.build()
    }

    public static func / (a: Expression, b: Expression) -> Expression {
        if case .number(let y) = b.kind {
            guard let inv = y.inverse else { return .undefined }
            return a * Expression(inv)
        }
        var m = MulBuilder()
        m.multiply(a); m.multiply(b, power: -1)
        return m.build()
    }

    public static func += (a: inout Expression, b: Expression) { a = a + b }
    public static func -= (a: inout Expression, b: Expression) { a = a - b }
    public static func *= (a: inout Expression, b: Expression) { a = a * b }

    /// `self ^ exponent`.
    public func pow(_ exponent: Expression) -> Expression { Expression.power(self, exponent) }
    public func pow(_ exponent: Int) -> Expression { Expression.power(self, Expression(exponent)) }

    /// The real square root `self^(1/2)`.
    public var squareRoot: Expression { Expression.power(self, Expression(Rational(1, 2)!)) }
}

extension Expression {
    /// `self + r` without an `AddBuilder`: a sum's constant is shifted (its terms are shared, not
    /// copied, and packed ones stay packed); any other term gets the constant beside it.
    func plus(_ r: Rational) -> Expression {
        if r.isZero { return self }
        switch kind {
        case .number(let x):
            return Expression(x + r)
        case .add(let a):
            let c = a.constant + r
            if c.isZero && a.termCount == 1 { return Expression.scale(a.terms[0].term, by: a.terms[0].coefficient) }
            return Expression(.add(a.withConstant(c)))
        case .mul(let m) where !m.coefficient.isOne:
            return Expression(.add(Add(constant: r, terms: [(m.unitTerm, m.coefficient)])))
        case .undefined:
            return self
        default:
            return Expression(.add(Add(constant: r, terms: [(self, .one)])))
        }
    }

    /// A rational exponent as an expression, small non-negative integers shared.
    static func exponent(_ k: Rational) -> Expression {
        if k.isInteger, let v = k.numerator.intValue, v >= 0 { return Expression.smallInteger(v) }
        return Expression(k)
    }
}
