import Foundation

/// Breaks a long displayed equation across lines so it stays inside the margins.
///
/// The equation is LaTeX the engine printed (`lhs = rhs`). It is cut only at the top level (never
/// inside braces or `\left … \right`): first at the relation, then before `+` and `-` between
/// terms, and, if a term alone is still too long, before `\circ`, `\odot` or `\cdot` between factors.
/// The result is an `aligned` block: `lhs &= t_1 + t_2 \\ &\quad + t_3 …`.
package enum EquationLayout {
    /// The width of a line, in characters of typeset math (about 15 cm of 10 pt math).
    package static let lineWidth = 72
    /// The width of a line of LaTeX's `article` class with its default margins (345 pt), for
    /// LaTeX a user pastes into a document of their own.
    package static let articleWidth = 52

    /// `latex` as it should be displayed: unchanged when short enough, else an `aligned` block.
    package static func display(_ latex: String, width: Int = lineWidth) -> String {
        guard estimatedWidth(latex) > width else { return latex }
        let chars = Array(latex)
        let cuts = topLevelCuts(chars)
        guard let relation = cuts.first(where: { $0.kind == .relation }) else {
            return lines(chars, from: 0, cuts: cuts, width: width, lead: "").joined(separator: " \\\\ ")
        }
        let lhs = String(chars[..<relation.at]).trimmingCharacters(in: .whitespaces)
        let rest = cuts.filter { $0.at >= relation.end }
        let body = lines(chars, from: relation.end, cuts: rest, width: max(24, width - estimatedWidth(lhs)), lead: "&\\quad ")
        let symbol = String(chars[relation.at..<relation.end])
        return "\\begin{aligned}\n" + lhs + " &" + symbol + " " + body.joined(separator: " \\\\\n") + "\n\\end{aligned}"
    }

    /// A place to break: at `at`, the break symbol running to `end`; `parentheses` is how many
    /// plain `(` or `[` are open there (a break inside them is taken only when a line needs it).
    package struct Cut {
        package enum Kind { case relation, term, factor }
        package let at: Int
        package let end: Int
        package let kind: Kind
        package var parentheses = 0
    }

    /// Greedy filling: each line takes terms until the next would pass `width`. A term too long
    /// alone is cut at its factors, then, if a piece is still too long, at the terms and factors
    /// inside its parentheses, outermost first.
    private static func lines(_ chars: [Character], from start: Int, cuts: [Cut], width: Int, lead: String) -> [String] {
        let deepest = cuts.map(\.parentheses).max() ?? 0
        func pieces(_ lower: Int, _ upper: Int, level: Int, kind: Cut.Kind) -> [String] {
            let piece = String(chars[lower..<upper])
            guard estimatedWidth(piece) > width, level <= deepest else { return [piece] }
            let inner = cuts.filter { $0.kind == kind && $0.parentheses == level && $0.at > lower && $0.at < upper }.map(\.at)
            let next: (Int, Cut.Kind) = kind == .term ? (level, .factor) : (level + 1, .term)
            let bounds = [lower] + inner + [upper]
            return (0..<(bounds.count - 1)).flatMap { pieces(bounds[$0], bounds[$0 + 1], level: next.0, kind: next.1) }
        }
        let all = pieces(start, chars.count, level: 0, kind: .term)
        var out: [String] = [], current = ""
        for p in all {
            let trimmed = p.trimmingCharacters(in: .whitespaces)
            if !current.isEmpty && estimatedWidth(current + " " + trimmed) > width {
                out.append(current)
                current = trimmed
            } else {
                current = current.isEmpty ? trimmed : current + " " + trimmed
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.enumerated().map { $0.offset == 0 ? $0.element : lead + $0.element }
    }

    private static let relations = ["=", "\\leq", "\\geq", "\\neq", "<", ">", "\\approx", "\\equiv", "\\propto", "\\sim", "\\in"]
    private static let operatorNames: Set<String> = ["sin", "cos", "tan", "sinh", "cosh", "tanh", "log", "ln", "exp", "det", "tr", "max", "min", "lim", "arg", "sup", "inf", "arcsin", "arccos", "arctan"]
    private static let factorOperators = ["\\circ", "\\odot", "\\cdot", "\\times"]

    /// The places at brace depth 0 and outside `\left … \right` where a line may break.
    package static func topLevelCuts(_ c: [Character]) -> [Cut] {
        var out: [Cut] = []
        var depth = 0, i = 0, parentheses = 0
        var previousIsOperand = false, previousClosed = false
        while i < c.count {
            let ch = c[i]
            if ch == "{" { depth += 1; i += 1; previousIsOperand = false; previousClosed = false; continue }
            if ch == "}" { depth -= 1; i += 1; previousIsOperand = true; previousClosed = false; continue }
            if ch == "\\" {
                var j = i + 1
                while j < c.count, c[j].isLetter { j += 1 }
                if j == i + 1 { j = min(c.count, i + 2) }
                let name = String(c[i..<j])
                if name == "\\left" { depth += 1 } else if name == "\\right" { depth -= 1 }
                if depth == 0 {
                    if relations.contains(name) && parentheses == 0 && !out.contains(where: { $0.kind == .relation }) {
                        out.append(Cut(at: i, end: j, kind: .relation))
                    } else if factorOperators.contains(name) {
                        out.append(Cut(at: i, end: j, kind: .factor, parentheses: parentheses))
                    }
                }
                previousClosed = name == "\\right"
                previousIsOperand = !(relations.contains(name) || factorOperators.contains(name))
                i = j
                // `\right)` closes with the delimiter after it.
                if name == "\\right", i < c.count { i += 1; previousIsOperand = true }
                continue
            }
            if depth == 0 {
                if ch == "(" || ch == "[" {
                    // `(a + b)(c + d)`: a product of groups may break between them.
                    if previousClosed { out.append(Cut(at: i, end: i, kind: .factor, parentheses: parentheses)) }
                    parentheses += 1
                } else if ch == ")" || ch == "]" {
                    parentheses = max(0, parentheses - 1)
                }
                if (ch == "=" || ch == "<" || ch == ">") && parentheses == 0 && !out.contains(where: { $0.kind == .relation }) {
                    out.append(Cut(at: i, end: i + 1, kind: .relation))
                    previousIsOperand = false
                    i += 1
                    continue
                }
                if (ch == "+" || ch == "-") && previousIsOperand {
                    out.append(Cut(at: i, end: i + 1, kind: .term, parentheses: parentheses))
                    previousIsOperand = false
                    i += 1
                    continue
                }
            }
            if !ch.isWhitespace {
                previousIsOperand = !(ch == "(" || ch == "[" || ch == "," || ch == "+" || ch == "-" || ch == "=")
                previousClosed = ch == ")" || ch == "]"
            }
            i += 1
        }
        return out
    }

    /// A rough width of typeset math in characters: commands that draw nothing or only style
    /// count 0, operator names (`\tanh`) their letters, other commands 1, braces and script
    /// markers 0, `+ - = < >` 2 (for the space around them).
    package static func estimatedWidth(_ latex: String) -> Int {
        let silent: Set<String> = ["left", "right", "mathrm", "mathbf", "boldsymbol", "operatorname", "text", "texttt", "hat", "tilde", "bar", "mathbb", "mathcal", "quad", "qquad", "begin", "end", "frac", "sqrt", "big", "Big", "boxed"]
        var width = 0
        let c = Array(latex)
        var i = 0
        while i < c.count {
            if c[i] == "\\" {
                var j = i + 1
                while j < c.count, c[j].isLetter { j += 1 }
                let name = String(c[(i + 1)..<j])
                if operatorNames.contains(name) { width += name.count } else if !silent.contains(name) { width += 1 }
                i = max(j, i + 2)
                continue
            }
            // A binary operator or relation is set with space on both sides.
            if "+-=<>".contains(c[i]) { width += 2 } else if !"{}^_ &".contains(c[i]) { width += 1 }
            i += 1
        }
        return width
    }
}
