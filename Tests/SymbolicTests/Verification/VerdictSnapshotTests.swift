import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Golden verdicts: the JSON report of every document in `Examples/`, `Examples/dialects/`,
/// `bench/equations/arguments/` and `../shared/seeds`, committed under `Tests/VerdictSnapshots/`.
///
/// A change that moves any verdict, method or reason fails here with the list of steps that
/// moved; once each move is understood (and explained in the commit), the snapshots are written
/// anew with `DERIVE_UPDATE_SNAPSHOTS=1 swift test --filter VerdictSnapshotTests`.
@Suite struct VerdictSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardizedFileURL
    static let snapshots = root.appendingPathComponent("Tests/VerdictSnapshots")

    /// The folders whose documents are snapshotted: (name of the snapshot folder, source folder, file suffix).
    static let groups: [(String, URL, String)] = [
        ("examples", root.appendingPathComponent("Examples"), ".md"),
        ("dialects", root.appendingPathComponent("Examples/dialects"), ".md"),
        ("equations", root.appendingPathComponent("bench/equations/arguments"), ".md"),
        ("seeds", root.appendingPathComponent("../shared/seeds").standardizedFileURL, ".txt"),
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["DERIVE_UPDATE_SNAPSHOTS"] == "1" }

    static func documents(_ folder: URL, _ suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) && $0 != "README.md" }.sorted()
    }

    /// One line per step, for the list of moves: `line 12 (x^2 = 4): valid -> invalid`.
    static func moves(old: VerificationReport, new: VerificationReport) -> [String] {
        func key(_ s: StepResult) -> String { "line \(s.line):\(s.column) \(s.latex)" }
        var out: [String] = []
        let before = Dictionary(old.steps.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.steps.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        for s in new.steps {
            guard let o = before[key(s)] else { out.append("\(key(s)): new step, \(s.verdict.rawValue) (\(s.reason))"); continue }
            if o.verdict != s.verdict { out.append("\(key(s)): \(o.verdict.rawValue) -> \(s.verdict.rawValue) (\(s.reason))") }
            else if o.reason != s.reason || o.method != s.method { out.append("\(key(s)): same verdict, reason now: \(s.reason)") }
        }
        for s in old.steps where after[key(s)] == nil { out.append("\(key(s)): step gone (was \(s.verdict.rawValue))") }
        return out
    }

    @Test(arguments: groups.map(\.0)) func verdictsMatchSnapshots(group: String) throws {
        let (_, folder, suffix) = try #require(Self.groups.first { $0.0 == group })
        let names = Self.documents(folder, suffix)
        // The seeds sit outside the repository; a checkout without them has nothing to compare.
        if group == "seeds" && names.isEmpty { return }
        #expect(!names.isEmpty, "no documents in \(folder.path)")
        let out = Self.snapshots.appendingPathComponent(group)
        if Self.updating { try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true) }
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let report = Verifier().verify(text, file: name)
            let file = out.appendingPathComponent(name + ".json")
            if Self.updating {
                try (report.json + "\n").write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
                Issue.record("no snapshot for \(group)/\(name): run with DERIVE_UPDATE_SNAPSHOTS=1")
                continue
            }
            if stored == report.json + "\n" { continue }
            let old = try JSONDecoder().decode(VerificationReport.self, from: Data(stored.utf8))
            let moved = Self.moves(old: old, new: report)
            let list: String = moved.isEmpty ? "(only lines, columns or counterexamples changed)" : moved.joined(separator: "\n")
            Issue.record("\(group)/\(name): the verdicts moved:\n\(list)")
        }
    }
}
