/// Symbolic differentiation: sum, product, power and chain rules, with textbook
/// derivatives (`σ' = σ(1 - σ)`, `tanh' = 1 - tanh²`, `ReLU' = H`).
/// Symbols are independent variables; user-defined functions give unevaluated derivatives.
extension Expression {
    /// `∂self/∂variable`.
    public func derivative(with variable: Symbol) -> Expression {
        Differentiator(variable: variable).diff(self)
    }

    /// The `n`-th derivative with respect to `variable`, computed order by order. An order past
    /// `Limits.maximumDerivativeOrder`, or an intermediate derivative past
    /// `Limits.maximumExpressionNodes` (high derivatives of `x^x` grow exponentially), stays an
    /// unevaluated derivative of what was computed.
    public func derivative(with variable: Symbol, times n: Int) -> Expression {
        let (e, remaining) = boundedDerivative(with: variable, times: n, limits: .default)
        return remaining == 0 ? e : Expression(.derivative(e, variable, order: remaining))
    }

    /// The `n`-th derivative as far as the limits allow: the derivative reached and the number
    /// of orders still to take (0 when all `n` were computed).
    public func boundedDerivative(with variable: Symbol, times n: Int, limits: Limits = .default) -> (derivative: Expression, remaining: Int) {
        guard n > 0 else { return (self, 0) }
        guard n <= limits.maximumDerivativeOrder else { return (self, n) }
        var e = self
        for k in 0..<n {
            if e.isZero { return (e, 0) }
            if e.treeSize(exceeds: limits.maximumExpressionNodes) { return (e, n - k) }
            e = e.derivative(with: variable)
        }
        return (e, 0)
    }
}

/// Differentiates with respect to one variable, once per distinct node: shared subexpressions
/// (backpropagation through time, SymEngine's diff_cache) are not re-walked.
struct Differentiator {
    let variable: Symbol
    private let memo = NodeMemo<Expression>()
    let caches = DerivativeCaches()

    init(variable: Symbol) { self.variable = variable }

    func diff(_ e: Expression) -> Expression {
        // A monomial (an exponent such as 3x in z^(3x)) is differentiated directly: looking it
        // up (hashing, comparing equal nodes) cost more than its derivative.
        if case .mul(let m) = e.kind, isMonomial(m) { return diffProduct(m) }
        return memo.value(e, derivative)
    }

    /// `log b`, remembered for the last base (the product rule takes it once per term of a sum
    /// whose terms share a few bases, such as symbench S3's z^(k x)).
    func logarithm(_ b: Expression) -> Expression {
        if let last = caches.lastLog, last.base == b { return last.log }
        let l = Expression.apply(.log, b)
        caches.lastLog = (b, l)
        return l
    }

    private func derivative(_ e: Expression) -> Expression {
        switch e.kind {
        case .number, .constant, .undefined: return .zero
        case .symbol(let s):
            if s == variable { return .one }
            // ∂z_i/∂z_j = δ_ij: members of one family at two index letters may be the same entry.
            if s.family == variable.family, s.subscriptText != nil, let a = s.subscriptText, let b = variable.subscriptText {
                let (ia, ib) = (IndexedName.components(a), IndexedName.components(b))
                if ia.count == 1, ib.count == 1, ia[0] != ib[0] {
                    let letters = ia[0].count == 1 && ia[0].first!.isLetter && ib[0].count == 1 && ib[0].first!.isLetter
                    if letters { return Expression.indexed(Symbol("delta"), [Expression(Symbol(ia[0])), Expression(Symbol(ib[0]))]) }
                    // A letter and a number (z_i, z_3): equal when i = 3; left unevaluated.
                    if ia[0].first!.isLetter || ib[0].first!.isLetter { return Expression(.derivative(e, variable, order: 1)) }
                }
            }
            return .zero
        case .add(let a):
            if let fast = diffMonomialSum(a) { return fast }
            return diffSum(a)
        case .mul(let m): return diffProduct(m)
        case .power(let b, let x): return diffPower(b, x, whole: e)
        case .function(let f, let args): return diffFunction(f, args, e)
        case .derivative(let f, let s, let n):
            if s == variable { return Expression(.derivative(f, s, order: n + 1)) }
            return f.contains(variable) ? Expression(.derivative(e, variable, order: 1)) : .zero
        case .indexed(let base, let ix):
            // ∂x_k/∂x_3 = δ_{k3}; other families do not depend on the variable.
            guard let sub = variable.subscriptText, variable.family == base else {
                return ix.contains { $0.contains(variable) } ? Expression(.derivative(e, variable, order: 1)) : .zero
            }
            let at = IndexedName.components(sub).map(IndexedName.index)
            guard at.count == ix.count, at.allSatisfy({ $0 != nil }) else { return Expression(.derivative(e, variable, order: 1)) }
            return Expression.product(zip(ix, at).map { Expression.indexed(Symbol("delta"), [$0, $1!]) })
        case .bigOperator(let o):
            if !e.contains(variable) { return .zero }
            // A finite sum is differentiated term by term; a product (whose factors may vanish) is not.
            guard o.operation == .sum, o.lower?.contains(variable) != true, o.upper?.contains(variable) != true else {
                return Expression(.derivative(e, variable, order: 1))
            }
            return BigOperator.make(.sum, o.index, o.lower, o.upper, diff(o.body))
        case .expectation:
            return e.contains(variable) ? Expression(.derivative(e, variable, order: 1)) : .zero
        }
    }

