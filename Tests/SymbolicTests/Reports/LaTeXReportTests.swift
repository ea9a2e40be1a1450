import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The `--format latex` report must be a document a real TeX engine accepts, and nothing
/// pasted into the checked document may run in it.
@Suite struct LaTeXReportTests {
    /// TeX that reads files (`/etc/hostname`, and `canary`), writes files, redefines the report
    /// or ends it early, in prose and in math.
    static func hostile(canary: String) -> String {
        #"""
    # Notes \input{/etc/hostname} \include{x} \input{\#(canary)}

    Prose \immediate\openout\pwn=pwned.tex \immediate\write\pwn{x} \write18{touch pwned}
    \catcode`\^^5c=12 \def\section{x} \csname input\endcsname{/etc/hostname} \makeatletter
    }}}{ \verb|x| ^^5c % a comment \end{document}

    $$\input{/etc/hostname} = 2$$

    $$\input{\#(canary)} = 2$$

    $$\text{\input{\#(canary)}} + 1 = 2$$

    $$x = \text{\end{document}}$$

    $$\def\a{b} a = a$$

    $$\include{x} + 1 = 2$$

    $$\text{\input{/etc/hostname}} + 1 = 2$$

    $$W_{\input{/etc/hostname}} + 1 = 2$$

    $$\text{\immediate\openout\x=pwned.tex} + 1 = 2$$

    $$\text{\write18{touch pwned}} + 1 = 2$$

    $$\text{\catcode`\^^5c=12} + 1 = 2$$

    $$\text{\csname input\endcsname} + 1 = 2$$

    $$\text{\makeatletter\def\@x{y}} + 1 = 2$$

