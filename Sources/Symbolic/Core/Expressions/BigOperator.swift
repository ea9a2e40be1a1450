/// A sum or product of a body over an integer index: `∑_{i=a}^{b} body`, `∏_{t=2}^{k} body`,
/// `∑_i body` (over the whole range of the index, bounds not written).
///
/// Canonical form (built only by `Expression.bigOperator`):
/// - the bound index is named by the nesting height of the body (`Symbol.boundIndex`), so two
///   sums that differ only in the name of their index are the same node;
/// - a sum of a sum is a sum of sums (linearity), and numbers and factors free of the index
///   stand outside (`∑ c·x_i = c ∑ x_i`; `e^{x_j + c} = e^{c} e^{x_j}` first);
/// - with `closedForms` (when a step is checked), a body free of the index is multiplied by the
///   number of terms `b - a + 1` (a product takes that power), and `∑ i`, `∑ i^2` and `∑ r^i`
///   (rational r > 0, r ≠ 1) have their closed forms;
/// - a Kronecker delta `δ_{i j}` of the index and an expression free of it collapses the sum,
///   on the convention that an index written free lies in the range of the sum;
/// - numeric bounds at most `Limits.maximumExplicitTerms` apart are written out term by term.
///
/// Semantics: the bounds are integers with `b ≥ a - 1` (an empty range has no terms).
public struct BigOperator: Sendable {
    public enum Operation: Sendable { case sum, product }
    public let operation: Operation
    /// The bound index (`Symbol.boundIndex(height)`).
    public let index: Symbol
    /// The bounds; both nil for `∑_i` over the whole range of the index.
    public let lower: Expression?
    public let upper: Expression?
    public let body: Expression
    /// The nesting height of sums and products inside the body.
    let height: Int

    /// The number of terms, `upper - lower + 1`, when the bounds are written.
    var count: Expression? {
        guard let lower, let upper else { return nil }
        return upper - lower + .one
    }

    /// A letter to print the index with (one the body does not use) and the body written with it.
    public func displayed() -> (letter: Symbol, body: Expression) {
        var used = Set<String>()
        for s in body.freeSymbols {
            used.insert(s.name)
            if let sub = s.subscriptText { for c in IndexedName.components(sub) { used.insert(c) } }
        }
        for e in [lower, upper].compactMap({ $0 }) { for s in e.freeSymbols { used.insert(s.name) } }
        let name = ["i", "j", "k", "l", "m", "p", "q", "r", "s", "u", "v"].first { !used.contains($0) } ?? "i\(height)"
        let letter = Symbol(name)
        return (letter, body(at: Expression(letter)))
    }

    /// The body at `value` of the index.
    public func body(at value: Expression) -> Expression { body.substituting([index: value]) }
}

extension Expression {
    /// `∑_{letter=lower}^{upper} body` (or `∏`) in canonical form; `letter` names the index in
    /// `body` (as `i` and in subscripts, `x_i`, `w_{ij}`, `x_{i-1}`).
    public static func bigOperator(_ operation: BigOperator.Operation, index letter: Symbol, lower: Expression?, upper: Expression?, body: Expression) -> Expression {
        if body.isUndefined || lower?.isUndefined == true || upper?.isUndefined == true { return .undefined }
        let k = Symbol.boundIndex(body.bindingHeight)
        return BigOperator.make(operation, k, lower, upper, body.binding(letter, to: Expression(k)))
    }

    /// The expression with the index `letter` at `value`: `letter` itself and the members that
    /// mention it (`x_i`, `w_{ij}`, `x_{i-1}`) take the value.
    public func binding(_ letter: Symbol, to value: Expression) -> Expression {
        var map: [Symbol: Expression] = [:]
        for s in freeSymbols {
            if let v = IndexedName.binding(s, letter: letter, to: value) { map[s] = v }
        }
        return map.isEmpty ? self : substituting(map)
    }

    /// The largest nesting of sums and products inside the expression, plus one for each level
    /// (0 when there is none).
    var bindingHeight: Int {
        switch kind {
        case .bigOperator(let o): return o.height + 1
        case .number, .symbol, .constant, .undefined: return 0
        case .add, .mul, .power, .function, .derivative, .indexed, .expectation:
            return children.reduce(0) { max($0, $1.bindingHeight) }
        }
    }
}

