import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Answer keys and annotated reports typeset by the real engines: the PDFs have pages, their text
/// holds the results, and their first page is not blank. CI installs the engines (`.ci/setup`).
@Suite(.serialized) struct PDFOutputTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples")
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/seeds")

    static func enabled(_ language: ReportLanguage) -> Bool {
        TeXEngine(language.engine).isAvailable || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// The PDF of `latex`, its page count, its text (presentation forms folded) and the share of
    /// dark pixels on its first page.
    static func typeset(_ latex: String, _ language: ReportLanguage) throws -> (pages: Int, text: String, ink: Double) {
        let pdf = try TeXEngine(language.engine).pdf(from: latex)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try pdf.write(to: dir.appendingPathComponent("out.pdf"))
        let info = try tool("pdfinfo", ["out.pdf"], in: dir)
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        let text = fold(try tool("pdftotext", ["-enc", "UTF-8", "out.pdf", "-"], in: dir))
        _ = try tool("pdftoppm", ["-r", "30", "-gray", "-f", "1", "-l", "1", "out.pdf", "page"], in: dir)
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".pgm") })
        return (pages, text, try darkShare(Data(contentsOf: dir.appendingPathComponent(page))))
    }

    /// Text compared the way `pdftotext` gives it: Arabic presentation forms folded to letters, the
    /// Persian yeh and kaf to the Arabic ones they fold to, joiners and direction marks dropped, `_` as a
    /// space, Persian and Arabic-Indic digits as ASCII digits.
    static func fold(_ s: String) -> String {
        let marks: Set<UInt32> = [0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E]
        var out = String.UnicodeScalarView()
        for u in s.precomposedStringWithCompatibilityMapping.unicodeScalars where !marks.contains(u.value) {
            switch u.value {
            case 0x06CC, 0x064A: out.append(Unicode.Scalar(0x0649)!)
            case 0x06A9: out.append(Unicode.Scalar(0x0643)!)
            case 0x5F: out.append(" ")
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(u.value - 0x06F0 + 0x30)!)
            case 0x0660...0x0669: out.append(Unicode.Scalar(u.value - 0x0660 + 0x30)!)
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// The share of pixels darker than mid-grey in a binary PGM (`P5 w h 255` then the bytes).
    static func darkShare(_ pgm: Data) throws -> Double {
        let bytes = [UInt8](pgm)
        var fields: [String] = [], k = 0, current = ""
        while fields.count < 4, k < bytes.count {
            let c = Character(Unicode.Scalar(bytes[k]))
            if c.isWhitespace { if !current.isEmpty { fields.append(current); current = "" } } else { current.append(c) }
            k += 1
        }
        try #require(fields.first == "P5")
        let pixels = bytes[k...]
        return Double(pixels.filter { $0 < 128 }.count) / Double(max(1, pixels.count))
    }

    static func tool(_ name: String, _ arguments: [String], in dir: URL) throws -> String {
        let path = try #require(TeXEngine.which(name), "\(name) is not installed (poppler-utils)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        p.currentDirectoryURL = dir
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let keyTexts = ["chain rule", "softmax followed by cross-entropy", "expanding and collecting powers of w", "zero means"]

    /// A report shows each step as written (pdftotext): the typo of seed 002's line 105 with its
    /// factors, a derivative step with its d/dx, a product in its order; the reading under it.
    @Test(.enabled(if: enabled(.en), "needs latexmk and pdflatex"))
    func stepsReadAsWritten() throws {
        let text = "$$4 \\times 768 \\times 768 = 2357296$$\n\n$$\\frac{d}{dx} x^2 e^{3x} = 2x e^{3x} + x^2 e^{3x}$$\n\n$$(2x+3)(x-5) = 2x^2 - 7x - 15$$\n"
        let report = Verifier().verify(text, file: "written.md")
        let pdf = try Self.typeset(report.annotatedLaTeX(source: text, language: .en), .en)
        let flat = pdf.text.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("4 × 768 × 768 = 2357296"), "\(flat)")
        #expect(!flat.contains("2359296 = 2357296 ×"))
        #expect(flat.contains("(2x + 3)(x − 5)"), "\(flat)")
        #expect(flat.contains("Read as"))
        #expect(pdf.text.contains("dx"))
    }

    @Test(.enabled(if: enabled(.en), "needs latexmk and pdflatex"))
    func englishKeyWithEveryDerivation() throws {
        let sections = DerivationCatalog.entries.compactMap { DerivationCatalog.answerKeySection($0.name) }
        #expect(sections.count == DerivationCatalog.entries.count)
        let pdf = try Self.typeset(AnswerKey(sections: sections).latex(.en), .en)
        #expect(pdf.pages >= 4)
        for s in sections { #expect(pdf.text.contains(String(s.title.prefix(12))), "\(s.title)") }
        for t in Self.keyTexts { #expect(pdf.text.contains(t), "\(t)") }
        #expect(pdf.ink > 0.0005)
    }

    @Test(.enabled(if: enabled(.fa), "needs latexmk and xelatex with xepersian"))
    func persianKeyWithEveryDerivation() throws {
        let sections = DerivationCatalog.entries.compactMap { DerivationCatalog.answerKeySection($0.name) }
        let pdf = try Self.typeset(AnswerKey(sections: sections).latex(.fa), .fa)
        #expect(pdf.pages >= 4)
        #expect(pdf.text.contains(Self.fold("پاسخ‌نامه")))
        #expect(pdf.text.contains(Self.fold("کمترین مربعات")))
        // The rules are in Persian too.
        for t in ["زنجیره‌ای", "میانگین‌های", "دسته‌بندی"] { #expect(pdf.text.contains(Self.fold(t)), "\(t)") }
        #expect(!pdf.text.contains("chain rule"))
        #expect(pdf.ink > 0.0005)
    }

    /// The Persian example, and a Persian document of the course when the seeds are here.
    static func persianDocuments() throws -> [(text: String, name: String)] {
        var out = [(try String(contentsOf: examples.appendingPathComponent("persian-notes.md"), encoding: .utf8), "persian-notes.md")]
        if let files = try? FileManager.default.contentsOfDirectory(atPath: seeds.path), let f = files.sorted().first(where: { $0.hasPrefix("002") }) {
            out.append((try String(contentsOf: seeds.appendingPathComponent(f), encoding: .utf8), f))
        }
        return out
    }

    @Test(.enabled(if: enabled(.fa) && enabled(.en), "needs both engines"))
    func reportsOfAPersianDocumentInBothLanguages() throws {
        for (text, name) in try Self.persianDocuments() {
            #expect(ReportLanguage.detect(text) == .fa)
            let report = Verifier().verify(text, file: name)
            let wrong = try #require(report.steps.first { $0.verdict == .invalid })
            for language in ReportLanguage.allCases {
                let pdf = try Self.typeset(report.annotatedLaTeX(source: text, language: language), language)
                #expect(pdf.pages >= 1)
                #expect(pdf.text.contains(Self.fold(name)))
                // The summary's count of invalid steps, and the first invalid step's line in the list.
                #expect(pdf.text.contains("\(report.summary.invalid)"))
                #expect(pdf.text.contains("\(wrong.line)"))
                // Every Persian character was set: no code-point placeholder of one is left.
                if language == .fa { #expect(!pdf.text.contains("U+06") && !pdf.text.contains("U+200C"), "\(name)") }
                #expect(pdf.ink > 0.0005)
                // Seed 002's steps as the student wrote them: the typo of line 105 with its factors,
                // and line 107's operator carried from it (each with the engine's reading below).
                if name.hasPrefix("002") {
                    #expect(pdf.text.contains("4 × 768 × 768 = 2357296"), "\(language)")
                    #expect(pdf.text.contains("×8 → 18874368") || pdf.text.contains("× 8 → 18874368"), "\(language)")
                    #expect(!pdf.text.contains("2359296 = 2357296 ×"), "\(language)")
                }
            }
        }
    }

    @Test(.enabled(if: enabled(.en), "needs latexmk and pdflatex"))
    func englishReportShowsTheCounterexample() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("planted-errors.md"), encoding: .utf8)
        let report = Verifier().verify(text, file: "planted-errors.md")
        let pdf = try Self.typeset(report.annotatedLaTeX(source: text, language: .en), .en)
        #expect(pdf.text.contains("invalid: \(report.summary.invalid)"))
        #expect(pdf.text.contains("Counterexample"))
        #expect(pdf.text.contains("planted-errors.md"))
    }

    @Test(.enabled(if: enabled(.en), "needs latexmk and pdflatex"))
    func aTeXErrorIsReportedWithItsLine() throws {
        #expect(throws: TeXEngine.Failure.self) { try TeXEngine(.pdflatex).pdf(from: "\\documentclass{article}\n\\begin{document}\n\\undefinedthing\n\\end{document}\n") }
        do {
            _ = try TeXEngine(.pdflatex).pdf(from: "\\documentclass{article}\n\\begin{document}\n\\undefinedthing\n\\end{document}\n")
        } catch {
            #expect(error.description.contains("line 3"), "\(error)")
            #expect(error.description.contains("Undefined control sequence"), "\(error)")
        }
    }

    @Test func aMissingEngineNamesThePackages() {
        #expect(TeXEngine.Failure.missing(.xelatex, TeXEngine.Program.xelatex.packages).description.contains("texlive-xetex"))
    }
}
