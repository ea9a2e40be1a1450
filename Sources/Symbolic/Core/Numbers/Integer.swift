import CGMP

/// An arbitrary-precision integer.
///
/// A value that fits in a machine word is stored inline and never allocates; larger
/// values live in a GMP `mpz_t`. The representation is normalised (a value that fits
/// in `Int` is always stored inline), so equality and hashing compare representations.
public struct Integer: Sendable {
    @usableFromInline let small: Int
    @usableFromInline let big: GMPInteger?

    @inlinable public init(_ value: Int) {
        small = value
        big = nil
    }

    /// Wraps a GMP result, demoting it to the inline form when it fits.
    @usableFromInline init(gmp: GMPInteger) {
        if let v = gmp.intValue {
            small = v
            big = nil
        } else {
            small = 0
            big = gmp
        }
    }

    public static let zero = Integer(0)
    public static let one = Integer(1)

    /// True when the value is stored inline (fits in `Int`).
    @inlinable public var isSmall: Bool { big == nil }

    /// The value as an `Int`, or nil when it does not fit.
    @inlinable public var intValue: Int? { big == nil ? small : nil }

    @inlinable public var isZero: Bool { big == nil && small == 0 }
    @inlinable public var isOne: Bool { big == nil && small == 1 }

    /// -1, 0 or 1.
    public var signum: Int {
        if let b = big { return b.sign }
        return small.signum()
    }

    public var isNegative: Bool { signum < 0 }

    public var isEven: Bool {
        if let b = big { return cgmp_mpz_odd_p(b.pointer) == 0 }
        return small & 1 == 0
    }

    /// Calls `body` with a read-only GMP view of the value (a temporary for inline values).
    @inlinable func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) -> R) -> R {
        if let b = big { return body(b.pointer) }
        let temp = GMPInteger(small)
        return withExtendedLifetime(temp) { body(temp.pointer) }
    }

    /// A fresh GMP copy of the value, for operations that write in place.
    @usableFromInline func makeGMP() -> GMPInteger {
        let r = GMPInteger()
        if let b = big { __gmpz_set(r.pointer, b.pointer) } else { __gmpz_set_si(r.pointer, small) }
        return r
    }

    /// Parses a decimal integer with an optional leading sign; nil when malformed.
    public init?(_ text: Substring) {
        var digits = text
        var negative = false
        if let f = digits.first, f == "-" || f == "+" {
            negative = f == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if digits.count <= 18, let v = Int(digits) {
            self.init(negative ? -v : v)
            return
        }
        let g = GMPInteger()
        let ok = __gmpz_set_str(g.pointer, String(digits), 10) == 0
        guard ok else { return nil }
        if negative { __gmpz_neg(g.pointer, g.pointer) }
        self.init(gmp: g)
    }

    public init?(_ text: String) { self.init(Substring(text)) }

    /// The value of a 128-bit integer.
    public init(_ value: Int128) {
        if let v = Int(exactly: value) {
            self.init(v)
            return
        }
        let magnitude = value.magnitude
        let g = GMPInteger()
        __gmpz_set_ui(g.pointer, UInt(truncatingIfNeeded: magnitude >> 64))
        __gmpz_mul_2exp(g.pointer, g.pointer, 64)
        __gmpz_add_ui(g.pointer, g.pointer, UInt(truncatingIfNeeded: magnitude))
        if value < 0 { __gmpz_neg(g.pointer, g.pointer) }
        self.init(gmp: g)
    }
}

extension Integer {
    /// The integer with this magnitude (64-bit words, least significant first) and sign, in one
    /// GMP import (the wide product kernel's 256-bit accumulators).
    init(magnitude words: [UInt64], negative: Bool) {
        let g = GMPInteger()
        words.withUnsafeBufferPointer { __gmpz_import(g.pointer, $0.count, -1, 8, 0, 0, $0.baseAddress) }
        if negative { __gmpz_neg(g.pointer, g.pointer) }
        self.init(gmp: g)
    }
}

extension Integer: ExpressibleByIntegerLiteral {
    @inlinable public init(integerLiteral value: Int) { self.init(value) }
}

extension Integer: CustomStringConvertible {
    public var description: String {
        if let b = big { return b.toString() }
        return String(small)
    }
}

extension Integer: Hashable {
    @inlinable public static func == (a: Integer, b: Integer) -> Bool {
        switch (a.big, b.big) {
        case (nil, nil): return a.small == b.small
        case let (x?, y?): return __gmpz_cmp(x.pointer, y.pointer) == 0
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        if big != nil {
            hasher.combine(signum)
            forEachWord { hasher.combine($0) }
        } else {
            hasher.combine(small)
        }
    }

    /// Calls `body` with each machine word of the magnitude, least significant first.
    func forEachWord(_ body: (UInt) -> Void) {
        guard let b = big else { body(small.magnitude); return }
        let n = Int(b.pointer.pointee._mp_size.magnitude)
        for i in 0..<n { body(b.pointer.pointee._mp_d[i]) }
    }
}

extension Integer: Comparable {
    @inlinable public static func < (a: Integer, b: Integer) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    @inlinable public static func compare(_ a: Integer, _ b: Integer) -> Int {
        if a.big == nil && b.big == nil { return a.small < b.small ? -1 : (a.small == b.small ? 0 : 1) }
        let c = a.withMPZ { x in b.withMPZ { y in __gmpz_cmp(x, y) } }
        return c < 0 ? -1 : (c == 0 ? 0 : 1)
    }
}
