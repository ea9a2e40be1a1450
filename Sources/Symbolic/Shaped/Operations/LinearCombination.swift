import SymbolicCore
import SymbolicLaTeX
/// `c₁X₁ + c₂X₂ + …` with rational coefficients, all operands of one shape. Canonical form:
/// nested sums flattened, equal operands merged, zero terms dropped, `1·X` is `X`.
public struct LinearCombination: ShapedOperation {
    public let coefficients: [Rational]

    public var key: String { "sum[" + coefficients.map(\.description).joined(separator: ",") + "]" }

    public func shape(of operands: [Shape]) throws(ShapeError) -> Shape {
        guard let first = operands.first else { throw ShapeError("an empty sum") }
        for s in operands where s != first { throw ShapeError("a sum of a \(first) and a \(s) quantity", unequal: ShapeError.pairs(first, s)) }
        return first
    }

    public func adjoint(_ i: Int, operands: [ShapedExpression], result: ShapedExpression, seed: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .scaled(seed, coefficients[i])
    }

    public func print(_ xs: [ShapedPrinter.Printed], _ style: ShapedPrinter.Style) -> ShapedPrinter.Printed {
        var out = ""
        for (k, (x, c)) in zip(xs, coefficients).enumerated() {
            let magnitude = c.magnitude
            let factor: String
            if magnitude.isOne { factor = "" }
            else if style == .latex { factor = Expression(magnitude).latex + " " }
            else { factor = style == .python ? "(\(magnitude.numerator)/\(magnitude.denominator))*" : "\(magnitude)*" }
            let term = factor + (magnitude.isOne ? x.at(.sum, style) : x.at(.product, style))
            if k == 0 { out += c.isNegative ? "-" + (magnitude.isOne ? x.at(.product, style) : term) : term }
            else { out += (c.isNegative ? " - " : " + ") + term }
        }
        return ShapedPrinter.Printed(out, coefficients.count == 1 ? (coefficients[0].isNegative ? .prefix : .product) : .sum)
    }

    public func evaluate(_ xs: [Matrix]) -> Matrix? {
        guard let first = xs.first, xs.allSatisfy({ $0.rows == first.rows && $0.columns == first.columns }) else { return nil }
        var entries = [Expression](repeating: .zero, count: first.entries.count)
        for (m, c) in zip(xs, coefficients) {
            for k in entries.indices { entries[k] = entries[k] + Expression(c) * m.entries[k] }
        }
        return Matrix(rows: first.rows, columns: first.columns, entries: entries)
    }

    public func simplified(_ xs: [ShapedExpression]) -> ShapedExpression? {
        var terms: [(ShapedExpression, Rational)] = []
        func add(_ x: ShapedExpression, _ c: Rational) {
            if x.isZero || c.isZero { return }
            if case .operation(let op as LinearCombination, let inner) = x.kind {
                for (y, d) in zip(inner, op.coefficients) { add(y, c * d) }
                return
            }
            if let k = terms.firstIndex(where: { $0.0 == x }) { terms[k].1 += c } else { terms.append((x, c)) }
        }
        for (x, c) in zip(xs, coefficients) { add(x, c) }
        terms.removeAll { $0.1.isZero }
        if terms.isEmpty { return .zero(xs[0].shape) }
        // c times a constant matrix is a constant matrix.
        if terms.count == 1, case .filled(let v) = terms[0].0.kind { return .filled(Expression(terms[0].1) * v, xs[0].shape) }
        if terms.count == 1 && terms[0].1.isOne { return terms[0].0 }
        let changed = terms.count != xs.count || zip(terms, zip(xs, coefficients)).contains { $0.0 != $1.0 || $0.1 != $1.1 }
        guard changed else { return nil }
        return ShapedExpression(.operation(LinearCombination(coefficients: terms.map(\.1)), terms.map(\.0)), shape: xs[0].shape)
    }
}

extension ShapedExpression {
    /// `c · x`.
    public static func scaled(_ x: ShapedExpression, _ c: Rational) throws(ShapeError) -> ShapedExpression {
        try .apply(LinearCombination(coefficients: [c]), [x])
    }

    /// The sum of the operands.
    public static func sum(_ xs: [ShapedExpression]) throws(ShapeError) -> ShapedExpression {
        try .apply(LinearCombination(coefficients: xs.map { _ in .one }), xs)
    }

    public static func difference(_ a: ShapedExpression, _ b: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        try .apply(LinearCombination(coefficients: [.one, .minusOne]), [a, b])
    }
}
