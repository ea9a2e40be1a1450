import ArgumentParser
import Foundation
import Synchronization
import Symbolic

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class: every submission in a folder (or a zip) checked in parallel, with a report, a JSON and a Gradescope results.json per student, grades.csv and the common mistakes.",
        discussion: """
        OUT gets, per student (the file's name), a folder with verify.json (the verify --format json \
        schema), report.html, results.json (Gradescope's autograder format) and report.pdf (unless \
        --no-pdf); and grades.csv (per student and per section of the key: valid, invalid and \
        unchecked steps, the first wrong line, whether the final result matches the key's) and \
        mistakes.json (the same wrong step written by several students, by canonical form). A wrong \
        step that only carries forward an earlier wrong result is counted as carried_forward, not \
        as another mistake. Example: derive grade submissions/ --key key.md -o graded/ --no-pdf
        """
    )

    @Argument(help: "A folder of submissions (.md, .markdown, .tex, .txt), or a .zip of one.")
    var submissions: String

    @Option(name: .long, help: ArgumentHelp("The answer key: its sections, in order, name the columns, and its final results are compared.", valueName: "KEY.md"))
    var key: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write (created if missing).", valueName: "OUT"))
    var output: String

    @Flag(name: .long, help: "Skip the PDF reports (the rest takes a fraction of a second per hundred submissions).")
    var noPdf = false

    @Option(name: .long, help: ArgumentHelp("A statement taken as given before each section, in LaTeX (repeatable), as for verify.", valueName: "LaTeX"))
    var assume: [String] = []

    @Option(name: .long, help: "Seconds the TeX engine may run on one report before it is stopped.")
    var texTimeLimit: Int = 120

    func run() throws {
        let (folder, cleanup) = try submissionFolder()
        defer { cleanup() }
        let files = try documentFiles([folder])
        var submissions: [ClassGrade.Submission] = []
        var names = Set<String>()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(validating: data, as: UTF8.self) else {
                FileHandle.standardError.write(Data("skipped \(file): not readable UTF-8 text\n".utf8))
                continue
            }
            var name = String(file.dropFirst(folder.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            name = ((name as NSString).deletingPathExtension).replacingOccurrences(of: "/", with: "_")
            while !names.insert(name).inserted { name += "_" }
            submissions.append(ClassGrade.Submission(student: name, text: text))
        }
        guard !submissions.isEmpty else { throw InputError(description: "\(submissions): no submission to grade") }
        let keyText = try key.map { try readFileArgument($0) }
        let interactive = isatty(STDERR_FILENO) != 0
        let grade = ClassGrade(submissions, key: keyText, assumptions: assume) { done, total in
            // Progress: a bar on a terminal, a line per tenth otherwise.
            if interactive {
                let width = 30, filled = done * width / total
                FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            } else if total >= 10, done % max(1, total / 10) == 0 || done == total {
                FileHandle.standardError.write(Data("graded \(done)/\(total)\n".utf8))
            }
        }
        try write(grade, submissions)
    }

    /// The folder to read: the argument, or a zip's contents unpacked into a temporary folder.
    func submissionFolder() throws -> (String, () -> Void) {
        guard submissions.lowercased().hasSuffix(".zip") else { return (submissions, {}) }
        guard let unzip = ["/usr/bin/unzip", "/bin/unzip"].first(where: FileManager.default.isExecutableFile) else {
            throw InputError(description: "\(submissions): unpacking a zip needs unzip (apt install unzip), or give the folder")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-grade-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: unzip)
        p.arguments = ["-qq", submissions, "-d", dir]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw InputError(description: "\(submissions): unzip failed (status \(p.terminationStatus))") }
        return (dir, { try? FileManager.default.removeItem(atPath: dir) })
    }

    func write(_ grade: ClassGrade, _ submissions: [ClassGrade.Submission]) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        func put(_ text: String, _ path: String) throws {
            guard fm.createFile(atPath: (output as NSString).appendingPathComponent(path), contents: Data(text.utf8)) else {
                throw InputError(description: "cannot write \((output as NSString).appendingPathComponent(path))")
            }
        }
        try put(grade.csv, "grades.csv")
        let common = grade.commonMistakes()
        let mistakes = common.map { ["form": $0.form, "example": $0.example, "students": $0.students, "count": $0.students.count] as [String: Any] }
        try put(String(decoding: try JSONSerialization.data(withJSONObject: mistakes, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self), "mistakes.json")
        // KaTeX from Debian's libjs-katex, beside the pages, when it is installed.
        try fm.createDirectory(atPath: (output as NSString).appendingPathComponent("katex"), withIntermediateDirectories: true)
        try put(VerificationReport.katexRenderScript, "katex/render.js")
        let katex = VerificationReport.katexFolder
        for f in ["katex.min.js", "katex.min.css"] where fm.fileExists(atPath: "\(katex)/\(f)") {
            try? fm.removeItem(atPath: (output as NSString).appendingPathComponent("katex/\(f)"))
            try? fm.copyItem(atPath: "\(katex)/\(f)", toPath: (output as NSString).appendingPathComponent("katex/\(f)"))
        }
        if fm.fileExists(atPath: "\(katex)/fonts") {
            try? fm.copyItem(atPath: "\(katex)/fonts", toPath: (output as NSString).appendingPathComponent("katex/fonts"))
        }
        let texts = Dictionary(submissions.map { ($0.student, $0.text) }, uniquingKeysWith: { a, _ in a })
        // Each student's folder, written in parallel (the files, not the checks, are most of the time here).
        let failures = Mutex<[String]>([])
        let out = output
        DispatchQueue.concurrentPerform(iterations: grade.grades.count) { k in
            let g = grade.grades[k]
            let folder = URL(fileURLWithPath: out).appendingPathComponent(g.student)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let language = ReportLanguage.detect(texts[g.student] ?? "")
                try Data(g.report.json.utf8).write(to: folder.appendingPathComponent("verify.json"))
                // The page's KaTeX is one folder up.
                try Data(g.report.html(language: language, katex: "../katex").utf8)
                    .write(to: folder.appendingPathComponent("report.html"))
                try Data(ClassGrade.gradescope(g).utf8).write(to: folder.appendingPathComponent("results.json"))
            } catch {
                failures.withLock { $0.append("\(g.student): \(error.localizedDescription)") }
            }
        }
        if let first = failures.withLock({ $0.first }) { throw InputError(description: "cannot write the folder of \(first)") }
        if !noPdf { typesetAll(grade, texts) }
        let wrong = grade.grades.filter { $0.report.summary.invalid > $0.carried }.count
        var summary = "graded \(grade.grades.count) submissions: \(wrong) with a wrong step"
        if let top = common.first { summary += "; the most common: \(top.example) (\(top.students.count) students)" }
        print(summary)
        print("wrote \(output)/grades.csv, \(output)/mistakes.json and a folder per student")
    }

    /// Every PDF report, the TeX runs in parallel.
    func typesetAll(_ grade: ClassGrade, _ texts: [String: String]) {
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: grade.grades.count) { k in
            let g = grade.grades[k]
            let text = texts[g.student] ?? ""
            let language = ReportLanguage.detect(text)
            let engine = TeXEngine(language.engine, timeLimit: texTimeLimit)
            do {
                let data = try engine.pdf(from: g.report.annotatedLaTeX(source: text, language: language))
                try data.write(to: URL(fileURLWithPath: output).appendingPathComponent(g.student).appendingPathComponent("report.pdf"))
            } catch {
                failures.withLock { $0.append("\(g.student): \(error)") }
            }
        }
        for f in failures.withLock({ $0 }) { FileHandle.standardError.write(Data("no PDF for \(f)\n".utf8)) }
    }
}
