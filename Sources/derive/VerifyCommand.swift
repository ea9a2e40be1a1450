import ArgumentParser
import Foundation
import Symbolic

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a pasted derivation step by step.",
        discussion: """
        Reads Markdown or LaTeX with math in $$…$$, \\[…\\], $…$ or equation/align environments and \
        reports each step as valid (proved), invalid (with a certain counterexample and the correct value) \
        or unchecked (with the reason). A folder is checked file by file (its .md, .markdown, .tex \
        and .txt files, in name order). Exit status: 0 when no step is invalid, 1 when some step is \
        invalid, 2 when an input cannot be read or is empty.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, latex
    }

    @Argument(help: "The files to check (a folder of submissions, say), or - for standard input.")
    var files: [String]

    @Option(name: .long, help: "Output format: text, json or latex. With several files, json prints one object per line.")
    var format: Format = .text

    @Flag(name: .long, help: "In text output, also list the math blocks that hold no step, with the reason.")
    var notes = false

    @Option(name: .long, help: ArgumentHelp(
        "A statement taken as given before each section, in LaTeX (repeatable).",
        discussion: "Declarations of random quantities and their dimension, as a problem statement gives them: --assume 'a, b \\sim \\mathcal{N}(0, I)' --assume 'a, b \\in \\mathbb{R}^D' --assume 'a, b independent'."))
    var assume: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also typeset an annotated report of the document as a PDF (one file only).", valueName: "report.pdf"))
    var pdf: String?

    @OptionGroup var tex: TeXOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a file to check, or - for standard input") }
        if pdf != nil && files.count > 1 { throw ValidationError("--pdf takes one file; give one file to check") }
        if tex.tex != nil && pdf == nil { throw ValidationError("--tex goes with --pdf") }
    }

    func run() throws {
        var anyInvalid = false, anyEmpty = false
        let files = try documentFiles(self.files)
        if pdf != nil && files.count > 1 { throw InputError(description: "--pdf takes one file; the folder holds \(files.count)") }
        for file in files {
            let (text, name) = try read(file)
            if text.allSatisfy(\.isWhitespace) {
                // An empty document is said so, and the others are still checked.
                FileHandle.standardError.write(Data("error: \(name): the file is empty: nothing to check\n".utf8))
                anyEmpty = true
                continue
            }
            var verifier = Verifier()
            verifier.assumptions = assume
            let report = verifier.verify(text, file: name)
            switch format {
            case .text: print(notes ? report.textWithNotes : report.text, terminator: "")
            case .json: print(files.count == 1 ? report.json : report.compactJSON)
            case .latex: print(report.latex, terminator: "")
            }
            if let pdf {
                let language = tex.lang ?? ReportLanguage.detect(text)
                try tex.typeset(report.annotatedLaTeX(source: text, language: language), language: language, pdf: pdf)
            }
            anyInvalid = anyInvalid || report.summary.invalid > 0
        }
        if anyInvalid { throw ExitCode(1) }
        if anyEmpty { throw ExitCode(2) }
    }

    /// The text of a file (or of standard input for `-`) and the name to report.
    private func read(_ file: String) throws -> (String, String) {
        let name = file == "-" ? "<stdin>" : file
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw InputError(description: "cannot read \(file): no such file or not readable")
            }
            data = contents
        }
        if let text = String(validating: data, as: UTF8.self) { return (text, name) }
        let detail = firstInvalidUTF8(data).map { ": invalid byte 0x\(String($0.byte, radix: 16, uppercase: true)) at offset \($0.offset) (line \($0.line))" } ?? ""
        throw InputError(description: "\(name): not UTF-8 text\(detail)")
    }
}

/// The first byte of `data` that does not belong to valid UTF-8: its value, 0-based offset and 1-based line.
func firstInvalidUTF8(_ data: Data) -> (byte: UInt8, offset: Int, line: Int)? {
    let bytes = [UInt8](data)
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0, line = 1
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            if scalar == "\n" { line += 1 }
            offset += UTF8.width(scalar)
        case .emptyInput:
            return nil
        case .error:
            return offset < bytes.count ? (bytes[offset], offset, line) : nil
        }
    }
}
