/// The bounds on the work one input may cause, in one place.
///
/// Every operation that could be asked for an enormous number, expansion, multiple angle or
/// nesting checks its bound here *before* it starts (and before GMP is asked for anything
/// large). Past a bound the operation does not fail: a power stays unevaluated (`7^(10^20)`),
/// an exact evaluation answers "not computed exactly" (interval bounds take over), an
/// expansion or a reader reports the limit.
public struct Limits: Sendable {
    /// The largest exact number, in bits, that a power computes; a larger power of a number
    /// stays a power, and its exact value is not computed.
    public var maximumPowerBits: Int
    /// The largest multiple `n` for which `sin(n·t)` and `cos(n·t)` are expanded as polynomials
    /// in `sin t` and `cos t` (and the largest root degree `q` turned into an algebraic atom);
    /// beyond it the function stays an opaque atom.
    public var maximumMultipleAngle: Int
    /// The largest multiple `n` for which `exp(n·t)` is written as `exp(t)^n`.
    public var maximumExponentialMultiple: Int
    /// The largest integer power of a sum multiplied out when bringing an expression over a
    /// common denominator.
    public var maximumNormalFormExponent: Int
    /// The largest number of terms `derive expand` lets an expansion have.
    public var maximumExpansionTerms: Int
    /// The largest total size, in bits, of the coefficients of an expansion (and of the tables
    /// of powers behind them), estimated from above before any work.
    public var maximumExpansionBits: Int
    /// The largest total degree an expansion multiplies out.
    public var maximumExpansionDegree: Int
    /// The largest matrix product (or power), in entry products, that readers compute.
    public var maximumMatrixProductCost: Int
    /// The highest order of derivative computed; a higher one stays unevaluated.
    public var maximumDerivativeOrder: Int
    /// The largest expression, in nodes of its tree, built step by step: derivatives are taken
    /// order by order and matrix powers factor by factor while they stay within it.
    public var maximumExpressionNodes: Int
    /// The largest number of terms a sum or product with numeric bounds is written out with;
    /// a longer one (`∑_{i=1}^{10^9}`) stays a sum.
    public var maximumExplicitTerms: Int
    /// The largest number of Gaussian factors in one product whose expectation is computed by
    /// Isserlis' theorem ((2m-1)!! pairings of 2m factors).
    public var maximumIsserlisFactors: Int
    /// The deepest nesting the LaTeX reader follows (each group, fraction or parenthesis
    /// costs one or two levels).
    public var maximumNestingDepth: Int
    /// The deepest nesting the plain-syntax parser follows.
    public var maximumPlainNestingDepth: Int
    /// Interval bounds of sin, cos, … are computed only for arguments below `2^this` in
    /// magnitude: reducing a larger one modulo 2π needs π to as many bits.
    public var maximumPeriodicArgumentBits: Int
    /// Trial division tries the primes below this bound.
    public var trialDivisionBound: Int
    /// The work, in machine-word operations, that trial division may spend on one number:
    /// a number of many words is tried against fewer primes.
    public var trialDivisionWork: Int
    /// The highest degree in one letter that a claim may have to be checked: exact evaluation
    /// at a sample point costs time quadratic in it, so a higher one is unchecked before any work.
    public var maximumCheckedDegree: Int
    /// The highest degree of a polynomial whose real roots are isolated exactly (solution sets).
    public var maximumRootIsolationDegree: Int

    /// The limits the engine and the `derive` command use.
    public static let `default` = Limits(
        maximumPowerBits: 1 << 22, maximumMultipleAngle: 64, maximumExponentialMultiple: 1 << 12,
        maximumNormalFormExponent: 256, maximumExpansionTerms: 1_000_000, maximumExpansionBits: 1 << 31,
        maximumExpansionDegree: 1 << 20, maximumMatrixProductCost: 1_000_000,
        maximumDerivativeOrder: 1000, maximumExpressionNodes: 200_000,
        maximumExplicitTerms: 1000, maximumIsserlisFactors: 10,
        maximumNestingDepth: 200, maximumPlainNestingDepth: 500, maximumPeriodicArgumentBits: 1 << 14,
        trialDivisionBound: 1 << 16, trialDivisionWork: 1 << 26,
        maximumCheckedDegree: 4096, maximumRootIsolationDegree: 20)
}

extension Limits {
    /// An upper bound on the bits of `b^k` (numerator and denominator together), computed
    /// without overflow; nil when it does not even fit in an `Int`.
    public static func bitsOfPower(_ b: Rational, _ k: Integer) -> Int? {
        if b.isZero || b.magnitude.isOne { return 1 }
        guard let e = k.intValue else { return nil }
        let width = b.numerator.bitWidth + b.denominator.bitWidth
        let (bits, overflow) = width.multipliedReportingOverflow(by: Int(clamping: e.magnitude))
        return overflow ? nil : bits
    }

    /// True when `b^k` is small enough to compute exactly (always for 0, 1 and -1).
    public func allowsPower(_ b: Rational, _ k: Integer) -> Bool {
        guard let bits = Limits.bitsOfPower(b, k) else { return false }
        return bits <= maximumPowerBits
    }

    /// True when `b^k` is small enough to compute exactly.
    public func allowsPower(_ b: Rational, _ k: Int) -> Bool { allowsPower(b, Integer(k)) }
}
