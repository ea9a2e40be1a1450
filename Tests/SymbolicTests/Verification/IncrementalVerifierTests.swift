import Foundation
import Testing
@testable import SymbolicCore
@testable import SymbolicVerification
@testable import SymbolicReports

/// An edited document checked from where the edit begins gives the report a fresh check gives.
@Suite struct IncrementalVerifierTests {
    /// The snapshot corpus (every fourth equation argument), each edited six times in a row:
    /// a number changed late and early, a wrong line inserted, a math line deleted, a line appended, an answer line inserted.
    static func documents() -> [(String, String)] {
        var out: [(String, String)] = []
        for (group, folder, suffix) in VerdictSnapshotTests.groups {
            let names = VerdictSnapshotTests.documents(folder, suffix)
            for (k, name) in names.enumerated() where group != "equations" || k % 4 == 0 {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { out.append(("\(group)/\(name)", text)) }
            }
        }
        return out
    }

    static func edits(_ text: String) -> [String] {
        func changingDigit(_ s: String, after fraction: Double) -> String {
            var chars = Array(s)
            let from = Int(Double(chars.count) * fraction)
            guard let i = chars.indices.dropFirst(from).first(where: { chars[$0].isASCII && chars[$0].isNumber }) else { return s + "\n$$3 + 4 = 8$$\n" }
            chars[i] = chars[i] == "7" ? "3" : "7"
            return String(chars)
        }
        var lines = text.components(separatedBy: "\n")
        var versions: [String] = []
        versions.append(changingDigit(text, after: 0.7))
        versions.append(changingDigit(versions[0], after: 0.3))
        lines = versions[1].components(separatedBy: "\n")
        lines.insert("$$(x+1)^2 = x^2 + 2x + 2$$", at: lines.count / 2)
        versions.append(lines.joined(separator: "\n"))
        if let last = lines.lastIndex(where: { $0.contains("$") }) { lines.remove(at: last) }
        versions.append(lines.joined(separator: "\n"))
        versions.append(versions[3] + "\n\nso $$2 + 2 = 4$$\n")
        // Words that make the line before an equation to solve (the look-ahead reads them).
        lines = versions[4].components(separatedBy: "\n")
        lines.insert("hence $$x = 3$$", at: (lines.count * 2) / 3)
        versions.append(lines.joined(separator: "\n"))
        return versions
    }

    @Test func editedDocumentsGetTheReportOfAFreshCheck() {
        let incremental = IncrementalVerifier()
        var resumed = 0, runs = 0
        for (name, text) in Self.documents() {
            for version in [text] + Self.edits(text) {
                let got = incremental.verify(version, file: name)
                let fresh = Verifier().verify(version, file: name)
                #expect(got.json == fresh.json, "\(name): the incremental report differs from a fresh one")
                runs += 1
            }
            // The internal run: an edit near the end goes on from a later block than the start.
            let v = Verifier()
            let first = v.run(text, file: name, after: nil, checkpoints: true)
            let appended = v.run(text + "\n\n$$1 + 1 = 3$$\n", file: name, after: first, checkpoints: true)
            if first.blocks.count >= 8 {
                if appended.resumedAt > 0 { resumed += 1 }
            }
            #expect(appended.report.json == Verifier().verify(text + "\n\n$$1 + 1 = 3$$\n", file: name).json)
        }
        #expect(runs > 100)
        #expect(resumed > 10, "documents of eight or more blocks went on from a later block after an appended line: \(resumed)")
    }

    @Test func anEditInTheMiddleChecksOnlyFromItsBlock() {
        let text = (1...100).map { k in "$$(\(k)x+1)^2 = \(k * k)x^2 + \(2 * k)x + 1$$" }.joined(separator: "\n\n")
        let v = Verifier()
        let first = v.run(text, file: "long.md", after: nil, checkpoints: true)
        let edited = text.replacingOccurrences(of: "(50x+1)^2 = 2500x^2", with: "(50x+1)^2 = 2501x^2")
        let second = v.run(edited, file: "long.md", after: first, checkpoints: true)
        #expect(second.resumedAt == 49)
        #expect(second.report.json == Verifier().verify(edited, file: "long.md").json)
        #expect(second.report.steps.filter { $0.verdict == .invalid }.map(\.line) == [99])
    }

    @Test func keptDecisionsAreBounded() {
        let memo = EquivalenceMemo(capacity: 10)
        var checker = EquivalenceChecker()
        checker.memo = memo
        for k in 1...50 { _ = checker.check(parse("(x+\(k))^2"), parse("x^2 + \(2 * k)*x + \(k * k)")) }
        #expect(memo.count <= 10)
        if case .equal = checker.check(parse("(x+50)^2"), parse("x^2 + 100*x + 2500")) {} else { Issue.record("a kept decision differs") }
        if case .different = checker.check(parse("(x+50)^2"), parse("x^2 + 100*x + 2501")) {} else { Issue.record("a kept decision differs") }
    }
}
