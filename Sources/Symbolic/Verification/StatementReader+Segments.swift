import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Segments of a line: separators and arrows, labels and conditions, and the token scans
/// (braces, nesting, top-level search) the splitting uses.
extension StatementReader {
    /// A segment that states a condition: `\text{if } x > 0`, `\text{otherwise}`, `\text{for } t > 1`.
    static func isCondition(_ ts: [LaTeXToken]) -> Bool {
        guard ts.count >= 3, ts[0].kind == .command("text") || ts[0].kind == .command("mathrm"), ts[1].kind == .symbol("{"),
              let close = matchingBrace(ts, 1) else { return false }
        let word = LaTeXReader.text(Array(ts[2..<close])).trimmingCharacters().lowercased()
        // `\text{for forget gate: }` labels what follows; it is no condition.
        if word.hasSuffix(":") { return false }
        return ["if", "otherwise", "when", "for", "where", "else", "اگر", "وقتی"].contains { word == $0 || word.hasPrefix($0 + " ") }
    }

    /// +1 for openers, -1 for closers.
    static func nesting(_ t: LaTeXToken) -> Int { t.nesting }

    /// Splits a line at separators and arrows; each segment says whether an arrow follows it.
    static let backwardArrows: Set<String> = ["leftarrow", "Leftarrow", "because"]

    static func splitSegments(_ ts: [LaTeXToken]) -> [([LaTeXToken], String?)] {
        var out: [([LaTeXToken], String?)] = []
        var current: [LaTeXToken] = []
        var depth = 0
        var i = 0
        // `\{1, 2\}` is a set: its commas separate elements, not statements (`\left\{` of a
        // piecewise definition is counted by `\left` already).
        var setDepth = 0
        while i < ts.count {
            let t = ts[i]
            let before = depth + setDepth
            depth += nesting(t)
            let afterSize = i > 0 && (ts[i - 1].kind == .command("left") || ts[i - 1].kind == .command("right"))
            if t.kind == .command("{") && !afterSize { setDepth += 1 }
            if t.kind == .command("}") && !afterSize && setDepth > 0 { setDepth -= 1 }
            if before == 0, let (word, close) = connectiveWord(ts, at: i) {
                // `\text{ is }`, `\text{, so }`: words between two statements, never letters.
                out.append((current, StatementReader.consequenceConnectives.contains(word) ? "therefore" : nil))
                current = []
                depth = 0
                i = close + 1
                continue
            }
            if before == 0 {
                var arrow: String? = nil, isSeparator = false
                switch t.kind {
                case .command(let c) where backwardArrows.contains(c): isSeparator = true; current.append(LaTeXToken(kind: .command("because"), line: t.line, column: t.column, spaceBefore: true))
                case .command(let c) where arrowCommands.contains(c): arrow = c
                case .command("quad"), .command("qquad"), .symbol(";"): isSeparator = true
                case .symbol(","): isSeparator = true
                default: break
                }
                if arrow != nil || isSeparator {
                    out.append((current, arrow))
                    current = []
                    i += 1
                    // \xrightarrow[below]{above}: skip its labels.
                    if case .command("xrightarrow") = t.kind {
                        while i < ts.count, ts[i].kind == .symbol("[") || ts[i].kind == .symbol("{") {
                            let close: LaTeXToken.Kind = ts[i].kind == .symbol("[") ? .symbol("]") : .symbol("}")
                            var d = 0
                            repeat {
                                if ts[i].kind == .symbol("{") || ts[i].kind == .symbol("[") { d += 1 }
                                if ts[i].kind == close || (ts[i].kind == .symbol("}") && close == .symbol("]")) { d -= 1 }
                                i += 1
                            } while i < ts.count && d > 0
                        }
                    }
                    continue
                }
            }
            current.append(t)
            i += 1
        }
        out.append((current, nil))
        return out.filter { !$0.0.isEmpty }
    }

    /// Words in `\text{…}` that join two statements: the consequences are read as `\therefore`,
    /// the rest separate (`f(x) = \sigma(x) \text{ is } f'(x) = …`, `\text{ where } h = …`).
    static let consequenceConnectives: Set<String> = ["so", "hence", "thus", "therefore", "then", "which gives", "this gives", "gives",
                                                      "we get", "we obtain", "and so", "پس", "بنابراین", "در نتیجه"]
    static let separatingConnectives: Set<String> = ["is", "are", "i.e.", "ie", "that is", "where", "with", "here", "equivalently",
                                                     "or equivalently", "یعنی", "که", "که در آن", "است"]

