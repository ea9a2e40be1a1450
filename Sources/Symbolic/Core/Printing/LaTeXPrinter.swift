/// Prints expressions as textbook LaTeX: `\frac` for quotients, `\sqrt`, the fewest
/// parentheses that keep the meaning, `\sigma` and `\tanh`, accents and time-step
/// superscripts, and `\cdot` only where juxtaposition would mislead (before a digit).
public enum LaTeXPrinter {
    public static func string(_ e: Expression) -> String {
        var out = ""
        write(e, into: &out)
        return out
    }

    static func write(_ e: Expression, into out: inout String) {
        switch e.kind {
        case .number(let r):
            if r.isInteger { out += r.description }
            else {
                if r.isNegative { out += "-" }
                out += "\\frac{\(r.numerator.magnitude)}{\(r.denominator)}"
            }
        case .constant(.pi): out += "\\pi"
        case .symbol(let s): out += symbol(s)
        case .undefined: out += "\\text{undefined}"
        case .add(let a):
            a.writeSummands(into: &out) { s, _, o in write(s, into: &o) }
        case .mul, .power:
            writeProduct(ProductLayout(e), into: &out)
        case .function(let f, let args):
            writeFunction(f, args, power: nil, into: &out)
        case .derivative(let f, let s, let n):
            let order = n > 1 ? "^{\(n)}" : ""
            let v = symbol(s) + (n > 1 ? "^{\(n)}" : "")
            if case .symbol = f.kind {
                out += "\\frac{\\partial\(order) \(string(f))}{\\partial \(v)}"
            } else {
                out += "\\frac{\\partial\(order)}{\\partial \(v)}\\left(\(string(f))\\right)"
            }
        case .bigOperator(let o):
            let (letter, body) = o.displayed()
            out += o.operation == .sum ? "\\sum" : "\\prod"
            if let l = o.lower, let u = o.upper { out += "_{\(symbol(letter)) = \(string(l))}^{\(string(u))}" }
            else { out += "_{\(symbol(letter))}" }
            let inner = string(body)
            out += body.printPrecedence < .product ? " \\left(\(inner)\\right)" : " " + inner
        case .indexed(let base, let ix):
            out += symbol(base) + "_{" + ix.map(string).joined(separator: ",") + "}"
        case .expectation(let b):
            out += "\\mathbb{E}\\left[\(string(b))\\right]"
        }
    }

    /// `\hat{y}`, `W_{ua}`, `\Gamma_{u}^{\langle t \rangle}`, `c'`. Names, subscripts and indices
    /// come from documents: they are rewritten by `LaTeXNames`, never copied.
    public static func symbol(_ s: Symbol) -> String {
        var n: String
        var base = s.name
        var star = false
        if base.count > 1, base.hasSuffix("*") { base.removeLast(); star = true }
        if greekLetterNames.contains(base) { n = "\\" + base }
        // A gradient named by its Greek letter, `d\gamma_f`.
        else if base.hasPrefix("d"), greekLetterNames.contains(String(base.dropFirst())) { n = "d\\" + base.dropFirst() }
        // A letter against an accented letter, `p\tilde{c}`.
        else if let c = CompoundName.parts(base) { n = "\(c.prefix)\\\(c.accent){\(c.letter)}" }
        else if base.count > 1 { n = "\\mathit{\(LaTeXNames.math(base))}" }
        else { n = isLetter(base) ? base : "{\(LaTeXNames.math(base))}" }
        // Whether `n` ends in a superscript: another one needs a new nucleus.
        var superscripted = star
        if star { n += "^{*}" }
        if let a = s.accent {
            n = a == .bold ? "\\mathbf{\(n)}" : "\\\(a.rawValue){\(n)}"
            superscripted = false
        }
        if s.primes > 0 {
            if superscripted { n = newNucleus(n, s) }
            n += String(repeating: "'", count: s.primes)
            superscripted = true
        }
        if let sub = s.subscriptText { n += isLetter(sub) || isDigit(sub) ? "_\(sub)" : "_{\(LaTeXNames.math(sub))}" }
        if let t = s.timeStep {
            if superscripted { n = newNucleus(n, s) }
            let index = LaTeXNames.math(t.index)
            switch t.style {
            case .angle: n += "^{\\langle \(index) \\rangle}"
            case .paren: n += "^{(\(index))}"
            case .bracket: n += "^{[\(index)]}"
            case .label: n += "^{\(index)}"
            }
        }
        return n
    }

    /// `n` braced as the nucleus of another script. TeX unwraps a group that holds a single accent
    /// atom (`{\tilde{c}^{t}}^{2}` is a double superscript), so an accented name gets an empty atom first.
    static func newNucleus(_ n: String, _ s: Symbol) -> String {
        s.accent == nil || s.accent == .bold ? "{\(n)}" : "{{}\(n)}"
    }

    /// True when the printed symbol ends in a superscript (a time step, a star or primes).
    static func carriesSuperscript(_ s: Symbol) -> Bool {
        s.timeStep != nil || s.primes > 0 || (s.name.count > 1 && s.name.hasSuffix("*") && s.accent == nil)
    }

