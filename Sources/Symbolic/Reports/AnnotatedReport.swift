import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// The verification report as a whole document: the pasted text itself, prose and math in their
/// order, each step typeset from what was read with its verdict mark beside it, the counterexample
/// and the correct value under an invalid step, and a summary at the top.
///
/// Nothing from the pasted file reaches TeX unescaped: prose goes through `TeXProse`, math is
/// typeset from the parsed expressions, and what could not be read is shown as escaped verbatim text.
extension VerificationReport {
    public func annotatedLaTeX(source: String, language: ReportLanguage) -> String {
        let document = DocumentPieces(source)
        let assigned = assign(to: document.blocks)
        var out = TeXPreamble.document(language) + "\\begin{document}\n"
        out += summaryLaTeX(language)
        out += "\\bigskip\\hrule\\bigskip\n"
        var paragraph = ""
        for piece in document.pieces {
            switch piece {
            case .prose(let text):
                paragraph += Self.prose(text, language)
            case .math(let index):
                let block = document.blocks[index]
                if block.display {
                    out += paragraph + "\n"
                    paragraph = ""
                    out += display(block, assigned.steps[index] ?? [], note: assigned.notes[index], language)
                } else {
                    paragraph += inline(block, assigned.steps[index] ?? [], language)
                }
            }
        }
        out += paragraph + "\n\\end{document}\n"
        return language == .fa ? TeXProse.restoringPersian(out) : out
    }

    /// The steps and notes of each block, by the block's index.
    private func assign(to blocks: [MathBlock]) -> (steps: [Int: [StepResult]], notes: [Int: String]) {
        var byLine: [Int: [Int]] = [:]
        for (k, b) in blocks.enumerated() { byLine[b.line, default: []].append(k) }
        var steps: [Int: [StepResult]] = [:]
        for s in self.steps {
            guard let candidates = byLine[s.line] else { continue }
            let k = candidates.last { blocks[$0].column <= s.column } ?? candidates[0]
            steps[k, default: []].append(s)
        }
        var notes: [Int: String] = [:]
        for n in self.notes {
            guard let k = byLine[n.line]?.first(where: { steps[$0] == nil && notes[$0] == nil }) else { continue }
            notes[k] = n.reason
        }
        return (steps, notes)
    }

    // MARK: Summary

    private func summaryLaTeX(_ language: ReportLanguage) -> String {
        let w = language.word
        let name = TeXPreamble.latin("\\texttt{" + LaTeXText.escape(file) + "}", language)
        var out = "\\section*{\(w(.verificationOf)) \(name)}\n"
        out += "\\begin{tabular}{lll}\n\\validmark\\ \(w(.valid)): \(summary.valid) & \\invalidmark\\ \(w(.invalid)): \(summary.invalid) & \\uncheckedmark\\ \(w(.unchecked)): \(summary.unchecked)\n\\end{tabular}\n\n"
        let wrong = steps.filter { $0.verdict == .invalid }
        out += "\\textbf{\(w(.invalidSteps)):} "
        if wrong.isEmpty { return out + w(.none) + "\n\n" }
        out += "\n\\begin{longtable}{rl}\n"
        for s in wrong {
            out += "\(w(.line)) \(s.line) & $\(Self.typeset(s))$ \\\\\n"
        }
        return out + "\\end{longtable}\n"
    }

    // MARK: Prose

