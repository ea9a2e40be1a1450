import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// Breaks a long displayed equation across lines so it stays inside the margins.
///
/// The equation is LaTeX the engine printed (`lhs = rhs`). It is cut only at the top level (never
/// inside braces or `\left … \right`): first at the relation, then before `+` and `-` between
/// terms, and, if a term alone is still too long, before `\circ`, `\odot` or `\cdot` between factors.
/// The result is an `aligned` block: `lhs &= t_1 + t_2 \\ &\quad + t_3 …`.
enum EquationLayout {
    /// The width of a line, in characters of typeset math (about 15 cm of 10 pt math).
    static let lineWidth = 72

    /// `latex` as it should be displayed: unchanged when short enough, else an `aligned` block.
    static func display(_ latex: String, width: Int = lineWidth) -> String {
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

    struct Cut { enum Kind { case relation, term, factor }; let at: Int; let end: Int; let kind: Kind }

    /// Greedy filling: each line takes terms until the next would pass `width`; factor cuts are
    /// used only inside a term that is too long alone.
    private static func lines(_ chars: [Character], from start: Int, cuts: [Cut], width: Int, lead: String) -> [String] {
        let termCuts = cuts.filter { $0.kind == .term }.map(\.at)
        var pieces: [String] = []
        var bounds = [start] + termCuts + [chars.count]
        bounds = bounds.filter { $0 >= start }
        for k in 0..<(bounds.count - 1) {
            let piece = String(chars[bounds[k]..<bounds[k + 1]])
            if estimatedWidth(piece) > width {
                // Too long alone: cut it at its factors.
                let inner = cuts.filter { $0.kind == .factor && $0.at > bounds[k] && $0.at < bounds[k + 1] }.map(\.at)
                let fb = [bounds[k]] + inner + [bounds[k + 1]]
                for j in 0..<(fb.count - 1) { pieces.append(String(chars[fb[j]..<fb[j + 1]])) }
            } else {
                pieces.append(piece)
            }
        }
        var out: [String] = [], current = ""
        for p in pieces {
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
    private static let factorOperators = ["\\circ", "\\odot", "\\cdot", "\\times"]

    /// The places at brace depth 0 and outside `\left … \right` where a line may break.
    static func topLevelCuts(_ c: [Character]) -> [Cut] {
        var out: [Cut] = []
        var depth = 0, i = 0
        var previousIsOperand = false
        while i < c.count {
            let ch = c[i]
            if ch == "{" { depth += 1; i += 1; previousIsOperand = false; continue }
            if ch == "}" { depth -= 1; i += 1; previousIsOperand = true; continue }
            if ch == "\\" {
                var j = i + 1
                while j < c.count, c[j].isLetter { j += 1 }
                if j == i + 1 { j = min(c.count, i + 2) }
                let name = String(c[i..<j])
                if name == "\\left" { depth += 1 } else if name == "\\right" { depth -= 1 }
                if depth == 0 {
                    if relations.contains(name) && !out.contains(where: { $0.kind == .relation }) {
                        out.append(Cut(at: i, end: j, kind: .relation))
                    } else if factorOperators.contains(name) {
                        out.append(Cut(at: i, end: j, kind: .factor))
                    }
                }
                previousIsOperand = !(relations.contains(name) || factorOperators.contains(name))
                i = j
                // `\right)` closes with the delimiter after it.
                if name == "\\right", i < c.count { i += 1; previousIsOperand = true }
                continue
            }
            if depth == 0 {
                if (ch == "=" || ch == "<" || ch == ">") && !out.contains(where: { $0.kind == .relation }) {
                    out.append(Cut(at: i, end: i + 1, kind: .relation))
                    previousIsOperand = false
                    i += 1
                    continue
                }
                if (ch == "+" || ch == "-") && previousIsOperand {
                    out.append(Cut(at: i, end: i + 1, kind: .term))
                    previousIsOperand = false
                    i += 1
                    continue
                }
            }
            if !ch.isWhitespace { previousIsOperand = !(ch == "(" || ch == "[" || ch == "," || ch == "+" || ch == "-" || ch == "=") }
            i += 1
        }
        return out
    }

    /// A rough width of typeset math in characters: commands that draw nothing or only style
    /// count 0, other commands 1, braces and script markers 0.
    static func estimatedWidth(_ latex: String) -> Int {
        let silent: Set<String> = ["left", "right", "mathrm", "mathbf", "boldsymbol", "operatorname", "text", "texttt", "hat", "tilde", "bar", "mathbb", "mathcal", "quad", "qquad", "begin", "end", "frac", "sqrt", "big", "Big", "boxed"]
        var width = 0
        let c = Array(latex)
        var i = 0
        while i < c.count {
            if c[i] == "\\" {
                var j = i + 1
                while j < c.count, c[j].isLetter { j += 1 }
                let name = String(c[(i + 1)..<j])
                if !silent.contains(name) { width += 1 }
                i = max(j, i + 2)
                continue
            }
            if !"{}^_ &".contains(c[i]) { width += 1 }
            i += 1
        }
        return width
    }
}
