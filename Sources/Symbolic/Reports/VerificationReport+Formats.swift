import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

extension VerificationReport {
    /// One line per step, `FILE:LINE  verdict  step  reason`, then `N valid, N invalid, N unchecked`.
    public var text: String {
        steps.map { stepLine($0) + "\n" }.joined() + summaryLine
    }

    private func stepLine(_ s: StepResult) -> String {
        "\(file):\(s.line)  \(s.verdict.rawValue)  \(s.latex.replacingOccurrences(of: "\n", with: " "))  \(s.reason)"
            + (s.carriedFrom.map { " (carries forward the wrong result of line \($0): with its correct value the step holds)" } ?? "")
            + (s.terms.map { "; term by term: " + $0.map(\.sentence).joined(separator: "; ") } ?? "")
    }

    private var summaryLine: String {
        "\(summary.valid) valid, \(summary.invalid) invalid, \(summary.unchecked) unchecked\n"
    }

    /// The text report with the blocks that hold no step interleaved by line: `FILE:LINE  note  reason`.
    public var textWithNotes: String {
        var lines: [(Int, String)] = steps.map { ($0.line, stepLine($0)) }
        lines += notes.map { ($0.line, "\(file):\($0.line)  note  \($0.reason)") }
        let ordered = lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map { $0.element.1 }
        return ordered.map { $0 + "\n" }.joined() + summaryLine
    }

    /// The report as JSON: `{"file", "notes", "steps": [...], "summary"}` with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The report as JSON on one line (for JSON Lines output over many files).
    public var compactJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// A LaTeX document: every step typeset as the student wrote it (made safe by `SafeLaTeX`),
    /// or else as read, or else its source as typewriter text that breaks; a mark beside it; under
    /// each wrong or unchecked one, the reason, the correct value and the engine's reading.
    /// Everything taken from the document goes through `SafeLaTeX`, the printer or `LaTeXText`.
    public var latex: String {
        var out = TeXPreamble.document(.en) + """
        \\begin{document}
        \\section*{Verification of \\texttt{\(LaTeXText.escape(file))}}
        \(summary.valid) valid, \(summary.invalid) invalid, \(summary.unchecked) unchecked.
        \\par\\medskip

        """
        for s in steps {
            let mark = Self.mark(s.verdict)
            let written = Self.written(s)
            let reading = s.typeset.flatMap { $0.contains(LaTeXText.verbatimPrefix) ? nil : $0 }
            out += "\\noindent Line \(s.line):\n"
            if let shown = written ?? reading {
                out += "\\[ \(EquationLayout.display(shown)) \\qquad \\text{\(mark)} \\]\n"
            } else {
                out += "{\\small\\ttfamily \(LaTeXText.breakable(s.latex))}\\hfill \(mark)\n"
            }
            if s.verdict != .valid {
                let color = s.verdict == .invalid ? "red" : "gray"
                // The correction, typeset: what the left side really is (instead of its plain form).
                var reason = s.reason
                var correction = ""
                if s.verdict == .invalid, let c = s.counterexample?.correct, let e = try? PlainParser.parse(c) {
                    reason = s.reasonWithoutCorrection
                    correction = "\\par \\(\\text{left side} = \(e.latex)\\)"
                }
                // The step is shown as written; the engine's reading goes under it.
                let readAs = written != nil ? reading.map { "\\par \\textit{Read as:} \\(\($0)\\)" } ?? "" : ""
                out += "\\begin{quote}\\color{\(color)} \(LaTeXText.wrapping(reason))\(correction)\(readAs)"
                out += "\\end{quote}\n"
            }
            out += "\n"
        }
        out += "\\end{document}\n"
        return out
    }
}
