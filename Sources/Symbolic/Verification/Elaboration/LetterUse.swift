import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// What a letter's use says it is, when nothing declares it: a letter transposed (`x^T`, `K_h^\top`)
/// is a vector (a small letter) or a matrix (a capital), and so is a capital written next to a
/// matrix in a product (`Q` in `Q K^T`, `W_Q` in `X W_Q`), inside a transposed group (`(AB)^T`) or
/// under a trace or determinant.
///
/// Each such letter gets a shape of its own, rows and columns unknown (`rows(K)` × `cols(K)`, a
/// vector `rows(x)` × 1); `MatrixClaimChecker` unifies them as the claim's products and sums
/// require. A letter used in no such way stays a number.
enum LetterUse {
    /// Commands that decorate a letter and belong to its name (`\tilde{X}`, `\mathbf{x}`).
    static let decorations: Set<String> = ["tilde", "hat", "bar", "vec", "mathbf", "boldsymbol", "bm", "mathcal", "mathit", "overline", "widetilde", "widehat", "dot"]

    /// The number of tokens of a name starting at `k` (a letter or Greek letter, decorated or
    /// not, with a subscript, a bracketed superscript such as `^{(o)}` or `^{<t>}`, a star and
    /// primes), or 0 when no name starts there.
    static func nameLength(_ ts: [LaTeXToken], _ k: Int, end: Int, depth: Int = 0) -> Int {
        guard depth < 4 else { return 0 }
        var j = k
        guard j < end else { return 0 }
        switch ts[j].kind {
        case .letter:
            j += 1
        case .command(let c) where greekLetterNames.contains(c):
            j += 1
        case .command(let c) where decorations.contains(c):
            guard j + 2 < end, ts[j + 1].kind == .symbol("{"), let close = ts.closingBrace(from: j + 1, end: end) else { return 0 }
            let inner = nameLength(ts, j + 2, end: close, depth: depth + 1)
            guard inner > 0, j + 2 + inner == close else { return 0 }
            j = close + 1
        default:
            return 0
        }
        while j < end {
            if ts[j].kind == .symbol("'") { j += 1; continue }
            if ts[j].kind == .symbol("_"), j + 1 < end {
                if ts[j + 1].kind == .symbol("{") {
                    guard let close = ts.closingBrace(from: j + 1, end: end) else { return j - k }
                    j = close + 1
                } else {
                    j += 2
                }
                continue
            }
            if ts[j].kind == .symbol("^"), j + 1 < end {
                if ts[j + 1].kind == .symbol("*") { j += 2; continue }
                if ts[j + 1].kind == .symbol("{"), j + 2 < end, [.symbol("("), .symbol("<"), .symbol("*")].contains(ts[j + 2].kind),
                   let close = ts.closingBrace(from: j + 1, end: end) {
                    j = close + 1
                    continue
                }
            }
            break
        }
        return j - k
    }

    /// The number of tokens of a transpose mark at `k` (`^T`, `^\top`, `^{T}`, `^{\top}`,
    /// `^\intercal`), or 0.
    static func transposeLength(_ ts: [LaTeXToken], _ k: Int, end: Int) -> Int {
        guard k + 1 < end, ts[k].kind == .symbol("^") else { return 0 }
        let marks: [LaTeXToken.Kind] = [.letter("T"), .command("top"), .command("intercal")]
        if marks.contains(ts[k + 1].kind) { return 2 }
        if ts[k + 1].kind == .symbol("{"), k + 3 < end, marks.contains(ts[k + 2].kind), ts[k + 3].kind == .symbol("}") { return 4 }
        // `^{-T}`: the inverse of the transpose.
        if ts[k + 1].kind == .symbol("{"), k + 4 < end, ts[k + 2].kind == .symbol("-"), marks.contains(ts[k + 3].kind), ts[k + 4].kind == .symbol("}") { return 5 }
        return 0
    }


