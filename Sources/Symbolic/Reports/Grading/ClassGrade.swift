import Foundation
import Synchronization
import SymbolicCore
import SymbolicLaTeX
import SymbolicVerification

/// A class's submissions graded at once: each document checked by the verifier, its steps counted
/// per section (of the key when one is given, matched in order; else of the submission), each
/// section's final result compared with the key's, and the wrong steps most students wrote grouped
/// by their canonical form. A wrong step that only carries forward an earlier wrong result
/// (`StepResult.carriedFrom`) is counted apart, so a grader deducts once.
public struct ClassGrade: Sendable {
    /// One student's file.
    public struct Submission: Sendable {
        public let student: String
        public let text: String
        public init(student: String, text: String) {
            self.student = student
            self.text = text
        }
    }

    /// The counts of one section of one submission.
    public struct SectionCount: Sendable, Equatable {
        public var label: String
        public var valid = 0, invalid = 0, unchecked = 0, carried = 0
        /// The line of the first wrong step (not carried forward), if any.
        public var firstInvalid: Int?
        /// The section's final result: its last step's right side, as read.
        public var finalResult: String?
        /// Whether it equals the key's (nil without a key or a result on either side).
        public var matchesKey: Bool?
    }

    /// One student's grade.
    public struct StudentGrade: Sendable {
        public let student: String
        public let report: VerificationReport
        public let sections: [SectionCount]
        public var carried: Int { sections.reduce(0) { $0 + $1.carried } }
        /// The first wrong step's line in the whole document (not carried forward).
        public var firstInvalid: Int? { sections.compactMap(\.firstInvalid).min() }
    }

    /// A wrong step several students wrote, by its canonical form.
    public struct CommonMistake: Sendable {
        public let form: String
        public let example: String
        public let students: [String]
    }

    public let grades: [StudentGrade]
    public let key: [SectionCount]?

    /// Grades `submissions` (in parallel over the machine's cores), against `key` when given.
    public init(_ submissions: [Submission], key: String? = nil, assumptions: [String] = [], progress: (@Sendable (Int, Int) -> Void)? = nil) {
        @Sendable func verify(_ text: String, _ name: String) -> VerificationReport {
            var v = Verifier()
            v.assumptions = assumptions
            return v.verify(text, file: name)
        }
        let keySections = key.map { ClassGrade.sections(verify($0, "key"), $0, key: nil) }
        self.key = keySections
        let results = Mutex<[StudentGrade?]>(Array(repeating: nil, count: submissions.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: submissions.count) { k in
            let s = submissions[k]
            let report = verify(s.text, s.student)
            let grade = StudentGrade(student: s.student, report: report, sections: ClassGrade.sections(report, s.text, key: keySections))
            results.withLock { $0[k] = grade }
            progress?(done.add(1, ordering: .relaxed).newValue, submissions.count)
        }
        grades = results.withLock { $0.compactMap { $0 } }
    }

    /// The report's steps counted per section; with a key, the key's sections in order.
    static func sections(_ report: VerificationReport, _ text: String, key: [SectionCount]?) -> [SectionCount] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var starts = Verifier.sectionStarts(text)
        // Lines before the first heading are a section of their own, named by its number.
        let unheaded = starts.first != 1
        if unheaded { starts.insert(1, at: 0) }
        var out = starts.enumerated().map { k, line -> SectionCount in
            let heading = line - 1 < lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : ""
            return SectionCount(label: heading.isEmpty || (k == 0 && unheaded) ? "section \(k + 1)" : String(heading.prefix(40)))
        }
        for s in report.steps {
            let k = max(0, (starts.lastIndex { $0 <= s.line } ?? 0))
            switch s.verdict {
            case .valid: out[k].valid += 1
            case .unchecked: out[k].unchecked += 1
            case .invalid:
                if s.carriedFrom != nil { out[k].carried += 1 } else {
                    out[k].invalid += 1
                    if out[k].firstInvalid == nil { out[k].firstInvalid = s.line }
                }
            }
            if !s.rhs.isEmpty { out[k].finalResult = s.rhs }
        }
        // Sections that hold no step are left out (a preamble, a heading of the problem).
        out = out.filter { $0.valid + $0.invalid + $0.unchecked + $0.carried > 0 }
        if let key {
            for k in out.indices {
                guard k < key.count else { break }
                out[k].label = key[k].label
                if let mine = out[k].finalResult, let theirs = key[k].finalResult { out[k].matchesKey = ClassGrade.sameValue(mine, theirs) }
            }
        }
        return out
    }

