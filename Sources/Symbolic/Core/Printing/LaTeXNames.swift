/// Names, subscripts and time-step indices as math-mode LaTeX.
///
/// These come from a document (`\text{…}` names, `W_{\text{max}}`), so they are rewritten,
/// never copied: Greek letters, a fixed set of symbols and font or accent commands over a
/// braced group are kept; every other command shows as `\backslash` and its name; braces
/// that do not pair, and `#`, `$`, `%`, `&`, `~`, show as characters; a script never lands on
/// a nucleus that already has one. The result is balanced and can run nothing.
struct LaTeXNames {
    /// A control sequence (`\alpha`, `\,`) or one character of the source.
    enum Piece: Equatable {
        case command(String)
        case character(Character)
    }

    /// Commands without arguments that may appear in a name.
    static let symbols: Set<String> = greekLetterNames.union([
        "langle", "rangle", "cdot", "cdots", "ldots", "dots", "prime", "ast", "star", "infty", "partial",
        "nabla", "ell", "hbar", "imath", "jmath", "in", "notin", "leq", "geq", "le", "ge", "neq", "ne",
        "pm", "mp", "times", "div", "to", "rightarrow", "leftarrow", "mid", "circ", "top", "perp", "sim",
        "approx", "equiv", "propto", "min", "max", "log", "ln", "exp", "sin", "cos", "tan", "det",
    ])

    /// Font and accent commands over one braced group, and the command written for each.
    static let wrappers: [String: String] = [
        "text": "mathrm", "textrm": "mathrm", "textnormal": "mathrm", "mathrm": "mathrm", "operatorname": "mathrm",
        "mathit": "mathit", "textit": "mathit", "mathsf": "mathsf", "textsf": "mathsf",
        "mathtt": "mathtt", "texttt": "mathtt", "mathbf": "mathbf", "textbf": "mathbf", "boldsymbol": "mathbf",
        "bm": "mathbf", "mathcal": "mathcal", "hat": "hat", "widehat": "widehat", "bar": "bar",
        "overline": "overline", "tilde": "tilde", "widetilde": "widetilde", "vec": "vec", "dot": "dot",
    ]

    /// Groups nested deeper than this show their braces as characters.
    static let maximumDepth = 16

    let pieces: [Piece]
    /// For each `{` that opens a group: the index of its `}`.
    let closing: [Int: Int]

    init(_ s: String) {
        var pieces: [Piece] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            guard chars[i] == "\\", i + 1 < chars.count else { pieces.append(.character(chars[i])); i += 1; continue }
            var j = i + 1
            while j < chars.count, chars[j].isASCII, chars[j].isLetter { j += 1 }
            if j == i + 1 { j += 1 }
            pieces.append(.command(String(chars[(i + 1)..<j])))
            i = j
        }
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        for (k, p) in pieces.enumerated() {
            if p == .character("{") { open.append(k) }
            if p == .character("}"), let o = open.popLast(), open.count < LaTeXNames.maximumDepth { closing[o] = k }
        }
        self.pieces = pieces
        self.closing = closing
    }

    /// The whole text as math-mode LaTeX.
    static func math(_ s: String) -> String {
        let names = LaTeXNames(s)
        return names.write(0..<names.pieces.count)
    }

    /// Which scripts the current nucleus carries.
    private struct Scripts {
        var sub = false, sup = false, primes = false
    }

    /// `pieces[range]` as math-mode LaTeX.
    private func write(_ range: Range<Int>) -> String {
        var out = ""
        var scripts = Scripts()
        var i = range.lowerBound
        func atom(_ s: String) { out += s; scripts = Scripts() }
        while i < range.upperBound {
            switch pieces[i] {
            case .character("{") where closing[i] != nil:
                let end = closing[i]!
                atom("{" + write((i + 1)..<end) + "}")
                i = end + 1
            case .character(let c) where c == "_" || c == "^":
                guard let (arg, next) = argument(after: i, before: range.upperBound) else {
                    atom(LaTeXNames.character(c)); i += 1; continue
                }
                let sub = c == "_"
                if sub ? scripts.sub : scripts.sup { atom("{}") }
                out += "\(c){\(arg)}"
                if sub { scripts.sub = true } else { scripts.sup = true }
                scripts.primes = false
                i = next
            case .character("'"):
                if scripts.sup && !scripts.primes { atom("{}") }
                out += "'"
                scripts.sup = true
                scripts.primes = true
                i += 1
            case .command(let name) where LaTeXNames.wrappers[name] != nil:
                if let (arg, next) = group(after: i, before: range.upperBound) {
                    atom("\\\(LaTeXNames.wrappers[name]!){\(arg)}")
                    i = next
                } else {
                    i += 1  // a font command with no group changes nothing worth showing
                }
            case .command(let name):
                atom(LaTeXNames.command(name)); i += 1
            case .character(let c):
                atom(LaTeXNames.character(c)); i += 1
            }
        }
        return out
    }

    /// The braced group right after piece `i`, written, and the index after it.
    private func group(after i: Int, before end: Int) -> (String, Int)? {
        guard i + 1 < end, let close = closing[i + 1], close < end else { return nil }
        return (write((i + 2)..<close), close + 1)
    }

    /// The argument of a script at piece `i`: a group, a character or a symbol command.
    private func argument(after i: Int, before end: Int) -> (String, Int)? {
        if let g = group(after: i, before: end) { return g }
        guard i + 1 < end else { return nil }
        switch pieces[i + 1] {
        case .command(let name) where LaTeXNames.symbols.contains(name):
            return (LaTeXNames.command(name), i + 2)
        case .character(let c) where !"{}_^'\\".contains(c) && !c.isWhitespace:
            return (LaTeXNames.character(c), i + 2)
        default:
            return nil
        }
    }

    /// A command the scanner found (a run of ASCII letters or one other character), alone.
    static func command(_ name: String) -> String {
        if symbols.contains(name) { return "\\\(name) " }
        if name.count == 1 {
            let c = name.first!
            if ",;:! ".contains(c) { return "\\" + name }
            if "{}#$%&_".contains(c) { return "\\" + name }
            return "\\backslash " + character(c)
        }
        return "\\backslash \\mathrm{\(name)}"
    }

    /// One character, alone: never a script, never an open group.
    static func character(_ c: Character) -> String {
        if c.isNewline || c.isWhitespace { return "\\ " }
        switch c {
        case "\\": return "\\backslash "
        case "{", "}", "#", "$", "%", "&", "_": return "\\" + String(c)
        case "^": return "\\text{\\textasciicircum}"
        case "~": return "\\sim "
        case "'": return "\\prime "
        default: break
        }
        if LaTeXText.isPrintableASCII(c) { return String(c) }
        if let m = LaTeXText.mathSymbol(c) { return m }
        return "\\text{" + (LaTeXText.textSymbol(c) ?? LaTeXText.placeholder(c)) + "}"
    }
}
