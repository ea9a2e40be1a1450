import Foundation
import Testing
@testable import Symbolic

/// The `--format latex` report must be a document a real TeX engine accepts.
@Suite struct LaTeXReportTests {
    static let pdflatex: String? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: pdflatex != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs pdflatex (CI installs it)"))
    func reportCompilesWithPdfLaTeX() throws {
        let engine = try #require(LaTeXReportTests.pdflatex, "pdflatex is missing")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/planted-errors.md")
        let report = Verifier().verify(try String(contentsOf: url, encoding: .utf8), file: "planted-errors.md")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try report.latex.write(to: dir.appendingPathComponent("report.tex"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: engine)
        p.arguments = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "report.tex"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.pdf").path))
    }
}
