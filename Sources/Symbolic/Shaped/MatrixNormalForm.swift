import SymbolicCore
import SymbolicLaTeX

/// The normal form of a matrix expression as a non-commutative polynomial: a sum of words with
/// rational coefficients, each word a product of letters (a named matrix, transposed or not, or
/// an opaque operand such as `tanh(W x)`), the empty word the identity.
///
/// Products are associative and distribute over sums; a transpose reverses a word and transposes
/// each letter (`(AB)ᵀ = BᵀAᵀ`, `(Aᵀ)ᵀ = A`); a word whose value is 1 × 1 equals its transpose,
/// and is written as the smaller of the two (`xᵀAx = xᵀAᵀx`). The inverse of a word of square
/// letters reverses it and inverts each letter, and a letter next to its inverse cancels
/// (`A A⁻¹ = I`: both sides are defined only where A is invertible). A trace is a scalar letter
/// named by the smallest rotation of its word or of the word's transpose (`tr(ABC) = tr(CAB)`). Each rule holds for matrices of
/// every size, so two expressions with the same normal form are equal at every size: a proof.
/// Different forms prove nothing (opaque letters are not independent), so refutation needs a point.
public struct MatrixNormalForm: Hashable, Sendable {
    /// One factor of a word.
    public struct Letter: Hashable, Comparable, Sendable {
        /// The name, or an opaque operand's printed form.
        let key: String
        let transposed: Bool
        var inverted = false
        /// The letter's own shape (after its transpose), printed.
        let rows: String
        let columns: String
        /// For the inverse of a word that is no product of square letters (`(XᵀX)⁻¹`): that word
        /// (as transposed with the letter), which cancels the letter beside it.
        var inner: [Letter]? = nil
        /// For the inverse of `αI + βW` (W a word): α, β and W, which give `W Z = Z W = (I - αZ)/β`.
        var affine: Affine? = nil

        struct Affine: Hashable, Sendable {
            let alpha: Rational
            let beta: Rational
            let word: [Letter]
        }

        var transpose: Letter {
            if let a = affine {
                let t = MatrixNormalForm.transposed(a.word)
                if t == a.word { return self }
                return Letter(key: key, transposed: !transposed, inverted: inverted, rows: columns, columns: rows,
                              affine: Affine(alpha: a.alpha, beta: a.beta, word: t))
            }
            guard let inner else { return Letter(key: key, transposed: !transposed, inverted: inverted, rows: columns, columns: rows) }
            // (W⁻¹)ᵀ = (Wᵀ)⁻¹; the inverse of a symmetric word (XᵀX) is its own transpose.
            let t = MatrixNormalForm.transposed(inner)
            if t == inner { return self }
            return Letter(key: key, transposed: !transposed, inverted: inverted, rows: columns, columns: rows, inner: t)
        }
        var inverse: Letter { Letter(key: key, transposed: transposed, inverted: !inverted, rows: rows, columns: columns) }
        var isSquare: Bool { rows == columns }

        public static func < (a: Letter, b: Letter) -> Bool {
            (a.key, a.transposed ? 1 : 0, a.inverted ? 1 : 0, a.rows, a.columns) < (b.key, b.transposed ? 1 : 0, b.inverted ? 1 : 0, b.rows, b.columns)
        }

        var description: String { key + (transposed ? "ᵀ" : "") + (inverted ? "⁻¹" : "") }
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

    /// The word with each letter next to its own inverse removed (`A A⁻¹`, `A⁻¹ A`), and the
    /// inverse of a word next to that word (`(XᵀX)⁻¹ XᵀX`, `XᵀX (XᵀX)⁻¹`).
    static func cancelled(_ w: [Letter]) -> [Letter] {
        var out: [Letter] = []
        for l in w {
            if let last = out.last, last.isSquare, last == l.inverse { out.removeLast(); continue }
            out.append(l)
            // The word just completed after its inverse, or the inverse just placed after its word.
            for j in out.indices.reversed() where out[j].inner != nil {
                let inner = out[j].inner!
                if j + 1 + inner.count == out.count, Array(out[(j + 1)...]) == inner { out.removeSubrange(j...); break }
                if j == out.count - 1, j >= inner.count, Array(out[(j - inner.count)..<j]) == inner { out.removeSubrange((j - inner.count)...); break }
                if j + 1 + inner.count < out.count { break }
            }
        }
        return out
    }

