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

    @Argument(help: "The file to check, or - for standard input.")
    var file: String

    @Option(name: .long, help: "Output format: text, json or latex.")
    var format: Format = .text

    func run() throws {
        let text: String
        let name: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            name = "<stdin>"
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError(description: "cannot read \(file): no such file or not readable")
            }
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw InputError(description: "\(file): not UTF-8 text")
            }
            text = decoded
            name = file
        }
        let report = Verifier().verify(text, file: name)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json)
        case .latex: print(report.latex, terminator: "")
        }
        if report.summary.invalid > 0 { throw ExitCode(1) }
    }
}
