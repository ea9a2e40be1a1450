import CMPFI

/// The outcome of evaluating an expression with interval arithmetic at a rational point.
public enum IntervalValue {
    /// The exact value lies in this interval.
    case value(Interval)
    /// The expression is certainly undefined at the point.
    case undefined
    /// Definedness could not be decided (an interval straddles a domain boundary),
    /// or the expression has parts intervals cannot bound (user-defined functions).
    case unknown
}

/// Rigorous evaluation of expressions at rational points: every domain condition
/// (non-zero divisor, positive logarithm argument, …) must be decided by the interval,
/// otherwise the result is `unknown`.
public struct IntervalEvaluator {
    public let point: [Symbol: Rational]
    public let precision: Int

    /// Letters that range over an interval rather than sit at a point: a value then holds for
    /// every value of them, and a domain condition is decided for all of them at once.
    public var boxes: [Symbol: Interval] = [:]

    public init(point: [Symbol: Rational], precision: Int = 128) {
        self.point = point
        self.precision = precision
    }

    /// Values of the nodes seen so far: shared subexpressions are evaluated once.
    private let memo = NodeMemo<IntervalValue>()

    public func evaluate(_ e: Expression) -> IntervalValue { memo.value(e, value) }

    private func value(_ e: Expression) -> IntervalValue {
        switch e.kind {
        case .number(let r): return .value(Interval(r, precision: precision))
        case .constant(.pi): return .value(.pi(precision: precision))
        case .symbol(let s):
            if let box = boxes[s] { return .value(box) }
            guard let v = point[s] else { return .unknown }
            return .value(Interval(v, precision: precision))
        case .undefined: return .undefined
        case .derivative, .indexed, .bigOperator, .expectation: return .unknown
        case .add(let a):
            var acc = Interval(a.constant, precision: precision)
            for (t, c) in a.terms {
                let term = evaluate(t)  // once: evaluating again on failure doubles the time per level
                guard case .value(let v) = term else { return term }
                acc = acc + v * Interval(c, precision: precision)
            }
            return .value(acc)
        case .mul(let m):
            var acc = Interval(m.coefficient, precision: precision)
            var pendingUnknown = false
            for (b, x) in m.factors {
                switch power(b, x) {
                case .value(let v): acc = acc * v
                case .undefined: return .undefined
                case .unknown: pendingUnknown = true
                }
            }
            return pendingUnknown ? .unknown : .value(acc)
        case .power(let b, let x): return power(b, x)
        case .function(let f, let args):
            guard args.count == 1 else { return .unknown }
            switch evaluate(args[0]) {
            case .value(let u): return function(f, u)
            case let other: return other
            }
        }
    }

    private func power(_ b: Expression, _ x: Expression) -> IntervalValue {
        let bv = evaluate(b)
        guard case .value(let base) = bv else { return bv }
        if let r = x.rationalValue {
            if r.isInteger, let k = r.numerator.intValue, k.magnitude <= 1 << 16 {
                if k < 0 {
                    if base.isExactlyZero { return .undefined }
                    guard base.excludesZero else { return .unknown }
                }
                return .value(base.power(k))
            }
            // Real root: needs base ≥ 0 unless the root index is odd.
            let oddRoot = !r.denominator.isEven
            if base.isPositive { return .value(exp(Interval(r, precision: precision) * base.unary(mpfi_log))) }
            if base.isNegative {
                guard oddRoot else { return .undefined }
                let magnitude = exp(Interval(r, precision: precision) * base.unary(mpfi_neg).unary(mpfi_log))
                return .value(r.numerator.isEven ? magnitude : magnitude.unary(mpfi_neg))
            }
            if base.isExactlyZero { return r.isNegative ? .undefined : .value(Interval(.zero, precision: precision)) }
            return .unknown
        }
        let xv = evaluate(x)
        guard case .value(let ex) = xv else { return xv }
        // A variable exponent needs a positive base (`DomainRules`).
        guard base.isPositive else { return base.unary(mpfi_neg).isNonNegative ? .undefined : .unknown }
        return .value(exp(ex * base.unary(mpfi_log)))
    }