    /// A sum of monomials in plain symbols with numeric exponents: distinct monomials have
    /// distinct derivatives and keep their relative order, so no merging or re-sorting is needed.
    private func diffMonomialSum(_ a: Add) -> Expression? {
        var terms: [(term: Expression, coefficient: Rational)] = []
        terms.reserveCapacity(a.terms.count)
        var constant = Rational.zero
        for (t, c) in a.terms {
            switch t.kind {
            case .symbol(let s):
                if s == variable { constant += c }
            case .power(let b, let x):
                guard case .symbol(let s) = b.kind, let k = x.rationalValue else { return nil }
                if s == variable {
                    let nk = k - .one
                    if nk.isZero { constant += c * k; continue }
                    let term = nk.isOne ? b : Expression(.power(b, Expression.exponent(nk)))
                    terms.append((term, c * k))
                }
            case .mul(let m):
                var position = -1
                for (i, f) in m.factors.enumerated() {
                    guard case .symbol(let s) = f.base.kind, f.exponent.rationalValue != nil else { return nil }
                    if s == variable { position = i }
                }
                if position < 0 { continue }
                let k = m.factors[position].exponent.rationalValue!
                var factors = m.factors
                let nk = k - .one
                if nk.isZero { factors.remove(at: position) } else { factors[position].exponent = Expression.exponent(nk) }
                let term = factors.count == 1
                    ? (factors[0].exponent.isOne ? factors[0].base : Expression(.power(factors[0].base, factors[0].exponent)))
                    : Expression(.mul(Mul(coefficient: .one, factors: factors)))
                terms.append((term, c * k))
            default:
                return nil
            }
        }
        return Add.make(constant: constant, terms: &terms)
    }

    /// Term by term. The derivatives' summands are added by rank, all first summands, then all
    /// second ones: each rank usually follows the order of the sum's terms, so the final sort
    /// meets a few long sorted runs rather than short interleaved ones (the derivative of
    /// symbench S3's 2,550 terms spent a third of its time in that sort).
    private func diffSum(_ a: Add) -> Expression {
        if let single = diffOneVaryingTerm(a) { return single }
        var out = AddBuilder(capacity: 2 * a.terms.count)
        var sums: [(sum: Add, times: Rational)] = []
        var products: [[(term: Expression, coefficient: Rational)]] = []
        for (t, c) in a.terms {
            if case .mul(let m) = t.kind, !isMonomial(m) {
                // Products are differentiated straight into terms, without a sum node each.
                productRule(m, times: c, ranks: &products, out: &out)
                continue
            }
            let d = diff(t)
            if case .add(let s) = d.kind {
                out.add(Expression(s.constant), times: c)
                if !s.terms.isEmpty { sums.append((s, c)) }
            } else {
                out.add(d, times: c)
            }
        }
        for summands in products {
            for (t, c) in summands { out.addTerm(t, c) }
        }
        var rank = 0
        while !sums.isEmpty {
            for (s, c) in sums { out.addTerm(s.terms[rank].term, s.terms[rank].coefficient * c) }
            rank += 1
            sums.removeAll { $0.sum.terms.count <= rank }
        }
        return out.build()
    }

