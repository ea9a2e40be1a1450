import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The annotated report shows the pasted document itself; nothing from it may run in TeX.
@Suite struct AnnotatedReportTests {
    static func body(_ tex: String) -> String {
        String(tex[tex.range(of: "\\begin{document}")!.upperBound...])
    }

    @Test func proseAndMathKeepTheirOrderWithMarks() throws {
        let text = "First words.\n\n$$(x+1)^2 = x^2 + 2x + 1$$\n\nMiddle words.\n\n$$(x+1)^2 = x^2 + 1$$\n\nLast words with $2 + 2 = 5$ inline.\n"
        let report = Verifier().verify(text, file: "notes.md")
        let tex = report.annotatedLaTeX(source: text, language: .en)
        let body = Self.body(tex)
        let document = String(body[body.range(of: "\\hrule")!.upperBound...])
        let order = ["First words.", "\\validmark", "Middle words.", "\\invalidmark", "Last words with"].map { document.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // The summary: counts, and the invalid steps with their lines.
        #expect(body.contains("\\invalidmark\\ invalid: 2"))
        #expect(body.contains("line 7 & $"))
        // Under the wrong step: the point, both sides' values there, and the correct value.
        #expect(body.contains("Counterexample: $x = \\frac{"))
        #expect(body.contains("correct value: $x^{2} + 2 x + 1$"))
        // The inline wrong step is marked where it stands, as written, its explanation (with the
        // engine's reading) in a footnote.
        #expect(body.contains("$2 + 2 = 5$\\,\\invalidmark\\footnote{"))
        #expect(body.contains("correct value: $4$"))
        #expect(body.contains("Read as: $4 = 5$"))
        // A display step as written too: (x+1)^2, not the reading's expanded or reordered form.
        #expect(body.contains("\n(x+1)^2 = x^2 + 1\n"))
        // The source's delimiters are not shown as text.
        #expect(!body.contains("\\$\\$"))
    }

    /// A step that can be typeset neither as written nor as read is a paragraph of typewriter text
    /// that may break, with its mark, not a display it would overflow; long runs in prose may break.
    @Test func unreadableStepsAndLongRunsWrap() {
        let step = "\\foo{a_1 + a_2 + a_3 + a_4 + a_5 + a_6 + a_7 + a_8 + a_9} = \\bar{\\foo}_{k=1}^{n} \\langle a_k, b_k \\rangle"
        let text = "See https://medium.datadriveninvestor.com/how-do-lstm-networks-solve-the-problem-of-vanishing-gradients-a6784971a577\n\n$$" + step + "$$\n"
        let report = Verifier().verify(text, file: "wrap.md")
        #expect(report.steps.count == 1)
        for language in ReportLanguage.allCases {
            let body = Self.body(report.annotatedLaTeX(source: text, language: language))
            #expect(!body.contains("\\[ \\text{\\texttt"), "\(language)")
            #expect(!body.contains("\\begin{equation*}\n\\text{\\texttt"), "\(language)")
            #expect(body.contains("\\ttfamily"))
            #expect(body.contains("\\uncheckedmark"))
            #expect(body.contains("datadrive\\allowbreak{}") || body.contains("/\\allowbreak{}"), "\(language)")
        }
        #expect(LaTeXText.wrapping("short words stay") == "short words stay")
        #expect(LaTeXText.wrapping("a-very-long-hyphenated-run").contains("\\allowbreak{}"))
    }

    /// The report of a 100-step document stays inside the margins: pdfLaTeX reports no overfull box.
    @Test(.enabled(if: PdfLaTeXRun.available, "needs pdflatex"))
    func aHundredStepReportHasNoOverfullLine() throws {
        var lines = ["# A long derivation", ""]
        for k in 1...100 {
            let a = k % 37 + 2, b = k % 29 + 3
            switch k % 4 {
            case 0: lines.append("Step \(k): $$(\(a)x+\(b))^2 = \(a * a)x^2 + \(2 * a * b)x + \(b * b + (k % 7 == 0 ? 1 : 0))$$")
            case 1: lines.append("$$\\frac{d}{dx} \\left(x^\(a) + \(b) x\\right) = \(a) x^{\(a - 1)} + \(b)$$")
            case 2: lines.append("$$\(a) \\times \(b) \\times 768 = \(a * b * 768)$$")
            default: lines.append("$$(a + \(a)b)(a - \(a)b) = a^2 - \(a * a)b^2 + 0 \\cdot a b c d e f g h i j k l m n o p$$")
            }
            lines.append("")
        }
        let text = lines.joined(separator: "\n")
        let report = Verifier().verify(text, file: "long.md")
        #expect(report.steps.count == 100)
        let run = try PdfLaTeXRun(report.annotatedLaTeX(source: text, language: .en))
        defer { run.remove() }
        #expect(run.status == 0)
        let log = try String(contentsOf: run.directory.appendingPathComponent("report.log"), encoding: .utf8)
        #expect(!log.contains("Overfull"), "\(log.components(separatedBy: "\n").filter { $0.contains("Overfull") })")
    }

    @Test func hostileDocumentRunsNothingInEitherLanguage() {
        let text = LaTeXReportTests.hostile(canary: "/tmp/canary.tex") + "\n\nسلام \\input{/etc/hostname} دنیا\n"
        let report = Verifier().verify(text, file: LaTeXReportTests.hostileFile)
        for language in ReportLanguage.allCases {
            let body = Self.body(report.annotatedLaTeX(source: text, language: language))
            #expect(TeXInspection.dangerousSequences(body).isEmpty, "\(TeXInspection.dangerousSequences(body))")
            #expect(TeXInspection.isInert(body))
            #expect(body.components(separatedBy: "\\end{document}").count == 2)
            #expect(TeXInspection.controlSequences(body).filter { $0 == "begin" && true }.count
                    == TeXInspection.controlSequences(body).filter { $0 == "end" }.count - 1)
        }
    }

    @Test func documentPiecesCoverTheTextInOrder() {
        let text = "a $x$ b\n$$y = 1$$\nc \\[z\\] d \\begin{align*}u = 2\\end{align*} e"
        let d = DocumentPieces(text)
        var prose: [String] = [], math: [String] = []
        for p in d.pieces {
            switch p {
            case .prose(let s): prose.append(s)
            case .math(let k): math.append(d.blocks[k].latex)
            }
        }
        #expect(math == ["x", "y = 1", "z", "u = 2"])
        #expect(prose == ["a ", " b\n", "\nc ", " d ", " e"])
    }

    @Test func blocksAfterPersianTextAndCRLFAreFound() {
        let text = "متنِ فارسی $x = 1$ و\r\nخط دوم $$y = 2$$ پایان"
        let d = DocumentPieces(text)
        #expect(d.pieces.count == 5)
        if case .prose(let last) = d.pieces.last { #expect(last == " پایان") } else { Issue.record("no trailing prose") }
    }
}
