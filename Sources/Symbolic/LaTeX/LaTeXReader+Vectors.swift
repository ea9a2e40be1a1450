import SymbolicCore
/// Inner products of vectors known to the reader (`LaTeXReader.vectors`).
extension LaTeXReader {
    /// After `a^T`, with `a` a known vector: reads the vector `b` that follows (`a^T b`,
    /// `a^T \cdot b`) and returns `\sum_{i=1}^{D} a_i b_i` over their common dimension D.
    /// Nil when `a` is no known vector (the caller reads the transpose as usual).
    mutating func readInnerProduct(_ base: MathValue, at t: LaTeXToken?) throws(ReaderError) -> MathValue? {
        guard case .scalar(let e) = base, case .symbol(let a) = e.kind, let dimension = vectors[a] else { return nil }
        skipSpacing()
        if isCommand(["cdot"]) { pos += 1 }
        guard case .scalar(let f) = try readPrimary(), case .symbol(let b) = f.kind, let other = vectors[b] else {
            throw error("a transpose of a vector not followed by a vector", at: t)
        }
        guard other == dimension else { throw error("an inner product of vectors of different dimensions", at: t) }
        return .scalar(LaTeXReader.innerProduct(a, b, dimension: dimension))
    }

    /// `\sum_{i=1}^{D} a_i b_i` (the index `i`, or another letter when a name already uses `i`).
    static func innerProduct(_ a: Symbol, _ b: Symbol, dimension: Expression) -> Expression {
        let used = Set(dimension.freeSymbols.map(\.name))
        let letter = ["i", "j", "k", "l", "m"].first { !used.contains($0) } ?? "i"
        func member(_ v: Symbol) -> Expression {
            Expression(Symbol(v.name, accent: v.accent, subscriptText: letter, timeStep: v.timeStep, primes: v.primes))
        }
        return Expression.bigOperator(.sum, index: Symbol(letter), lower: .one, upper: dimension, body: member(a) * member(b))
    }
}