    /// The connective word of a `\text{…}` group at `i` and the index of its closing brace, when
    /// the group holds nothing but such a word.
    static func connectiveWord(_ ts: [LaTeXToken], at i: Int) -> (String, Int)? {
        guard i + 1 < ts.count, case .command(let c) = ts[i].kind, ["text", "textrm", "mathrm", "textnormal", "mbox"].contains(c),
              ts[i + 1].kind == .symbol("{"), let close = matchingBrace(ts, i + 1) else { return nil }
        var word = LaTeXReader.text(Array(ts[(i + 2)..<close])).lowercased()
        word = word.trimmingCharacters()
        while let f = word.first, ",;:".contains(f) { word.removeFirst(); word = word.trimmingCharacters() }
        while let l = word.last, ",;:".contains(l) { word.removeLast(); word = word.trimmingCharacters() }
        let collapsed = word.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard consequenceConnectives.contains(collapsed) || separatingConnectives.contains(collapsed) else { return nil }
        return (collapsed, close)
    }

    /// Drops `\text{label}:` and `label:` prefixes, `: \text{label}` suffixes, `\text{Label: }` and a final period.
    static func dropLabels(_ tokens: [LaTeXToken]) -> [LaTeXToken] {
        var ts = tokens[...]
        while let last = ts.last, last.kind == .symbol(".") || last.kind == .symbol(",") { ts.removeLast() }
        // One leading label after another, on a slice: no copies, no recursion.
        while true {
            let s = ts.startIndex
            // `\text{Layer 1: }` at the start.
            if ts.count >= 3, ts[s].kind == .command("text") || ts[s].kind == .command("textbf"), ts[s + 1].kind == .symbol("{") {
                if let close = matchingBrace(ts, s + 1), LaTeXReader.text(Array(ts[(s + 2)..<close])).trimmingCharacters().hasSuffix(":") {
                    ts = ts[(close + 1)...]
                }
            }
            // `\text{the area } A = 6`: words naming what follows (they end in a space and no
            // argument follows them) before a relation. A label ending in a colon is the colon's.
            let w = ts.startIndex
            if ts.count >= 4, topLevelIndex(of: .symbol(":"), in: ts) == nil, ts[w].kind == .command("text"), ts[w + 1].kind == .symbol("{"), let close = matchingBrace(ts, w + 1),
               close + 1 < ts.endIndex, !isRelation(ts[close + 1]), ts[close + 1].kind != .symbol("("), ts[close + 1].kind != .command("left"),
               ts[close].spaceBefore, !LaTeXReader.text(Array(ts[(w + 2)..<close])).trimmingCharacters().isEmpty,
               let relation = topLevelRelation(in: Array(ts[(close + 1)...])),
               !ts[(close + 1)..<(close + 1 + relation)].contains(where: { $0.kind == .command("text") }) {
                ts = ts[(close + 1)...]
                continue
            }
            guard let colon = topLevelIndex(of: .symbol(":"), in: ts) else { return Array(ts) }
            let before = Array(ts[..<colon]), after = ts[(colon + 1)...]
            if isLabel(before) { ts = after; continue }
            if isLabel(Array(after)) { return before }
            return Array(ts)
        }
    }

    /// A label: some `\text{…}` or prose, and no relation (`\text{Loss at } \langle t \rangle`,
    /// `\text{From the } \bar{y} \text{ side}`). A colon after a relation is not a label's
    /// (`\forall n \neq m: …`).
    static func isLabel(_ ts: [LaTeXToken]) -> Bool {
        if ts.isEmpty { return true }
        var depth = 0, sawText = false
        for t in ts {
            let before = depth
            depth += nesting(t)
            switch t.kind {
            case .command(let c) where ["text", "textbf", "mathrm", "textit", "quad", "qquad"].contains(c): sawText = true
            case .prose: sawText = true
            case .symbol("="), .symbol("<"), .symbol(">"): if before == 0 { return false }
            case .command(let c) where relationCommands[c] != nil || arrowCommands.contains(c) || c == "forall" || c == "exists":
                if before == 0 { return false }
            default: break
            }
        }
        return sawText
    }

    static func matchingBrace<C: RandomAccessCollection>(_ ts: C, _ open: Int) -> Int? where C.Element == LaTeXToken, C.Index == Int {
        var d = 0
        for k in open..<ts.endIndex {
            if ts[k].kind == .symbol("{") { d += 1 }
            if ts[k].kind == .symbol("}") { d -= 1; if d == 0 { return k } }
        }
        return nil
    }

    static func topLevelIndex<C: RandomAccessCollection>(of kind: LaTeXToken.Kind, in ts: C) -> Int? where C.Element == LaTeXToken, C.Index == Int {
        var depth = 0
        for k in ts.indices {
            let t = ts[k]
            if depth == 0 && t.kind == kind { return k }
            depth += nesting(t)
        }
        return nil
    }
}
