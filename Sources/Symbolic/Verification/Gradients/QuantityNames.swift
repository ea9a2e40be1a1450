import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// The spellings under which documents write a model's quantities and gradients, normalised so
/// that `a^{<t-1>}`, `a^{(t-1)}`, `a^{\langle t-1 \rangle}` and `a_{prev}` are one key, and the
/// current step may be left out (`\Gamma_o^{<t>}` is also `\Gamma_o`).
public struct QuantityNames: Sendable {
    /// Normalised spelling -> the quantity as a leaf of its shape.
    private(set) var leaves: [String: ShapedExpression] = [:]
    /// The longest key, in tokens, that a lookup tries.
    static let maximumTokens = 24

    public init() {}

    /// Adds a spelling; an earlier spelling of the same key wins (declarations before aliases).
    mutating func add(latex: String, _ leaf: ShapedExpression) {
        let k = QuantityNames.key(LaTeXLexer.tokens(latex)[...])
        if leaves[k] == nil { leaves[k] = leaf }
    }

    mutating func add(key: String, _ leaf: ShapedExpression) {
        if leaves[key] == nil { leaves[key] = leaf }
    }

    func leaf(key: String) -> ShapedExpression? { leaves[key] }

    /// The quantity spelled by exactly these tokens.
    func leaf(_ ts: ArraySlice<LaTeXToken>) -> ShapedExpression? { leaves[QuantityNames.key(ts)] }

    static let ignored: Set<String> = [
        "left", "right", "mathbf", "boldsymbol", "bm", "mathrm", "mathit", "vec", "displaystyle",
        ",", ";", "!", " ", "quad", "qquad",
    ]

    /// The normalised spelling of a token run: braces and font commands dropped, the time-step
    /// superscripts `(t)`, `\langle t \rangle` read as `<t>`, the current step dropped and the
    /// previous and next steps written `_prev`, `_next`.
    static func key(_ ts: ArraySlice<LaTeXToken>) -> String {
        var s = ""
        for t in ts {
            switch t.kind {
            case .command(let c):
                if ignored.contains(c) { continue }
                if c == "langle" { s += "<" } else if c == "rangle" { s += ">" } else { s += "\\" + c + " " }
            case .letter(let l): s.append(l)
            case .number(let r): s += r.description
            case .symbol(let c): if c != "{" && c != "}" { s.append(c) }
            case .prose(let p): s += p
            }
        }
        s.removeAll { $0 == " " }
        guard s.contains("^") else { return s }
        // `^(t-1)` is a time step like `^<t-1>`.
        var out = ""
        var chars = Array(s)[...]
        while let c = chars.first {
            if c == "^", chars.dropFirst().first == "(", chars.dropFirst(2).first == "t",
               let close = chars.firstIndex(of: ")") {
                out += "^<" + String(chars[(chars.startIndex + 2)..<close]) + ">"
                chars = chars[(close + 1)...]
                continue
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        for (from, to) in [("^<t>", ""), ("^<t-1>", "_prev"), ("^<t+1>", "_next")] where out.contains(from) {
            out = out.replacingOccurrences(of: from, with: to)
        }
        return out
    }
}
