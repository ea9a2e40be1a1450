/// An immutable symbolic expression in canonical form.
///
/// Expressions are built only through the canonicalising constructors (`+`, `*`,
/// `Expression.power`, `Expression.apply`, …), so structurally equal expressions are
/// mathematically identical by construction: `x + x` is `2x`, `x*x` is `x^2`.
/// An `Expression` is a reference to a shared node carrying a precomputed hash, so copies
/// are cheap and hashing never walks the tree.
public struct Expression: Sendable {
    @usableFromInline let node: Node

    @inlinable init(node: Node) { self.node = node }
    package init(_ kind: Kind) { node = Node(kind) }

    /// The node's kind and payload.
    @inlinable public var kind: Kind { node.kind }

    /// The hash stored in the node (structural: the same in every run).
    package var storedHash: Int { node.hash }
}

/// The kinds of expression node; each non-trivial kind's canonical form lives in its own file.
public enum Kind: Sendable {
    /// An exact rational constant.
    case number(Rational)
    /// A named real variable.
    case symbol(Symbol)
    /// A canonical sum (see `Add`).
    case add(Add)
    /// A canonical product (see `Mul`).
    case mul(Mul)
    /// `base ^ exponent` that did not simplify further.
    case power(Expression, Expression)
    /// A known or user-defined function applied to arguments.
    case function(Function, [Expression])
    /// An unevaluated derivative `∂ expression / ∂ variable`, `order` times.
    case derivative(Expression, Symbol, order: Int)
    /// The constant π (Euler's e is `exp(1)`).
    case constant(Constant)
    /// A sum or product of a body over an integer index, `∑_{i=a}^{b} body` (see `BigOperator`).
    case bigOperator(BigOperator)
    /// A member of an indexed family whose index involves a bound index: `x_i` inside `∑_i`
    /// (see `IndexedName.swift`); with plain indices it is the symbol `x_i` itself.
    case indexed(Symbol, [Expression])
    /// The expectation `E[body]` of a random quantity (see `Expectation.swift`).
    case expectation(Expression)
    /// The result of an undefined operation, such as division by zero.
    case undefined
}

/// Mathematical constants that are kept exact.
public enum Constant: String, Sendable, CaseIterable {
    case pi
}

/// A shared, immutable expression node with its hash computed once.
@usableFromInline
final class Node: Sendable {
    @usableFromInline let kind: Kind
    @usableFromInline let hash: Int

    init(_ kind: Kind) {
        self.kind = kind
        self.hash = Node.structuralHash(kind)
    }

    /// A node whose hash is already known (packed terms compute their terms' hashes first).
    init(_ kind: Kind, hash: Int) {
        assert(hash == Node.structuralHash(kind), "wrong precomputed hash")
        self.kind = kind
        self.hash = hash
    }

    /// A hash that depends only on the structure (not on the process's random seed),
    /// so it can also be used for stable tie-breaking.
    private static func structuralHash(_ kind: Kind) -> Int {
        var h = StableHasher()
        switch kind {
        case .number(let r):
            return numberHash(r)
        case .symbol(let s):
            h.combine(2); h.combine(s.stableHash)
        case .add(let a):
            h.combine(3); h.combine(a.constant.numerator); h.combine(a.constant.denominator)
            if let packed = a.packed {
                packed.combineTerms(into: &h)
                return h.value
            }
            // Through the buffer: iterating the tuples retained and released every term.
            a.terms.withUnsafeBufferPointer { terms in
                for i in terms.indices {
                    h.combine(terms[i].term.node.hash); h.combine(terms[i].coefficient.numerator); h.combine(terms[i].coefficient.denominator)
                }
            }
        case .mul(let m):
            h = productHasher(coefficient: m.coefficient)
            m.factors.withUnsafeBufferPointer { factors in
                for i in factors.indices { h.combine(factors[i].base.node.hash); h.combine(factors[i].exponent.node.hash) }
            }
        case .power(let b, let e):
            return powerHash(base: b.node.hash, exponent: e.node.hash)
        case .function(let f, let args):
            h.combine(6); h.combine(string: f.name)
            for a in args { h.combine(a.node.hash) }
        case .derivative(let e, let s, let n):
            h.combine(7); h.combine(e.node.hash); h.combine(s.stableHash); h.combine(n)
        case .constant(let c):
            h.combine(8); h.combine(string: c.rawValue)
        case .undefined:
            h.combine(9)
        case .bigOperator(let o):
            h.combine(10); h.combine(o.operation == .sum ? 0 : 1); h.combine(o.index.stableHash)
            h.combine(o.lower?.node.hash ?? 0); h.combine(o.upper?.node.hash ?? 0); h.combine(o.body.node.hash)
        case .indexed(let s, let ix):
            h.combine(11); h.combine(s.stableHash)
            for i in ix { h.combine(i.node.hash) }
        case .expectation(let e):
            h.combine(12); h.combine(e.node.hash)
        }
        return h.value
    }

