import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// Prose from a pasted document as text-mode LaTeX in a report's language.
///
/// Every character maps to a fixed piece of LaTeX, as in `LaTeXText`: prose can never start a
/// control sequence or unbalance braces. In Persian, Arabic-script letters (and the zero-width
/// non-joiner) pass through to XeLaTeX, and runs of Latin text are set left to right in `\lr{…}`.
enum TeXProse {
    static func escape(_ s: String, _ language: ReportLanguage) -> String {
        // Long runs without spaces (URLs) may break, so prose stays inside the margins.
        guard language == .fa else { return LaTeXText.wrapping(s) }
        var out = "", latinRun = ""
        func flush() {
            let trimmed = latinRun.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                // Spaces around the run stay outside `\lr`, so words do not run together.
                let lead = latinRun.prefix { $0 == " " }, trail = String(latinRun.reversed().prefix { $0 == " " })
                out += lead + "\\lr{" + LaTeXText.wrapping(trimmed) + "}" + trail
            } else {
                out += latinRun
            }
            latinRun = ""
        }
        for c in s {
            if isPersianText(c) {
                flush()
                out.append(c)
            } else if c == " " {
                if latinRun.isEmpty { out.append(c) } else { latinRun.append(c) }
            } else if c.isNewline || c == "\t" {
                flush()
                out += " "
            } else if c.isASCII && (c.isLetter || c.isNumber) {
                latinRun.append(c)
            } else {
                // Punctuation and symbols: escaped as in English; inside a Latin run they stay in it.
                if latinRun.isEmpty { out += LaTeXText.text(c) } else { latinRun.append(c) }
            }
        }
        flush()
        return out
    }

    /// Characters XeLaTeX sets with the Persian font: Arabic-script letters, Persian and
    /// Arabic-Indic digits, Arabic punctuation and the zero-width non-joiner.
    static func isPersianText(_ c: Character) -> Bool {
        guard c.unicodeScalars.count <= 3, let s = c.unicodeScalars.first else { return false }
        // Combining marks (harakat) and the zero-width (non-)joiner ride on their letter.
        guard c.unicodeScalars.dropFirst().allSatisfy({ (0x064B...0x065F).contains($0.value) || [0x0670, 0x200C, 0x200D].contains($0.value) }) else { return false }
        switch s.value {
        case 0x060C, 0x061B, 0x061F, 0x0660...0x0669, 0x066A...0x066C, 0x06F0...0x06F9, 0x200C: return true
        default: return ReportLanguage.isArabicScriptLetter(s)
        }
    }

    /// A Persian document's LaTeX with the code-point placeholders of Arabic-script characters
    /// (`(U+0633)`, written by `LaTeXText` where pdfLaTeX could not set them) turned back into the
    /// characters, each run in `\rl{…}` so XeLaTeX sets it right to left inside math's `\text`.
    /// Only characters `isPersianText` accepts come back, so nothing can start a control sequence.
    static func restoringPersian(_ latex: String) -> String {
        let chars = Array(latex)
        var out = "", i = 0
        while i < chars.count {
            var run = "", j = i
            while let (c, next) = placeholder(chars, at: j) {
                run.append(c)
                j = next
                if j < chars.count, chars[j] == " ", placeholder(chars, at: j + 1) != nil { run.append(" "); j += 1 }
            }
            if run.isEmpty {
                out.append(chars[i])
                i += 1
            } else {
                out += "\\rl{" + run + "}"
                i = j
            }
        }
        // A Persian name in math is printed letter by letter (`\text{\rl{ت}}\text{\rl{ع}}`): one run
        // joins its letters, so XeLaTeX shapes the word.
        return out.replacingOccurrences(of: "}}\\text{\\rl{", with: "").replacingOccurrences(of: "}}\\ \\text{\\rl{", with: " ")
    }

    /// The Persian character of a placeholder `(U+XXXX …)` starting at `k`, and the offset after it.
    private static func placeholder(_ chars: [Character], at k: Int) -> (Character, Int)? {
        guard k + 8 <= chars.count, chars[k] == "(", chars[k + 1] == "U", chars[k + 2] == "+" else { return nil }
        var scalars = String.UnicodeScalarView()
        var j = k + 3
        while true {
            var hex = ""
            while j < chars.count, chars[j].isHexDigit, hex.count < 6 { hex.append(chars[j]); j += 1 }
            guard hex.count >= 4, let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { return nil }
            scalars.append(scalar)
            guard j < chars.count else { return nil }
            if chars[j] == ")" { break }
            guard j + 3 < chars.count, chars[j] == " ", chars[j + 1] == "U", chars[j + 2] == "+" else { return nil }
            j += 3
        }
        let c = Character(String(scalars))
        return isPersianText(c) ? (c, j + 1) : nil
    }
}
