/// One condition under which an operation, as written, is defined: `u ≠ 0`, `u > 0` or `u ≥ 0`
/// for a canonical expression `u`.
public enum DomainCondition: Hashable, Sendable, CustomStringConvertible {
    case nonZero(Expression)
    case positive(Expression)
    case nonNegative(Expression)

    /// The expression the condition is about.
    public var expression: Expression {
        switch self {
        case .nonZero(let u), .positive(let u), .nonNegative(let u): return u
        }
    }

    /// The same condition on another expression.
    package func with(_ u: Expression) -> DomainCondition {
        switch self {
        case .nonZero: return .nonZero(u)
        case .positive: return .positive(u)
        case .nonNegative: return .nonNegative(u)
        }
    }

    public var description: String {
        let u = PlainPrinter.string(expression)
        switch self {
        case .nonZero: return "\(u) ≠ 0"
        case .positive: return "\(u) > 0"
        case .nonNegative: return "\(u) ≥ 0"
        }
    }

    /// True when the condition holds wherever its expression is defined, by its form alone
    /// (`x² + 1 > 0`, `|x| ≥ 0`); false means "not known".
    package var holdsByForm: Bool {
        let u = expression
        switch self {
        case .nonNegative: return u.isNonNegative
        case .positive: return u.isPositive
        case .nonZero: return u.isPositive || (-u).isPositive
        }
    }

    /// Whether the condition holds at a point: decided exactly, or by certified intervals.
    func truth(at point: [Symbol: Rational]) -> Truth {
        if holdsByForm, !expression.hasOpaqueParts {
            // Still undefined where its expression is undefined; those conditions are listed too.
            return .holds
        }
        switch expression.exactValue(at: point) {
        case .undefined: return .fails
        case .rational(let v): return holds(sign: v.signum) ? .holds : .fails
        case .irrational:
            for precision in [128, 512] {
                guard case .value(let i) = IntervalEvaluator(point: point, precision: precision).evaluate(expression) else { return .unknown }
                if i.isPositive { return holds(sign: 1) ? .holds : .fails }
                if i.isNegative { return holds(sign: -1) ? .holds : .fails }
                if i.isExactlyZero { return holds(sign: 0) ? .holds : .fails }
            }
            return .unknown
        }
    }

    /// Whether the condition holds for an expression of this sign.
    package func holds(sign: Int) -> Bool {
        switch self {
        case .nonZero: return sign != 0
        case .positive: return sign > 0
        case .nonNegative: return sign >= 0
        }
    }
}

/// Three-valued truth of a condition at a point.
public enum Truth: Sendable {
    case holds, fails, unknown
}

extension Expression {
    /// True when the expression is known to be > 0 wherever it is defined (a sufficient test).
    public var isPositive: Bool {
        switch kind {
        case .number(let r): return r.signum > 0
        case .constant: return true
        case .function(let f, let args):
            switch f {
            case .exp, .sigmoid, .cosh: return true
            case .abs: return args.count == 1 && (args[0].isPositive || (-args[0]).isPositive)
            default: return false
            }
        case .power(let b, let e):
            if case .number(let r) = e.kind, r.isInteger, r.numerator.isEven { return b.isPositive || (-b).isPositive }
            if case .number = e.kind { return b.isPositive }
            return true  // a variable exponent needs a positive base, and the power is then positive
        case .mul(let m):
            return m.coefficient.signum > 0 && m.factors.allSatisfy { Expression.product(coefficient: .one, factors: [$0]).isPositive }
        case .add(let a):
            // A sum of non-negative terms with a positive constant.
            return a.constant.signum > 0 && a.terms.allSatisfy { !$0.coefficient.isNegative && $0.term.isNonNegative }
        default:
            return false
        }
    }
}