    /// A name as it occurs: its token range and whether a transpose follows it.
    struct Occurrence {
        let range: Range<Int>
        let transposed: Bool
        var key: String
        var isCapital: Bool
    }

    /// Every name in `ts`, left to right.
    static func occurrences(_ ts: [LaTeXToken]) -> [Occurrence] {
        var out: [Occurrence] = []
        var k = 0
        while k < ts.count {
            // Subscripts, bounds and arguments of commands that take a name are not names of their own.
            if ts[k].kind == .symbol("_") || ts[k].kind == .symbol("^") {
                if k + 1 < ts.count, ts[k + 1].kind == .symbol("{"), let close = ts.closingBrace(from: k + 1, end: ts.count) { k = close + 1 } else { k += 2 }
                continue
            }
            if case .command(let c) = ts[k].kind, ["text", "operatorname", "mathrm", "begin", "end", "label"].contains(c) {
                if k + 1 < ts.count, ts[k + 1].kind == .symbol("{"), let close = ts.closingBrace(from: k + 1, end: ts.count) { k = close + 1 } else { k += 1 }
                continue
            }
            let n = nameLength(ts, k, end: ts.count)
            guard n > 0 else { k += 1; continue }
            let t = transposeLength(ts, k + n, end: ts.count) > 0
            out.append(Occurrence(range: k..<(k + n), transposed: t, key: QuantityNames.key(ts[k..<(k + n)]), isCapital: isCapital(ts[k..<(k + n)])))
            k += n
        }
        return out
    }

    /// True when the name's letter is a capital (`W_Q`, `\tilde{X}`, `\Sigma`).
    static func isCapital(_ ts: ArraySlice<LaTeXToken>) -> Bool {
        for t in ts {
            switch t.kind {
            case .letter(let l): return l.isUppercase
            case .command(let c) where greekLetterNames.contains(c): return c.first?.isUppercase == true
            case .command(let c) where decorations.contains(c): continue
            case .symbol("{"): continue
            default: return false
            }
        }
        return false
    }

