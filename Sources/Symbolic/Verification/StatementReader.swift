import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
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
        // Braces that do not pair up leave nothing readable: the block is one unreadable statement
        // naming the brace and its column (it was dropped as "no relation to check").
        if let unpaired = unpairedBrace(tokens) {
            let e = ReaderError(unpaired.kind == .symbol("{") ? "a { that is never closed (column \(unpaired.column))" : "a } that closes nothing (column \(unpaired.column))",
                                line: unpaired.line, column: unpaired.column)
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
                    // `\text{if } e^{x} \gg N`: the premise of an approximation is shown, not dropped,
                    // so a wrong one can be seen (its ≫ is not decided).
                    if let much = segment.first(where: { $0.kind == .command("gg") || $0.kind == .command("ll") }) {
                        let first = segment[0], last = segment[segment.count - 1]
                        let latex = first.start < last.end && last.end <= chars.count ? String(chars[first.start..<last.end]) : LaTeXReader.text(segment)
                        let e = ReaderError("a condition with \\\(much.kind == .command("gg") ? "gg" : "ll") (much greater or much less: the premise of an approximation, not decided)",
                                            line: much.line, column: much.column)
                        var s = Statement(items: [ChainItem(value: .failure(e), latex: latex.trimmingCharacters(), line: much.line, column: much.column, isProse: false)], relations: [])
                        s.failure = e
                        out.append(s)
                    }
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

    /// The first `}` with no `{` before it, or the first `{` never closed; nil when they pair up.
    static func unpairedBrace(_ tokens: [LaTeXToken]) -> LaTeXToken? {
        var open: [LaTeXToken] = []
        for t in tokens {
            if t.kind == .symbol("{") { open.append(t) } else if t.kind == .symbol("}") {
                if open.isEmpty { return t }
                open.removeLast()
            }
        }
        return open.first
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
