import Foundation

/// Reads generated LaTeX the way TeX's eyes do, to check that nothing from a document runs.
enum TeXInspection {
    /// The control sequences TeX would see, in order (`\\` and `\{` included, by their one character).
    static func controlSequences(_ tex: String) -> [String] {
        scan(tex).commands
    }

    /// True when braces that are not escaped pair up, and no `%` (a comment) or `#` (a macro
    /// parameter) stands unescaped, and no `^^` (TeX's hexadecimal character escape) occurs.
    static func isInert(_ tex: String) -> Bool {
        let s = scan(tex)
        return s.balanced && s.bare.isEmpty && !tex.contains("^^")
    }

    /// Control sequences a document must never get into a report.
    static let dangerous: Set<String> = [
        "input", "include", "InputIfFileExists", "openin", "openout", "immediate", "write", "read",
        "catcode", "def", "edef", "gdef", "xdef", "let", "csname", "endcsname", "makeatletter",
        "verb", "newcommand", "renewcommand", "special", "closeout",
    ]

    /// Control sequences that shape the report itself: a name or a step must never emit them.
    static let structural: Set<String> = ["documentclass", "usepackage", "begin", "end", "section", "par"]

    /// The dangerous control sequences in `tex`.
    static func dangerousSequences(_ tex: String) -> Set<String> {
        Set(controlSequences(tex)).intersection(dangerous)
    }

    private static func scan(_ tex: String) -> (commands: [String], balanced: Bool, bare: [Character]) {
        let chars = Array(tex)
        var commands: [String] = []
        var depth = 0, balanced = true
        var bare: [Character] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isLetter { j += 1 }
                if j == i + 1 { j += 1 }
                commands.append(String(chars[(i + 1)..<j]))
                i = j
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1; if depth < 0 { balanced = false } }
            if c == "%" || c == "#" { bare.append(c) }
            i += 1
        }
        return (commands, balanced && depth == 0, bare)
    }
}

/// Runs pdfLaTeX, without shell escape, on a document in a fresh temporary directory.
struct PdfLaTeXRun {
    static let engine: String? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { engine != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    let directory: URL
    let status: Int32

    /// Compiles `tex` as `report.tex`; the caller removes `directory`.
    init(_ tex: String) throws {
        guard let engine = PdfLaTeXRun.engine else { throw CocoaError(.fileNoSuchFile) }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("derive-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try tex.write(to: directory.appendingPathComponent("report.tex"), atomically: true, encoding: .utf8)
        status = try PdfLaTeXRun.run(engine, ["-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "report.tex"], in: directory)
    }

    /// The files the run left, sorted.
    var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// The PDF's text by `pdftotext`, or nil without it.
    func pdfText() throws -> String? {
        guard let tool = PdfLaTeXRun.pdftotext else { return nil }
        _ = try PdfLaTeXRun.run(tool, ["report.pdf", "report.txt"], in: directory)
        defer { try? FileManager.default.removeItem(at: directory.appendingPathComponent("report.txt")) }
        return try String(contentsOf: directory.appendingPathComponent("report.txt"), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    private static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.currentDirectoryURL = directory
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
