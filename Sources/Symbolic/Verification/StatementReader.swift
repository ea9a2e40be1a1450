/// Splits the math of a block into statements: lines (`\\`), separators (`\quad`, top-level
/// commas, semicolons), arrows (`\Rightarrow`, `\rightarrow`) and relation chains, then reads
/// each item with `LaTeXReader`. Labels (`\text{Total}:`) are dropped.
public struct StatementReader {
    static let relationCommands: [String: Relation] = [
        "leq": .lessOrEqual, "le": .lessOrEqual, "geq": .greaterOrEqual, "ge": .greaterOrEqual,
        "neq": .notEqual, "ne": .notEqual, "approx": .approximately, "simeq": .approximately,
        "in": .member, "sim": .distributed, "equiv": .equivalent, "propto": .proportional,
    ]
    static let arrowCommands: Set<String> = [
        "Rightarrow", "rightarrow", "to", "implies", "Longrightarrow", "longrightarrow",
        "Leftrightarrow", "iff", "therefore", "xrightarrow", "mapsto",
    ]
    /// Environments whose rows are the block's lines (their `\\begin`/`\\end` are dropped). The
    /// display environments appear here when written inside `$$…$$` or `\\[…\\]`.
    static let wrapperEnvironments: Set<String> = [
        "aligned", "split", "gathered", "cases", "alignedat", "array", "multlined",
        "align", "align*", "gather", "gather*", "eqnarray", "eqnarray*", "multline", "multline*",
        "equation", "equation*", "flalign", "flalign*", "alignat", "alignat*", "displaymath", "math",
    ]
    /// Wrappers with one braced argument after `\\begin{…}` (columns, or a number of columns).
    static let wrappersWithArgument: Set<String> = ["array", "alignat", "alignat*", "alignedat"]

    /// The statements of one block of LaTeX whose first character is at `line`, `column` of the file,
    /// with the author's `macros` expanded (and the block's own definitions recorded and dropped).
    public static func statements(_ latex: String, line: Int, column: Int, macros: LaTeXMacros = LaTeXMacros(),
                                  functions: Set<Character> = []) -> [Statement] {
        let chars = Array(latex)
        var macros = macros
        let tokens: [LaTeXToken]
        switch macros.expand(LaTeXLexer.tokens(latex, line: line, column: column)) {
        case .success(let expanded): tokens = expanded
        case .failure(let e):
            // An expansion past its bounds: the block is one unreadable statement naming the macro.
            var s = Statement(items: [ChainItem(value: .failure(e), latex: latex.trimmingCharacters(), line: line, column: column, isProse: false)], relations: [])
            s.failure = e
            return [s]
        }
        var out: [Statement] = []
        for lineTokens in splitLines(stripWrappers(tokens)) {
            // A line that opens with an arrow (`\Rightarrow x = 0`) follows the line before it.
            var arrowBefore: String? = nil
            if case .command(let c)? = lineTokens.first?.kind, arrowCommands.contains(c) { arrowBefore = c }
            var firstInLine = true
            // After `\quad \text{for all } u, v`, the names listed are no statements.
            var afterQuantifier = false
            let segments = splitSegments(lineTokens)
            for (n, (segment, arrowAfter)) in segments.enumerated() {
                if isUniversalRemark(segment) || (afterQuantifier && topLevelRelation(in: segment) == nil) {
                    afterQuantifier = true
                    arrowBefore = arrowAfter
                    continue
                }
                afterQuantifier = false
                if isCondition(segment) {
                    if let last = out.indices.last { out[last].conditional = true }
                    arrowBefore = arrowAfter
                    continue
                }
                // `claim \leftarrow reason`: the claim holds under what follows it, unless that is
                // only a remark in words (`\leftarrow \text{PCA picks this}`), which is dropped.
                if n > 0, segments[n - 1].0.last?.kind == .command("because"), isLabel(segment), !segment.isEmpty {
                    if let last = out.indices.last { out[last].conditional = false }
                    arrowBefore = arrowAfter
                    continue
                }
                var s = statement(from: dropLabels(segment), chars, functions: functions)
                if s.endsWithBackwardArrow { s.conditional = true }
                s.followsArrow = arrowBefore != nil
                s.arrow = arrowBefore
                s.startsRow = firstInLine
                if !firstInLine { s.continuesPrevious = false }
                if !s.items.isEmpty || s.failure != nil { out.append(s) }
                arrowBefore = arrowAfter
                firstInLine = false
            }
        }
        return out
    }

