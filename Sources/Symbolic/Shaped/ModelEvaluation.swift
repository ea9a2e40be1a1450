import SymbolicCore
import SymbolicLaTeX
/// Exact evaluation of shaped expressions at concrete sizes: every named quantity gets a
/// matrix of scalar expressions (numbers, or symbols for differentiation).
public struct ShapedEvaluator: Sendable {
    /// The dimension symbols' sizes.
    public let sizes: [Symbol: Int]
    /// Values of named quantities.
    public var values: [Quantity: Matrix]

    public init(sizes: [Symbol: Int], values: [Quantity: Matrix] = [:]) {
        self.sizes = sizes
        self.values = values
    }

    /// The value of `e`; nil when a quantity has no value or the sizes do not fit.
    public func evaluate(_ e: ShapedExpression) -> Matrix? {
        var memo: [ShapedExpression: Matrix] = [:]
        return evaluate(e, &memo)
    }

    private func evaluate(_ e: ShapedExpression, _ memo: inout [ShapedExpression: Matrix]) -> Matrix? {
        if let m = memo[e] { return m }
        let result: Matrix?
        switch e.kind {
        case .quantity(let q): result = values[q]
        case .filled(let v):
            guard let (r, c) = instantiated(e.shape) else { return nil }
            // A value with dimensions in it (1/√d) takes their sizes.
            let value = v.freeSymbols.isEmpty ? v : v.substituting(sizes.mapValues { Expression($0) })
            result = Matrix(rows: r, columns: c, entries: Array(repeating: value, count: r * c))
        case .identity:
            guard let (r, _) = instantiated(e.shape) else { return nil }
            result = .identity(r)
        case .operation(let op, let xs):
            var args: [Matrix] = []
            for x in xs {
                guard let m = evaluate(x, &memo) else { return nil }
                args.append(m)
            }
            result = op.evaluate(args.map { $0 })
        }
        memo[e] = result
        return result
    }

    public func instantiated(_ s: Shape) -> (Int, Int)? {
        s.instantiated(sizes)
    }
}

extension Model {
    /// Evaluates the forward equations in order, adding each quantity's value (and each split
    /// parameter's blocks) to `evaluator`; nil when an equation cannot be evaluated.
    public func forward(_ evaluator: ShapedEvaluator) -> ShapedEvaluator? {
        var ev = evaluator
        for (w, blocks) in splits {
            guard let m = ev.values[w] else { continue }
            var offset = 0
            for (b, width) in blocks {
                guard let wi = width.substituting(ev.sizes.mapValues { Expression($0) }).rationalValue?.numerator.intValue else { return nil }
                var entries: [Expression] = []
                for i in 0..<m.rows { for j in offset..<(offset + wi) { entries.append(m[i, j]) } }
                ev.values[b] = Matrix(rows: m.rows, columns: wi, entries: entries)
                offset += wi
            }
        }
        for eq in equations {
            guard let v = ev.evaluate(eq.value) else { return nil }
            ev.values[eq.quantity] = v
        }
        return ev
    }
}
