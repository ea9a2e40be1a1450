import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations
/// The start of every generated document: the packages a report or answer key uses, in the
/// engine its language needs (pdfLaTeX for English, XeLaTeX with xepersian for Persian).
enum TeXPreamble {
    static func document(_ language: ReportLanguage) -> String {
        var out = """
        \\documentclass[11pt]{article}
        \\usepackage{amsmath,amssymb,mathtools,bm}
        \\usepackage{xcolor}
        \\usepackage[margin=2.3cm,marginparwidth=1.6cm]{geometry}
        \\usepackage{longtable}
        \\allowdisplaybreaks
        \\setcounter{MaxMatrixCols}{64}
        \\setlength{\\parindent}{0pt}
        \\setlength{\\parskip}{4pt}

        """
        if language == .fa {
            // xepersian must come last; Nazli is the Persian face of Debian's fonts-farsiweb.
            out += "\\usepackage{xepersian}\n\\settextfont{Nazli}\n"
            // Source shown as typewriter text is LaTeX or code: always left to right.
            out += "\\let\\typewriter\\texttt\n\\renewcommand{\\texttt}[1]{\\lr{\\typewriter{#1}}}\n"
        }
        // The commands SafeLaTeX lets through that no package above defines.
        out += "\\DeclareMathOperator*{\\argmax}{arg\\,max}\n\\DeclareMathOperator*{\\argmin}{arg\\,min}\n"
        // The verdict marks, defined once so the body names them.
        out += """
        \\newcommand{\\validmark}{\\textcolor{green!50!black}{$\\checkmark$}}
        \\newcommand{\\invalidmark}{\\textcolor{red}{$\\boldsymbol{\\times}$}}
        \\newcommand{\\uncheckedmark}{\\textcolor{gray}{\\textbf{?}}}

        """
        return out
    }

    /// Text in the other direction's run: English words in a Persian document go in `\lr{…}`.
    static func latin(_ text: String, _ language: ReportLanguage) -> String {
        language == .fa ? "\\lr{" + text + "}" : text
    }
}
