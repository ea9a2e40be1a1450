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
        or unchecked (with the reason). Exit status: 0 when no step is invalid, 1 when some step is \
        invalid, 2 when the input cannot be read.
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

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a file to check, or - for standard input") }
    }

    func run() throws {
        var anyInvalid = false
        for file in files {
            let (text, name) = try read(file)
            let report = Verifier().verify(text, file: name)
            switch format {
            case .text: print(notes ? report.textWithNotes : report.text, terminator: "")
            case .json: print(files.count == 1 ? report.json : report.compactJSON)
            case .latex: print(report.latex, terminator: "")
            }
            anyInvalid = anyInvalid || report.summary.invalid > 0
        }
        if anyInvalid { throw ExitCode(1) }
    }

    /// The text of a file (or of standard input for `-`) and the name to report.
    private func read(_ file: String) throws -> (String, String) {
        if file == "-" {
            return (String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self), "<stdin>")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(description: "cannot read \(file): no such file or not readable")
        }
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw InputError(description: "\(file): not UTF-8 text")
        }
        return (decoded, file)
    }
}
