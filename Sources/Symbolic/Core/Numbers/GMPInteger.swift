import CGMP

/// An owned, heap-allocated GMP integer (`mpz_t`).
///
/// Instances are immutable once built: every arithmetic operation writes a fresh
/// `GMPInteger`, so an `Integer` value that shares one is still a value type.
@usableFromInline
final class GMPInteger: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    @usableFromInline convenience init(_ value: Int) {
        self.init()
        __gmpz_set_si(pointer, value)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }

    /// The value as an `Int`, or nil when it does not fit.
    @usableFromInline var intValue: Int? {
        __gmpz_fits_slong_p(pointer) != 0 ? __gmpz_get_si(pointer) : nil
    }

    var sign: Int { Int(cgmp_mpz_sgn(pointer)) }

    func toString(base: Int32 = 10) -> String {
        let size = __gmpz_sizeinbase(pointer, base) + 2
        var buffer = [CChar](repeating: 0, count: size)
        __gmpz_get_str(&buffer, base, pointer)
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
