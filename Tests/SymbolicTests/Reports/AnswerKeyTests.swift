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
            #expect(DerivationCatalog.persianTitle(name) != nil && (s.persianStatement ?? DerivationCatalog.persianStatement(name)) != nil, "\(name)")
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
            // (Escaped, with places where a long run may break.)
            #expect(body.replacingOccurrences(of: "\\allowbreak{}", with: "").contains("\\textbackslash{}input\\{/etc/hostname\\} 100\\%"))
            #expect(!TeXInspection.controlSequences(body).contains("input"))
            #expect(body.contains("\\boxed{"))
            #expect(tex.contains("xepersian") == (language == .fa))
        }
    }

    /// Every rule a derivation prints, with its default options and others, has a Persian phrase.
    @Test func everyRuleHasAPersianPhrase() throws {
        var sections = Self.all.compactMap(DerivationCatalog.answerKeySection)
        for d in [RNNGradient.derivation(steps: 4, activation: .tanh), RNNGradient.derivation(steps: 1),
                  RNNGradient.derivation(steps: 2, firstInput: 0), PERotation.derivation(order: .cosSin, dimensions: 6)] {
            sections.append(AnswerKey.Section(try #require(d)))
        }
        sections.append(AnswerKey.Section(DotVariance.derivation(variance: .one, scaled: true)))
        sections.append(AnswerKey.Section(try ConvolutionMatrix.derivation(input: (3, 3), kernel: (2, 2), stride: 1, padding: 1)))
        sections.append(AnswerKey.Section(try PCA.derivation(data: [[4, 1], [2, 3], [5, 4], [1, 0]], convention: .n)))
        for s in sections {
            for line in s.steps {
                let rule = try #require(line.rule)
                #expect(PersianRules.phrase(rule) != nil, "\(s.name): \(rule) — pattern \(PersianRules.pattern(rule).key)")
            }
        }
    }

    @Test func aPersianPhraseKeepsTheMathOfItsRuleInItsOwnOrder() throws {
        let rule = "coefficient of $\\sin(\\omega t)$ in row 2: $\\sin(\\omega t)$ and $\\cos(\\omega t)$ are independent functions of $t$ (for $\\omega \\neq 0$)"
        let phrase = try #require(PersianRules.phrase(rule))
        #expect(phrase.hasPrefix("ضریب $\\sin(\\omega t)$ در سطر 2"))
        #expect(phrase.contains("(برای $\\omega \\neq 0$)"))
        // A span holding `{1}` is not filled again.
        #expect(PersianRules.phrase("$v_{1}$ spans the null space of $C - \\lambda_{1} I$") == "$v_{1}$ فضای پوچ $C - \\lambda_{1} I$ را پدید می‌آورد")
        #expect(PersianRules.phrase("an unknown rule") == nil)
    }

    @Test func aLongStepIsBrokenIntoRowsOfTheAlignment() {
        let long = (1...14).map { "w_{\($0)} x_{\($0)}" }.joined(separator: " + ")
        let row = AlignedSteps.row(left: "y", relation: "=", right: long)
        #expect(row.hasPrefix("y &= w_{1} x_{1}"))
        #expect(row.contains(" \\\\\n&\\quad + "))
        #expect(!row.contains("aligned"))
    }
}
