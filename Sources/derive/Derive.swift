import ArgumentParser
import Foundation
import Symbolic

@main
struct Derive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "A symbolic math and derivation engine over exact rationals.",
        version: "0.1.0",
        subcommands: [ExpandCommand.self, DiffCommand.self, SimplifyCommand.self, EvaluateCommand.self, EquivalentCommand.self, VerifyCommand.self,
                      LSTMBackwardCommand.self, GRUBackwardCommand.self, RNNBackwardCommand.self, BackwardCommand.self,
                      RNNGradientCommand.self, PERotationCommand.self, DotVarianceCommand.self, LeastSquaresCommand.self, ListCommand.self, AnswerKeyCommand.self, GradCommand.self, HessianCommand.self, PCACommand.self, ConvMatrixCommand.self, SkipGramPairsCommand.self, TransformerCommand.self, AttentionCommand.self, GradeCommand.self, ServeCommand.self, BinaryAdderCommand.self, SkipGramGradientCommand.self]
    )

    /// Runs the command; every failure other than `--help` and an explicit exit code is
    /// a one-line message on standard error with exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            var message = (error as? InputError)?.description
                ?? fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// An input error already formatted for the user.
struct InputError: Error, CustomStringConvertible {
    let description: String
}

/// Reads EXPR, or standard input when it is `-`.
func readArgument(_ text: String) throws -> String {
    guard text == "-" else { return text }
    let data = FileHandle.standardInput.readDataToEndOfFile()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The contents of a file named by an argument, or standard input for `-`.
func readFileArgument(_ path: String) throws -> String {
    if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
    guard let data = FileManager.default.contents(atPath: path) else { throw InputError(description: "cannot read \(path): no such file or not readable") }
    return String(decoding: data, as: UTF8.self)
}

/// Parses an expression argument, turning a syntax error into a one-line message with its column.
func parseExpression(_ text: String) throws -> Symbolic.Expression {
    try readExpression(text).expression
}

/// The expression with the domain of its written form (`x/x` needs x ≠ 0).
func readExpression(_ text: String) throws -> WrittenExpression {
    do {
        return try PlainParser.read(try readArgument(text))
    } catch let e as ParseError {
        throw InputError(description: "column \(e.column): \(e.message)")
    }
}

/// The files named, a folder replaced by the documents in it (.md, .markdown, .tex, .txt, at any
/// depth, in name order); `-` stays standard input.
func documentFiles(_ paths: [String]) throws -> [String] {
    var out: [String] = []
    for file in paths {
        var isFolder: ObjCBool = false
        guard file != "-", FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue else {
            out.append(file)
            continue
        }
        let kinds: Set<String> = ["md", "markdown", "tex", "txt"]
        let found = (FileManager.default.enumerator(atPath: file)?.allObjects as? [String] ?? [])
            .filter { kinds.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
            .map { (file as NSString).appendingPathComponent($0) }
        if found.isEmpty { throw InputError(description: "\(file): a folder with no .md, .markdown, .tex or .txt file in it") }
        out += found
    }
    return out
}