    /// The derivative of a sum with at most one varying term, and no product to take apart, is
    /// that term's (`c + e` in a chain of powers `e^(c + e)`): without a builder, which split a
    /// product into its coefficient and a new unit term and then joined them again.
    /// Nil as soon as a second varying term or a product appears.
    private func diffOneVaryingTerm(_ a: Add) -> Expression? {
        var found: Expression? = nil
        for (t, c) in a.terms {
            if case .mul(let m) = t.kind, !isMonomial(m) { return nil }
            let d = diff(t)
            if d.isZero { continue }
            if found != nil { return nil }
            found = c.isOne ? d : d * Expression(c)
        }
        return found ?? .zero
    }

    /// True for a product of plain symbols with numeric exponents (differentiated by `diffProduct` directly).
    func isMonomial(_ m: Mul) -> Bool {
        for (b, x) in m.factors {
            guard case .symbol = b.kind, case .number = x.kind else { return false }
        }
        return true
    }

    /// Product rule; a monomial in plain symbols is handled without building sub-products.
    func diffProduct(_ m: Mul) -> Expression {
        var position = -1
        var monomial = true
        for (i, (b, x)) in m.factors.enumerated() {
            guard case .symbol(let s) = b.kind, x.rationalValue != nil else { monomial = false; break }
            if s == variable { position = i }
        }
        if monomial {
            if position < 0 { return .zero }
            let k = m.factors[position].exponent.rationalValue!
            var factors = m.factors
            let newExponent = k - .one
            if newExponent.isZero { factors.remove(at: position) } else {
                // (An exponent past Int, x^(2^70), was once read as 0 here.)
                factors[position].exponent = Expression.exponent(newExponent)
            }
            return Expression.product(coefficient: m.coefficient * k, factors: factors)
        }
        var out = AddBuilder(capacity: m.factors.count)
        var ranks: [[(term: Expression, coefficient: Rational)]] = []
        productRule(m, times: .one, ranks: &ranks, out: &out)
        for summands in ranks {
            for (t, c) in summands { out.addTerm(t, c) }
        }
        return out.build()
    }

    /// `d(b^x) = x b^(x-1) b'` for constant x, `b^x (x' log b + x b'/b)` in general.
    /// `whole` is the node `b^x` when there is one (not rebuilt for the general rule).
    func diffPower(_ b: Expression, _ x: Expression, whole: Expression? = nil) -> Expression {
        if x.isOne { return diff(b) }
        let db = diff(b)
        // Factors of one and summands of zero are left out rather than built and cancelled
        // (fewer general products and sums built and freed per term of a large derivative).
        // The exponent's derivative (remembered per node) decides first: a non-zero one means the
        // exponent varies. Asking `contains` first walked shared exponents as trees (diff_cache's
        // e_k = e_{k-1}^(… + e_{k-1}): a fifth of its time).
        let dx = diff(x)
        if dx.isZero && !x.contains(variable) {
            if db.isZero { return .zero }
            let d = x * Expression.power(b, x - .one)
            return db.isOne ? d : d * db
        }
        let viaExponent = dx * Expression.apply(.log, b)
        let power = whole ?? Expression.power(b, x)
        if db.isZero { return power * viaExponent }
        let viaBase = quotient(db, by: b, times: x)
        if case .power(let u, _) = power.kind, case .add = u.kind { return power * (viaExponent + viaBase) }
        // The sum's content comes out as it is built (a product holds it primitive): building
        // the sum and then its primitive part made two sums.
        var sum = AddBuilder()
        sum.add(viaExponent)
        sum.add(viaBase)
        let (content, primitive) = sum.buildPrimitive()
        return Expression.scaled(power * primitive, by: content)
    }

    /// `x·b'/b` as one product. When `b'` is a product with `b` among its factors (a chain of
    /// powers `e_k = e_{k-1}^(c + e_{k-1})`, whose derivative is `e_k` times a sum), that factor
    /// is left out and `x` merged in: a builder would first add `-y` to the exponent `y` of
    /// `b = u^y`, building `-y` and the sum `y - y`, only to drop the factor.
    private func quotient(_ db: Expression, by b: Expression, times x: Expression) -> Expression {
        if case .mul(let m) = db.kind {
            let (base, exponent): (Expression, Expression)
            if case .power(let u, let y) = b.kind, !u.isProduct { (base, exponent) = (u, y) } else { (base, exponent) = (b, .one) }
            if let i = m.factors.firstIndex(where: { $0.base == base && $0.exponent == exponent }) {
                return Expression.product(coefficient: m.coefficient, factors: m.factors, skipping: i, times: x)
            }
        }
        var q = MulBuilder()
        q.multiply(x)
        q.multiply(db)
        q.multiply(b, power: -1)
        return q.build()
    }

