import SymbolicCore
import SymbolicLaTeX
/// Reverse mode over a model's forward equations: the gradient of the loss with respect to every
/// quantity, input and parameter, each written with the named gradients of the quantities after
/// it (`dc = da ∘ Γ_o ∘ (1 - tanh²(c)) + dc_next`) rather than expanded.
///
/// Each use of a quantity contributes one vector-Jacobian product (the operations' adjoint rules);
/// a quantity's gradient is the sum of its contributions, plus the gradient it receives from the
/// next time step when it is carried. Softmax followed by cross-entropy gives `ŷ - y` directly.
public struct BackwardPass: Sendable {
    /// One derived gradient: `name = value`, the gradient of the loss with respect to `of`.
    public struct Gradient: Sendable {
        public let name: Quantity
        public let of: Quantity
        public let value: ShapedExpression
        /// The rule that gave it, for the derivation's justification column.
        public let justification: String
    }

    public let model: Model
    public let gradients: [Gradient]

    /// A pass with the given gradients (a selection of another pass's).
    init(model: Model, gradients: [Gradient]) {
        self.model = model
        self.gradients = gradients
    }

    public init(_ model: Model) throws(ShapeError) {
        self.model = model
        var contributions: [Quantity: [ShapedExpression]] = [:]
        var out: [Gradient] = []
        for c in model.carries {
            guard let shape = model.shape(of: c.quantity) else { throw ShapeError("the carried quantity \(c.quantity.plain) is not defined") }
            contributions[c.quantity, default: []].append(.quantity(c.incoming, shape))
        }
        let fused = BackwardPass.softmaxCrossEntropy(model)
        func propagate(_ e: ShapedExpression, _ seed: ShapedExpression, named: ShapedExpression?) throws(ShapeError) {
            switch e.kind {
            case .quantity(let q): contributions[q, default: []].append(seed)
            case .filled, .identity: break
            case .operation(let op, let xs):
                for i in xs.indices {
                    let g = try op.adjoint(i, operands: xs, result: named ?? e, seed: seed)
                    if !g.isZero { try propagate(xs[i], g, named: nil) }
                }
            }
        }
        for eq in model.equations.reversed() {
            if let f = fused, eq.quantity == f.prediction { continue }
            let seed: ShapedExpression
            if eq.quantity == model.loss {
                seed = .filled(.one, .scalar)
            } else {
                guard let cs = contributions[eq.quantity], !cs.isEmpty else { continue }
                let value = try model.splitting(try .sum(cs))
                out.append(Gradient(name: eq.quantity.gradient, of: eq.quantity, value: value, justification: BackwardPass.rule(cs)))
                seed = .quantity(eq.quantity.gradient, eq.value.shape)
            }
            if let f = fused, eq.quantity == model.loss {
                // L = -Σ y log ŷ with ŷ = softmax(s): ∂L/∂s = ŷ - y, since y sums to 1.
                try propagate(f.argument, .difference(f.predictionLeaf, f.target), named: nil)
                continue
            }
            try propagate(eq.value, seed, named: .quantity(eq.quantity, eq.value.shape))
        }
        for d in model.declarations {
            guard let cs = contributions[d.quantity], !cs.isEmpty else { continue }
            out.append(Gradient(name: d.quantity.gradient, of: d.quantity, value: try model.splitting(try .sum(cs)), justification: BackwardPass.rule(cs)))
        }
        if let f = fused, let i = out.firstIndex(where: { $0.of == f.argumentQuantity }) {
            let g = out[i]
            out[i] = Gradient(name: g.name, of: g.of, value: g.value, justification: "softmax followed by cross-entropy")
        }
        gradients = out
    }

    /// "sum over the uses" or "chain rule", for a gradient made of these contributions.
    static func rule(_ contributions: [ShapedExpression]) -> String {
        contributions.count > 1 ? "sum over its \(contributions.count) uses" : "chain rule"
    }

    struct Fused {
        let prediction: Quantity
        let predictionLeaf: ShapedExpression
        let target: ShapedExpression
        let argument: ShapedExpression
        var argumentQuantity: Quantity? { if case .quantity(let q) = argument.kind { return q }; return nil }
    }

    /// `L = cross_entropy(y, ŷ)` with `ŷ = softmax(s)` and ŷ used nowhere else.
    static func softmaxCrossEntropy(_ m: Model) -> Fused? {
        guard let loss = m.loss, let eq = m.equations.first(where: { $0.quantity == loss }),
              case .operation(is CrossEntropy, let xs) = eq.value.kind, case .quantity(let p) = xs[1].kind,
              let peq = m.equations.first(where: { $0.quantity == p }), case .operation(is Softmax, let args) = peq.value.kind else { return nil }
        let uses = m.equations.filter { $0.quantity != loss && $0.value.quantities.contains(p) }
        guard uses.isEmpty, !m.carries.contains(where: { $0.quantity == p }) else { return nil }
        return Fused(prediction: p, predictionLeaf: xs[1], target: xs[0], argument: args[0])
    }
}

extension Model {
    /// Rows of `Wᵀ G` that meet one column block of a split parameter are that block's `W_kᵀ G`
    /// (`[Wᵀ dγ]_{a rows} = W_aᵀ dγ` for `W = [W_a W_x]`).
    func splitting(_ e: ShapedExpression) throws(ShapeError) -> ShapedExpression {
        if splits.isEmpty { return e }
        return try e.transformed { node throws(ShapeError) -> ShapedExpression in
            guard case .operation(let block as RowBlock, let xs) = node.kind,
                  case .operation(is MatrixProduct, let ab) = xs[0].kind,
                  case .operation(is Transpose, let w) = ab[0].kind, case .quantity(let q) = w[0].kind,
                  let blocks = splits[q] else { return node }
            var offset = Expression.zero
            for (b, width) in blocks {
                if offset == block.start && width == block.count {
                    return try .product(.transpose(.quantity(b, Shape(w[0].shape.rows, width))), ab[1])
                }
                offset = offset + width
            }
            return node
        }
    }
}
