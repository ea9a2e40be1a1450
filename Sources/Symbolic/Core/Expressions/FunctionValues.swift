/// Exact values of the known functions at special arguments.
enum FunctionValues {
    /// A trigonometric function of an inverse one, on its principal branch: `sin(arcsin a) = a`,
    /// `cos(arcsin a) = √(1 - a²)` (cos ≥ 0 on [-π/2, π/2]), `sin(arccos a) = √(1 - a²)`,
    /// `tan(arctan a) = a`, `cos(arctan a) = 1/√(1 + a²)`, … Each holds wherever the left side is
    /// defined (the reader records `-1 ≤ a ≤ 1` for arcsin and arccos).
    static func ofInverse(_ f: Function, _ u: Expression) -> Expression? {
        guard case .function(let g, let args) = u.kind, args.count == 1, [.asin, .acos, .atan].contains(g) else { return nil }
        let a = args[0]
        let half = Expression(Rational(1, 2)!)
        let (s, c): (Expression, Expression)
        switch g {
        case .asin: (s, c) = (a, Expression.power(1 - a * a, half))
        case .acos: (s, c) = (Expression.power(1 - a * a, half), a)
        default:
            let r = Expression.power(1 + a * a, half)
            (s, c) = (a / r, 1 / r)
        }
        switch f {
        case .sin: return s
        case .cos: return c
        case .tan: return s / c
        case .cot: return c / s
        case .sec: return 1 / c
        case .csc: return 1 / s
        default: return nil
        }
    }

    static func exactValue(_ f: Function, _ u: Expression) -> Expression? {
        switch f {
        case .exp:
            if u.isZero { return .one }
            if case .function(.log, let a) = u.kind { return a[0] }
            return expOfLogs(u)
        case .log:
            if u.isOne { return .zero }
            if case .function(.exp, let a) = u.kind { return a[0] }
            if case .number(let r) = u.kind, r.isNegative || r.isZero { return .undefined }
            return nil
        case .sin, .cos, .tan, .cot, .sec, .csc:
            if let v = ofInverse(f, u) { return v }
            return trigValue(f, u)
        case .sinh, .tanh:
            return u.isZero ? .zero : nil
        case .asin, .atan, .acos:
            return inverseTrigValue(f, u)
        case .cosh:
            return u.isZero ? .one : nil
        case .sigmoid:
            return u.isZero ? Expression(Rational(1, 2)!) : nil
        case .relu:
            if case .number(let r) = u.kind { return r.isNegative ? .zero : u }
            if u.isNonNegative { return u }
            return nil
        case .heaviside:
            if case .number(let r) = u.kind { return r.signum > 0 ? .one : .zero }
            return nil
        case .abs:
            if case .number(let r) = u.kind { return Expression(r.magnitude) }
            if u.isNonNegative { return u }
            if case .function(.abs, _) = u.kind { return u }
            return nil
        case .undefined:
            return nil
        }
    }

    /// The principal values at the standard points: `asin(1/2) = π/6`, `acos(-1/2) = 2π/3`,
    /// `atan(1) = π/4`, `atan(√3) = π/3` (negative arguments of asin and atan by oddness).
    private static func inverseTrigValue(_ f: Function, _ u: Expression) -> Expression? {
        let half = Expression(Rational(1, 2)!)
        let root2 = Expression.power(Expression(2), half), root3 = Expression.power(Expression(3), half)
        let pi = Expression(.constant(.pi))
        func piTimes(_ p: Int, _ q: Int) -> Expression { Expression(Rational(Integer(p), Integer(q))!) * pi }
        let table: [(Expression, [Function: Expression])] = [
            (.zero, [.asin: .zero, .atan: .zero, .acos: piTimes(1, 2)]),
            (half, [.asin: piTimes(1, 6), .acos: piTimes(1, 3)]),
            (-half, [.acos: piTimes(2, 3)]),
            (root2 * half, [.asin: piTimes(1, 4), .acos: piTimes(1, 4)]),
            (-(root2 * half), [.acos: piTimes(3, 4)]),
            (root3 * half, [.asin: piTimes(1, 3), .acos: piTimes(1, 6)]),
            (-(root3 * half), [.acos: piTimes(5, 6)]),
            (.one, [.asin: piTimes(1, 2), .acos: .zero, .atan: piTimes(1, 4)]),
            (.minusOne, [.acos: pi]),
            (root3, [.atan: piTimes(1, 3)]),
            (root3 / Expression(3), [.atan: piTimes(1, 6)]),
        ]
        for (point, values) in table where point == u { return values[f] }
        return nil
    }