    /// Prose escaped, with Markdown headings as unnumbered subsections and blank lines as paragraph breaks.
    static func prose(_ text: String, _ language: ReportLanguage) -> String {
        var out = ""
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (k, raw) in lines.enumerated() {
            let line = raw.replacingOccurrences(of: "**", with: "")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let heading = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                out += "\n\\subsection*{\(TeXProse.escape(heading, language))}\n"
                continue
            }
            if trimmed.isEmpty {
                if k > 0 && k < lines.count - 1 { out += "\n\n" }
                continue
            }
            out += TeXProse.escape(line, language)
            if k < lines.count - 1 { out += " " }
        }
        return out
    }

    // MARK: Math

    /// A display block: each step displayed with its mark, details under a wrong or unchecked
    /// one; a block with no step shows what was read, or its source as verbatim text, and the note.
    private func display(_ block: MathBlock, _ steps: [StepResult], note: String?, _ language: ReportLanguage) -> String {
        guard !steps.isEmpty else {
            var out: String
            if let read = SafeLaTeX.rewritten(block.latex) ?? Self.readMath(block) {
                out = "\\[ \(EquationLayout.display(read)) \\]\n"
            } else {
                // Unread source as a paragraph of escaped typewriter text, which may break at its spaces.
                out = "\n{\\small\\ttfamily " + TeXPreamble.latin(LaTeXText.breakable(block.latex), language) + "}\n\n"
            }
            if let note { out += "{\\small\\color{gray} \(TeXPreamble.latin(LaTeXText.escape(note), language))}\n\n" }
            return out
        }
        var out = ""
        for s in steps {
            if Self.written(s) == nil, s.typeset?.contains(LaTeXText.verbatimPrefix) != false {
                // Neither the source nor a reading can be typeset: the source as text, which breaks at its spaces.
                out += "\n{\\small\\ttfamily " + TeXPreamble.latin(LaTeXText.breakable(s.latex), language) + "}\\hfill\(Self.mark(s.verdict))\n\n"
                out += details(s, language)
                continue
            }
            out += "\\begin{equation*}\n\(EquationLayout.display(Self.typeset(s)))\n\\tag*{\(Self.mark(s.verdict))}\n\\end{equation*}\n"
            out += details(s, language)
        }
        return out
    }

    /// An inline block: its steps with their marks, or what was read.
    private func inline(_ block: MathBlock, _ steps: [StepResult], _ language: ReportLanguage) -> String {
        guard !steps.isEmpty else { return "$\(SafeLaTeX.rewritten(block.latex) ?? Self.readMath(block) ?? LaTeXText.verbatim(block.latex))$" }
        var out = steps.map { "$\(Self.typeset($0))$\\,\(Self.mark($0.verdict))" }.joined(separator: ", ")
        let explained = steps.map { details($0, language) }.joined()
        if !explained.isEmpty { out += "\\footnote{\(explained)}" }
        return out
    }

    /// Under an invalid step: the reason, the counterexample point, both sides' values there and the
    /// correct value; under an unchecked one: the reason. Empty for a valid step.
    private func details(_ s: StepResult, _ language: ReportLanguage) -> String {
        guard s.verdict != .valid else { return "" }
        let w = language.word
        let reason = s.verdict == .invalid && s.counterexample?.correct != nil ? s.reasonWithoutCorrection : s.reason
        var lines = [TeXPreamble.latin(LaTeXText.wrapping(reason), language)]
        if let terms = s.terms {
            lines.append(TeXPreamble.latin(LaTeXText.wrapping("Term by term: " + terms.map(\.sentence).joined(separator: "; ") + "."), language))
        }
        if let from = s.carriedFrom {
            lines.append(TeXPreamble.latin(LaTeXText.escape("It carries forward the wrong result of line \(from): with its correct value the step holds."), language))
        }
        if s.verdict == .invalid, let c = s.counterexample {
            if !c.point.isEmpty {
                let point = c.point.sorted { $0.key < $1.key }.map { "\(Self.plainAsLaTeX($0.key)) = \(Self.plainAsLaTeX($0.value))" }.joined(separator: ",\\ \\allowbreak ")
                lines.append("\(w(.counterexample)): $\(point)$: $\\text{left} = \(Self.plainAsLaTeX(c.lhs))$, $\\text{right} = \(Self.plainAsLaTeX(c.rhs))$")
            }
            if let correct = c.correct { lines.append(Self.valueLine(w(.correctValue), correct, language)) }
        }
        // The step is shown as written; the engine's reading goes below it (or, when the written
        // form could not be shown safely, the source as text).
        // A reading that kept part of the source as text (what was not read) says nothing the step does not.
        if let read = s.typeset, !read.contains(LaTeXText.verbatimPrefix) {
            if Self.written(s) != nil {
                lines.append(Self.labelled(w(.readAs), read))
            } else {
                lines.append("\(w(.asWritten)): " + TeXPreamble.latin("\\texttt{\(LaTeXText.breakable(s.latex))}", language))
            }
        }
        let color = s.verdict == .invalid ? "red!70!black" : "gray"
        return "\\begin{quote}\\small\\color{\(color)} " + lines.joined(separator: "\\par\n") + "\\end{quote}\n"
    }

    /// `label: $math$`, or the math displayed and broken at its terms when it is too long for the line.
    static func labelled(_ label: String, _ math: String) -> String {
        guard EquationLayout.estimatedWidth(math) > 40 else { return "\(label): $\(math)$" }
        return "\(label):\n\\[ \(EquationLayout.display(math, width: 56)) \\]"
    }

    static func mark(_ v: StepVerdict) -> String {
        switch v {
        case .valid: "\\validmark"
        case .invalid: "\\invalidmark"
        case .unchecked: "\\uncheckedmark"
        }
    }

    /// The step as the student wrote it when every token of it is safe math (`SafeLaTeX`), else
    /// the engine's reading.
    static func typeset(_ s: StepResult) -> String { written(s) ?? s.typeset ?? LaTeXText.verbatim(s.latex) }

    static func written(_ s: StepResult) -> String? { s.latex.isEmpty ? nil : SafeLaTeX.rewritten(s.latex) }

    /// A block with no step as read: its statements typeset from their values when every item was
    /// read; nil otherwise.
    static func readMath(_ block: MathBlock) -> String? {
        let statements = StatementReader.statements(block.latex, line: block.line, column: block.column)
        var parts: [String] = []
        for st in statements {
            for item in st.items { if case .failure = item.value, !item.isEmpty { return nil } }
            var text = st.items.first?.typeset ?? ""
            for (r, item) in zip(st.relations, st.items.dropFirst()) { text += " \(r.latex) " + (item.isEmpty ? "" : item.typeset) }
            parts.append(text)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ",\\quad ")
    }

    /// `label: value` with a value in plain syntax or LaTeX typeset (displayed and broken when
    /// long), or else as typewriter text that breaks inside the margins.
    static func valueLine(_ label: String, _ value: String, _ language: ReportLanguage) -> String {
        if let math = (try? PlainParser.parse(value)).map(\.latex) ?? SafeLaTeX.rewritten(value) { return labelled(label, math) }
        return "\(label): " + TeXPreamble.latin("\\texttt{\(LaTeXText.breakable(value))}", language)
    }

    /// A value the checker wrote in plain syntax, typeset; escaped verbatim if it does not parse.
    static func plainAsLaTeX(_ s: String) -> String {
        (try? PlainParser.parse(s)).map(\.latex) ?? LaTeXText.verbatim(s)
    }
}