    /// The smallest rotation of `w` or of its transpose: the name of `tr(w)`.
    static func traceKey(_ w: [Letter]) -> String {
        var best: [Letter]? = nil
        for v in [w, transposed(w)] {
            for k in 0..<max(1, v.count) {
                let r = Array(v[k...] + v[..<k])
                if best == nil || r.lexicographicallyPrecedes(best!) { best = r }
            }
        }
        return "tr:" + (best ?? []).map(\.description).joined(separator: "·")
    }

    /// The polynomial with every `W Z` and `Z W` of an affine inverse Z = (αI + βW)⁻¹ rewritten
    /// to `(I - αZ)/β` (each rewrite shortens a word, so this ends); nil past `maximumTerms`.
    static func reducedAffine(_ p: [[Letter]: Rational], scalar: Bool) -> [[Letter]: Rational]? {
        guard p.keys.contains(where: { $0.contains { $0.affine != nil } }) else { return p }
        var current = p
        var changed = true
        var rounds = 0
        while changed {
            changed = false
            rounds += 1
            guard rounds <= maximumTerms else { return nil }
            var next: [[Letter]: Rational] = [:]
            for (w, c) in current {
                guard let (start, end, z) = affineSite(w), let a = z.affine, let inv = a.beta.inverse else { add(&next, w, c); continue }
                let u = Array(w[..<start]), v = Array(w[end...])
                add(&next, canonical(cancelled(u + v), scalar: scalar), c * inv)
                add(&next, canonical(cancelled(u + [z] + v), scalar: scalar), -(c * a.alpha * inv))
                changed = true
            }
            guard next.count <= maximumTerms else { return nil }
            current = next
        }
        return current
    }

    /// The first `W Z` or `Z W` in `w`: its range and Z.
    private static func affineSite(_ w: [Letter]) -> (Int, Int, Letter)? {
        for (j, z) in w.enumerated() {
            guard let a = z.affine else { continue }
            let n = a.word.count
            if j >= n, Array(w[(j - n)..<j]) == a.word { return (j - n, j + 1, z) }
            if j + 1 + n <= w.count, Array(w[(j + 1)..<(j + 1 + n)]) == a.word { return (j, j + 1 + n, z) }
        }
        return nil
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
                        for (wb, cb) in fb { add(&out, canonical(cancelled(wa + wb), scalar: scalar), ca * cb) }
                    }
                    guard let reduced = reducedAffine(out, scalar: scalar) else { return nil }
                    out = reduced
                case is Inverse:
                    // One word of square letters: reversed and inverted. Anything else stays whole.
                    guard let f = visit(xs[0]) else { return nil }
                    if f.count == 1, let (w, c) = f.first, let ci = c.inverse, w.allSatisfy(\.isSquare) {
                        out[canonical(w.reversed().map(\.inverse), scalar: scalar)] = ci
                    } else if f.count == 1, let (w, c) = f.first, let ci = c.inverse, !w.isEmpty {
                        var l = letter("inv:" + w.map(\.description).joined(separator: "·"), e.shape)
                        l.inner = w
                        out[[l]] = ci
                    } else if f.count == 2, let alpha = f[[]], let (w, beta) = f.first(where: { !$0.key.isEmpty }) {
                        // (αI + βW)⁻¹: a letter Z with W Z = Z W = (I - αZ)/β.
                        var l = letter("inv:\(alpha)+\(beta)" + w.map(\.description).joined(separator: "·"), e.shape)
                        l.affine = Letter.Affine(alpha: alpha, beta: beta, word: w)
                        out[[l]] = .one
                    } else {
                        out[[letter("inv:" + ShapedPrinter.string(xs[0], .plain), e.shape)]] = .one
                    }
                case is Trace:
                    guard let f = visit(xs[0]) else { return nil }
                    let n = PlainPrinter.string(xs[0].shape.rows)
                    for (w, c) in f {
                        add(&out, [letter(w.isEmpty ? "tr:I:" + n : traceKey(w), .scalar)], c)
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
