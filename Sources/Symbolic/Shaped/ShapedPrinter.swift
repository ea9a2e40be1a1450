import Foundation
import SymbolicCore
import SymbolicLaTeX

/// Prints shaped expressions as LaTeX in course notation, as plain text, or as NumPy code.
/// Each operation prints itself from its operands' printed forms; this walks the tree.
public enum ShapedPrinter {
    public enum Style: Sendable { case latex, plain, python }

    /// Printed text with the binding strength of its outermost operator.
    public struct Printed: Sendable {
        public let text: String
        public let precedence: Precedence
        public init(_ text: String, _ precedence: Precedence) {
            self.text = text
            self.precedence = precedence
        }

        /// The text ready for a superscript: parenthesised when it binds loosely or already ends in
        /// one (`\left(\tilde{c}^{<t>}\right)^{2}`, never a double superscript).
        public func superscriptable(_ style: Style) -> String {
            if style == .latex, precedence == .atom, text.range(of: #"\^(\{[^{}]*\}|[^{}])$"#, options: .regularExpression) != nil {
                return "\\left(\(text)\\right)"
            }
            return at(.atom, style)
        }

        /// The text, parenthesised when it binds more loosely than `minimum`.
        public func at(_ minimum: Precedence, _ style: Style) -> String {
            guard precedence < minimum else { return text }
            return style == .latex ? "\\left(\(text)\\right)" : "(\(text))"
        }
    }

    /// Sums bind loosest, then elementwise products (`(A ∘ B) C` needs its parentheses), then
    /// matrix products, then prefix minus, then postfix (transpose, powers), then atoms.
    public enum Precedence: Int, Comparable, Sendable {
        case sum = 1, hadamard, product, prefix, postfix, atom
        public static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    public static func string(_ e: ShapedExpression, _ style: Style) -> String { printed(e, style).text }

    /// A scalar expression over dimensions in Python's syntax (`np.sqrt(d)`, `n_a + n_x`).
    static func python(_ v: SymbolicCore.Expression) -> String {
        let s = String(PlainPrinter.string(v).flatMap { $0 == "^" ? "**" : String($0) })
        var out = "", rest = Substring(s)
        while let r = rest.range(of: "sqrt(") {
            let before = rest[..<r.lowerBound]
            out += before + ((before.last.map { $0.isLetter || $0 == "." } ?? false) ? "sqrt(" : "np.sqrt(")
            rest = rest[r.upperBound...]
        }
        return "(" + out + rest + ")"
    }

    public static func printed(_ e: ShapedExpression, _ style: Style) -> Printed {
        var memo: [ShapedExpression: Printed] = [:]
        return printed(e, style, &memo)
    }

    private static func printed(_ e: ShapedExpression, _ style: Style, _ memo: inout [ShapedExpression: Printed]) -> Printed {
        if let m = memo[e] { return m }
        let p: Printed
        switch e.kind {
        case .quantity(let q):
            p = Printed(style == .latex ? q.latex : style == .plain ? q.plain : q.python, .atom)
        case .filled(let v):
            switch style {
            case .latex, .plain:
                // A vector or matrix of equal entries is v times a ones vector (`\mathbf{1}`), a row of
                // them (`\mathbf{1}^T`) or both (`\mathbf{1}\mathbf{1}^T`): a bare 1 would read as a number.
                let latex = style == .latex
                let value = latex ? v.latex : v.description
                let column = e.shape.columns.isOne, row = e.shape.rows.isOne
                let ones = latex ? (column ? "\\mathbf{1}" : row ? "\\mathbf{1}^{T}" : "\\mathbf{1} \\mathbf{1}^{T}")
                    : (column ? "1" : row ? "1^T" : "1 1^T")
                if e.shape.isScalar {
                    p = Printed(value, !latex || (v.rationalValue?.isInteger == true && !(v.rationalValue!.isNegative)) ? .atom : .prefix)
                } else if v.isOne {
                    p = Printed(ones, column ? .atom : row ? .postfix : .product)
                } else {
                    p = Printed(value + " " + ones, .product)
                }
            case .python:
                // A value with dimensions in it (`d^(-1/2)`) in Python's syntax, over the module's
                // dimension variables; a matrix of it has its shape (a product needs it).
                let value = v.rationalValue.map { $0.isInteger ? "\($0.numerator).0" : "(\($0.numerator)/\($0.denominator))" } ?? ShapedPrinter.python(v)
                p = Printed(e.shape.isScalar ? value : "np.full((\(ShapedPrinter.python(e.shape.rows)), \(ShapedPrinter.python(e.shape.columns))), \(value))", .atom)
            }
        case .identity:
            p = Printed(style == .python ? "np.eye(\(PlainPrinter.string(e.shape.rows)))" : "I", .atom)
        case .operation(let power as ElementwisePower, let xs) where power.exponent < 0 && xs[0].shape.isScalar && style != .python:
            // A number's negative power is a fraction: 1/√k, not (√k)^{-1}.
            let base = printed(xs[0], style, &memo)
            let denominator = power.exponent == -1 ? base : ElementwisePower(-power.exponent).print([base], style)
            p = style == .latex ? Printed("\\frac{1}{\(denominator.text)}", .atom) : Printed("1/" + denominator.at(.atom, style), .product)
        case .operation(let op, let xs) where style != .python && (op is LinearCombination || op is Hadamard):
            // Inside a sum or an elementwise product a matrix of equal entries broadcasts as its
            // value: `1 - tanh²(c)`, as the courses write it.
            p = op.print(xs.map { x in
                if case .filled(let v) = x.kind, !x.shape.isScalar {
                    return printed(.filled(v, Shape(.one)), style, &memo)
                }
                return printed(x, style, &memo)
            }, style)
        case .operation(let op, let xs):
            p = op.print(xs.map { printed($0, style, &memo) }, style)
        }
        memo[e] = p
        return p
    }
}

extension ShapedExpression: CustomStringConvertible {
    public var latex: String { ShapedPrinter.string(self, .latex) }
    public var description: String { ShapedPrinter.string(self, .plain) }
}
