import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct AnswerKeyTests {
    static let all = DerivationCatalog.entries.map(\.name)

    @Test func everyDerivationHasASection() throws {
        for name in Self.all {
            let s = try #require(DerivationCatalog.answerKeySection(name), "\(name)")
            #expect(!s.steps.isEmpty, "\(name)")
            #expect(s.steps.contains { $0.isResult }, "\(name) has no result")
            #expect(DerivationCatalog.persianTitle(name) != nil && DerivationCatalog.persianStatement(name) != nil, "\(name)")
        }
        #expect(DerivationCatalog.answerKeySection("no-such") == nil)
    }

    @Test func backwardPassesListTheForwardEquationsAndBoxTheParameterGradients() throws {
        let s = try #require(DerivationCatalog.answerKeySection("rnn-backward"))
        #expect(s.given.count >= 3)
        let results = s.steps.filter(\.isResult).map(\.left)
        #expect(results.contains { $0.hasPrefix("dW") } && results.contains { $0.hasPrefix("db") })
        #expect(!results.contains { $0.hasPrefix("dz") })
    }

    @Test func keyIsOneDocumentWithEverySectionAndAnEscapedTitle() throws {
        let sections = Self.all.compactMap(DerivationCatalog.answerKeySection)
        for language in ReportLanguage.allCases {
            let tex = AnswerKey(sections: sections, title: "Key \\input{/etc/hostname} 100%").latex(language)
            let body = AnnotatedReportTests.body(tex)
            #expect(TeXInspection.controlSequences(body).filter { $0 == "section" }.count == sections.count)
            #expect(body.contains("\\textbackslash{}input\\{/etc/hostname\\} 100\\%"))
            #expect(!TeXInspection.controlSequences(body).contains("input"))
            #expect(body.contains("\\boxed{"))
            #expect(tex.contains("xepersian") == (language == .fa))
        }
    }

    @Test func aLongStepIsBrokenIntoRowsOfTheAlignment() {
        let long = (1...14).map { "w_{\($0)} x_{\($0)}" }.joined(separator: " + ")
        let row = AnswerKey.row(left: "y", relation: "=", right: long)
        #expect(row.hasPrefix("y &= w_{1} x_{1}"))
        #expect(row.contains(" \\\\\n&\\quad + "))
        #expect(!row.contains("aligned"))
    }
}