    /// A segment that states a condition: `\text{if } x > 0`, `\text{otherwise}`, `\text{for } t > 1`.
    static func isCondition(_ ts: [LaTeXToken]) -> Bool {
        guard ts.count >= 3, ts[0].kind == .command("text") || ts[0].kind == .command("mathrm"), ts[1].kind == .symbol("{"),
              let close = matchingBrace(ts, 1) else { return false }
        let word = LaTeXReader.text(Array(ts[2..<close])).trimmingCharacters().lowercased()
        // `\text{for forget gate: }` labels what follows; it is no condition.
        if word.hasSuffix(":") { return false }
        return ["if", "otherwise", "when", "for", "where", "else", "اگر", "وقتی"].contains { word == $0 || word.hasPrefix($0 + " ") }
    }

    /// Removes `\begin{aligned}`…`\end{aligned}` wrappers (keeping their lines) and alignment `&`.
    static func stripWrappers(_ ts: [LaTeXToken]) -> [LaTeXToken] {
        var out: [LaTeXToken] = []
        var i = 0
        var matrixDepth = 0
        // Braces are matched once for the whole block (matching each group by scanning made
        // many unclosed groups take quadratic time). Boxes are unwrapped in place, their closing
        // braces dropped: by recursion, a deep nest of boxes overflowed the stack.
        let braces = LaTeXReader.matchingBraces(ts)
        func close(_ k: Int) -> Int? { braces[k] >= 0 ? braces[k] : nil }
        var droppedClosers = Set<Int>()
        while i < ts.count {
            if droppedClosers.contains(i) { i += 1; continue }
            let t = ts[i]
            if case .command(let c) = t.kind, c == "begin" || c == "end", i + 1 < ts.count, ts[i + 1].kind == .symbol("{") {
                var j = i + 2, name = ""
                // Environment names are short: a long run is no name to look for.
                while j < ts.count, j < i + 66, ts[j].kind != .symbol("}") { name += LaTeXReader.text([ts[j]]); j += 1 }
                if name == "cases" && c == "begin", let prev = out.last, prev.kind == .symbol("=") {
                    // `f = \begin{cases} … \end{cases}`: a definition by cases, read as one opaque value.
                    var depth = 0, k = i
                    while k < ts.count {
                        if ts[k].kind == .command("begin") { depth += 1 }
                        if ts[k].kind == .command("end") { depth -= 1; if depth == 0 { break } }
                        k += 1
                    }
                    i = k + 1
                    if i < ts.count, ts[i].kind == .symbol("{"), let end = close(i) { i = end + 1 }
                    // One token standing for the whole environment, spanning its source text.
                    var piecewise = LaTeXToken(kind: .command("piecewise"), line: t.line, column: t.column, spaceBefore: true)
                    piecewise.start = t.start
                    piecewise.end = ts[min(i, ts.count) - 1].end
                    out.append(piecewise)
                    continue
                }
                if name == "cases" && c == "begin", let (rows, next) = system(ts, from: i) {
                    // A brace of equations on its own is a system: its rows hold together.
                    out += rows
                    i = next
                    continue
                }
                if wrapperEnvironments.contains(name) {
                    i = j + 1
                    if wrappersWithArgument.contains(name), c == "begin", i < ts.count, ts[i].kind == .symbol("{") {
                        while i < ts.count, ts[i].kind != .symbol("}") { i += 1 }
                        i += 1
                    }
                    continue
                }
                matrixDepth += c == "begin" ? 1 : -1
            }
            if t.kind == .symbol("&") && matrixDepth == 0 {
                // `a &= b`, `a =& b`, `a &=& b` (eqnarray), `& = b` and `& &= b` at the start of a
                // row align a relation: drop the `&`. Between two cells (`p &= 1 & q &= 2`, cases)
                // it separates them, and they become separate statements.
                let aligns = i + 1 >= ts.count || isRelation(ts[i + 1]) || ts[i + 1].kind == .symbol("&")
                    || ts[i + 1].kind == .command("\\") || out.last.map { isRelation($0) || $0.kind == .command("\\") } ?? true
                if !aligns { out.append(LaTeXToken(kind: .command("quad"), line: t.line, column: t.column, spaceBefore: true)) }
                i += 1
                continue
            }
            // Annotations that are not math: 	extcircled{A}, 	ag{1}, \label{eq}.
            if case .command(let c) = t.kind, ["textcircled", "tag", "label", "circled"].contains(c) {
                i += 1
                if i < ts.count, ts[i].kind == .symbol("{"), let end = close(i) { i = end + 1 }
                continue
            }
            if case .command(let c) = t.kind, ["nonumber", "notag"].contains(c) { i += 1; continue }
            // \boxed{λ_1 = 1, λ_2 = 4}: the box is decoration; its relations are the statement's.
            if case .command("boxed") = t.kind, i + 1 < ts.count, ts[i + 1].kind == .symbol("{"), let end = close(i + 1) {
                droppedClosers.insert(end)
                i += 2
                continue
            }
            out.append(t)
            i += 1
        }
        return out
    }

