import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations
/// An answer key: one section per derivation, each with the problem, the steps with the rule
/// that justifies each, and the results boxed; typeset as a whole LaTeX document.
///
/// Everything in it comes from the engine (derivations and backward passes it built); the only
/// text a user gives, the title, is escaped.
public struct AnswerKey: Sendable {
    /// One derivation of the key.
    public struct Section: Sendable {
        public var name: String
        public var title: String
        /// The problem in text-mode LaTeX (engine text, math between `$…$`).
        public var statement: String
        /// Equations shown with the problem (a model's forward equations), as `lhs = rhs` LaTeX.
        public var given: [String] = []
        public var steps: [Line] = []
    }

    /// One step: `left relation right`, its justification in text-mode LaTeX, boxed when a result.
    public struct Line: Sendable {
        public var left: String
        public var relation: String
        public var right: String
        public var justification: String
        public var isResult: Bool
    }

    public var sections: [Section]
    /// The document's title (a user's text: escaped when typeset); nil for the default.
    public var title: String?

    public init(sections: [Section], title: String? = nil) {
        self.sections = sections
        self.title = title
    }

    /// The whole document.
    public func latex(_ language: ReportLanguage) -> String {
        var out = TeXPreamble.document(language) + "\\begin{document}\n"
        let heading = title.map { TeXProse.escape($0, language) } ?? language.word(.answerKey)
        out += "\\begin{center}\\LARGE \(heading)\\end{center}\n\\medskip\n"
        out += "{\\small \(language.word(.derivedBy))}\n\n"
        for (k, s) in sections.enumerated() {
            out += section(s, number: k + 1, language)
        }
        return out + "\\end{document}\n"
    }

    private func section(_ s: Section, number: Int, _ language: ReportLanguage) -> String {
        let title = (language == .fa ? DerivationCatalog.persianTitle(s.name) : nil) ?? TeXPreamble.latin(LaTeXText.escape(s.title), language)
        var out = "\\section*{\(number). \(title)}\n"
        let statement = language == .fa ? (DerivationCatalog.persianStatement(s.name) ?? TeXPreamble.latin(s.statement, language)) : s.statement
        out += "\\textbf{\(language.word(.problem)).} \(statement)\n"
        if !s.given.isEmpty {
            out += "\\begin{align*}\n" + s.given.map { EquationLayout.display($0, width: 60).replacingFirstRelationWithAlignment() }.joined(separator: " \\\\\n") + "\n\\end{align*}\n"
        }
        out += "\n\\textbf{\(language.word(.solution)).}\n\n"
        var rows = ""
        for (k, line) in s.steps.enumerated() {
            let why = "{\\small\\itshape " + TeXPreamble.latin(line.justification, language) + "}"
            // A result is boxed when it fits on one line; a long one is broken and labelled instead.
            let boxed = line.isResult && EquationLayout.estimatedWidth(line.left + line.right) < EquationLayout.lineWidth - 4
            let right = boxed ? "\\boxed{" + line.right + "}" : line.right
            let label = line.isResult && !boxed ? "\\textbf{\(language.word(.result)):} " : ""
            let row = Self.row(left: line.left, relation: line.relation, right: right)
            // The rule sits beside a short step; above a long one (`\shortintertext` follows a row's `\\`,
            // so above the first step it is a paragraph before the block).
            let beside = label.isEmpty && !row.contains("\\\\")
                && EquationLayout.estimatedWidth(row) + line.justification.count * 3 / 4 <= EquationLayout.lineWidth + 6
            if k > 0 { rows += " \\\\\n" }
            if beside {
                rows += row + " && " + "\\text{" + why + "}"
            } else {
                if k > 0 { rows += "\\shortintertext{\(label)\(why)}\n" } else { out += label + why + "\n" }
                rows += row
            }
        }
        out += "\\begin{align*}\n" + rows + "\n\\end{align*}\n\n"
        return out
    }

    /// `left &rel right`, with a long right side broken at its terms onto `&\quad` lines.
    static func row(left: String, relation: String, right: String) -> String {
        let laid = EquationLayout.display("\(left) \(relation) \(right)")
        // Inside align* the aligned block's rows become the alignment's own rows.
        return laid.hasPrefix("\\begin{aligned}") ? laid.replacingFirstRelationWithAlignment() : "\(left) &\(relation) \(right)"
    }
}

extension String {
    /// `lhs = rhs` (or an `aligned` block) with `&` before its first relation, for one row of `align*`.
    func replacingFirstRelationWithAlignment() -> String {
        if hasPrefix("\\begin{aligned}") {
            return String(dropFirst("\\begin{aligned}\n".count).dropLast("\n\\end{aligned}".count))
        }
        let chars = Array(self)
        guard let r = EquationLayout.topLevelCuts(chars).first(where: { $0.kind == .relation }) else { return self }
        return String(chars[..<r.at]) + "&" + String(chars[r.at...])
    }
}
