import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Reads a statement as a `Condition`: relations joined by `\text{or}`, `\lor`, `\text{and}`,
/// `\land`, chains of inequalities (`1 < x \le 4`, a conjunction), and `\pm`/`\mp` (`x = \pm 2`,
/// two cases). Defined names are replaced by their definitions.
enum ConditionReader {
    /// The most cases a line may expand to (each `\pm` doubles them).
    static let maximumCases = 16

    private enum Connective { case or, and }

    /// Notes on a root's multiplicity written beside it (`x = 1 \text{ (double root)}`), and the
    /// multiplicity each states.
    static let multiplicityNotes: [String: Int] = [
        "double": 2, "double root": 2, "a double root": 2, "twice": 2, "repeated": 2, "repeated root": 2,
        "multiplicity 2": 2, "ریشه مضاعف": 2, "مضاعف": 2, "ریشه دوگانه": 2,
        "triple": 3, "triple root": 3, "multiplicity 3": 3,
    ]

    /// The condition a statement states; nil when it is not one the equation checker reads
    /// (a chain continued from the previous line, a matrix, a relation such as ∼, prose, …).
    static func read(_ s: Statement, definitions: Definitions) -> Condition? {
        if s.relations == [.member], !s.conditional, s.failure == nil, !s.continuesPrevious, s.leadingOperator == nil {
            return SetMembership.condition(s, definitions: definitions)
        }
        guard !s.conditional, s.failure == nil, !s.continuesPrevious, s.leadingOperator == nil,
              !s.relations.isEmpty, s.items.count == s.relations.count + 1,
              s.relations.allSatisfy({ Condition.decidedRelations.contains($0) }),
              s.items.allSatisfy({ !$0.isProse && !$0.tokens.isEmpty }) else { return nil }
        // Chains of item token lists with their relations, separated by connectives.
        var chains: [(items: [[LaTeXToken]], relations: [Relation])] = [([], [])]
        var connectives: [Connective] = []
        var multiplicities: [Int: Int] = [:]
        for (i, item) in s.items.enumerated() {
            let parts = split(item.tokens)
            for (j, part) in parts.enumerated() {
                if j > 0 {
                    connectives.append(part.before!)
                    chains.append(([], []))
                }
                guard !part.tokens.isEmpty else { return nil }
                chains[chains.count - 1].items.append(part.tokens)
                if let m = part.multiplicity { multiplicities[chains.count - 1] = m }
            }
            if i < s.relations.count { chains[chains.count - 1].relations.append(s.relations[i]) }
        }
        // Each chain is a conjunction of its consecutive pairs, possibly in ± cases.
        var chainCases: [[[Condition.Atom]]] = []
        for chain in chains {
            guard chain.items.count >= 2, chain.relations.count == chain.items.count - 1,
                  let cases = atoms(chain.items, chain.relations, definitions) else { return nil }
            chainCases.append(cases)
        }
        // `and` binds tighter than `or`: groups of chains joined by `and`, then or-ed.
        var disjuncts: [[Condition.Atom]] = []
        var group: [[Condition.Atom]] = [[]]
        for (k, cases) in chainCases.enumerated() {
            group = group.flatMap { partial in cases.map { partial + $0 } }
            guard group.count <= maximumCases else { return nil }
            if k == chainCases.count - 1 || connectives[k] == .or {
                disjuncts += group
                group = [[]]
            }
        }
        guard disjuncts.count <= maximumCases else { return nil }
        var condition = Condition(disjuncts: disjuncts)
        // A list of values joined by `or`: the k-th chain is the k-th disjunct.
        if !multiplicities.isEmpty, disjuncts.count == chains.count, connectives.allSatisfy({ $0 == .or }) {
            condition.statedMultiplicities = multiplicities
        }
        return condition
    }