    private func diffFunction(_ f: Function, _ args: [Expression], _ whole: Expression) -> Expression {
        if case .undefined(let name) = f { return diffUndefined(name, args, whole) }
        let u = args[0]
        let du = diff(u)
        if du.isZero { return .zero }
        let outer: Expression
        switch f {
        case .exp: outer = whole
        case .log: outer = .one / u
        case .sin: outer = .apply(.cos, u)
        case .cos: outer = -Expression.apply(.sin, u)
        case .tan: outer = .one + Expression.apply(.tan, u).pow(2)
        case .cot: outer = -(.one + Expression.apply(.cot, u).pow(2))
        case .sec: outer = Expression.apply(.sec, u) * .apply(.tan, u)
        case .csc: outer = -(Expression.apply(.csc, u) * .apply(.cot, u))
        case .asin: outer = .one / (.one - u.pow(2)).squareRoot
        case .acos: outer = -(.one / (.one - u.pow(2)).squareRoot)
        case .atan: outer = .one / (.one + u.pow(2))
        case .sinh: outer = .apply(.cosh, u)
        case .cosh: outer = .apply(.sinh, u)
        case .tanh: outer = .one - Expression.apply(.tanh, u).pow(2)
        case .sigmoid: outer = whole * (.one - whole)
        case .relu: outer = .apply(.heaviside, u)
        case .heaviside: outer = .zero  // almost everywhere
        case .abs: outer = u / whole
        case .undefined: outer = .zero
        }
        return outer * du
    }

    /// `d f(u₁, …)/dx = Σ ∂f/∂uᵢ · duᵢ/dx`, with `∂f/∂uᵢ` unevaluated.
    private func diffUndefined(_ name: String, _ args: [Expression], _ whole: Expression) -> Expression {
        var out = AddBuilder()
        for (i, u) in args.enumerated() {
            let du = diff(u)
            if du.isZero { continue }
            if case .symbol(let s) = u.kind {
                out.add(Expression(.derivative(whole, s, order: 1)) * du)
            } else {
                let prime = args.count == 1 ? name + "'" : name + "_\(i + 1)"
                out.add(Expression.apply(.undefined(prime), args) * du)
            }
        }
        return out.build()
    }
}

/// What a differentiator remembers besides its memo (a reference, so the differentiator stays a value).
final class DerivativeCaches {
    // Unchecked exclusivity, as in `NodeMemo`: single reads and writes from one traversal.
    /// The last logarithm taken.
    @exclusivity(unchecked) var lastLog: (base: Expression, log: Expression)?
    /// Exponents shifted by a number (`a y − 1` for x^(a y), `b z + 1` for y·y^(b z)), shared:
    /// the many terms of an expanded sum repeat a few exponents, and building each again (a sum
    /// node, its array, its node) and freeing it cost more than the lookup. Shared nodes also
    /// compare equal at once when the sum is sorted.
    @exclusivity(unchecked) var shifted: [ShiftKey: Expression] = [:]

    struct ShiftKey: Hashable {
        let exponent: Expression
        let shift: Rational

        /// The exponent's stored hash and a small shift, spread as `Expression` spreads its hash
        /// (no SipHash round per lookup).
        func _rawHashValue(seed: Int) -> Int {
            let small = shift.numerator.intValue.map { $0 &* 31 &+ (shift.denominator.intValue ?? 0) } ?? 0
            return exponent._rawHashValue(seed: seed ^ small)
        }
    }

    /// Storage for the product rule's factor lists, reused from one product to the next.
    @exclusivity(unchecked) private var scratch: [(base: Expression, exponent: Expression)] = []

    func takeScratch() -> [(base: Expression, exponent: Expression)] {
        var s: [(base: Expression, exponent: Expression)] = []
        swap(&s, &scratch)
        return s
    }

    func returnScratch(_ s: [(base: Expression, exponent: Expression)]) {
        scratch = s
        scratch.removeAll(keepingCapacity: true)
    }

    func shift(_ x: Expression, by r: Rational) -> Expression {
        let key = ShiftKey(exponent: x, shift: r)
        if let s = shifted[key] { return s }
        let s = x.plus(r)
        shifted[key] = s
        return s
    }
}
