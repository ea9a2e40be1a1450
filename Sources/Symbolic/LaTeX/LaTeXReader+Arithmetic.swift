import SymbolicCore
/// Arithmetic on read values: scalars with the engine's operators, matrices by the usual rules.
extension LaTeXReader {
    func add(_ a: MathValue, _ b: MathValue) throws(ReaderError) -> MathValue {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(x + y)
        case let (.matrix(x), .matrix(y)):
            guard let s = x + y else { throw error("a sum of matrices of different sizes") }
            return .matrix(s)
        default: throw error("a sum of a matrix and a scalar")
        }
    }

    func negate(_ a: MathValue) throws(ReaderError) -> MathValue {
        switch a {
        case .scalar(let x): return .scalar(-x)
        case .matrix(let m): return .matrix(m.map { -$0 })
        }
    }

    func multiply(_ a: MathValue, _ b: MathValue) throws(ReaderError) -> MathValue {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(x * y)
        case let (.scalar(x), .matrix(m)), let (.matrix(m), .scalar(x)): return .matrix(x * m)
        case let (.matrix(x), .matrix(y)):
            guard Matrix.productCost(x, y) <= Limits.default.maximumMatrixProductCost else { throw error("a product of matrices too large to compute") }
            guard let p = x * y else { throw error("a product of matrices of incompatible sizes") }
            guard !p.treeSize(exceeds: Limits.default.maximumExpressionNodes) else { throw error("a product of matrices too large to compute") }
            return .matrix(p)
        }
    }

    mutating func power(_ base: MathValue, _ exponent: Expression, at t: LaTeXToken?) throws(ReaderError) -> MathValue {
        switch base {
        case .scalar(let b):
            require(DomainRules.power(b, exponent))
            return .scalar(Expression.power(b, exponent))
        case .matrix(let m):
            guard let k = exponent.rationalValue, k.isInteger, let n = k.numerator.intValue, n >= 1, n <= 16, m.rows == m.columns else {
                throw error("a matrix power", at: t)
            }
            guard Matrix.productCost(m, m) <= Limits.default.maximumMatrixProductCost / n else { throw error("a matrix power too large to compute", at: t) }
            var acc = m
            for _ in 1..<n {
                guard let next = acc * m, !next.treeSize(exceeds: Limits.default.maximumExpressionNodes) else {
                    throw error("a matrix power too large to compute", at: t)
                }
                acc = next
            }
            return .matrix(acc)
        }
    }
}
