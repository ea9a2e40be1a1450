import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicVerification

/// A verification report as one HTML page: the counts, then each step as written with its mark
/// (✓ × ?), the reason, the counterexample and the correct value under a wrong one. Everything
/// from the document is HTML-escaped, so nothing pasted runs; math is in `<span class="math">`
/// for KaTeX to typeset (`render.js` in the folder `katex`, a path relative to the page) and reads
/// as LaTeX without it.
extension VerificationReport {
    public func html(language: ReportLanguage, katex: String = "katex") -> String {
        let rtl = language == .fa
        var out = """
        <!DOCTYPE html>
        <html lang="\(rtl ? "fa" : "en")" dir="\(rtl ? "rtl" : "ltr")">
        <head>
        <meta charset="utf-8">
        <title>\(Self.escape(file))</title>
        <link rel="stylesheet" href="\(katex)/katex.min.css">
        <script defer src="\(katex)/katex.min.js"></script>
        <script defer src="\(katex)/render.js"></script>
        <style>
        body { font-family: sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.5; }
        .step { margin: .6em 0; padding: .3em .6em; border-inline-start: 4px solid #ccc; }
        .valid { border-color: #2a7; } .invalid { border-color: #c22; } .unchecked { border-color: #999; }
        .mark { font-weight: bold; margin-inline-end: .5em; }
        .math { direction: ltr; unicode-bidi: isolate; font-family: monospace; }
        .detail { color: #555; font-size: .9em; }
        </style>
        </head>
        <body>
        <h1>\(Self.escape(file))</h1>
        <p class="summary">✓ \(summary.valid) &nbsp; × \(summary.invalid) &nbsp; ? \(summary.unchecked)</p>

        """
        for s in steps {
            let mark = s.verdict == .valid ? "✓" : s.verdict == .invalid ? "×" : "?"
            out += "<div class=\"step \(s.verdict.rawValue)\" id=\"line-\(s.line)\">"
            out += "<span class=\"mark\">\(mark)</span><span class=\"line\">\(s.line)</span> "
            out += "<span class=\"math\">\(Self.escape(s.latex))</span>"
            if s.verdict != .valid {
                out += "<div class=\"detail\">\(Self.escape(s.reason))"
                if let terms = s.terms { out += "<br>Term by term: " + Self.escape(terms.map(\.sentence).joined(separator: "; ")) }
                if let from = s.carriedFrom { out += "<br>It carries forward the wrong result of line \(from): with its correct value the step holds." }
                if let c = s.counterexample {
                    if !c.point.isEmpty {
                        let point = c.point.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
                        out += "<br>Counterexample: \(Self.escape(point)): left \(Self.escape(c.lhs)), right \(Self.escape(c.rhs))"
                    }
                    if let correct = c.correct { out += "<br>Correct value: \(Self.escape(correct))" }
                }
                out += "</div>"
            }
            out += "</div>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// Text for HTML: `& < > " '` as entities.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Where Debian's libjs-katex puts KaTeX (copied beside graded reports, served by `derive serve`).
    public static let katexFolder = "/usr/share/javascript/katex"

    /// `katex/render.js`: typesets every `.math` span with KaTeX when it is there, trusting nothing
    /// (no `\href`, no `\htmlClass`), errors shown as the source.
    public static let katexRenderScript = """
        document.querySelectorAll('.math').forEach(function (el) {
          if (typeof katex === 'undefined') return;
          try { katex.render(el.textContent, el, { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 1000 }); } catch (e) {}
        });
        """
}