    /// Splits at top-level `\\`.
    static func splitLines(_ ts: [LaTeXToken]) -> [[LaTeXToken]] {
        var lines: [[LaTeXToken]] = [[]]
        var depth = 0
        for t in ts {
            depth += nesting(t)
            if depth == 0, t.kind == .command("\\") { lines.append([]); continue }
            lines[lines.count - 1].append(t)
        }
        return lines.filter { !$0.isEmpty }
    }

    /// `\begin{cases} 2x + y = 5 \\ x - y = 1 \end{cases}` standing alone (no `&` conditions): the
    /// rows joined by `\text{ and }`, and the index after `\end{cases}`; nil for other cases.
    static func system(_ ts: [LaTeXToken], from begin: Int) -> ([LaTeXToken], Int)? {
        var k = begin + 1
        while k < ts.count, ts[k].kind != .symbol("}") { k += 1 }
        var depth = 0, rows: [LaTeXToken] = [], current: [LaTeXToken] = [], written: [[LaTeXToken]] = []
        k += 1
        while k < ts.count {
            let t = ts[k]
            if t.kind == .command("begin") { return nil }
            if t.kind == .command("end") {
                var j = k + 1
                while j < ts.count, ts[j].kind != .symbol("}") { j += 1 }
                guard depth == 0, isPolynomialSystem(written + [current]) else { return nil }
                return (rows + current, j + 1)
            }
            depth += nesting(t)
            if t.kind == .symbol("&") { return nil }
            if depth == 0 && t.kind == .command("\\") {
                rows += current
                written.append(current)
                current = []
                rows += LaTeXLexer.tokens("\\text{ and }", line: t.line, column: t.column).map { u in
                    var v = LaTeXToken(kind: u.kind, line: t.line, column: t.column, spaceBefore: u.spaceBefore || u.kind == .command("text"))
                    (v.start, v.end) = (t.start, t.end)
                    return v
                }
            } else {
                current.append(t)
            }
            k += 1
        }
        return nil
    }

    /// Rows that are polynomial equations `p = q` in two or more names, not all of them
    /// definitions `name = …` (a brace of definitions, such as a cell's forward equations, is no
    /// system to solve).
    private static func isPolynomialSystem(_ rows: [[LaTeXToken]]) -> Bool {
        var names = Set<Symbol>(), definitions = 0
        for row in rows {
            let equals = row.indices.filter { row[$0].kind == .symbol("=") }
            guard equals.count == 1, !row.contains(where: { t in
                if case .command(let c) = t.kind { return relationCommands[c] != nil || c == "text" || c == "mathrm" }
                return t.kind == .symbol("<") || t.kind == .symbol(">")
            }) else { return false }
            var sides: [Expression] = []
            for part in [Array(row[..<equals[0]]), Array(row[(equals[0] + 1)...])] {
                var reader = LaTeXReader(tokens: part)
                guard case .scalar(let e)? = try? reader.readWhole(), e.isPolynomialInNames else { return false }
                sides.append(e)
            }
            if case .symbol = sides[0].kind { definitions += 1 }
            names.formUnion(sides[0].freeSymbols + sides[1].freeSymbols)
        }
        return names.count >= 2 && definitions < rows.count
    }

    /// +1 for openers, -1 for closers.
    static func nesting(_ t: LaTeXToken) -> Int {
        switch t.kind {
        case .symbol("{"), .symbol("("), .symbol("["), .command("left"), .command("begin"): return 1
        case .symbol("}"), .symbol(")"), .symbol("]"), .command("right"), .command("end"): return -1
        default: return 0
        }
    }

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

