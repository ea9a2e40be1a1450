import Foundation
import Testing

@Suite struct PDFCommandTests {
    static var hasTeX: Bool {
        ["/usr/bin/latexmk", "/usr/bin/pdflatex"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
            || ProcessInfo.processInfo.environment["CI"] != nil
    }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("derive-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func answerKeyHelpAndBadArguments() throws {
        let help = try CLI.run(["answer-key", "--help"])
        #expect(help.status == 0 && help.out.contains("--lang") && help.out.contains("--all"))
        let none = try CLI.run(["answer-key", "-o", Self.temporary("k.pdf")])
        #expect(none.status == 2 && none.err.contains("--all"))
        let unknown = try CLI.run(["answer-key", "no-such", "-o", Self.temporary("k.pdf")])
        #expect(unknown.status == 2 && unknown.err.contains("no derivation named no-such"))
        let lang = try CLI.run(["answer-key", "--all", "--lang", "de", "-o", Self.temporary("k.pdf")])
        #expect(lang.status == 2)
    }

    @Test func verifyPDFTakesOneFile() throws {
        let r = try CLI.run(["verify", "a.md", "b.md", "--pdf", Self.temporary("r.pdf")])
        #expect(r.status == 2 && r.err.contains("--pdf takes one file"))
        let tex = try CLI.run(["verify", "a.md", "--tex", Self.temporary("r.tex")])
        #expect(tex.status == 2 && tex.err.contains("--tex goes with --pdf"))
    }

    @Test(.enabled(if: hasTeX, "needs latexmk and pdflatex"))
    func answerKeyWritesThePDFAndTheTeX() throws {
        let pdf = Self.temporary("key.pdf"), tex = Self.temporary("key.tex")
        defer { try? FileManager.default.removeItem(atPath: pdf); try? FileManager.default.removeItem(atPath: tex) }
        let r = try CLI.run(["answer-key", "pe-rotation", "least-squares", "-o", pdf, "--tex", tex, "--title", "Key 1 \\input{x}"])
        #expect(r.status == 0, "\(r.err)")
        let data = try #require(FileManager.default.contents(atPath: pdf))
        #expect(data.starts(with: Array("%PDF".utf8)))
        let source = try String(contentsOfFile: tex, encoding: .utf8)
        #expect(source.contains("Key 1 \\textbackslash{}input\\{x\\}"))
        #expect(source.components(separatedBy: "\\section*{").count == 3)
    }

    @Test(.enabled(if: hasTeX, "needs latexmk and pdflatex"))
    func verifyWritesTheReportFromStandardInput() throws {
        let pdf = Self.temporary("report.pdf")
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let r = try CLI.run(["verify", "-", "--pdf", pdf, "--lang", "en"], stdin: "Some notes.\n\n$$(a+b)^2 = a^2 + b^2$$\n")
        #expect(r.status == 1)
        #expect(r.out.contains("invalid"))
        #expect(FileManager.default.contents(atPath: pdf)?.starts(with: Array("%PDF".utf8)) == true)
    }

    /// TeX and HTML injection through derive grade with every PDF: nothing runs, no file is made
    /// outside OUT, and the reports exist.
    @Test(.enabled(if: hasTeX, "needs latexmk and pdflatex"))
    func gradeRunsNothingPasted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-grade-hostile-\(UUID().uuidString)")
        let subs = dir.appendingPathComponent("subs"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let canary = dir.appendingPathComponent("canary.tex").path
        let hostile = """
            # Notes \\input{/etc/hostname} \\immediate\\write18{touch \(canary)}
            <script>alert(1)</script> <img src=x onerror=alert(2)>

            $$\\input{/etc/hostname} = 2$$

            $$q_{^^5cinput{/etc/hostname}} + 1 = 2$$

            $$\\text{\\immediate\\openout\\x=\(canary)} + 1 = 2$$

            $$1 + 1 = 3$$
            """
        try Data(hostile.utf8).write(to: subs.appendingPathComponent("mallory.md"))
        let r = try CLI.run(["grade", subs.path, "-o", out.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("mallory/report.pdf").path), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: canary))
        let html = try String(contentsOf: out.appendingPathComponent("mallory/report.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert") && !html.contains("<img"))
    }

    @Test func withoutAnEngineTheTeXIsStillWritten() throws {
        let pdf = Self.temporary("key.pdf")
        let tex = String(pdf.dropLast(4)) + ".tex"
        defer { try? FileManager.default.removeItem(atPath: tex) }
        // No TeX on PATH.
        let r = try CLI.run(["answer-key", "least-squares", "-o", pdf], environment: ["PATH": "/nonexistent"])
        #expect(r.status == 2)
        #expect(r.err.split(separator: "\n").count == 1)
        #expect(r.err.contains("install texlive-latex-base") && r.err.contains("latexmk"))
        #expect(r.err.contains(tex))
        #expect(!FileManager.default.fileExists(atPath: pdf))
        let source = try String(contentsOfFile: tex, encoding: .utf8)
        #expect(source.hasPrefix("\\documentclass") && source.contains("\\boxed{"))
    }
}
