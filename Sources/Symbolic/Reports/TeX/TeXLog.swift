import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// Reading a TeX log: the first real error and the line of the `.tex` it is on.
enum TeXLog {
    /// `report.tex:12: Undefined control sequence.` style errors (with `-file-line-error`) or
    /// `! Message` followed by `l.12 …`; nil when the log holds no error.
    static func firstError(_ log: String) -> String? {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (k, line) in lines.enumerated() {
            if let r = line.range(of: ".tex:"), let colon = line[r.upperBound...].firstIndex(of: ":"),
               let n = Int(line[r.upperBound..<colon]) {
                let message = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                return "line \(n) of the generated .tex: \(message)\(context(lines, after: k))"
            }
            if line.hasPrefix("! ") {
                let message = String(line.dropFirst(2))
                for l in lines[k...].prefix(40) where l.hasPrefix("l.") {
                    let digits = l.dropFirst(2).prefix { $0.isNumber }
                    if let n = Int(digits) { return "line \(n) of the generated .tex: \(message)" }
                }
                return message
            }
        }
        return nil
    }

    /// The source excerpt TeX prints after an error (`l.12 \foo`), when there is one.
    private static func context(_ lines: [String], after k: Int) -> String {
        for l in lines[(k + 1)...].prefix(12) where l.hasPrefix("l.") {
            let text = l.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? "" : " (at \(text.prefix(60)))"
        }
        return ""
    }
}