    /// Splits a segment at top-level relations and reads each item.
    static func statement(from ts: [LaTeXToken], _ chars: [Character], functions: Set<Character> = []) -> Statement {
        var s = Statement(items: [], relations: [])
        var ts = ts
        if ts.last?.kind == .command("because") {
            ts.removeLast()
            s.endsWithBackwardArrow = true
        }
        var groups: [[LaTeXToken]] = [[]]
        var depth = 0
        for t in ts {
            let before = depth
            depth += nesting(t)
            if before == 0 {
                var relation: Relation? = nil
                switch t.kind {
                case .symbol("="): relation = .equal
                case .symbol("<"): relation = .less
                case .symbol(">"): relation = .greater
                case .command(let c): relation = relationCommands[c]
                default: break
                }
                if let r = relation {
                    s.relations.append(r)
                    groups.append([])
                    continue
                }
            }
            groups[groups.count - 1].append(t)
        }
        if groups[0].isEmpty && !s.relations.isEmpty {
            s.continuesPrevious = true
        }
        if let first = groups.first?.first, groups[0].count > 0 {
            switch first.kind {
            case .symbol("+"), .symbol("*"): s.leadingOperator = first.kind == .symbol("+") ? "+" : "*"
            case .command("times"), .command("cdot"): s.leadingOperator = "*"
            default: break
            }
            if s.leadingOperator != nil { groups[0].removeFirst() }
        }
        for (k, g) in groups.enumerated() {
            if k == 0 && s.continuesPrevious { continue }
            s.items.append(item(g, chars, functions: functions))
        }
        if s.continuesPrevious {
            // Placeholder first item, replaced by the previous chain's last item by the verifier.
            s.items.insert(ChainItem(value: .failure(ReaderError("a relation with nothing before it", line: ts.first?.line ?? 0, column: ts.first?.column ?? 0)), latex: "", line: 0, column: 0, isProse: false), at: 0)
        }
        return s
    }

    static func item(_ g: [LaTeXToken], _ chars: [Character], functions: Set<Character> = []) -> ChainItem {
        guard let first = g.first, let last = g.last else {
            return ChainItem(value: .failure(ReaderError("a relation with nothing after it", line: 0, column: 0)), latex: "", line: 0, column: 0, isProse: false)
        }
        let latex = first.start < last.end && last.end <= chars.count
            ? String(chars[first.start..<last.end]).trimmingCharacters() : LaTeXReader.text(g)
        let prose = g.contains { if case .prose = $0.kind { return true }; return false }
            && g.allSatisfy {
                switch $0.kind {
                case .prose, .letter: return true
                case .command(let c): return ["text", "textbf", "mathrm"].contains(c) || LaTeXReader.spacing.contains(c)
                case .symbol(let c): return c == "{" || c == "}" || c == "(" || c == ")"
                default: return false
                }
            }
        var reader = LaTeXReader(tokens: g)
        reader.functionNames = functions
        let value: Result<MathValue, ReaderError>
        do { value = .success(try reader.readWhole()) } catch { value = .failure(error) }
        var item = ChainItem(value: value, latex: latex, line: first.line, column: first.column, isProse: prose)
        item.domain = reader.domain
        item.tokens = g
        item.tupleParts = tupleParts(g)
        item.functionNames = functions
        return item
    }

    /// `( a, b, c )` split at its top-level commas; nil when the tokens are not one parenthesised tuple.
    static func tupleParts(_ g: [LaTeXToken]) -> [[LaTeXToken]]? {
        guard g.count >= 5, g.first!.kind == .symbol("(") || g.first!.kind == .symbol("["),
              g.last!.kind == .symbol(")") || g.last!.kind == .symbol("]") else { return nil }
        var parts: [[LaTeXToken]] = [[]]
        var depth = 0
        for t in g.dropFirst().dropLast() {
            let before = depth
            depth += nesting(t)
            if depth < 0 { return nil }
            if before == 0 && t.kind == .symbol(",") { parts.append([]); continue }
            parts[parts.count - 1].append(t)
        }
        return parts.count >= 2 && parts.allSatisfy({ !$0.isEmpty }) ? parts : nil
    }
}

extension Expression {
    /// A polynomial in its names with rational coefficients (no functions, no division by names).
    var isPolynomialInNames: Bool {
        switch kind {
        case .number, .symbol: return true
        case .add, .mul: return children.allSatisfy { $0.isPolynomialInNames }
        case .power(let b, let e): return b.isPolynomialInNames && (e.rationalValue.map { $0.isInteger && $0.signum >= 0 } ?? false)
        default: return false
        }
    }
}
