import ArgumentParser
import Foundation
import Symbolic

/// `--lang` and `--tex`, shared by the commands that make PDFs.
struct TeXOptions: ParsableArguments {
    @Option(name: .long, help: "Language of the PDF: en (pdfLaTeX) or fa (Persian, right to left, XeLaTeX with xepersian). Default: en, or fa for a Persian document.")
    var lang: ReportLanguage?

    @Option(name: .long, help: ArgumentHelp("Also write the generated LaTeX to this file.", valueName: "file.tex"))
    var tex: String?

    @Option(name: .long, help: "Seconds the TeX engine may run before it is stopped.")
    var texTimeLimit: Int = 120

    /// Writes the LaTeX (when `--tex` is given, or beside the PDF when no engine is installed)
    /// and typesets it into `pdf`; one line on standard error says where the PDF went.
    func typeset(_ latex: String, language: ReportLanguage, pdf: String) throws {
        if let tex { try write(Data(latex.utf8), to: tex) }
        let engine = TeXEngine(language.engine, timeLimit: texTimeLimit)
        do {
            let data = try engine.pdf(from: latex)
            try write(data, to: pdf)
            FileHandle.standardError.write(Data("wrote \(pdf)\n".utf8))
        } catch let failure as TeXEngine.Failure {
            var message = failure.description
            if case .missing = failure, tex == nil {
                // The LaTeX is still written, so it can be typeset elsewhere.
                let fallback = pdf.hasSuffix(".pdf") ? String(pdf.dropLast(4)) + ".tex" : pdf + ".tex"
                try write(Data(latex.utf8), to: fallback)
                message += "; the LaTeX is in \(fallback)"
            }
            throw InputError(description: message)
        }
    }

    private func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw InputError(description: "cannot write \(path)")
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
