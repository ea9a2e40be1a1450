/// An exact rational number `numerator / denominator`, always in lowest terms with a
/// positive denominator, so equal values have equal representations.
public struct Rational: Sendable, Hashable {
    public let numerator: Integer
    public let denominator: Integer

    /// Builds a value already known to be in lowest terms with a positive denominator.
    @inlinable init(reduced numerator: Integer, _ denominator: Integer) {
        self.numerator = numerator
        self.denominator = denominator
    }

    @inlinable public init(_ value: Integer) { self.init(reduced: value, .one) }
    @inlinable public init(_ value: Int) { self.init(reduced: Integer(value), .one) }

    /// `numerator / denominator` in lowest terms; nil when the denominator is zero.
    public init?(_ numerator: Integer, _ denominator: Integer) {
        if denominator.isZero { return nil }
        self = Rational.normalised(numerator, denominator)
    }

    /// Reduces `n / d` (d non-zero) to lowest terms with a positive denominator.
    @inlinable static func normalised(_ n: Integer, _ d: Integer) -> Rational {
        if d.isOne { return Rational(reduced: n, d) }
        let g = Integer.gcd(n, d)
        var n = g.isOne ? n : n.dividedExactly(by: g)
        var d = g.isOne ? d : d.dividedExactly(by: g)
        if d.isNegative { n = -n; d = -d }
        return Rational(reduced: n, d)
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)
    public static let minusOne = Rational(-1)

    @inlinable public var isZero: Bool { numerator.isZero }
    @inlinable public var isOne: Bool { numerator.isOne && denominator.isOne }
    @inlinable public var isInteger: Bool { denominator.isOne }
    public var isNegative: Bool { numerator.isNegative }
    public var signum: Int { numerator.signum }

    /// Parses `123`, `-7/3`, `2.5` or `1e-3`-free decimals exactly; nil when malformed or the denominator is zero.
    public init?(_ text: String) {
        if let slash = text.firstIndex(of: "/") {
            guard let n = Integer(text[..<slash]), let d = Integer(text[text.index(after: slash)...]) else { return nil }
            guard let r = Rational(n, d) else { return nil }
            self = r
        } else if let dot = text.firstIndex(of: ".") {
            let whole = text[..<dot], frac = text[text.index(after: dot)...]
            guard !frac.isEmpty, frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let negative = whole.hasPrefix("-")
            let wholeDigits = whole.isEmpty || whole == "-" || whole == "+" ? "0" : String(whole.drop(while: { $0 == "-" || $0 == "+" }))
            guard let w = Integer(wholeDigits), let f = Integer(frac) else { return nil }
            let scale = Integer(10).power(frac.count)
            let value = Rational.normalised(w * scale + f, scale)
            self = negative ? -value : value
        } else {
            guard let n = Integer(text) else { return nil }
            self.init(n)
        }
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    @inlinable public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible {
    public var description: String {
        denominator.isOne ? numerator.description : "\(numerator)/\(denominator)"
    }
}

extension Rational: Comparable {
    public static func < (a: Rational, b: Rational) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    public static func compare(_ a: Rational, _ b: Rational) -> Int {
        if a.denominator == b.denominator { return Integer.compare(a.numerator, b.numerator) }
        return Integer.compare(a.numerator * b.denominator, b.numerator * a.denominator)
    }
}
