import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A line that states its solution set: `x \in \{1, 2\}`, `x \in (1, 4]`, `x \in [2, \infty)`,
/// `x \in (-\infty, 0) \cup \{3\}`, `x \in \emptyset`, `x \in \mathbb{R}`, read as a `Condition`.
///
/// The set is split in its source text before its parts are read, because the lexer reads
/// `1,2` as a decimal comma.
enum SetMembership {
    /// The condition `lhs ∈ set` states; nil when the right side is no set written this way.
    static func condition(_ s: Statement, definitions: Definitions) -> Condition? {
        guard s.relations == [.member], s.items.count == 2, !s.items[0].tokens.isEmpty,
              let (x, domain) = value(s.items[0].latex, definitions), !x.freeSymbols.isEmpty else { return nil }
        var disjuncts: [[Condition.Atom]] = []
        for part in split(s.items[1].latex, at: "\\cup") {
            guard let d = members(part.trimmingCharacters(), x, domain, definitions) else { return nil }
            disjuncts += d
        }
        guard !disjuncts.isEmpty, disjuncts.count <= ConditionReader.maximumCases else { return nil }
        let written = PlainPrinter.string(x) + " in " + s.items[1].latex.trimmingCharacters()
        return Condition(disjuncts: disjuncts, written: (written, MathValue.scalar(x).latex + " \\in " + LaTeXText.verbatim(s.items[1].latex.trimmingCharacters())))
    }

    /// Always false and always true, as relations between numbers.
    private static let nothing = Condition.Atom(lhs: .zero, relation: .equal, rhs: .one, domain: Domain())
    private static let everything = Condition.Atom(lhs: .zero, relation: .equal, rhs: .zero, domain: Domain())

    /// The disjuncts of `x ∈ set` for one set of a union.
    private static func members(_ set: String, _ x: Expression, _ domain: Domain, _ definitions: Definitions) -> [[Condition.Atom]]? {
        let compact = set.filter { !$0.isWhitespace }
        if ["\\emptyset", "\\varnothing", "\\{\\}", "\\left\\{\\right\\}", "\\o"].contains(compact) { return [[nothing]] }
        if ["\\mathbb{R}", "\\mathbbR", "\\R", "(-\\infty,\\infty)", "(-\\infty,+\\infty)"].contains(compact) { return [[everything]] }
        let trimmed = set.trimmingCharacters()
        for (open, close) in [("\\left\\{", "\\right\\}"), ("\\{", "\\}")] where trimmed.hasPrefix(open) && trimmed.hasSuffix(close) {
            var out: [[Condition.Atom]] = []
            for part in split(String(trimmed.dropFirst(open.count).dropLast(close.count)), at: ",") {
                guard let (v, d) = value(part, definitions), v.freeSymbols.isEmpty else { return nil }
                out.append([Condition.Atom(lhs: x, relation: .equal, rhs: v, domain: domain.union(d))])
            }
            return out
        }
        // An interval: `(a, b]`, `[a, b)`, with `\left` and `\right` allowed and ∞ for no bound.
        var body = set.trimmingCharacters()
        for size in ["\\left", "\\right"] { body = body.replacing(size, with: "") }
        body = body.trimmingCharacters()
        guard let first = body.first, let last = body.last, "([".contains(first), ")]".contains(last), body.count >= 2 else { return nil }
        let parts = split(String(body.dropFirst().dropLast()), at: ",")
        guard parts.count == 2 else { return nil }
        var atoms: [Condition.Atom] = []
        let lower = parts[0].filter { !$0.isWhitespace }, upper = parts[1].filter { !$0.isWhitespace }
        if lower != "-\\infty" {
            guard let (a, d) = value(parts[0], definitions), a.freeSymbols.isEmpty else { return nil }
            atoms.append(Condition.Atom(lhs: a, relation: first == "(" ? .less : .lessOrEqual, rhs: x, domain: domain.union(d)))
        }
        if upper != "\\infty" && upper != "+\\infty" {
            guard let (b, d) = value(parts[1], definitions), b.freeSymbols.isEmpty else { return nil }
            atoms.append(Condition.Atom(lhs: x, relation: last == ")" ? .less : .lessOrEqual, rhs: b, domain: domain.union(d)))
        }
        return [atoms.isEmpty ? [everything] : atoms]
    }

    /// A scalar read from source text with its domain, definitions applied.
    private static func value(_ latex: String, _ definitions: Definitions) -> (Expression, Domain)? {
        guard let (v, domain) = try? LaTeXReader.readWithDomain(latex), case .scalar = v, !v.mentionsWords,
              case .scalar(let e) = definitions.resolve(v) else { return nil }
        return (e, definitions.resolve(domain))
    }

    /// The parts of `text` between top-level occurrences of `separator` (outside braces and brackets).
    static func split(_ text: String, at separator: String) -> [String] {
        var parts: [String] = [""]
        var depth = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if depth == 0, text[i...].hasPrefix(separator) {
                parts.append("")
                i = text.index(i, offsetBy: separator.count)
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            parts[parts.count - 1].append(c)
            i = text.index(after: i)
        }
        return parts
    }
}