extension BigOperator {
    /// The canonical node for a body written with the bound index `k`; `height` is the body's.
    /// `closedForms` also counts terms and applies the closed forms: the checker does so, the
    /// reader does not, so that a step keeps its sums (and the knowledge that bounds are integers).
    package static func make(_ op: Operation, _ k: Symbol, _ lower: Expression?, _ upper: Expression?, _ written: Expression, closedForms: Bool = false) -> Expression {
        // The index is named by the height of this body (a term of a sum may nest less deeply).
        let height = written.bindingHeight
        let k0 = Symbol.boundIndex(height)
        let body = k0 == k ? written : written.substituting([k: Expression(k0)])
        let k = k0
        if let l = lower?.rationalValue, let u = upper?.rationalValue, l.isInteger, u.isInteger,
           let span = (u - l).numerator.intValue, span < Limits.default.maximumExplicitTerms,
           !body.treeSize(exceeds: Limits.default.maximumExpansionTerms / max(1, span + 1)) {
            // Written out term by term (an empty range is 0 or 1).
            let items = span < 0 ? [] : (0...span).map { body.substituting([k: Expression(l + Rational($0))]) }
            return op == .sum ? Expression.sum(items) : Expression.product(items)
        }
        let index = Expression(k)
        let node = { (b: Expression) -> Expression in
            // Factors taken outside may have held the deepest nesting: then the index is renamed.
            if b.bindingHeight != height { return make(op, k, lower, upper, b, closedForms: closedForms) }
            return Expression(.bigOperator(BigOperator(operation: op, index: k, lower: lower, upper: upper, body: b, height: height)))
        }
        let count = (lower != nil && upper != nil && closedForms) ? upper! - lower! + .one : nil
        if !body.contains(k) {
            if op == .sum && !body.isOne && !body.isZero { return body * make(op, k, lower, upper, .one, closedForms: closedForms) }
            guard let count else { return body.isOne && op == .product ? .one : (op == .sum && body.isZero ? .zero : node(body)) }
            return op == .sum ? body * count : Expression.power(body, count)
        }
        switch op {
        case .sum:
            if case .add(let a) = body.kind {
                var b = AddBuilder()
                if !a.constant.isZero { b.add(make(op, k, lower, upper, Expression(a.constant), closedForms: closedForms)) }
                for (t, c) in a.terms { b.add(make(op, k, lower, upper, t, closedForms: closedForms), times: c) }
                return b.build()
            }
            let (outside, inside) = splitFactors(body, k)
            if !outside.isOne { return outside * make(op, k, lower, upper, inside, closedForms: closedForms) }
            if let collapsed = collapseDelta(inside, k) { return collapsed }
            if closedForms, let lower, let upper, let closed = closedForm(inside, index, lower, upper) { return closed }
            return node(inside)
        case .product:
            if case .mul(let m) = body.kind, !m.coefficient.isOne, let count {
                return Expression.power(Expression(m.coefficient), count) * make(op, k, lower, upper, body / Expression(m.coefficient), closedForms: closedForms)
            }
            return node(body)
        }
    }

    /// A product split into the factors free of `k` (with the coefficient) and the rest;
    /// `exp(u + c)` counts as `exp(c)·exp(u)`.
    static func splitFactors(_ body: Expression, _ k: Symbol) -> (outside: Expression, inside: Expression) {
        var factors: [Expression]
        if case .mul(let m) = body.kind { factors = m.coefficient.isOne ? [] : [Expression(m.coefficient)]; factors += m.factors.map { Expression.power($0.base, $0.exponent) } }
        else { factors = [body] }
        var outside = Expression.one, inside = Expression.one
        for f in factors {
            if !f.contains(k) { outside = outside * f; continue }
            if case .function(.exp, let args) = f.kind, case .add(let a) = args[0].kind {
                let free = a.summands.filter { !$0.contains(k) }
                if !free.isEmpty {
                    let rest = Expression.sum(a.summands.filter { $0.contains(k) })
                    outside = outside * Expression(.function(.exp, [Expression.sum(free)]))
                    inside = inside * Expression.apply(.exp, rest)
                    continue
                }
            }
            inside = inside * f
        }
        return (outside, inside)
    }

    /// `∑_k δ_{k a} f(k) = f(a)` for `a` free of `k`.
    static func collapseDelta(_ body: Expression, _ k: Symbol) -> Expression? {
        let factors: [(base: Expression, exponent: Expression)]
        if case .mul(let m) = body.kind { factors = m.factors }
        else if case .power(let b, let x) = body.kind { factors = [(b, x)] }
        else { factors = [(body, .one)] }
        for (i, f) in factors.enumerated() {
            guard case .indexed(let d, let ix) = f.base.kind, d.isKroneckerDelta, ix.count == 2,
                  let e = f.exponent.rationalValue, e.isInteger, e.signum > 0 else { continue }
            let key = Expression(k)
            let other: Expression
            if ix[0] == key, !ix[1].contains(k) { other = ix[1] }
            else if ix[1] == key, !ix[0].contains(k) { other = ix[0] }
            else { continue }
            var rest = factors
            rest.remove(at: i)
            return Expression.product(coefficient: .one, factors: rest).substituting([k: other])
        }
        return nil
    }

    /// `∑_{k=a}^{b} k`, `∑ k^2`, `∑ r^k` (rational or symbolic r) in closed form.
    static func closedForm(_ body: Expression, _ k: Expression, _ a: Expression, _ b: Expression) -> Expression? {
        let two = Expression(2), six = Expression(6)
        if body == k { return (a + b) * (b - a + .one) / two }
        if case .power(let base, let e) = body.kind {
            if base == k, e.rationalValue == Rational(2) {
                let s = { (n: Expression) in n * (n + .one) * (two * n + .one) / six }
                return s(b) - s(a - .one)
            }
            if e == k, let r = base.rationalValue, r.signum > 0, !r.isOne {
                return (Expression.power(base, b + .one) - Expression.power(base, a)) / Expression(r - .one)
            }
            // A symbolic ratio: the closed form holds wherever r ≠ 1, and both sides are
            // polynomials in r for each n, so equal closed forms mean equal sums there too.
            if case .symbol(let index) = k.kind, base.rationalValue == nil, !base.contains(index),
               let shift = (e - k).expanded(maxTerms: 16), !shift.contains(index) {
                // ∑ r^(k + c) = r^c ∑ r^k.
                return Expression.power(base, shift) * (Expression.power(base, b + .one) - Expression.power(base, a)) / (base - .one)
            }
        }
        return nil
    }
}
