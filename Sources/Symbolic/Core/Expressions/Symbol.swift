/// A named real variable, with the decorations course notation puts on names.
///
/// `\hat{y}`, `W_{ua}`, `a^{<t-1>}`, `\Gamma_u^{<t>}` and `c'` are all distinct symbols;
/// a time-step superscript is part of the name, never a power.
public struct Symbol: Hashable, Sendable {
    /// Shared immutable storage: copying a symbol is one reference-count operation.
    @usableFromInline final class Storage: Sendable {
        let name: String
        let accent: Accent?
        let subscriptText: String?
        let timeStep: TimeStep?
        let primes: Int
        let stableHash: Int
        /// The first 8 bytes of an ASCII name, big-endian and zero-padded (nil for other names):
        /// comparing these words orders ASCII names as `String.<` does, without its Unicode path
        /// (most of the cost of sorting the factors of a product of symbols).
        let asciiPrefix: UInt64?

        init(_ name: String, _ accent: Accent?, _ subscriptText: String?, _ timeStep: TimeStep?, _ primes: Int) {
            self.name = name
            self.accent = accent
            self.subscriptText = subscriptText
            self.timeStep = timeStep
            self.primes = primes
            var h = StableHasher()
            h.combine(string: name)
            h.combine(string: accent?.rawValue ?? "")
            h.combine(string: subscriptText ?? "")
            h.combine(string: timeStep?.index ?? "")
            h.combine(primes)
            stableHash = h.value
            var prefix: UInt64 = 0, count = 0, ascii = true
            for b in name.utf8 {
                if b >= 0x80 || b == 0 { ascii = false; break }
                if count < 8 { prefix |= UInt64(b) << UInt64(56 - 8 * count) }
                count += 1
            }
            asciiPrefix = ascii ? prefix : nil
        }
    }

    @usableFromInline let storage: Storage

    /// The letter or word: `x`, `W`, `Gamma` (Greek letters by their LaTeX name, without the backslash).
    public var name: String { storage.name }
    /// An accent drawn over the name.
    public var accent: Accent? { storage.accent }
    /// Subscript text, as written (`ua`, `next`, `1`, `i,j`).
    public var subscriptText: String? { storage.subscriptText }
    /// A time-step marker, normalised to its index text (`t-1`) with the bracket style kept.
    public var timeStep: TimeStep? { storage.timeStep }
    /// Number of primes (`c'` has one).
    public var primes: Int { storage.primes }

    public init(_ name: String, accent: Accent? = nil, subscriptText: String? = nil, timeStep: TimeStep? = nil, primes: Int = 0) {
        storage = Storage(name, accent, subscriptText.flatMap { $0.isEmpty ? nil : $0 }, timeStep, primes)
    }

    public static func == (a: Symbol, b: Symbol) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.stableHash == y.stableHash && x.name == y.name && x.accent == y.accent
            && x.subscriptText == y.subscriptText && x.timeStep == y.timeStep && x.primes == y.primes
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.stableHash) }

    /// Accents and font decorations that change a symbol's identity.
    public enum Accent: String, Sendable, CaseIterable {
        case hat, tilde, bar, vec, dot, bold = "mathbf"
    }

    /// `^{<t>}`, `^{(t)}` or `^{\langle t \rangle}`: a step index that belongs to the name.
    public struct TimeStep: Hashable, Sendable {
        /// `^{<t>}`, `^{(t)}`, or a plain label superscript such as the `Q` of `W^Q`.
        public enum Style: Sendable { case angle, paren, bracket, label }
        /// The index as written inside the brackets, spaces removed (`t-1`).
        public let index: String
        public let style: Style
        public init(_ index: String, style: Style = .angle) {
            self.index = index.filter { !$0.isWhitespace }
            self.style = style
        }
        public static func == (a: TimeStep, b: TimeStep) -> Bool { a.index == b.index }
        public func hash(into h: inout Hasher) { h.combine(index) }
    }

    var stableHash: Int { storage.stableHash }

    /// Total order used for canonical ordering: by name, then decorations.
    package static func compare(_ a: Symbol, _ b: Symbol) -> Int {
        if a.storage === b.storage { return 0 }
        if let p = a.storage.asciiPrefix, let q = b.storage.asciiPrefix, p != q { return p < q ? -1 : 1 }
        if a.name != b.name { return a.name < b.name ? -1 : 1 }
        let sa = a.subscriptText ?? "", sb = b.subscriptText ?? ""
        if sa != sb { return sa < sb ? -1 : 1 }
        let ta = a.timeStep?.index ?? "", tb = b.timeStep?.index ?? ""
        if ta != tb { return ta < tb ? -1 : 1 }
        let aa = a.accent?.rawValue ?? "", ab = b.accent?.rawValue ?? ""
        if aa != ab { return aa < ab ? -1 : 1 }
        return a.primes < b.primes ? -1 : (a.primes == b.primes ? 0 : 1)
    }
}

/// LaTeX names of the Greek letters, lower and upper case.
public let greekLetterNames: Set<String> = [
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "tau", "upsilon",
    "phi", "varphi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
]

/// A course's name made of a letter written against an accented letter (`p\tilde{c}`, the
/// pre-activation of `\tilde{c}`), when the document shows it is one name: the symbol's name is
/// the letter, the accent's name and the accented letter (`ptildec`).
public enum CompoundName {
    /// The accents such a name may hold.
    public static let accents: Set<String> = ["tilde", "hat", "bar"]

    /// The parts of a compound name (`ptildec` → ("p", "tilde", "c")), or nil for another name.
    public static func parts(_ name: String) -> (prefix: Character, accent: String, letter: Character)? {
        guard name.count >= 5, let first = name.first, let last = name.last, first.isASCII, first.isLetter, last.isASCII, last.isLetter else { return nil }
        let accent = String(name.dropFirst().dropLast())
        return accents.contains(accent) ? (first, accent, last) : nil
    }
}

extension Expression {
    /// The symbol named `name` with no decorations.
    public static func symbol(_ name: String) -> Expression { Expression(.symbol(Symbol(name))) }
    /// The expression for `symbol`.
    public init(_ symbol: Symbol) { self.init(.symbol(symbol)) }
}