    $$y_{}}}{} + 1 = 2$$

    $$\text{\verb|x|} + 1 = 2$$

    $$q_{^^5cinput} + 1 = 2$$

    $$z^{<\input{/etc/hostname}>} + 1 = z^{(\end{document})}$$

    $$\text{a % b} + 1 = 2 % \input{/etc/hostname}$$

    $$\text{\end{document}} + 1 = 2$$

    $$\text{سرعت} + ۱ = 2$$

    $$\mathit{endmarker} = \mathit{endmarker}$$
    """#
    }

    static let hostileFile = #"notes\input{/etc/hostname}%$#_^~&{}.md"#

    static func hostileReport(canary: String = "/tmp/canary.tex") -> VerificationReport {
        Verifier().verify(hostile(canary: canary), file: hostileFile)
    }

    /// A file with unique contents for the hostile document to `\input`; the caller removes it.
    static func canaryFile() throws -> (url: URL, contents: String) {
        let contents = "CANARY\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("derive-canary-\(UUID().uuidString).tex")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return (url, contents)
    }

    /// `--format latex` shows each step as written, the engine's reading under a wrong one.
    @Test func pastedStepsAreShownAsWritten() throws {
        let report = Verifier().verify("$$x^2 = x \\cdot x$$", file: "t.md")
        let step = try #require(report.steps.first)
        #expect(step.typeset == "x^{2} = x^{2}")
        #expect(report.latex.contains("\\[ x^2 = x \\cdot x \\qquad \\text{\\validmark} \\]"))
        #expect(!report.latex.contains("x^{2} = x^{2}"))
    }

    @Test func unreadableSidesShowAsEscapedText() throws {
        let report = Verifier().verify("$$\\input{/etc/hostname} = 2$$", file: "t.md")
        let step = try #require(report.steps.first)
        #expect(step.typeset == "\\text{\\texttt{\\textbackslash{}input\\{/etc/hostname\\}}} = 2")
        // Neither the source nor the reading can be typeset: the source as typewriter text that breaks.
        let flat = report.latex.replacingOccurrences(of: "\\allowbreak{}", with: "")
        #expect(flat.contains("{\\small\\ttfamily \\textbackslash{}input\\{/etc/hostname\\} = 2}\\hfill \\uncheckedmark"))
        #expect(!TeXInspection.controlSequences(AnnotatedReportTests.body(report.latex)).contains("input"))
    }

    @Test func matricesAreShownAsWrittenAndAsRead() throws {
        let report = Verifier().verify("$$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} = \\begin{bmatrix} 1 & 2 \\\\ 3 & 5 \\end{bmatrix}$$", file: "t.md")
        let step = try #require(report.steps.first)
        #expect(step.typeset?.hasPrefix("\\left[\\begin{array}{cc} 1 & 2 \\\\ 3 & 4 \\end{array}\\right] = ") == true)
        #expect(report.latex.contains("\\[ \\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} = "))
        #expect(report.latex.contains("\\textit{Read as:} \\(\\left[\\begin{array}{cc}"))
    }

    /// Every command `SafeLaTeX` lets through is defined in the reports' preamble: a step written
    /// with any of them compiles (`\bm`, `\argmax` once failed the whole PDF).
    @Test(.enabled(if: PdfLaTeXRun.available, "needs pdflatex"))
    func everyCommandSafeLaTeXPassesIsDefined() throws {
        let oneArgument: Set<String> = ["sqrt", "text", "mathrm", "mathbf", "mathbb", "mathcal", "mathit", "boldsymbol", "bm", "operatorname",
                                        "hat", "widehat", "tilde", "widetilde", "bar", "overline", "underline", "vec", "dot", "ddot", "xrightarrow", "boxed"]
        let twoArguments: Set<String> = ["frac", "dfrac", "tfrac"]
        let delimiters: Set<String> = ["big", "Big", "bigl", "bigr", "Bigl", "Bigr"]
        var pieces: [String] = []
        for c in SafeLaTeX.commands.sorted() {
            switch c {
            case "begin", "end", "left", "right", "middle", "\\", "{", "}", "%", " ": continue
            case _ where oneArgument.contains(c): pieces.append("\\\(c){a}")
            case _ where twoArguments.contains(c): pieces.append("\\\(c){a}{b}")
            case _ where delimiters.contains(c): pieces.append("\\\(c)( a")
            case "limits": pieces.append("\\sum\\limits_{i} i")
            default: pieces.append("\\\(c) ")
            }
        }
        pieces.append("\\left( a \\middle| b \\right) \\{ a \\} \\% \\ a")
        let body = pieces.map { "$\($0)$" }.joined(separator: " \n")
        let run = try PdfLaTeXRun(TeXPreamble.document(.en) + "\\begin{document}\n" + body + "\n\\end{document}\n")
        defer { run.remove() }
        let log = (try? String(contentsOf: run.directory.appendingPathComponent("report.log"), encoding: .utf8)) ?? ""
        #expect(run.status == 0, "\(log.components(separatedBy: "\n").filter { $0.hasPrefix("!") || $0.hasPrefix("l.") }.prefix(6))")
        #expect(!log.contains("Undefined control sequence"))
    }

    @Test func stepsWithoutTypesetFallBackToEscapedSource() throws {
        // A decoded report has no typeset steps: the source is shown as escaped text.
        let json = Verifier().verify("$$\\input{x} + 1 = 3$$", file: "t.md").json
        let decoded = try JSONDecoder().decode(VerificationReport.self, from: Data(json.utf8))
        #expect(decoded.steps.first?.typeset == nil)
        #expect(decoded.latex.replacingOccurrences(of: "\\allowbreak{}", with: "").contains("\\ttfamily \\textbackslash{}input\\{x\\} + 1 = 3}"))
        #expect(TeXInspection.dangerousSequences(AnnotatedReportTests.body(decoded.latex)).isEmpty)
    }

    @Test func escapeCoversEverySpecialCharacter() {
        let specials: [Character: String] = [
            "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "$\\$$", "&": "\\&", "#": "\\#",
            "^": "\\^{}", "_": "\\_", "%": "\\%", "~": "\\~{}", "<": "\\textless{}", ">": "\\textgreater{}",
        ]
        for (c, escaped) in specials { #expect(LaTeXText.escape(String(c)) == escaped) }
        let everything = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }) + "αβ≤²√×·∼−–é۱٫سرعت\u{301}"
        let out = LaTeXText.escape(everything)
        #expect(TeXInspection.isInert(out))
        #expect(TeXInspection.dangerousSequences(out).isEmpty)
        #expect(out.unicodeScalars.allSatisfy { (0x20..<0x7F).contains($0.value) || (0xC0...0xFF).contains($0.value) })
        #expect(LaTeXText.escape("سر") == "(U+0633)(U+0631)")
        #expect(LaTeXText.escape("√x") == "$\\surd $x")
        #expect(LaTeXText.escape("a\n\nb") == "a  b")
    }

    @Test func hostileDocumentRunsNothing() throws {
        let report = LaTeXReportTests.hostileReport()
        // The hostile constructs did reach the report as steps.
        #expect(report.steps.count >= 15)
        #expect(report.steps.contains { $0.latex.contains("\\input{/etc/hostname}") })
        #expect(report.steps.last?.latex == "\\mathit{endmarker} = \\mathit{endmarker}")
        // The preamble is the reports' own (it defines the marks); what comes from the document is the body.
        let tex = AnnotatedReportTests.body(report.latex)
        #expect(TeXInspection.dangerousSequences(tex).isEmpty)
        #expect(TeXInspection.isInert(tex))
        #expect(tex.components(separatedBy: "\\end{document}").count == 2)
        #expect(tex.hasSuffix("\\end{document}\n"))
        #expect(TeXInspection.controlSequences(tex).filter { $0 == "section" }.count == 1)
        for step in report.steps {
            let typeset = try #require(step.typeset)
            #expect(TeXInspection.isInert(typeset), "\(typeset)")
            #expect(TeXInspection.dangerousSequences(typeset).union(Set(TeXInspection.controlSequences(typeset)).intersection(TeXInspection.structural)).isEmpty, "\(typeset)")
        }
    }

    @Test(.enabled(if: PdfLaTeXRun.available, "needs pdflatex (CI installs it)"))
    func hostileReportCompilesAndStaysInert() throws {
        let run = try PdfLaTeXRun(LaTeXReportTests.hostileReport().latex)
        defer { run.remove() }
        #expect(run.status == 0)
        #expect(run.files == ["report.aux", "report.log", "report.pdf", "report.tex"])
    }

    @Test(.enabled(if: PdfLaTeXRun.available && PdfLaTeXRun.pdftotext != nil, "needs pdflatex and pdftotext (poppler-utils)"))
    func hostileReportPrintsNoFileAndEveryStep() throws {
        let canary = try LaTeXReportTests.canaryFile()
        defer { try? FileManager.default.removeItem(at: canary.url) }
        let report = LaTeXReportTests.hostileReport(canary: canary.url.path)
        #expect(report.steps.contains { $0.latex.contains(canary.url.path) })
        let run = try PdfLaTeXRun(report.latex)
        defer { run.remove() }
        #expect(run.status == 0)
        let text = try #require(try run.pdfText())
        // The last step is there: nothing ended the document early.
        #expect(text.contains("endmarker"))
        #expect(text.contains("Line \(report.steps.last!.line):"))
        #expect(!text.contains(canary.contents), "the PDF shows a file the document \\input")
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if hostname.count >= 4 {
            #expect(!text.contains(hostname), "the PDF shows /etc/hostname")
        }
    }

    @Test(.enabled(if: PdfLaTeXRun.available, "needs pdflatex (CI installs it)"))
    func reportCompilesWithPdfLaTeX() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/planted-errors.md")
        let report = Verifier().verify(try String(contentsOf: url, encoding: .utf8), file: "planted-errors.md")
        let run = try PdfLaTeXRun(report.latex)
        defer { run.remove() }
        #expect(run.status == 0)
        #expect(run.files.contains("report.pdf"))
    }
}
