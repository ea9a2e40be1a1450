import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct TeXProseTests {
    @Test func persianLettersPassAndLatinRunsGoLeftToRight() {
        #expect(TeXProse.escape("مدل LSTM دو gate دارد", .fa) == "مدل \\lr{LSTM} دو \\lr{gate} دارد")
        #expect(TeXProse.escape("عدد ۱۲۸", .fa) == "عدد ۱۲۸")
        // A zero-width non-joiner joins the letter before it into one Character: still Persian text.
        #expect(TeXProse.escape("می\u{200C}توان", .fa) == "می\u{200C}توان")
        // Specials are escaped in both languages.
        #expect(TeXProse.escape("a\\input{x} % #", .fa) == "\\lr{a\\textbackslash{}input\\{x\\} \\% \\#}")
        #expect(TeXProse.escape("a\\input{x}", .en) == LaTeXText.escape("a\\input{x}"))
    }

    @Test func proseIsInertInEitherLanguage() {
        let hostile = "سلام \\input{/etc/hostname} \\write18{ls} ^^5c } { % # $ & ~ \\catcode`\\{=12 \u{0}\u{7}"
        for language in ReportLanguage.allCases {
            let out = TeXProse.escape(hostile, language)
            #expect(TeXInspection.isInert(out), "\(out)")
            #expect(TeXInspection.dangerousSequences(out).isEmpty, "\(out)")
        }
    }

    @Test func placeholdersOfPersianLettersComeBackJoined() {
        let printed = LaTeXText.escape("سرعت")
        #expect(printed == "(U+0633)(U+0631)(U+0639)(U+062A)")
        #expect(TeXProse.restoringPersian(printed) == "\\rl{سرعت}")
        // A Persian name in math, printed letter by letter, becomes one shaped run.
        #expect(TeXProse.restoringPersian("\\text{(U+0633)}\\text{(U+0631)}") == "\\text{\\rl{سر}}")
        // Placeholders of other characters, and text that only looks like one, stay as they are.
        #expect(TeXProse.restoringPersian("(U+005C)input (U+7B)") == "(U+005C)input (U+7B)")
        #expect(TeXProse.restoringPersian("(U+0633") == "(U+0633")
    }

    @Test func languageIsDetectedFromTheProse() throws {
        #expect(ReportLanguage.detect("# تمرین\n\nمشتق تابع $x^2 + y$ برابر است با") == .fa)
        #expect(ReportLanguage.detect("# Exercise\n\nThe derivative of $x^2$ is") == .en)
        // Math alone does not make a document English.
        #expect(ReportLanguage.detect("متن فارسی $abcdefghijklmnopqrstuvwxyz = abcdefghijklmnop$") == .fa)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../Examples")
        #expect(ReportLanguage.detect(try String(contentsOf: examples.appendingPathComponent("persian-notes.md"), encoding: .utf8)) == .fa)
        #expect(ReportLanguage.detect(try String(contentsOf: examples.appendingPathComponent("planted-errors.md"), encoding: .utf8)) == .en)
    }
}
