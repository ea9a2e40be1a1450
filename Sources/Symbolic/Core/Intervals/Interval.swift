import CGMP
import CMPFI

/// A closed real interval with MPFR endpoints (MPFI), rounded outward by every
/// operation, so the exact real value always lies inside. Used to decide with certainty
/// that two transcendental values differ, never to decide that they are equal.
public final class Interval: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpfi_struct>

    /// A new interval of `precision` bits, set to NaN until assigned.
    init(precision: Int) {
        pointer = .allocate(capacity: 1)
        mpfi_init2(pointer, mpfr_prec_t(precision))
    }

    deinit {
        mpfi_clear(pointer)
        pointer.deallocate()
    }

    var precision: Int { Int(mpfi_get_prec(pointer)) }

    /// The tightest interval around a rational.
    public convenience init(_ r: Rational, precision: Int) {
        self.init(precision: precision)
        r.numerator.withMPZ { n in _ = mpfi_set_z(pointer, n) }
        if !r.denominator.isOne {
            r.denominator.withMPZ { d in _ = mpfi_div_z(pointer, pointer, d) }
        }
    }

    /// The interval [-1, 1].
    static func unit(precision: Int) -> Interval {
        let r = Interval(precision: precision)
        _ = mpfi_interv_si(r.pointer, -1, 1)
        return r
    }

    /// The smallest interval holding both.
    public static func hull(_ a: Interval, _ b: Interval) -> Interval {
        let r = Interval(precision: max(a.precision, b.precision))
        _ = mpfi_union(r.pointer, a.pointer, b.pointer)
        return r
    }

    static func pi(precision: Int) -> Interval {
        let r = Interval(precision: precision)
        mpfi_const_pi(r.pointer)
        return r
    }

    /// True when both endpoints are finite numbers.
    public var isBounded: Bool { cmpfi_bounded(pointer) != 0 }
    /// Every point is > 0.
    public var isPositive: Bool { isBounded && cmpfi_left_sign(pointer) > 0 }
    /// Every point is < 0.
    public var isNegative: Bool { isBounded && cmpfi_right_sign(pointer) < 0 }
    /// Every point is ≥ 0.
    public var isNonNegative: Bool { isBounded && cmpfi_left_sign(pointer) >= 0 }
    /// Zero is not in the interval.
    public var excludesZero: Bool { isPositive || isNegative }
    /// The interval is exactly {0}.
    public var isExactlyZero: Bool { isBounded && cmpfi_left_sign(pointer) == 0 && cmpfi_right_sign(pointer) == 0 }

    /// For a bounded interval, e with |v| < 2^e for every point v (very negative for {0}).
    var magnitudeExponent: Int { max(Int(pointer.pointee.left._mpfr_exp), Int(pointer.pointee.right._mpfr_exp)) }

    /// True when no real number lies in both intervals.
    public func isDisjoint(from other: Interval) -> Bool {
        isBounded && other.isBounded && cmpfi_disjoint(pointer, other.pointer) != 0
    }

    package func unary(_ op: (UnsafeMutablePointer<__mpfi_struct>, UnsafePointer<__mpfi_struct>) -> Int32) -> Interval {
        let r = Interval(precision: precision)
        _ = op(r.pointer, pointer)
        return r
    }

    func binary(_ other: Interval, _ op: (UnsafeMutablePointer<__mpfi_struct>, UnsafePointer<__mpfi_struct>, UnsafePointer<__mpfi_struct>) -> Int32) -> Interval {
        let r = Interval(precision: precision)
        _ = op(r.pointer, pointer, other.pointer)
        return r
    }

    package static func + (a: Interval, b: Interval) -> Interval { a.binary(b, mpfi_add) }
    package static func - (a: Interval, b: Interval) -> Interval { a.binary(b, mpfi_sub) }
    package static func * (a: Interval, b: Interval) -> Interval { a.binary(b, mpfi_mul) }
    /// Precondition: `b` excludes zero.
    package static func / (a: Interval, b: Interval) -> Interval { a.binary(b, mpfi_div) }

    /// `self^k` for an integer k (by squaring, so even powers stay non-negative).
    func power(_ k: Int) -> Interval {
        if k == 0 { return Interval(.one, precision: precision) }
        if k < 0 { return Interval(.one, precision: precision) / power(-k) }
        if k == 1 { return self }
        let half = power(k / 2)
        let sq = half.unary(mpfi_sqr)
        return k & 1 == 1 ? sq * self : sq
    }

    /// The value for display: the midpoint to `digits` significant digits when the interval is
    /// that narrow, otherwise the bounds (`[-1, 1]` for `sin` of an argument too large to reduce).
    public func displayString(digits: Int = 12) -> String {
        let (left, right) = (endpoint(mpfi_get_left), endpoint(mpfi_get_right))
        let bound = Interval(Rational(Integer(1), Integer(10).power(max(1, digits - 2)))!, precision: precision)
            * (unary(mpfi_abs) + Interval(Rational(Integer(1), Integer(10).power(30))!, precision: precision))
        if (bound - (right - left)).isNonNegative { return decimalString(digits: digits) }
        return "[\(left.decimalString(digits: 6)), \(right.decimalString(digits: 6))]"
    }

    /// An endpoint as a point interval.
    private func endpoint(_ get: (mpfr_ptr?, mpfi_srcptr?) -> Int32) -> Interval {
        let point = Interval(precision: precision)
        var m = mpfr_t()
        mpfr_init2(&m, mpfr_prec_t(precision))
        defer { mpfr_clear(&m) }
        _ = get(&m, pointer)
        _ = mpfi_set_fr(point.pointer, &m)
        return point
    }

    /// The midpoint in decimal with `digits` significant digits, for display only.
    public func decimalString(digits: Int = 12) -> String {
        var mid = mpfr_t()
        mpfr_init2(&mid, mpfr_prec_t(precision))
        defer { mpfr_clear(&mid) }
        _ = mpfi_mid(&mid, pointer)
        var exponent: mpfr_exp_t = 0
        guard let raw = mpfr_get_str(nil, &exponent, 10, digits, &mid, MPFR_RNDN) else { return "?" }
        defer { mpfr_free_str(raw) }
        var s = String(cString: raw)
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        if s.allSatisfy({ $0 == "0" }) { return "0" }
        let e = Int(exponent)
        var text: String
        if e > 0 && e <= digits {
            let intPart = s.prefix(e), frac = s.dropFirst(e)
            text = String(intPart) + (frac.isEmpty ? "" : "." + frac)
        } else if e <= 0 && e > -6 {
            text = "0." + String(repeating: "0", count: -e) + s
        } else {
            text = String(s.prefix(1)) + "." + s.dropFirst() + "e\(e - 1)"
        }
        if text.contains(".") && !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }
}
