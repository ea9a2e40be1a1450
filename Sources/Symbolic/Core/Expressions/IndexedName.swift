/// Indexed names: `x_i`, `w_{ij}`, `x_{t-1}`, `\delta_{ij}`.
///
/// The reader reads `x_i` as a symbol whose subscript is the text `i`. Inside a sum over `i`
/// that symbol becomes a member of the family `x` at the bound index: the node
/// `.indexed(x, [index])`. Canonical form: a member whose indices involve no bound index is
/// the plain symbol again (`x` at `3` is the symbol `x_3`, at the free index `i` the symbol
/// `x_i`), so a sum opened at a value meets the names written outside it. The Kronecker delta
/// `δ_{ab}` is symmetric, 1 when `a` and `b` are the same, 0 for different numbers.
extension Expression {
    /// The member of the family `base` (a symbol without subscript) at `indices`, in canonical form.
    public static func indexed(_ base: Symbol, _ indices: [Expression]) -> Expression {
        var indices = indices
        if base.isKroneckerDelta, indices.count == 2 {
            if indices[0] == indices[1] { return .one }
            if let a = indices[0].rationalValue, let b = indices[1].rationalValue, a != b { return .zero }
            if Expression.compare(indices[0], indices[1]) > 0 { indices.swapAt(0, 1) }
        }
        if indices.contains(where: { $0.containsBoundIndex }) { return Expression(.indexed(base, indices)) }
        let texts = indices.map(IndexedName.text)
        let joined = texts.allSatisfy({ $0.count == 1 }) ? texts.joined() : texts.joined(separator: ",")
        return Expression(Symbol(base.name, accent: base.accent, subscriptText: joined, timeStep: base.timeStep, primes: base.primes))
    }

    /// True when a bound index (`Symbol.boundIndex`) occurs anywhere in the expression, free or bound.
    var containsBoundIndex: Bool {
        switch kind {
        case .symbol(let s): return s.isBoundIndex
        case .number, .constant, .undefined: return false
        case .indexed: return true
        case .bigOperator: return true
        case .add, .mul, .power, .function, .derivative, .expectation:
            return children.contains { $0.containsBoundIndex }
        }
    }
}

extension Symbol {
    /// The bound index of a sum or product whose body nests `height` levels of such operators:
    /// naming bound indices by height makes sums equal up to their index names identical.
    static func boundIndex(_ height: Int) -> Symbol { Symbol("\u{2}\(height)") }

    /// A fresh name for opening a sum (replacing its bound index while its body is rebuilt).
    package static func openedIndex(_ id: Int) -> Symbol { Symbol("\u{3}\(id)") }

    /// True for the names `boundIndex` makes.
    var isBoundIndex: Bool { name.unicodeScalars.first == "\u{2}" }

    /// True for `\delta` used as the Kronecker delta (`\delta_{ij}`).
    package var isKroneckerDelta: Bool { name == "delta" && accent == nil && timeStep == nil && primes == 0 }

    /// The family `x` of the name `x_i`: the same symbol without its subscript.
    package var family: Symbol { Symbol(name, accent: accent, subscriptText: nil, timeStep: timeStep, primes: primes) }
}

package enum IndexedName {
    /// The subscript text of one index: `3`, `i`, `t-1`.
    static func text(_ e: Expression) -> String {
        if case .symbol(let s) = e.kind, s.subscriptText == nil, s.accent == nil, s.timeStep == nil, s.primes == 0 { return s.name }
        return PlainPrinter.string(e).filter { !$0.isWhitespace }
    }

    /// The indices a subscript text lists: `i,j` and `ij` are two, `t-1` is one.
    package static func components(_ text: String) -> [String] {
        if text.contains(",") { return text.split(separator: ",").map(String.init) }
        let cs = Array(text)
        if cs.count == 2, cs.allSatisfy({ $0.isLetter || $0.isNumber }), !cs.allSatisfy(\.isNumber) { return cs.map { String($0) } }
        return [text]
    }

    /// One index as an expression: a number, a letter, or `letter ± number` (`t-1`, `i+1`).
    static func index(_ text: String) -> Expression? {
        if let k = Int(text) { return Expression(k) }
        // A bound or opened index (a marker and digits); `\u{3}12+1` is that index plus one.
        if text.unicodeScalars.first == "\u{2}" || text.unicodeScalars.first == "\u{3}",
           text.unicodeScalars.dropFirst().allSatisfy({ $0.properties.numericType != nil }) { return Expression(Symbol(text)) }
        if text.allSatisfy(\.isLetter) { return Expression(Symbol(text)) }
        for sign in ["+", "-"] {
            let parts = text.split(separator: Character(sign), maxSplits: 1).map(String.init)
            guard parts.count == 2, let k = Int(parts[1]), let base = index(parts[0]) else { continue }
            return sign == "+" ? base + Expression(k) : base - Expression(k)
        }
        return nil
    }

    /// `symbol` with `letter` bound to `value`: `x_i` becomes the family `x` at `value`, `i` itself
    /// becomes `value`; nil when the symbol does not mention the letter.
    static func binding(_ symbol: Symbol, letter: Symbol, to value: Expression) -> Expression? {
        if symbol == letter { return value }
        guard let sub = symbol.subscriptText, letter.subscriptText == nil, letter.accent == nil else { return nil }
        let parts = components(sub)
        let indices = parts.map { index($0) }
        guard indices.allSatisfy({ $0 != nil }), indices.contains(where: { $0!.contains(letter) }) else { return nil }
        return Expression.indexed(symbol.family, indices.map { $0!.substituting([letter: value]) })
    }
}
