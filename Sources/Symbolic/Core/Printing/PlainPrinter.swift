/// Prints expressions in the plain syntax that `PlainParser` reads back.
public enum PlainPrinter {
    public static func string(_ e: Expression) -> String {
        var out = ""
        write(e, into: &out)
        return out
    }

    static func write(_ e: Expression, into out: inout String) {
        switch e.kind {
        case .number(let r): out += r.description
        case .constant(.pi): out += "pi"
        case .symbol(let s): out += name(s)
        case .undefined: out += "undefined"
        case .add(let a):
            a.writeSummands(into: &out) { s, negated, o in
                // After a minus sign a product or quotient needs no parentheses: `x - 3*y`, `x - y/2`.
                if negated { write(s, into: &o, parenthesisedBelow: .product) } else { write(s, into: &o) }
            }
        case .mul, .power:
            writeProduct(ProductLayout(e), into: &out)
        case .function(let f, let args):
            if f == .exp, args[0].isOne { out += "e"; return }
            out += f.name + "("
            for (i, a) in args.enumerated() { if i > 0 { out += ", " }; write(a, into: &out) }
            out += ")"
        case .derivative(let f, let s, let n):
            out += "diff(" ; write(f, into: &out); out += ", \(name(s))"
            if n > 1 { out += ", \(n)" }
            out += ")"
        case .bigOperator(let o):
            let (letter, body) = o.displayed()
            out += (o.operation == .sum ? "sum(" : "prod("); write(body, into: &out); out += ", \(name(letter))"
            if let l = o.lower, let u = o.upper { out += ", "; write(l, into: &out); out += ", "; write(u, into: &out) }
            out += ")"
        case .indexed(let base, let ix):
            out += name(base) + "_[" + ix.map(string).joined(separator: ",") + "]"
        case .expectation(let b):
            out += "E("; write(b, into: &out); out += ")"
        }
    }

    package static func name(_ s: Symbol) -> String {
        var n = s.name
        if let a = s.accent { n = "\(a.rawValue)_\(n)" }
        if let sub = s.subscriptText { n += "_" + sub.filter { !$0.isWhitespace && $0 != "{" && $0 != "}" } }
        if let t = s.timeStep { n += t.style == .label ? "^\(t.index)" : "^<\(t.index)>" }
        return n + String(repeating: "'", count: s.primes)
    }

    private static func write(_ e: Expression, into out: inout String, parenthesisedBelow p: Precedence) {
        if e.printPrecedence < p { out += "("; write(e, into: &out); out += ")" } else { write(e, into: &out) }
    }

    private static func writeProduct(_ layout: ProductLayout, into out: inout String) {
        if layout.negative { out += "-" }
        var parts: [String] = []
        if !layout.numeratorCoefficient.isOne || layout.numerator.isEmpty { parts.append(layout.numeratorCoefficient.description) }
        for f in layout.numerator { parts.append(power(f.base, f.exponent)) }
        out += parts.joined(separator: "*")
        guard layout.hasDenominator else { return }
        // `a/2/(y + 1)`, not `a/(2*(y + 1))`: a number times a sum would be distributed on reading.
        if !layout.denominatorCoefficient.isOne { out += "/" + layout.denominatorCoefficient.description }
        let den = layout.denominator.map { power($0.base, $0.exponent) }
        if !den.isEmpty { out += "/" + (den.count > 1 ? "(" + den.joined(separator: "*") + ")" : den[0]) }
    }

    private static func power(_ base: Expression, _ exponent: Expression) -> String {
        var s = ""
        if exponent.isOne {
            write(base, into: &s, parenthesisedBelow: .power)
            return s
        }
        if let r = exponent.rationalValue, r == Rational(1, 2)! {
            s += "sqrt("; write(base, into: &s); s += ")"
            return s
        }
        write(base, into: &s, parenthesisedBelow: .atom)
        s += "^"
        write(exponent, into: &s, parenthesisedBelow: .atom)
        return s
    }
}

extension Expression: CustomStringConvertible {
    /// The plain-syntax form, which `PlainParser` reads back.
    public var description: String { PlainPrinter.string(self) }
}

extension MathValue {
    /// The value in plain syntax; a matrix as `[a, b; c, d]`.
    public var plain: String {
        switch self {
        case .scalar(let e): return PlainPrinter.string(e)
        case .matrix(let m): return "[" + (0..<m.rows).map { i in (0..<m.columns).map { PlainPrinter.string(m[i, $0]) }.joined(separator: ", ") }.joined(separator: "; ") + "]"
        }
    }
}