    /// True for a one-letter Latin name, which prints as itself.
    private static func isLetter(_ name: String) -> Bool {
        name.count == 1 && name.first!.isASCII && name.first!.isLetter
    }

    private static func isDigit(_ text: String) -> Bool {
        text.count == 1 && text.first!.isASCII && text.first!.isNumber
    }

    private static func functionName(_ f: Function) -> String {
        switch f {
        case .sigmoid: "\\sigma"
        case .relu: "\\operatorname{ReLU}"
        case .heaviside: "\\operatorname{H}"
        case .asin: "\\arcsin"
        case .acos: "\\arccos"
        case .atan: "\\arctan"
        case .undefined(let n):
            if greekLetterNames.contains(n) { "\\" + n }
            else if isLetter(n) { n }
            else if n.count == 1 { "{\(LaTeXNames.math(n))}" }
            else { "\\operatorname{\(LaTeXNames.math(n))}" }
        default: "\\" + f.name
        }
    }

    private static func writeFunction(_ f: Function, _ args: [Expression], power: Expression?, into out: inout String) {
        switch f {
        case .exp:
            if args[0].isOne && power == nil { out += "e"; return }
            out += "e^{"; write(power.map { args[0] * $0 } ?? args[0], into: &out); out += "}"
            return
        case .abs:
            out += "\\left|"; write(args[0], into: &out); out += "\\right|"
            if let p = power { out += "^{"; write(p, into: &out); out += "}" }
            return
        default: break
        }
        out += functionName(f)
        if let p = power { out += "^{"; write(p, into: &out); out += "}" }
        let inner = args.map(string).joined(separator: ", ")
        if inner.contains("\\frac") { out += "\\left(\(inner)\\right)" } else { out += "(\(inner))" }
    }

    private static func parenthesised(_ e: Expression, below p: Precedence) -> String {
        let s = string(e)
        if e.printPrecedence < p {
            return s.contains("\\frac") ? "\\left(\(s)\\right)" : "(\(s))"
        }
        return s
    }

    private static func writeProduct(_ layout: ProductLayout, into out: inout String) {
        if layout.negative { out += "-" }
        let num = factors(layout.numeratorCoefficient, layout.numerator)
        guard layout.hasDenominator else { out += num; return }
        let den = factors(layout.denominatorCoefficient, layout.denominator)
        out += "\\frac{\(num)}{\(den)}"
    }

    /// A coefficient and factors written side by side.
    private static func factors(_ c: Integer, _ fs: [(base: Expression, exponent: Expression)]) -> String {
        var parts: [String] = []
        if !c.isOne || fs.isEmpty { parts.append(c.description) }
        for f in fs { parts.append(power(f.base, f.exponent, multiplied: fs.count + parts.count > 1)) }
        var out = ""
        for (i, p) in parts.enumerated() {
            if i > 0 {
                let startsWithDigit = p.first.map { $0.isNumber } ?? false
                out += startsWithDigit ? " \\cdot " : " "
            }
            out += p
        }
        return out
    }

    private static func power(_ base: Expression, _ exponent: Expression, multiplied: Bool) -> String {
        if exponent.isOne { return parenthesised(base, below: multiplied ? .power : .sum) }
        if let r = exponent.rationalValue, r.numerator.isOne, !r.isInteger {
            let index = r.denominator == 2 ? "" : "[\(r.denominator)]"
            return "\\sqrt\(index){\(string(base))}"
        }
        if case .function(let f, let args) = base.kind, f != .undefined(""), isNamedOperator(f) {
            var s = ""
            writeFunction(f, args, power: exponent, into: &s)
            return s
        }
        var b = parenthesised(base, below: .atom)
        // A symbol that already carries a superscript (a time step, a star, primes) needs braces before a power.
        if case .symbol(let s) = base.kind, carriesSuperscript(s) { b = newNucleus(b, s) }
        return b + "^{\(string(exponent))}"
    }

    private static func isNamedOperator(_ f: Function) -> Bool {
        switch f {
        case .sin, .cos, .tan, .cot, .sec, .csc, .sinh, .cosh, .tanh, .log, .exp, .abs: true
        default: false
        }
    }
}

extension Expression {
    /// The expression as textbook LaTeX.
    public var latex: String { LaTeXPrinter.string(self) }
}

extension Matrix {
    /// The matrix as LaTeX: an `array` in brackets (no column limit, unlike `bmatrix`).
    public var latex: String {
        let body = (0..<rows).map { i in (0..<columns).map { self[i, $0].latex }.joined(separator: " & ") }
        return "\\left[\\begin{array}{\(String(repeating: "c", count: columns))} "
            + body.joined(separator: " \\\\ ") + " \\end{array}\\right]"
    }
}

extension MathValue {
    /// The value as LaTeX.
    public var latex: String {
        switch self {
        case .scalar(let e): e.latex
        case .matrix(let m): m.latex
        }
    }
}
