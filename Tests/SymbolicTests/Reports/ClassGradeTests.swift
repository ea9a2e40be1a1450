import Foundation
import Testing
@testable import SymbolicVerification
@testable import SymbolicReports

/// `derive grade`'s library: counts per section against a key, a slip carried forward counted
/// once, the common mistakes grouped, Gradescope's format, and HTML that runs nothing pasted.
@Suite struct ClassGradeTests {
    static let key = "## Q1\n\n$$4 \\times 768 \\times 768 = 2359296$$\n\n$$2359296 \\times 8 = 18874368$$\n\n## Q2\n\n$$(x+1)^2 = x^2 + 2x + 1$$\n"
    static let right = key
    static let slip = "## Q1\n\n$$4 \\times 768 \\times 768 = 2357296$$\n\n$$2357296 \\times 8 = 18874368$$\n\n## Q2\n\n$$(x+1)^2 = x^2 + 1$$\n"
    static let sameMistake = "## Q1\n\n$$4 \\times 768 \\times 768 = 2359296$$\n\n$$2359296 \\times 8 = 18874368$$\n\n## Q2\n\n$$(x+1)^2 = x^2 + 1$$\n"

    @Test func aClassIsCountedAgainstTheKey() throws {
        let grade = ClassGrade([.init(student: "ana", text: Self.right), .init(student: "ben", text: Self.slip),
                                .init(student: "cy", text: Self.sameMistake)], key: Self.key)
        let byName = Dictionary(uniqueKeysWithValues: grade.grades.map { ($0.student, $0) })
        let ana = try #require(byName["ana"]), ben = try #require(byName["ben"]), cy = try #require(byName["cy"])
        #expect(ana.sections.map(\.invalid) == [0, 0] && ana.sections.allSatisfy { $0.matchesKey == true })
        // Ben's slip on line 3 is one mistake; line 5 carries it forward (and holds with 2359296).
        #expect(ben.sections[0].invalid == 1 && ben.sections[0].carried == 1 && ben.firstInvalid == 3)
        #expect(ben.report.steps.first { $0.line == 5 }?.carriedFrom == 3)
        #expect(ben.sections[1].matchesKey == false)
        #expect(cy.sections.map(\.invalid) == [0, 1] && cy.sections[0].matchesKey == true)
        // The same wrong expansion, by two students.
        let common = grade.commonMistakes()
        #expect(common.count == 1 && common[0].students == ["ben", "cy"], "\(common.map(\.form))")
        let csv = grade.csv.split(separator: "\n")
        #expect(csv[0].hasPrefix("student,valid,invalid,unchecked,carried_forward,first_invalid_line,## Q1: valid"))
        #expect(csv.contains { $0.hasPrefix("ben,0,2,0,1,3,") }, "\(csv)")
        // Gradescope: the carried step is not deducted again.
        let results = try #require(try JSONSerialization.jsonObject(with: Data(ClassGrade.gradescope(ben).utf8)) as? [String: Any])
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.contains { ($0["output"] as? String)?.contains("not deducted again") == true && $0["score"] as? Int == 1 })
        #expect(results["score"] as? Int == 2)
    }

    @Test func htmlRunsNothingPasted() {
        let text = "<script>alert(1)</script>\n\n$$x = \\text{<img src=x onerror=alert(1)>}$$\n\n$$1 + 1 = 3$$\n"
        let html = Verifier().verify(text, file: "<b>x</b>.md").html(language: .en)
        #expect(!html.contains("<script>alert") && !html.contains("<img") && !html.contains("<b>x"))
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt;.md"))
        #expect(html.components(separatedBy: "<script").count == 3, "only the two script tags of the page itself")
    }
}