    /// `exp(c·log u + rest) = u^c · exp(rest)`, valid wherever the left side is defined (u > 0).
    private static func expOfLogs(_ u: Expression) -> Expression? {
        var logs: [(Expression, Rational)] = []
        var rest = AddBuilder()
        let summands: [Expression]
        if case .add(let a) = u.kind { summands = a.summands } else { summands = [u] }
        for s in summands {
            if case .mul(let m) = s.kind, m.factors.count == 1, m.factors[0].exponent.isOne,
               case .function(.log, let a) = m.factors[0].base.kind {
                logs.append((a[0], m.coefficient))
            } else if case .function(.log, let a) = s.kind {
                logs.append((a[0], .one))
            } else {
                rest.add(s)
            }
        }
        if logs.isEmpty { return nil }
        var product = MulBuilder()
        for (base, c) in logs { product.multiply(Expression.power(base, Expression(c))) }
        let r = rest.build()
        if !r.isZero { product.multiply(Expression(.function(.exp, [r]))) }
        return product.build()
    }

    /// sin, cos, tan, … at rational multiples of π with denominator 1, 2, 3, 4 or 6.
    private static func trigValue(_ f: Function, _ u: Expression) -> Expression? {
        guard let k = u.rationalMultipleOfPi else { return nil }
        // Reduce k modulo 2, to [0, 2).
        let twoK = k * Rational(1, 2)!
        let reduced = k - Rational(twoK.floor * 2)
        let d = reduced.denominator.intValue ?? 0
        guard [1, 2, 3, 4, 6].contains(d), let n = reduced.numerator.intValue else { return nil }
        let angle12 = n * (12 / d)  // the angle in units of π/12, in [0, 24)
        let (s, c) = sinCosTable(angle12)
        switch f {
        case .sin: return s
        case .cos: return c
        case .tan: return c.isZero ? .undefined : s / c
        case .cot: return s.isZero ? .undefined : c / s
        case .sec: return c.isZero ? .undefined : Expression.one / c
        case .csc: return s.isZero ? .undefined : Expression.one / s
        default: return nil
        }
    }

    /// sin and cos at `m·π/12` for m a multiple of 2 or 3.
    private static func sinCosTable(_ m: Int) -> (Expression, Expression) {
        let half = Expression(Rational(1, 2)!)
        let r2 = Expression.power(Expression(2), Expression(Rational(1, 2)!)) * half
        let r3 = Expression.power(Expression(3), Expression(Rational(1, 2)!)) * half
        // First quadrant values for 0, 30, 45, 60, 90 degrees (m = 0, 2, 3, 4, 6).
        func firstQuadrant(_ m: Int) -> (Expression, Expression) {
            switch m {
            case 0: return (.zero, .one)
            case 2: return (half, r3)
            case 3: return (r2, r2)
            case 4: return (r3, half)
            default: return (.one, .zero)
            }
        }
        let quadrant = m / 6, offset = m % 6
        let (s, c) = firstQuadrant(offset)
        switch quadrant {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }
}

extension Expression {
    /// `k` when the expression is `k·π` for a rational `k`.
    var rationalMultipleOfPi: Rational? {
        if isZero { return .zero }
        switch kind {
        case .constant(.pi): return .one
        case .mul(let m):
            if m.factors.count == 1, m.factors[0].exponent.isOne, case .constant(.pi) = m.factors[0].base.kind { return m.coefficient }
            return nil
        default: return nil
        }
    }
}
