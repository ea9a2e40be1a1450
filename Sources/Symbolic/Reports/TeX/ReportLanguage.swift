import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations
/// The language a PDF is typeset in: English with pdfLaTeX, or Persian, right to left, with
/// XeLaTeX and xepersian.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, fa

    /// The TeX engine the language needs.
    public var engine: TeXEngine.Program { self == .fa ? .xelatex : .pdflatex }

    /// The language of a pasted document: Persian when at least a third of its letters outside
    /// math are Arabic-script letters, English otherwise.
    public static func detect(_ text: String) -> ReportLanguage {
        var arabic = 0, latin = 0
        var inMath = false
        for s in text.unicodeScalars {
            if s == "$" { inMath.toggle(); continue }
            if inMath { continue }
            if isArabicScriptLetter(s) { arabic += 1 } else if s.isASCII && s.properties.isAlphabetic { latin += 1 }
        }
        return arabic > 0 && 3 * arabic >= arabic + latin ? .fa : .en
    }

    /// A letter of the Arabic script (Persian included): the Arabic blocks and presentation forms.
    static func isArabicScriptLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    /// The fixed words of the reports and answer keys.
    public func word(_ w: Word) -> String {
        switch self {
        case .en: return w.english
        case .fa: return w.persian
        }
    }

    /// A fixed piece of text in a report or answer key.
    public enum Word: Sendable {
        case answerKey, problem, solution, result, verificationOf, summary, valid, invalid, unchecked, line
        case invalidSteps, none, counterexample, correctValue, asWritten, readAs, reason, notChecked, derivedBy

        var english: String {
            switch self {
            case .answerKey: "Answer key"
            case .problem: "Problem"
            case .solution: "Solution"
            case .result: "Result"
            case .verificationOf: "Verification of"
            case .summary: "Summary"
            case .valid: "valid"
            case .invalid: "invalid"
            case .unchecked: "unchecked"
            case .line: "line"
            case .invalidSteps: "Invalid steps"
            case .none: "none"
            case .counterexample: "Counterexample"
            case .correctValue: "correct value"
            case .asWritten: "As written"
            case .readAs: "Read as"
            case .reason: "Reason"
            case .notChecked: "not checked"
            case .derivedBy: "Derived and checked step by step by derive."
            }
        }

        var persian: String {
            switch self {
            case .answerKey: "پاسخ‌نامه"
            case .problem: "صورت مسئله"
            case .solution: "حل"
            case .result: "نتیجه"
            case .verificationOf: "بررسی"
            case .summary: "خلاصه"
            case .valid: "درست"
            case .invalid: "نادرست"
            case .unchecked: "بررسی‌نشده"
            case .line: "خط"
            case .invalidSteps: "گام‌های نادرست"
            case .none: "هیچ"
            case .counterexample: "مثال نقض"
            case .correctValue: "مقدار درست"
            case .asWritten: "متن نوشته‌شده"
            case .readAs: "خوانش موتور"
            case .reason: "دلیل"
            case .notChecked: "بررسی نشد"
            case .derivedBy: "هر گام با derive به دست آمده و بررسی شده است."
            }
        }
    }
}
