import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification

extension Derivation {
    /// Plain text: the title, the statement, then one line per step with its justification.
    public var text: String {
        var out = "\(title)\n\n\(statement)\n\n"
        for s in steps {
            let line = "\(plain(s.lhs, s.lhsLatex)) \(s.relation.rawValue) \(plain(s.rhs, s.rhsLatex))"
            out += (s.isResult ? "* " : "  ") + line + "    [" + (s.justification + note(s.check)).filter { $0 != "$" } + "]\n"
        }
        return out
    }

    /// An `align*` block: one row per step, its justification beside or above it, results boxed,
    /// long steps broken to an article's text width (as an answer key sets them).
    public var latex: String {
        let rows = steps.map { s in
            AlignedSteps.Row(left: s.leftLatex, relation: s.relation.latex, right: s.rightLatex,
                             rule: Self.typeset(s.justification + note(s.check)), isResult: s.isResult)
        }
        let (lead, block) = AlignedSteps.block(rows, result: "Result", width: EquationLayout.articleWidth)
        return lead + block
    }

    /// `{"name", "title", "statement", "steps": [{"lhs", "relation", "rhs", "latex", "justification", "check", "result", "verdict"}]}`.
    public var json: String {
        let verdicts = verification()
        var steps: [[String: Any]] = []
        for (s, v) in zip(self.steps, verdicts) {
            var o: [String: Any] = [
                "lhs": plain(s.lhs, s.lhsLatex), "relation": s.relation.rawValue, "rhs": plain(s.rhs, s.rhsLatex),
                "latex": "\(s.leftLatex) \(s.relation.latex) \(s.rightLatex)", "justification": s.justification,
                "result": s.isResult,
            ]
            switch s.check {
            case .identity: o["check"] = "identity"
            case .definition: o["check"] = "definition"
            case .instances(let which): o["check"] = "instances: " + which
            case .equation: o["check"] = "equation"
            case .remark: o["check"] = "remark"
            }
            o["verdict"] = v.map { $0.verdict.rawValue } ?? NSNull()
            steps.append(o)
        }
        let object: [String: Any] = ["name": name, "title": title, "statement": statement, "steps": steps]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A justification for `\text{…}`: the words escaped, the engine's own `$…$` math kept as math.
    package static func typeset(_ justification: String) -> String {
        justification.split(separator: "$", omittingEmptySubsequences: false).enumerated().map { k, part in
            k % 2 == 0 ? LaTeXText.escape(String(part)) : "$" + part + "$"
        }.joined()
    }

    private func plain(_ v: MathValue, _ latexOverride: String?) -> String {
        latexOverride ?? v.plain
    }

    private func note(_ c: Check) -> String {
        if case .instances(let which) = c { return "; checked for \(which)" }
        return ""
    }
}
