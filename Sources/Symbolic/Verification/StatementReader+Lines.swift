import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Lines of a block: display wrappers removed, rows split at `\\`, and a `cases` brace of
/// polynomial equations read as one system.
extension StatementReader {
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
}
