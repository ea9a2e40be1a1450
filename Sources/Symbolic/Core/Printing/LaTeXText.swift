/// Escaping of text taken from a document (file names, reasons, unreadable source) for LaTeX.
///
/// Every character maps to a fixed piece of LaTeX: text from a document can never start a
/// control sequence, unbalance braces, or hand pdfLaTeX a character it cannot typeset.
package enum LaTeXText {
    /// `s` as text-mode LaTeX.
    package static func escape(_ s: String) -> String {
        var out = ""
        for c in s { out += text(c) }
        return out
    }

    /// `s` as text-mode LaTeX that may break inside a long run without spaces (a URL, a value
    /// printed in plain syntax): after a slash, dot, operator or punctuation mark once the run is
    /// 4 characters long, and every 16 characters of a run without one. Short words are untouched.
    package static func wrapping(_ s: String) -> String {
        var out = "", run = 0
        for c in s {
            out += text(c)
            if c == " " || c.isNewline { run = 0; continue }
            run += 1
            if (run >= 4 && "/.-_=&?,;:*+)]".contains(c)) || run >= 16 {
                out += "\\allowbreak{}"
                run = 0
            }
        }
        return out
    }

    /// `s` escaped for typewriter text that may break inside a long word: a break is allowed after
    /// each backslash, brace, operator or punctuation mark, and every 12 characters of a run
    /// without one (OCR lines and source with no spaces stay inside the margins).
    package static func breakable(_ s: String) -> String {
        var out = "", run = 0
        for c in s {
            out += text(c)
            run += 1
            if "\\{}()[]=+-*/,;:|_^".contains(c) || run >= 12 {
                out += "\\allowbreak{}"
                run = 0
            }
            if c == " " { run = 0 }
        }
        return out
    }

    /// How `verbatim` output starts: a reading holding it kept part of its source as text.
    public static let verbatimPrefix = "\\text{\\texttt{"

    /// `s` as verbatim-looking text for math mode: `\text{\texttt{…}}`, escaped.
    package static func verbatim(_ s: String) -> String {
        "\\text{\\texttt{\(escape(s))}}"
    }

    /// One character in text mode.
    package static func text(_ c: Character) -> String {
        if c.isNewline || c == "\t" { return " " }
        switch c {
        case "\\": return "\\textbackslash{}"
        case "{", "}", "%", "&", "#", "_": return "\\" + String(c)
        case "$": return "$\\$$"  // `\$` in typewriter type would need a TS1 font
        case "^": return "\\^{}"
        case "~": return "\\~{}"
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        default: break
        }
        if isPrintableASCII(c) { return String(c) }
        return textSymbol(c) ?? mathSymbol(c).map { "$\($0)$" } ?? placeholder(c)
    }

    /// Printable ASCII other than space and the characters TeX treats specially.
    static func isPrintableASCII(_ c: Character) -> Bool {
        guard c.isASCII, let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return v >= 0x20 && v < 0x7F
    }

    /// A non-ASCII character pdfLaTeX (utf8, OT1) sets in text: Latin-1 letters, dashes, quotes,
    /// and Persian and Arabic-Indic digits as ASCII digits.
    static func textSymbol(_ c: Character) -> String? {
        if let d = UnicodeMath.digitValue(c) { return String(d) }
        switch c {
        case "٫": return "."
        case "–": return "--"
        case "—": return "---"
        case "‘": return "`"
        case "’": return "'"
        case "“": return "``"
        case "”": return "''"
        case "…": return "\\ldots{}"
        default: break
        }
        guard c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value else { return nil }
        // À…ÿ without ×, ÷ and the letters OT1 lacks (Ð, Þ, ð, þ).
        let latin1Letters = (0xC0...0xFF as ClosedRange<UInt32>)
        return latin1Letters.contains(v) && ![0xD7, 0xF7, 0xD0, 0xDE, 0xF0, 0xFE].contains(v) ? String(c) : nil
    }

    /// A non-ASCII character that stands for math (`α`, `≤`, `²`, `×`), as math-mode LaTeX from a fixed table.
    static func mathSymbol(_ c: Character) -> String? {
        switch c {
        case "×": return "\\times "
        case "·": return "\\cdot "
        case "∼": return "\\sim "
        case "−": return "-"
        case "←": return "\\leftarrow "
        case "→": return "\\rightarrow "
        case "⇒": return "\\Rightarrow "
        case "⇔": return "\\Leftrightarrow "
        default: break
        }
        if let name = UnicodeMath.commands[c] {
            // A bare `\sqrt` would take the next token as its argument.
            return name == "sqrt" ? "\\surd " : "\\\(name) "
        }
        if let r = UnicodeMath.superscripts[c] {
            // Braced, so that a script after it never doubles the superscript.
            return "{{}^{\(r)}}"
        }
        return nil
    }

    /// A visible stand-in for a character pdfLaTeX cannot set: its code points, `(U+0633)`.
    static func placeholder(_ c: Character) -> String {
        let codes = c.unicodeScalars.map { s -> String in
            let hex = String(s.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "(" + codes.joined(separator: " ") + ")"
    }
}