    /// The atoms of one chain, once per ± case (one case when there is no ±).
    private static func atoms(_ items: [[LaTeXToken]], _ relations: [Relation], _ definitions: Definitions) -> [[Condition.Atom]]? {
        let hasSign = items.joined().contains { $0.kind == .command("pm") || $0.kind == .command("mp") }
        var out: [[Condition.Atom]] = []
        for upper in hasSign ? [true, false] : [true] {
            var values: [(Expression, Domain)] = []
            for tokens in items {
                let chosen = tokens.map { t -> LaTeXToken in
                    guard t.kind == .command("pm") || t.kind == .command("mp") else { return t }
                    var sign = LaTeXToken(kind: .symbol((t.kind == .command("pm")) == upper ? "+" : "-"), line: t.line, column: t.column, spaceBefore: t.spaceBefore)
                    (sign.start, sign.end) = (t.start, t.end)
                    return sign
                }
                var reader = LaTeXReader(tokens: chosen)
                guard case .scalar(let e)? = try? reader.readWhole() else { return nil }
                let value = MathValue.scalar(e)
                guard case .scalar(let resolved) = definitions.resolve(value), !value.mentionsWords else { return nil }
                let domain = definitions.resolve(reader.domain).union(definitions.domain(of: value))
                values.append((resolved, domain))
            }
            var conj: [Condition.Atom] = []
            for (k, r) in relations.enumerated() {
                conj.append(Condition.Atom(lhs: values[k].0, relation: r, rhs: values[k + 1].0, domain: values[k].1.union(values[k + 1].1)))
            }
            out.append(conj)
        }
        return out
    }

    /// Splits an item's tokens at top-level connectives: the parts, each with the connective before it.
    private static func split(_ ts: [LaTeXToken]) -> [(tokens: [LaTeXToken], before: Connective?, multiplicity: Int?)] {
        var out: [(tokens: [LaTeXToken], before: Connective?, multiplicity: Int?)] = [([], nil, nil)]
        var depth = 0
        var i = 0
        while i < ts.count {
            let t = ts[i]
            if depth == 0, let (connective, multiplicity, length) = connective(ts, at: i) {
                if let multiplicity { out[out.count - 1].multiplicity = multiplicity }
                if let connective { out.append(([], connective, nil)) }
                i += length
                continue
            }
            depth += StatementReader.nesting(t)
            out[out.count - 1].tokens.append(t)
            i += 1
        }
        return out
    }

    /// The connective at ts[i] and how many tokens it spans: `\lor`, `\vee`, `\land`, `\wedge`,
    /// or a `\text{…}` (`\mathrm`, `\textrm`, `\quad` around it ignored) holding `or`, `and`, `یا`, `و`,
    /// possibly after a note on multiplicity (`\text{ (double root) or }`); a `\text{(double)}` alone
    /// spans tokens with no connective (nil).
    private static func connective(_ ts: [LaTeXToken], at i: Int) -> (Connective?, multiplicity: Int?, Int)? {
        guard case .command(let c) = ts[i].kind else { return nil }
        switch c {
        case "lor", "vee": return (.or, nil, 1)
        case "land", "wedge": return (.and, nil, 1)
        case "text", "mathrm", "textrm", "textnormal", "mbox":
            guard i + 1 < ts.count, ts[i + 1].kind == .symbol("{"),
                  let close = StatementReader.matchingBrace(ts, i + 1) else { return nil }
            var word = LaTeXReader.text(Array(ts[(i + 2)..<close])).trimmingCharacters().lowercased()
            var multiplicity: Int? = nil
            if word.hasPrefix("("), let end = word.firstIndex(of: ")"),
               let m = multiplicityNotes[String(word[word.index(after: word.startIndex)..<end]).trimmingCharacters()] {
                // A note on the root before it: the solution set is the same, the multiplicity is checked apart.
                multiplicity = m
                word = String(word[word.index(after: end)...]).trimmingCharacters()
                if word.isEmpty { return (nil, m, close - i + 1) }
            }
            switch word {
            case "or", "یا", ", or": return (.or, multiplicity, close - i + 1)
            case "and", "و", ", and": return (.and, multiplicity, close - i + 1)
            default: return nil
            }
        default: return nil
        }
    }
}