    // The hashes below are also computed without a node, for packed terms (`PackedTerms`).

    /// The hash of a number's node.
    static func numberHash(_ r: Rational) -> Int {
        var h = StableHasher()
        h.combine(1); h.combine(r.numerator); h.combine(r.denominator)
        return h.value
    }

    /// The hash of the node `base ^ exponent`, from theirs.
    static func powerHash(base: Int, exponent: Int) -> Int {
        var h = StableHasher()
        h.combine(5); h.combine(base); h.combine(exponent)
        return h.value
    }

    /// A product node's hasher before its factors (each base's hash, then its exponent's).
    static func productHasher(coefficient: Rational) -> StableHasher {
        var h = StableHasher()
        h.combine(4); h.combine(coefficient.numerator); h.combine(coefficient.denominator)
        return h
    }
}

/// FNV-1a style mixing with a fixed seed: stable across runs, unlike `Hasher`.
package struct StableHasher {
    package private(set) var value: Int = Int(bitPattern: 0xcbf2_9ce4_8422_2325)

    package init() {}

    package mutating func combine(_ x: Int) {
        value = (value ^ x) &* 0x0000_0100_0000_01b3
        value ^= value >> 29
    }

    package mutating func combine(_ x: UInt) { combine(Int(bitPattern: x)) }

    /// Mixes in the sign and machine words of the value (never its decimal text, which
    /// costs more than linear time for a large number).
    package mutating func combine(_ i: Integer) {
        if let v = i.intValue { combine(v); return }
        combine(i.signum)
        i.forEachWord { combine($0) }
    }

    package mutating func combine(string: String) {
        for b in string.utf8 { combine(Int(b)) }
        combine(0xff)
    }
}

extension Expression: Hashable {
    @inlinable public static func == (a: Expression, b: Expression) -> Bool {
        if a.node === b.node { return true }
        if a.node.hash != b.node.hash { return false }
        return Expression.structurallyEqual(a, b)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(node.hash) }

    /// The hash tables' entry point, answered from the node's stored hash with one multiply
    /// instead of a full SipHash round per lookup (a cost on every memo and table lookup of the
    /// hot paths). The stored hash is structural, so the seed only spreads it.
    public func _rawHashValue(seed: Int) -> Int {
        let h = UInt64(bitPattern: Int64(node.hash ^ seed)) &* 0x9E37_79B9_7F4A_7C15
        return Int(bitPattern: UInt(h ^ (h >> 29)))
    }

    @usableFromInline static func structurallyEqual(_ a: Expression, _ b: Expression) -> Bool {
        switch (a.kind, b.kind) {
        case let (.number(x), .number(y)): return x == y
        case let (.symbol(x), .symbol(y)): return x == y
        case let (.add(x), .add(y)):
            if let p = x.packed, let q = y.packed, p.samePolynomial(as: q) { return x.constant == y.constant }
            return x.constant == y.constant && x.termCount == y.termCount
                && zip(x.terms, y.terms).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.mul(x), .mul(y)):
            return x.coefficient == y.coefficient && x.factors.count == y.factors.count
                && zip(x.factors, y.factors).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.power(b1, e1), .power(b2, e2)): return b1 == b2 && e1 == e2
        case let (.function(f, xs), .function(g, ys)): return f == g && xs == ys
        case let (.derivative(e1, s1, n1), .derivative(e2, s2, n2)): return e1 == e2 && s1 == s2 && n1 == n2
        case let (.constant(c1), .constant(c2)): return c1 == c2
        case (.undefined, .undefined): return true
        case let (.bigOperator(x), .bigOperator(y)):
            return x.operation == y.operation && x.index == y.index && x.lower == y.lower && x.upper == y.upper && x.body == y.body
        case let (.indexed(s, xs), .indexed(t, ys)): return s == t && xs == ys
        case let (.expectation(x), .expectation(y)): return x == y
        default: return false
        }
    }
}