    /// The keys of the names `ts` uses as matrices or vectors, given the keys the document has
    /// already used so (`known`), with each name's tokens and whether it is a capital.
    static func typed(_ ts: [LaTeXToken], known: Set<String>) -> [String: (tokens: [LaTeXToken], capital: Bool)] {
        let names = occurrences(ts)
        var typed = Set(names.filter { $0.transposed || known.contains($0.key) }.map(\.key))
        guard !typed.isEmpty || containsMatrixOperator(ts) || ts.contains(where: { $0.kind == .command("|") || $0.kind == .command("lVert") }) else { return [:] }
        // Capitals inside a transposed group or under tr, det: matrices.
        var opens: [Int: Int] = [:], closes: [Int: Int] = [:], stack: [Int] = []
        for k in ts.indices {
            if ts[k].kind == .symbol("(") { stack.append(k) }
            if ts[k].kind == .symbol(")"), let o = stack.popLast() { opens[k] = o; closes[o] = k }
        }
        var groups: [Range<Int>] = []
        for (k, o) in opens where transposeLength(ts, k + 1, end: ts.count) > 0 { groups.append(o..<k) }
        for k in ts.indices {
            guard case .command(let c) = ts[k].kind else { continue }
            let word: String
            if c == "det" || c == "tr" { word = c }
            else if ["operatorname", "mathrm", "text"].contains(c), k + 2 < ts.count, ts[k + 1].kind == .symbol("{"),
                    let close = ts.closingBrace(from: k + 1, end: ts.count) {
                word = ts[(k + 2)..<close].map { if case .letter(let l) = $0.kind { return String(l) }; return "" }.joined()
            } else { continue }
            guard ["tr", "trace", "det", "Tr"].contains(word) else { continue }
            // The parenthesised argument after the command.
            var j = k + 1
            if ts.indices.contains(j), ts[j].kind == .symbol("{"), let close = ts.closingBrace(from: j, end: ts.count) { j = close + 1 }
            if ts.indices.contains(j), ts[j].kind == .command("left") { j += 1 }
            // `\det X`: the name right after it.
            if ts.indices.contains(j), ts[j].kind != .symbol("("), nameLength(ts, j, end: ts.count) > 0 {
                groups.append(j..<(j + nameLength(ts, j, end: ts.count)))
                continue
            }
            guard ts.indices.contains(j), ts[j].kind == .symbol("("), let e = closes[j] else { continue }
            groups.append(j..<e)
        }
        // Marks over the tokens covered by a group (a difference array: linear in the tokens).
        var marks = [Int](repeating: 0, count: ts.count + 1)
        for g in groups { marks[g.lowerBound] += 1; marks[g.upperBound] -= 1 }
        for k in 1..<marks.count { marks[k] += marks[k - 1] }
        for o in names where o.isCapital && marks[o.range.lowerBound] > 0 { typed.insert(o.key) }
        // Every letter inside a norm `\| … \|` is a vector or matrix.
        var inside = false
        var normed: [Range<Int>] = []
        var start = 0
        for k in ts.indices {
            guard case .command(let c) = ts[k].kind, ["|", "lVert", "rVert", "Vert"].contains(c) else { continue }
            if inside, c != "lVert" { normed.append(start..<k); inside = false } else if c != "rVert" { inside = true; start = k }
        }
        for o in names where normed.contains(where: { $0.contains(o.range.lowerBound) }) { typed.insert(o.key) }
        // Capitals written next to a matrix (no operator but a product sign between): matrices.
        var changed = true
        while changed {
            changed = false
            for (i, o) in names.enumerated() where o.isCapital && !typed.contains(o.key) {
                let before = i > 0 && typed.contains(names[i - 1].key) && adjacent(ts, names[i - 1], o)
                let after = i + 1 < names.count && typed.contains(names[i + 1].key) && adjacent(ts, o, names[i + 1])
                if before || after { typed.insert(o.key); changed = true }
            }
        }
        var out: [String: (tokens: [LaTeXToken], capital: Bool)] = [:]
        for o in names where typed.contains(o.key) && out[o.key] == nil { out[o.key] = (Array(ts[o.range]), o.isCapital) }
        return out
    }

    /// True when only a transpose, a product sign or spacing lies between the two names.
    private static func adjacent(_ ts: [LaTeXToken], _ a: Occurrence, _ b: Occurrence) -> Bool {
        var k = a.range.upperBound
        k += transposeLength(ts, k, end: ts.count)
        while k < b.range.lowerBound {
            guard case .command(let c) = ts[k].kind, ["cdot", "times", ",", ";", "quad"].contains(c) else { return false }
            k += 1
        }
        return k == b.range.lowerBound
    }

    private static func containsMatrixOperator(_ ts: [LaTeXToken]) -> Bool {
        ts.indices.contains { k in
            if ts[k].kind == .command("det") { return true }
            if ts[k].kind == .command("operatorname") || ts[k].kind == .command("mathrm"), k + 3 < ts.count, ts[k + 2].kind == .letter("t"), ts[k + 3].kind == .letter("r") { return true }
            return ts[k].kind == .symbol(")") && transposeLength(ts, k + 1, end: ts.count) > 0
        }
    }

    /// The declaration of a name typed by its use: a capital `rows(K)` × `cols(K)`, a small
    /// letter a column of `rows(x)`; the dimensions are fresh symbols the checker may unify.
    static func declaration(key: String, tokens: [LaTeXToken], capital: Bool) -> (DocumentModel.Declaration, [Symbol]) {
        let rows = Symbol("rows(\(key))"), columns = Symbol("cols(\(key))")
        let shape = capital ? Shape(Expression(rows), Expression(columns)) : Shape(Expression(rows), .one)
        return (DocumentModel.Declaration(key: key, latex: LaTeXReader.text(tokens), shape: shape), capital ? [rows, columns] : [rows])
    }
}
