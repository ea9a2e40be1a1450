import Foundation
import Testing
import Symbolic

/// Inputs that crashed, hung or ran out of memory under the libFuzzer targets of Tests/Fuzz (or
/// by hand, with the same harness), kept in Tests/Fuzz/regressions/: each must now verify and
/// render in every report format, and its math must go through the LaTeX reader. Inputs that
/// still fail are in regressions/open/, which is not replayed here (a crash would end the whole
/// test run); move a file up one folder once the engine handles it.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/regressions").standardized

    /// The regular files of the folder (not open/).
    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { name in
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        .sorted()

    @Test func folderIsFound() {
        #expect(!Self.inputs.isEmpty, "no inputs in \(Self.folder.path)")
    }

    @Test(arguments: inputs) func verifiesAndRenders(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        // As the fuzz targets read it: invalid UTF-8 decoded leniently.
        let text = String(decoding: data, as: UTF8.self)
        let report = Verifier().verify(text, file: name)
        for rendered in [report.text, report.textWithNotes, report.json, report.compactJSON, report.latex] {
            #expect(!rendered.isEmpty)
        }
        // What FuzzLaTeXReader does, on each math block.
        for block in MathBlockScanner.blocks(in: text) {
            if case .scalar(let e)? = try? LaTeXReader.read(block.latex) { _ = e.latex }
            _ = StatementReader.statements(block.latex, line: block.line, column: block.column)
        }
    }
}
