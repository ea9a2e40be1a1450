import SymbolicCore
import SymbolicLaTeX
/// The entrywise form of shaped expressions: one scalar expression whose value at entry (i, j)
/// is the shaped expression's entry (i, j), at every size of the dimensions.
///
/// Hadamard products become products, linear combinations sums, filled matrices constants,
/// elementwise functions the scalar function and elementwise powers powers. Everything else
/// (a quantity, a matrix product, a concatenation, a softmax) is an atom: a symbol named by the
/// operation, the operands' entrywise forms and their shapes, so equal names mean equal matrices.
/// Matrix products are expanded bilinearly first (`W(u + v) = Wu + Wv`) and transposes pushed to
/// the leaves (`(AB)ᵀ = BᵀAᵀ`, `(u ∘ v)ᵀ = uᵀ ∘ vᵀ`).
///
/// Two expressions of one shape with equal entrywise forms are therefore equal at every size:
/// a proof that instantiates no dimension. Different forms prove nothing (atoms are not
/// independent: `Γ = σ(γ)`), so refutation needs a point (see `GradientClaimChecker`).
public struct EntrywiseForm {
    private var memo: [ShapedExpression: Expression] = [:]
    /// Expansion is bounded: beyond this many terms a product stays one atom.
    static let maximumTerms = 2_000

    public init() {}

    /// The entrywise form of `e`.
    public mutating func form(_ e: ShapedExpression) -> Expression {
        if let f = memo[e] { return f }
        let f = compute(e)
        memo[e] = f
        return f
    }

    private mutating func compute(_ e: ShapedExpression) -> Expression {
        switch e.kind {
        case .quantity(let q): return atom("q:" + q.plain)
        case .filled(let v): return v
        case .identity: return atom("I:" + e.shape.description)
        case .operation(let op, let xs):
            switch op {
            case let op as LinearCombination:
                return Expression.sum(zip(xs, op.coefficients).map { Expression($1) * form($0) })
            case is Hadamard:
                return Expression.product(xs.map { form($0) })
            case let op as Elementwise:
                return Expression.apply(op.function, form(xs[0]))
            case let op as EntrywiseTemplate:
                return op.template.substituting([op.variable: form(xs[0])])
            case let op as ElementwisePower:
                return Expression.power(form(xs[0]), Expression(op.exponent))
            case is Transpose:
                if let pushed = Self.pushedTranspose(xs[0]) { return form(pushed) }
                return atom("T:" + signature(xs[0]))
            case is MatrixProduct:
                return product(xs[0], xs[1])
            case is ScalarMultiple:
                return form(xs[0]) * form(xs[1])
            default:
                return atom(op.key + "(" + xs.map { signature($0) }.joined(separator: ", ") + ")")
            }
        }
    }

    /// `A B` expanded bilinearly over the terms of A's and B's forms, each pair of monomials an atom.
    private mutating func product(_ a: ShapedExpression, _ b: ShapedExpression) -> Expression {
        // Inner dimension 1 (an outer product, a column times a number): entry (i, j) is
        // a(i, 1) b(1, j), the product of the two forms.
        if a.shape.columns.isOne { return form(a) * form(b) }
        let inner = "[" + PlainPrinter.string(a.shape.columns) + "]"
        guard let fa = form(a).expanded(maxTerms: Self.maximumTerms), let fb = form(b).expanded(maxTerms: Self.maximumTerms) else {
            return atom("mul(" + signature(a) + inner + signature(b) + ")")
        }
        let ta = Self.terms(fa), tb = Self.terms(fb)
        guard ta.count * tb.count <= Self.maximumTerms else { return atom("mul(" + signature(a) + inner + signature(b) + ")") }
        var out: [Expression] = []
        for (ca, ma) in ta {
            for (cb, mb) in tb {
                let name = "mul(" + PlainPrinter.string(ma) + " : " + a.shape.description + inner + PlainPrinter.string(mb) + " : " + b.shape.description + ")"
                out.append(ca * cb * atom(name))
            }
        }
        return Expression.sum(out)
    }

    /// The terms of an expanded form as (coefficient, monomial), the constant term with monomial 1.
    /// The coefficient holds the rational factor and every factor with no atom (a number the
    /// document names, `1/\sqrt{d}`): the same at every entry, so it leaves a matrix product.
    static func terms(_ e: Expression) -> [(Expression, Expression)] {
        let summands: [Expression]
        if case .add(let s) = e.kind { summands = s.summands } else { summands = [e] }
        return summands.compactMap { t in
            if let r = t.rationalValue { return r.isZero ? nil : (Expression(r), .one) }
            if !hasAtom(t) { return (t, .one) }
            guard case .mul(let m) = t.kind else { return (.one, t) }
            var constant = Expression(m.coefficient), monomial = Expression.one
            for (b, x) in m.factors {
                let f = Expression.power(b, x)
                if hasAtom(f) { monomial = monomial * f } else { constant = constant * f }
            }
            return (constant, monomial)
        }
    }

    /// True when an atom (a quantity or an opaque operation) occurs in `e`.
    static func hasAtom(_ e: Expression) -> Bool {
        e.freeSymbols.contains { $0.name.hasPrefix("⟦") }
    }

    /// The operand's form and shape, naming it inside an atom.
    private mutating func signature(_ e: ShapedExpression) -> String {
        PlainPrinter.string(form(e)) + " : " + e.shape.description
    }

    private func atom(_ name: String) -> Expression { Expression(Symbol("⟦" + name + "⟧")) }

    /// `xᵀ` of an entrywise operation as the operation on transposed operands (`(u ∘ v)ᵀ = uᵀ ∘ vᵀ`);
    /// nil otherwise. Products and double transposes never reach here: `Transpose`'s canonical
    /// form already rewrote them.
    static func pushedTranspose(_ x: ShapedExpression) -> ShapedExpression? {
        guard case .operation(let op, let xs) = x.kind,
              op is LinearCombination || op is Hadamard || op is Elementwise || op is EntrywiseTemplate || op is ElementwisePower else { return nil }
        var ts: [ShapedExpression] = []
        for y in xs { guard let t = try? ShapedExpression.transpose(y) else { return nil }; ts.append(t) }
        return try? .apply(op, ts)
    }
}