    /// Two results as read (plain syntax), equal as numbers when both are numbers, else as text.
    static func sameValue(_ a: String, _ b: String) -> Bool {
        if let x = try? PlainParser.parse(a), let y = try? PlainParser.parse(b) { return (x - y).simplified().isZero }
        return a == b
    }

    /// The wrong steps (not carried forward) written by at least `minimum` students, most common first.
    public func commonMistakes(minimum: Int = 2) -> [CommonMistake] {
        var byForm: [String: (example: String, students: [String])] = [:]
        for g in grades {
            var seen = Set<String>()
            for s in g.report.steps where s.verdict == .invalid && s.carriedFrom == nil {
                let form = s.lhs.isEmpty ? s.latex : "\(s.lhs) = \(s.rhs)"
                guard seen.insert(form).inserted else { continue }
                byForm[form, default: (s.latex, [])].students.append(g.student)
            }
        }
        return byForm.filter { $0.value.students.count >= minimum }
            .map { CommonMistake(form: $0.key, example: $0.value.example, students: $0.value.students.sorted()) }
            .sorted { ($0.students.count, $1.form) > ($1.students.count, $0.form) }
    }

    /// `grades.csv`: per student the totals, the steps carried forward, the first wrong line, and
    /// per section its counts and whether its final result matches the key's.
    public var csv: String {
        let labels = (key ?? grades.max { $0.sections.count < $1.sections.count }?.sections ?? []).map(\.label)
        var header = ["student", "valid", "invalid", "unchecked", "carried_forward", "first_invalid_line"]
        for l in labels { header += ["\(l): valid", "\(l): invalid", "\(l): unchecked", "\(l): final matches key"] }
        var rows = [header]
        for g in grades {
            let s = g.report.summary
            var row = [g.student, "\(s.valid)", "\(s.invalid - g.carried)", "\(s.unchecked)", "\(g.carried)", g.firstInvalid.map(String.init) ?? ""]
            for k in labels.indices {
                guard k < g.sections.count else { row += ["", "", "", ""]; continue }
                let c = g.sections[k]
                row += ["\(c.valid)", "\(c.invalid)", "\(c.unchecked)", c.matchesKey.map { $0 ? "yes" : "no" } ?? ""]
            }
            rows.append(row)
        }
        return rows.map { $0.map(ClassGrade.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One student's `results.json` in Gradescope's autograder format: a test per step (a valid
    /// step or one carried forward scores 1 of 1, a wrong one 0 of 1, an unchecked one 0 of 0 with
    /// its reason), and per section with a key whether its final result matches.
    public static func gradescope(_ g: StudentGrade) -> String {
        var tests: [GradescopeTest] = []
        for s in g.report.steps {
            let name = "line \(s.line): \(s.latex)"
            switch s.verdict {
            case .valid: tests.append(.init(name: name, score: 1, max_score: 1, status: "passed", output: s.reason))
            case .invalid where s.carriedFrom != nil:
                tests.append(.init(name: name, score: 1, max_score: 1, status: "passed",
                                   output: "carries forward the wrong result of line \(s.carriedFrom!): not deducted again"))
            case .invalid: tests.append(.init(name: name, score: 0, max_score: 1, status: "failed", output: s.reason))
            case .unchecked: tests.append(.init(name: name, score: 0, max_score: 0, status: nil, output: "not checked: " + s.reason))
            }
        }
        for c in g.sections {
            guard let m = c.matchesKey else { continue }
            tests.append(.init(name: "\(c.label): final result", score: m ? 1 : 0, max_score: 1, status: m ? "passed" : "failed",
                               output: "final result \(c.finalResult ?? "")" + (m ? " matches the key" : " differs from the key")))
        }
        let results = GradescopeResults(score: tests.reduce(0) { $0 + $1.score }, visibility: "visible", tests: tests)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(results)) ?? Data(), as: UTF8.self)
    }

    /// Gradescope's `results.json`.
    struct GradescopeResults: Encodable {
        let score: Int
        let visibility: String
        let tests: [GradescopeTest]
    }

    struct GradescopeTest: Encodable {
        let name: String
        let score: Int
        let max_score: Int
        let status: String?
        let output: String
    }
}
