import SymbolicCore
import SymbolicLaTeX

/// The normal form of a matrix expression as a non-commutative polynomial: a sum of words with
/// rational coefficients, each word a product of letters (a named matrix, transposed or not, or
/// an opaque operand such as `tanh(W x)`), the empty word the identity.
///
/// Products are associative and distribute over sums; a transpose reverses a word and transposes
/// each letter (`(AB)ᵀ = BᵀAᵀ`, `(Aᵀ)ᵀ = A`); a word whose value is 1 × 1 equals its transpose,
/// and is written as the smaller of the two (`xᵀAx = xᵀAᵀx`). Each rule holds for matrices of
/// every size, so two expressions with the same normal form are equal at every size: a proof.
/// Different forms prove nothing (opaque letters are not independent), so refutation needs a point.
public struct MatrixNormalForm: Hashable, Sendable {
    /// One factor of a word.
    public struct Letter: Hashable, Comparable, Sendable {
        /// The name, or an opaque operand's printed form.
        let key: String
        let transposed: Bool
        /// The letter's own shape (after its transpose), printed.
        let rows: String
        let columns: String

        var transpose: Letter { Letter(key: key, transposed: !transposed, rows: columns, columns: rows) }

        public static func < (a: Letter, b: Letter) -> Bool {
            (a.key, a.transposed ? 1 : 0, a.rows, a.columns) < (b.key, b.transposed ? 1 : 0, b.rows, b.columns)
        }
    }

    /// Word (letters left to right) to coefficient; no zero coefficients.
    public private(set) var terms: [[Letter]: Rational] = [:]
    /// The shape of the whole expression (the empty word is the identity of this shape).
    let rows: String
    let columns: String

    /// The most terms a normal form may have before the expression is left unnormalised.
    static let maximumTerms = 2_000

    /// The normal form of `e`; nil when it grows past `maximumTerms`.
    public init?(_ e: ShapedExpression) {
        guard let t = MatrixNormalForm.words(e) else { return nil }
        rows = PlainPrinter.string(e.shape.rows)
        columns = PlainPrinter.string(e.shape.columns)
        terms = t
    }

    private static func letter(_ key: String, _ shape: Shape) -> Letter {
        Letter(key: key, transposed: false, rows: PlainPrinter.string(shape.rows), columns: PlainPrinter.string(shape.columns))
    }

    /// The reversed, letter-transposed word, and the canonical one of a 1 × 1 word and its transpose.
    static func transposed(_ w: [Letter]) -> [Letter] { w.reversed().map(\.transpose) }

    static func canonical(_ w: [Letter], scalar: Bool) -> [Letter] {
        guard scalar, !w.isEmpty else { return w }
        let t = transposed(w)
        return t.lexicographicallyPrecedes(w) ? t : w
    }

    private static func add(_ a: inout [[Letter]: Rational], _ w: [Letter], _ c: Rational) {
        let v = (a[w] ?? .zero) + c
        if v.isZero { a[w] = nil } else { a[w] = v }
    }

    private static func words(_ e: ShapedExpression) -> [[Letter]: Rational]? {
        var memo: [ShapedExpression: [[Letter]: Rational]] = [:]
        func visit(_ e: ShapedExpression) -> [[Letter]: Rational]? {
            if let m = memo[e] { return m }
            let scalar = e.shape.isScalar
            var out: [[Letter]: Rational] = [:]
            switch e.kind {
            case .quantity(let q):
                out[[letter("q:" + q.plain, e.shape)]] = .one
            case .identity:
                out[[]] = .one
            case .filled(let v):
                if let r = v.rationalValue, e.shape.isScalar || r.isZero {
                    if !r.isZero { out[[]] = r }
                } else {
                    out[[letter("fill:" + PlainPrinter.string(v), e.shape)]] = .one
                }
            case .operation(let op, let xs):
                switch op {
                case let op as LinearCombination:
                    for (x, c) in zip(xs, op.coefficients) {
                        guard let f = visit(x) else { return nil }
                        for (w, d) in f { add(&out, canonical(w, scalar: scalar), c * d) }
                    }
                case is MatrixProduct:
                    guard let fa = visit(xs[0]), let fb = visit(xs[1]), fa.count * fb.count <= maximumTerms else { return nil }
                    for (wa, ca) in fa {
                        for (wb, cb) in fb { add(&out, canonical(wa + wb, scalar: scalar), ca * cb) }
                    }
                case is Transpose:
                    guard let f = visit(xs[0]) else { return nil }
                    for (w, c) in f { add(&out, canonical(transposed(w), scalar: scalar), c) }
                default:
                    // Anything else is one opaque letter, named by its printed form.
                    out[[letter("op:" + ShapedPrinter.string(e, .plain), e.shape)]] = .one
                }
            }
            guard out.count <= maximumTerms else { return nil }
            memo[e] = out
            return out
        }
        return visit(e)
    }
}
