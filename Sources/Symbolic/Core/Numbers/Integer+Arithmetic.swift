import CGMP

/// Arithmetic on `Integer`: an overflow-checked machine-word path first, GMP on overflow.
extension Integer {
    @inlinable public static func + (a: Integer, b: Integer) -> Integer {
        if a.big == nil && b.big == nil {
            let (r, o) = a.small.addingReportingOverflow(b.small)
            if !o { return Integer(r) }
        }
        return gmp(a, b, __gmpz_add)
    }

    @inlinable public static func - (a: Integer, b: Integer) -> Integer {
        if a.big == nil && b.big == nil {
            let (r, o) = a.small.subtractingReportingOverflow(b.small)
            if !o { return Integer(r) }
        }
        return gmp(a, b, __gmpz_sub)
    }

    @inlinable public static func * (a: Integer, b: Integer) -> Integer {
        if a.big == nil && b.big == nil {
            let (r, o) = a.small.multipliedReportingOverflow(by: b.small)
            if !o { return Integer(r) }
        }
        return gmp(a, b, __gmpz_mul)
    }

    @inlinable public static prefix func - (a: Integer) -> Integer {
        if a.big == nil && a.small != Int.min { return Integer(-a.small) }
        let r = a.makeGMP()
        __gmpz_neg(r.pointer, r.pointer)
        return Integer(gmp: r)
    }

    @inlinable public static func += (a: inout Integer, b: Integer) { a = a + b }
    @inlinable public static func -= (a: inout Integer, b: Integer) { a = a - b }
    @inlinable public static func *= (a: inout Integer, b: Integer) { a = a * b }

    @usableFromInline static func gmp(
        _ a: Integer, _ b: Integer,
        _ op: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void
    ) -> Integer {
        let r = GMPInteger()
        a.withMPZ { x in b.withMPZ { y in op(r.pointer, x, y) } }
        return Integer(gmp: r)
    }

    public var magnitude: Integer { signum < 0 ? -self : self }

    /// Truncating division: the quotient rounds toward zero and the remainder has the sign of `self`.
    /// Precondition: `divisor` is not zero.
    public func quotientAndRemainder(dividingBy divisor: Integer) -> (quotient: Integer, remainder: Integer) {
        precondition(!divisor.isZero, "division by zero")
        if big == nil && divisor.big == nil && !(small == Int.min && divisor.small == -1) {
            return (Integer(small / divisor.small), Integer(small % divisor.small))
        }
        let q = GMPInteger(), r = GMPInteger()
        withMPZ { x in divisor.withMPZ { y in __gmpz_tdiv_qr(q.pointer, r.pointer, x, y) } }
        return (Integer(gmp: q), Integer(gmp: r))
    }

    /// Floor division (rounds toward negative infinity). Precondition: `divisor` is not zero.
    public func floorDivided(by divisor: Integer) -> Integer {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        if !r.isZero && (r.signum < 0) != (divisor.signum < 0) { return q - 1 }
        return q
    }

    /// Division known to be exact (`divisor` divides `self`).
    @inlinable public func dividedExactly(by divisor: Integer) -> Integer {
        if big == nil && divisor.big == nil && !(small == Int.min && divisor.small == -1) {
            return Integer(small / divisor.small)
        }
        return Integer.gmp(self, divisor, __gmpz_divexact)
    }

    /// The non-negative greatest common divisor; `gcd(0, 0) == 0`.
    @inlinable public static func gcd(_ a: Integer, _ b: Integer) -> Integer {
        if a.big == nil && b.big == nil && a.small != Int.min && b.small != Int.min {
            // Binary (Stein's) algorithm: shifts and subtractions instead of a division per step.
            var x = a.small.magnitude, y = b.small.magnitude
            if x == 0 { return Integer(Int(y)) }
            if y == 0 { return Integer(Int(x)) }
            let shift = (x | y).trailingZeroBitCount
            x >>= x.trailingZeroBitCount
            repeat {
                y >>= y.trailingZeroBitCount
                if x > y { swap(&x, &y) }
                y -= x
            } while y != 0
            return Integer(Int(x << shift))
        }
        return gmp(a, b, __gmpz_gcd)
    }

    /// The non-negative least common multiple; zero when either argument is zero.
    public static func lcm(_ a: Integer, _ b: Integer) -> Integer {
        if a.isZero || b.isZero { return .zero }
        return (a.dividedExactly(by: gcd(a, b)) * b).magnitude
    }

    /// `self` raised to a non-negative power.
    public func power(_ exponent: Int) -> Integer {
        precondition(exponent >= 0, "negative exponent")
        if let v = intValue {
            if v == 0 { return exponent == 0 ? .one : .zero }
            if v == 1 { return .one }
            if v == -1 { return exponent & 1 == 0 ? .one : -1 }
            var result = 1, base = v, e = exponent, overflow = false
            while e > 0 && !overflow {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    result = r; overflow = o
                }
                e >>= 1
                if e > 0 && !overflow {
                    let (b, o) = base.multipliedReportingOverflow(by: base)
                    base = b; overflow = o
                }
            }
            if !overflow { return Integer(result) }
        }
        let r = GMPInteger()
        withMPZ { x in __gmpz_pow_ui(r.pointer, x, UInt(exponent)) }
        return Integer(gmp: r)
    }

    /// The exact integer k-th root when `self` is a perfect k-th power, else nil.
    /// Negative values have odd roots only.
    public func exactRoot(_ k: Int) -> Integer? {
        precondition(k >= 1)
        if k == 1 { return self }
        if isNegative {
            guard k & 1 == 1, let r = (-self).exactRoot(k) else { return nil }
            return -r
        }
        let r = GMPInteger()
        let exact = withMPZ { x in __gmpz_root(r.pointer, x, UInt(k)) }
        return exact != 0 ? Integer(gmp: r) : nil
    }

    /// Number of bits in the magnitude (0 for zero).
    public var bitWidth: Int {
        if let v = intValue { return Int.bitWidth - v.magnitude.leadingZeroBitCount }
        return withMPZ { Int(__gmpz_sizeinbase($0, 2)) }
    }
}