    private func exp(_ v: Interval) -> Interval { v.unary(mpfi_exp) }

    private func function(_ f: Function, _ u: Interval) -> IntervalValue {
        guard u.isBounded else { return .unknown }
        let p = precision
        if f.isPeriodic && u.magnitudeExponent > Limits.default.maximumPeriodicArgumentBits {
            // Reducing a huge argument modulo 2π would need π to as many bits as its exponent;
            // sin and cos of it still lie in [-1, 1].
            return f == .sin || f == .cos ? .value(Interval.unit(precision: p)) : .unknown
        }
        switch f {
        case .exp: return .value(u.unary(mpfi_exp))
        case .log:
            if u.isPositive { return .value(u.unary(mpfi_log)) }
            if u.isNegative || u.isExactlyZero { return .undefined }
            return .unknown
        case .sin: return .value(u.unary(mpfi_sin))
        case .cos: return .value(u.unary(mpfi_cos))
        case .tan, .sec:
            let c = u.unary(mpfi_cos)
            guard c.excludesZero else { return c.isExactlyZero ? .undefined : .unknown }
            return .value(f == .tan ? u.unary(mpfi_sin) / c : Interval(.one, precision: p) / c)
        case .cot, .csc:
            let s = u.unary(mpfi_sin)
            guard s.excludesZero else { return s.isExactlyZero ? .undefined : .unknown }
            return .value(f == .cot ? u.unary(mpfi_cos) / s : Interval(.one, precision: p) / s)
        case .asin, .acos:
            let inside = (u - Interval(.minusOne, precision: p)).isNonNegative && (Interval(.one, precision: p) - u).isNonNegative
            guard inside else { return .unknown }
            return .value(u.unary(f == .asin ? mpfi_asin : mpfi_acos))
        case .atan: return .value(u.unary(mpfi_atan))
        case .sinh: return .value(u.unary(mpfi_sinh))
        case .cosh: return .value(u.unary(mpfi_cosh))
        case .tanh: return .value(u.unary(mpfi_tanh))
        case .sigmoid:
            let one = Interval(.one, precision: p)
            return .value(one / (one + u.unary(mpfi_neg).unary(mpfi_exp)))
        case .abs: return .value(u.unary(mpfi_abs))
        case .relu:
            if u.isNonNegative { return .value(u) }
            if u.isNegative { return .value(Interval(.zero, precision: p)) }
            return .unknown
        case .heaviside:
            if u.isPositive { return .value(Interval(.one, precision: p)) }
            if u.isNegative || u.isExactlyZero { return .value(Interval(.zero, precision: p)) }
            return .unknown
        case .undefined: return .unknown
        }
    }
}

extension IntervalEvaluator {
    /// An interval certainly holding `∫_a^b f dx`: the sum over `pieces` equal parts of f's
    /// range on each part times its width, by interval arithmetic (so rounding and the bounds'
    /// own width are covered). Nil when f is not certainly defined on every part.
    public static func integralEnclosure(of f: Expression, _ x: Symbol, from a: Interval, to b: Interval,
                                         pieces: Int = 256, precision: Int = 128) -> Interval? {
        guard pieces > 0 else { return nil }
        let n = Interval(Rational(pieces), precision: precision)
        let step = (b - a) / n
        var total = Interval(.zero, precision: precision)
        var left = a
        for k in 1...pieces {
            let right = k == pieces ? b : a + step * Interval(Rational(k), precision: precision)
            var evaluator = IntervalEvaluator(point: [:], precision: precision)
            evaluator.boxes = [x: Interval.hull(left, right)]
            guard case .value(let range) = evaluator.evaluate(f), range.isBounded else { return nil }
            total = total + range * (right - left)
            left = right
        }
        return total
    }
}
