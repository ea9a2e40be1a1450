import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// What the statement reader recognises around the relations themselves: relations beside an
/// alignment `&`, remarks that a statement holds for every value, and functions a document defines.
extension StatementReader {
    /// A relation or an arrow (what an alignment `&` stands beside).
    static func isRelation(_ t: LaTeXToken) -> Bool {
        switch t.kind {
        case .symbol("="), .symbol("<"), .symbol(">"): return true
        case .command(let c): return relationCommands[c] != nil || arrowCommands.contains(c)
        default: return false
        }
    }

    /// Letters that `statements` define as functions: `q(x) = 3x^2 + 1`, `p(s, t) = s t` — a
    /// letter not among `LaTeXReader.functionLetters` written right before `(` and distinct single
    /// letters, a right side that uses a parameter and not the letter itself.
    public static func declaredFunctions(_ statements: [Statement]) -> Set<Character> {
        var out = Set<Character>()
        for s in statements where s.relations.first == .equal && s.items.count >= 2 && !s.continuesPrevious {
            let lhs = s.items[0].tokens
            guard lhs.count >= 4, case .letter(let f) = lhs[0].kind, !LaTeXReader.functionLetters.contains(f), !"eid".contains(f),
                  lhs[1].kind == .symbol("("), !lhs[1].spaceBefore, lhs.last!.kind == .symbol(")") else { continue }
            var parameters = Set<Character>()
            var ok = true
            for (k, t) in lhs.dropFirst(2).dropLast().enumerated() {
                if k % 2 == 0, case .letter(let p) = t.kind, p != f, parameters.insert(p).inserted { continue }
                if k % 2 == 1, t.kind == .symbol(",") { continue }
                ok = false
            }
            let rhs = s.items[1].tokens
            guard ok, lhs.count % 2 == 0, !rhs.contains(where: { $0.kind == .letter(f) }),
                  rhs.contains(where: { if case .letter(let p) = $0.kind { return parameters.contains(p) }; return false }) else { continue }
            out.insert(f)
        }
        return out
    }

    /// A segment that says the statement before it holds for every value (`\text{for all } u`,
    /// `\forall x`): no condition, so the statement is checked as it stands.
    static func isUniversalRemark(_ ts: [LaTeXToken]) -> Bool {
        guard let first = ts.first else { return false }
        if first.kind == .command("forall") { return topLevelRelation(in: ts) == nil || ts.count <= 3 }
        guard ts.count >= 3, first.kind == .command("text") || first.kind == .command("mathrm"), ts[1].kind == .symbol("{"),
              let close = matchingBrace(ts, 1) else { return false }
        let word = LaTeXReader.text(Array(ts[2..<close])).trimmingCharacters().lowercased()
        let universal = ["for all", "for every", "for any", "for each", "برای هر", "به ازای هر"].contains { word == $0 || word.hasPrefix($0 + " ") }
        // `\text{for all } x > 0` restricts the names: that is a condition, not a remark.
        return universal && topLevelRelation(in: Array(ts[(close + 1)...])) == nil
    }

    /// The index of the first relation outside any group, or nil.
    static func topLevelRelation(in ts: [LaTeXToken]) -> Int? {
        var depth = 0
        for (k, t) in ts.enumerated() {
            if depth == 0 && isRelation(t) { return k }
            depth += nesting(t)
        }
        return nil
    }
}
