import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// Runs a real TeX engine on a generated document: `latexmk` with pdfLaTeX or XeLaTeX in a
/// fresh temporary directory, with shell escape off, non-stop interaction and a time limit.
public struct TeXEngine: Sendable {
    public enum Program: String, Sendable {
        case pdflatex, xelatex

        /// The Debian packages that provide the engine and what the documents use.
        public var packages: [String] {
            switch self {
            case .pdflatex: ["texlive-latex-base", "texlive-latex-recommended", "texlive-fonts-recommended", "latexmk"]
            case .xelatex: ["texlive-xetex", "texlive-lang-arabic", "fonts-farsiweb", "latexmk"]
            }
        }
    }

    /// Why no PDF was made.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The engine or latexmk is not installed.
        case missing(Program, [String])
        /// TeX stopped with an error: the first error of the log, with its line in the `.tex`.
        case texError(String)
        /// The run took longer than the time limit and was stopped.
        case timedOut(seconds: Int)
        case io(String)

        public var description: String {
            switch self {
            case .missing(let p, let packages): "\(p.rawValue) or latexmk not found: install \(packages.joined(separator: " ")) (apt-get install …)"
            case .texError(let e): "TeX failed: \(e)"
            case .timedOut(let s): "TeX did not finish within \(s) s and was stopped"
            case .io(let e): e
            }
        }
    }

    public var program: Program
    /// Seconds before the run is stopped.
    public var timeLimit: Int = 120

    public init(_ program: Program, timeLimit: Int = 120) {
        self.program = program
        self.timeLimit = timeLimit
    }

    /// The executable's path on `PATH`, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// True when latexmk and the engine are installed.
    public var isAvailable: Bool { Self.which("latexmk") != nil && Self.which(program.rawValue) != nil }

    /// Typesets `latex` and returns the PDF's bytes.
    public func pdf(from latex: String) throws(Failure) -> Data {
        guard let latexmk = Self.which("latexmk"), Self.which(program.rawValue) != nil else { throw .missing(program, program.packages) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-tex-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(latex.utf8).write(to: dir.appendingPathComponent("report.tex"))
        } catch {
            throw .io("cannot write the temporary TeX file: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        let arguments = [program == .xelatex ? "-xelatex" : "-pdf", "-no-shell-escape", "-interaction=nonstopmode",
                         "-halt-on-error", "-file-line-error", "-norc", "-quiet", "report.tex"]
        // coreutils' timeout stops the whole process group (latexmk and the engine it started).
        if let timeout = Self.which("timeout") {
            process.executableURL = URL(fileURLWithPath: timeout)
            process.arguments = ["--kill-after=5", String(timeLimit), latexmk] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: latexmk)
            process.arguments = arguments
        }
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        // No file outside the run's directory is opened for writing, and none of the user's TeX setup is read.
        environment["openout_any"] = "p"
        environment["openin_any"] = "p"
        environment["shell_escape"] = "f"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .io("cannot run latexmk: \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(TimeInterval(timeLimit + 10))
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .timedOut(seconds: timeLimit)
        }
        if process.terminationStatus == 124 || process.terminationStatus == 137 { throw .timedOut(seconds: timeLimit) }
        let pdf = dir.appendingPathComponent("report.pdf")
        let log = (try? String(contentsOf: dir.appendingPathComponent("report.log"), encoding: .utf8))
            ?? (try? String(contentsOf: dir.appendingPathComponent("report.log"), encoding: .isoLatin1)) ?? ""
        if process.terminationStatus != 0 || !FileManager.default.fileExists(atPath: pdf.path) {
            throw .texError(TeXLog.firstError(log) ?? "latexmk exited with status \(process.terminationStatus) and no error in the log")
        }
        guard let data = FileManager.default.contents(atPath: pdf.path) else { throw .io("the PDF was not written") }
        return data
    }
}
