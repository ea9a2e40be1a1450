/// An open-addressing hash map from packed monomials to integer coefficients.
///
/// Replaces `Dictionary<UInt64, Integer>` in the multiplication kernel: a multiply-shift
/// hash instead of SipHash, one probe sequence per update, and in-place accumulation.
struct MonomialTable<Value: MonomialCoefficient> {
    private(set) var keys: [UInt64]
    private(set) var values: [Value]
    private(set) var used: [Bool]
    private(set) var count = 0
    private var mask: Int

    init(minimumCapacity: Int = 8) {
        var capacity = 8
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value](repeating: .zero, count: capacity)
        used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds `value` to the coefficient of `key`; false (and nothing changed) when the sum overflows `Value`.
    @inline(__always) @discardableResult
    mutating func add(_ key: UInt64, _ value: Value) -> Bool {
        var i = slot(key)
        while used[i] {
            if keys[i] == key {
                guard let sum = values[i].adding(value) else { return false }
                values[i] = sum
                return true
            }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        values[i] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return true
    }

    /// The coefficient of `key`, or nil.
    func value(_ key: UInt64) -> Value? {
        var i = slot(key)
        while used[i] {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldUsed = used
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value](repeating: .zero, count: capacity)
        used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
        count = 0
        for i in oldKeys.indices where oldUsed[i] { add(oldKeys[i], oldValues[i]) }
    }

    /// The non-zero entries.
    var entries: [(key: UInt64, value: Value)] {
        var out: [(key: UInt64, value: Value)] = []
        out.reserveCapacity(count)
        for i in keys.indices where used[i] && !values[i].isZero { out.append((keys[i], values[i])) }
        return out
    }
}

/// A coefficient type for `MonomialTable`: exact addition that reports overflow.
protocol MonomialCoefficient {
    static var zero: Self { get }
    var isZero: Bool { get }
    /// The sum, or nil when it does not fit.
    func adding(_ other: Self) -> Self?
}

extension Integer: MonomialCoefficient {
    @inline(__always) func adding(_ other: Integer) -> Integer? { self + other }
}

extension Int128: MonomialCoefficient {
    @inline(__always) func adding(_ other: Int128) -> Int128? {
        let (s, o) = addingReportingOverflow(other)
        return o ? nil : s
    }
    var isZero: Bool { self == 0 }
}
