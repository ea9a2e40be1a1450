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
        /// The problem in Persian, for a Persian key; nil: the catalog's, or the English one.
        public var persianStatement: String?
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
        /// The rule as the engine wrote it (English, math between `$…$`), for its Persian phrase.
        public var rule: String? = nil
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
        let statement = language == .fa ? (s.persianStatement ?? DerivationCatalog.persianStatement(s.name) ?? TeXPreamble.latin(s.statement, language)) : s.statement
        out += "\\textbf{\(language.word(.problem)).} \(statement)\n"
        if !s.given.isEmpty {
            out += "\\begin{align*}\n" + s.given.map { AlignedSteps.alignedAtRelation(EquationLayout.display($0, width: 60)) }.joined(separator: " \\\\\n") + "\n\\end{align*}\n"
        }
        out += "\n\\textbf{\(language.word(.solution)).}\n\n"
        let rows = s.steps.map { line in
            let phrase = language == .fa ? line.rule.flatMap(PersianRules.phrase) : nil
            return AlignedSteps.Row(left: line.left, relation: line.relation, right: line.right,
                                    rule: phrase ?? TeXPreamble.latin(line.justification, language), isResult: line.isResult)
        }
        let (lead, block) = AlignedSteps.block(rows, result: language.word(.result))
        return out + lead + block + "\n"
    }
}
