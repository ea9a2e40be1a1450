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

    /// Sums bind loosest, then products, then prefix minus, then postfix (transpose, powers), then atoms.
    public enum Precedence: Int, Comparable, Sendable {
        case sum = 1, product, prefix, postfix, atom
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
            case .latex: p = Printed(v.latex, v.rationalValue?.isInteger == true && !(v.rationalValue!.isNegative) ? .atom : .prefix)
            case .plain: p = Printed(v.description, .atom)
            case .python:
                // A value with dimensions in it (`d^(-1/2)`) in Python's syntax, over the module's
                // dimension variables; a matrix of it has its shape (a product needs it).
                let value = v.rationalValue.map { $0.isInteger ? "\($0.numerator).0" : "(\($0.numerator)/\($0.denominator))" } ?? ShapedPrinter.python(v)
                p = Printed(e.shape.isScalar ? value : "np.full((\(ShapedPrinter.python(e.shape.rows)), \(ShapedPrinter.python(e.shape.columns))), \(value))", .atom)
            }
        case .identity:
            p = Printed(style == .python ? "np.eye(\(PlainPrinter.string(e.shape.rows)))" : "I", .atom)
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
