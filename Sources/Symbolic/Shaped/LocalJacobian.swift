import SymbolicCore
import SymbolicLaTeX
extension Model {
    /// `∂A/∂B` between two quantities of the model, as documents write chain-rule factors:
    /// when every path from B to A is entrywise (sums, elementwise products and functions), the
    /// Jacobian is diagonal and the result is its diagonal, of B's shape
    /// (`∂c/∂Γ_f = c^{<t-1>}`, `∂Γ_u/∂γ_u = Γ_u ∘ (1 - Γ_u)`); when A = M B + (terms free of B)
    /// it is the matrix M (`∂z/∂a = W_y`). nil otherwise.
    public func jacobian(of a: Quantity, withRespectTo b: Quantity) -> ShapedExpression? {
        guard let shapeB = shape(of: b), let shapeA = shape(of: a) else { return nil }
        if a == b { return .filled(.one, shapeB) }
        guard let eq = equations.first(where: { $0.quantity == a }), depends(a, on: b) else { return nil }
        if shapeA == shapeB, let d = try? diagonal(eq.value, named: .quantity(a, shapeA), seed: .filled(.one, shapeA), b) { return d }
        // A = M B + rest, with B nowhere in the rest.
        guard case .operation(let op, let xs) = eq.value.kind else { return nil }
        let terms: [ShapedExpression]
        if let lc = op as? LinearCombination, lc.coefficients.allSatisfy(\.isOne) { terms = xs } else { terms = [eq.value] }
        var matrix: ShapedExpression?
        for t in terms where t.quantities.contains(b) {
            guard matrix == nil, case .operation(is MatrixProduct, let mb) = t.kind, mb[1] == .quantity(b, shapeB),
                  !mb[0].quantities.contains(b) else { return nil }
            matrix = mb[0]
        }
        return matrix
    }

    /// True when `a`'s equation uses `b`, directly or through other equations.
    func depends(_ a: Quantity, on b: Quantity) -> Bool {
        var seen = Set<Quantity>()
        func visit(_ q: Quantity) -> Bool {
            if q == b { return true }
            guard seen.insert(q).inserted, let eq = equations.first(where: { $0.quantity == q }) else { return false }
            return eq.value.quantities.contains { visit($0) }
        }
        return visit(a)
    }

    /// The diagonal of ∂e/∂b times `seed`, through entrywise operations only (otherwise an error).
    /// (`path`: the quantities being expanded; one met again is defined through itself, as a
    /// mistyped `c = Γ_u ∘ \tanh^2(c)` is, and has no such derivative.)
    private func diagonal(_ e: ShapedExpression, named: ShapedExpression?, seed: ShapedExpression, _ b: Quantity,
                          path: Set<Quantity> = []) throws(ShapeError) -> ShapedExpression {
        switch e.kind {
        case .quantity(let q):
            if q == b { return seed }
            guard let eq = equations.first(where: { $0.quantity == q }), depends(q, on: b) else { return .zero(seed.shape) }
            guard !path.contains(q) else { throw ShapeError("\(q.plain) is defined through itself") }
            return try diagonal(eq.value, named: e, seed: seed, b, path: path.union([q]))
        case .filled, .identity:
            return .zero(seed.shape)
        case .operation(let op, let xs):
            guard op is LinearCombination || op is Hadamard || op is Elementwise || op is EntrywiseTemplate || op is ElementwisePower else {
                throw ShapeError("not entrywise")
            }
            var parts: [ShapedExpression] = []
            for i in xs.indices where xs[i].quantities.contains(where: { $0 == b || depends($0, on: b) }) {
                let g = try op.adjoint(i, operands: xs, result: named ?? e, seed: seed)
                parts.append(try diagonal(xs[i], named: nil, seed: g, b, path: path))
            }
            return parts.isEmpty ? .zero(seed.shape) : try .sum(parts)
        }
    }
}
