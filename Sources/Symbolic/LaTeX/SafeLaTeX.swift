/// Pasted math as the student wrote it, made safe to give to TeX: the source is lexed (and its
/// macros expanded) and written out again token by token from a closed list of math commands,
/// environments and characters. Anything else (`\input`, `\def`, `\catcode`, `\write`, an
/// unknown command or environment, text outside ASCII) makes the whole piece refused (nil), and
/// the caller shows the engine's reading instead. Nothing pasted reaches TeX except tokens on
/// these lists, so it cannot execute.
public enum SafeLaTeX {
    /// The longest piece rewritten (longer ones are shown as the engine read them).
    public static let maximumLength = 4_000

    /// Commands that only typeset math.
    static let commands: Set<String> = [
        // Greek.
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi",
        "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
        // Structure.
        "frac", "dfrac", "tfrac", "sqrt", "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "middle",
        "begin", "end", "\\", "text", "mathrm", "mathbf", "mathbb", "mathcal", "mathit", "boldsymbol", "bm", "operatorname",
        "hat", "widehat", "tilde", "widetilde", "bar", "overline", "underline", "vec", "dot", "ddot", "displaystyle", "limits",
        "quad", "qquad", ",", ";", ":", "!", " ", "{", "}", "|", "_", "%",
        // Operators and relations.
        "cdot", "times", "circ", "odot", "otimes", "oplus", "pm", "mp", "div", "ast", "star", "bullet",
        "le", "leq", "ge", "geq", "neq", "ne", "approx", "sim", "simeq", "equiv", "propto", "cong", "ll", "gg",
        "to", "rightarrow", "leftarrow", "Rightarrow", "Leftarrow", "leftrightarrow", "Leftrightarrow", "mapsto",
        "longrightarrow", "Longrightarrow", "implies", "iff", "xrightarrow",
        "in", "notin", "subset", "subseteq", "cup", "cap", "setminus", "forall", "exists", "neg", "land", "lor", "mid",
        "partial", "nabla", "infty", "sum", "prod", "int", "oint", "lim", "limsup", "liminf",
        "log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan", "sec", "csc", "cot",
        "det", "max", "min", "sup", "inf", "arg", "argmax", "argmin", "dim", "ker", "Pr", "gcd",
        "ldots", "cdots", "vdots", "ddots", "dots", "prime", "top", "intercal", "dagger",
        "langle", "rangle", "lVert", "rVert", "Vert", "lvert", "rvert", "lfloor", "rfloor", "lceil", "rceil",
        "because", "therefore", "cdotp", "ell", "hbar", "emptyset", "varnothing", "checkmark", "boxed",
    ]
    /// Environments that lay out math inside math (not `align` or `equation`, which cannot
    /// stand inside a display).
    static let environments: Set<String> = [
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "cases", "aligned", "gathered", "array",
    ]
    /// Characters written as they are.
    static let symbols: Set<Character> = ["+", "-", "*", "/", "=", "<", ">", "(", ")", "[", "]", ",", ".", ":", ";", "'", "|", "!", "^", "_", "{", "}", "&", "?"]

    /// The piece written out again from the lists, or nil when something in it is not on them.
    public static func rewritten(_ source: String, macros: LaTeXMacros = LaTeXMacros()) -> String? {
        guard !source.isEmpty, source.count <= maximumLength else { return nil }
        var macros = macros
        guard case .success(let tokens) = macros.expand(LaTeXLexer.tokens(source)) else { return nil }
        let chars = Array(source)
        var out = ""
        var k = 0
        // What must pair up for TeX to accept the piece: braces, \left … \right, environments
        // (a fragment of a `cases` block is refused, not sent), and `&`, `\\` only inside one.
        var braces = 0, lefts = 0
        var open: [String] = []
        while k < tokens.count {
            let t = tokens[k]
            let space = t.spaceBefore && !out.isEmpty && !out.hasSuffix(" ") ? " " : ""
            switch t.kind {
            case .letter(let c):
                guard c.isASCII else { return nil }
                out += space + String(c)
            case .number:
                // The digits as written (ASCII only: Persian digits and decimal commas are the reader's).
                guard t.start < t.end, t.end <= chars.count else { return nil }
                let digits = String(chars[t.start..<t.end])
                guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
                out += space + digits.replacingOccurrences(of: ",", with: "{,}")
            case .symbol(let c):
                guard symbols.contains(c) else { return nil }
                if c == "{" { braces += 1 } else if c == "}" { braces -= 1; guard braces >= 0 else { return nil } }
                if c == "&" { guard !open.isEmpty else { return nil } }
                out += space + String(c)
            case .command(let name):
                guard commands.contains(name) else { return nil }
                if name == "begin" || name == "end" {
                    // The environment's name, letters (and a star) between braces.
                    guard k + 2 < tokens.count, tokens[k + 1].kind == .symbol("{") else { return nil }
                    var env = "", j = k + 2
                    while j < tokens.count, tokens[j].kind != .symbol("}") {
                        switch tokens[j].kind {
                        case .letter(let c): env.append(c)
                        case .symbol("*"): env.append("*")
                        default: return nil
                        }
                        j += 1
                    }
                    guard j < tokens.count, environments.contains(env) else { return nil }
                    if name == "begin" { open.append(env) } else { guard open.popLast() == env else { return nil } }
                    out += space + "\\\(name){\(env)}"
                    k = j + 1
                    continue
                }
                if name == "text" || name == "operatorname" || name == "mathrm" {
                    // Words in a text box: ASCII letters, digits, spaces and plain punctuation only.
                    guard k + 1 < tokens.count, tokens[k + 1].kind == .symbol("{") else { out += space + "\\" + name; break }
                    var words = "", j = k + 2
                    while j < tokens.count, tokens[j].kind != .symbol("}") {
                        let w = tokens[j]
                        let gap = w.spaceBefore && j > k + 2 ? " " : ""
                        switch w.kind {
                        case .letter(let c) where c.isASCII: words += gap + String(c)
                        case .number:
                            guard w.start < w.end, w.end <= chars.count, chars[w.start..<w.end].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                            words += gap + String(chars[w.start..<w.end])
                        case .symbol(let c) where ",.:;()-+=/'!?".contains(c): words += gap + String(c)
                        case .command(" "), .command(","): words += " "
                        default: return nil
                        }
                        j += 1
                    }
                    guard j < tokens.count else { return nil }
                    // A trailing space inside the box (`\text{if }`) is kept.
                    let trailing = tokens[j].spaceBefore ? " " : ""
                    out += space + "\\\(name){\(words)\(trailing)}"
                    k = j + 1
                    continue
                }
                if name == "left" { lefts += 1 } else if name == "right" { lefts -= 1; guard lefts >= 0 else { return nil } }
                if name == "\\" { guard !open.isEmpty else { return nil } }
                // `\{`, `\|`, `\,`: one character after the backslash; names: a space keeps them apart.
                out += space + "\\" + name + (name.count == 1 || name == "\\" ? "" : " ")
            case .prose:
                return nil
            }
            k += 1
        }
        // `^^5c` is TeX's way of writing a backslash: two carets together are never sent.
        guard braces == 0, lefts == 0, open.isEmpty, !out.contains("^^") else { return nil }
        let text = out.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
