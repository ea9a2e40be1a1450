/// The real-valued semantics of every partial operation, in one place.
///
/// An expression as written is defined at a point when every operation in it is:
/// - `a / b` needs `b ≠ 0`;
/// - `u^k` for a negative integer `k` needs `u ≠ 0`;
/// - `u^(p/q)` (lowest terms, q > 1) is the real root: it needs `u ≥ 0` when `q` is even
///   (`u > 0` when also `p < 0`), and `u ≠ 0` when `p < 0`; odd roots of negative numbers are real;
/// - `u^v` for an exponent `v` that is not a number (it contains a letter or a constant such as π)
///   is `exp(v log u)`: it needs `u > 0`, whatever value `v` takes;
/// - `log u` needs `u > 0`; `tan u`, `sec u` need `cos u ≠ 0`; `cot u`, `csc u` need `sin u ≠ 0`;
///   `asin u`, `acos u` need `-1 ≤ u ≤ 1`;
/// - every other known function is defined everywhere; a user function (`f(x)`) is opaque.
///
/// The canonical constructors may widen a domain (`x/x` is built as `1`, `exp(log u)` as `u`),
/// never change a value where the written form is defined; the conditions recorded here while an
/// expression is read keep what the constructors drop. The evaluators (`ExactEvaluator`,
/// `IntervalEvaluator`) and the checker apply the same rules to canonical forms.
public enum DomainRules {
    /// The conditions for `base ^ exponent` as written.
    public static func power(_ base: Expression, _ exponent: Expression) -> [DomainCondition] {
        guard let r = exponent.rationalValue else {
            // A variable exponent: exp(v log u), defined for a positive base only.
            return [.positive(base)]
        }
        if r.isInteger { return r.isNegative ? [.nonZero(base)] : [] }
        if r.denominator.isEven { return [r.isNegative ? .positive(base) : .nonNegative(base)] }
        return r.isNegative ? [.nonZero(base)] : []
    }

    /// The conditions for `f(args)` as written.
    public static func application(_ f: Function, _ args: [Expression]) -> [DomainCondition] {
        guard args.count == 1 else { return [] }
        let u = args[0]
        switch f {
        case .log: return [.positive(u)]
        case .tan, .sec: return [.nonZero(Expression(.function(.cos, [u])))]
        case .cot, .csc: return [.nonZero(Expression(.function(.sin, [u])))]
        case .asin, .acos: return [.nonNegative(1 - u), .nonNegative(1 + u)]
        default: return []
        }
    }

    /// The condition for dividing by `divisor`.
    public static func quotient(by divisor: Expression) -> [DomainCondition] {
        [.nonZero(divisor)]
    }

    /// Whether `base ^ exponent` is defined for rational values, and the exact value when it is
    /// rational. `variableExponent` says the exponent as written is not a number (then the base
    /// must be positive, whatever value the exponent takes at this point).
    public static func powerValue(_ base: Rational, _ exponent: Rational, variableExponent: Bool) -> ExactValue {
        if variableExponent && base.signum <= 0 { return .undefined }
        if exponent.isInteger, let k = exponent.numerator.intValue, Limits.default.allowsPower(base, k) {
            guard let v = base.power(k) else { return .undefined }
            return .rational(v)
        }
        // Roots, and powers too large to compute exactly (these stay unevaluated: intervals take over).
        let r = Expression.numericPower(base, exponent)
        if case .number(let v) = r.kind { return .rational(v) }
        return r.isUndefined ? .undefined : .irrational
    }
}
