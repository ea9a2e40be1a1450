/// Substitution and exact evaluation.
extension Expression {
    /// Replaces every occurrence of each key (usually a symbol) by its value, simultaneously,
    /// and rebuilds the canonical form.
    public func substituting(_ replacements: [Expression: Expression]) -> Expression {
        if replacements.isEmpty { return self }
        var memo: [Expression: Expression] = [:]
        if case .add(let a) = kind, replacements.values.allSatisfy({ $0.rationalValue != nil }) {
            return substituteNumbers(a, replacements, &memo)
        }
        return substitute(self, replacements, &memo)
    }

    /// A sum with numbers substituted: terms that become numbers are evaluated with a
    /// table of powers per symbol and summed by binary splitting; the rest are rebuilt.
    private func substituteNumbers(_ a: Add, _ map: [Expression: Expression], _ memo: inout [Expression: Expression]) -> Expression {
        var powers: [Expression: [Rational]] = [:]
        for (k, v) in map { powers[k] = [.one, v.rationalValue!] }
        func power(_ base: Expression, _ exponent: Expression) -> Rational? {
            guard let x = exponent.rationalValue, x.isInteger, let k = x.numerator.intValue, k >= 0, k <= 4096,
                  var table = powers[base], Limits.default.allowsPower(table[1], k) else { return nil }
            if k < table.count { return table[k] }
            // All smaller powers are kept only while the table stays small (bits(v)·k² within the limit).
            guard Limits.default.allowsPower(table[1], k * k) else { return table[1].power(k) }
            // Without a gcd: the powers of a fraction in lowest terms are in lowest terms.
            let v = table[1]
            while table.count <= k {
                let last = table[table.count - 1]
                table.append(Rational(reduced: last.numerator * v.numerator, last.denominator * v.denominator))
            }
            powers[base] = table
            return table[k]
        }
        var numbers: [Rational] = [a.constant]
        numbers.reserveCapacity(a.terms.count + 1)
        var rest = AddBuilder()
        for (t, c) in a.terms {
            var value: Rational? = nil
            switch t.kind {
            case .symbol: value = power(t, .one)
            case .power(let b, let x): value = power(b, x)
            case .mul(let m):
                var acc = m.coefficient
                for (b, x) in m.factors {
                    guard let v = power(b, x) else { acc = .zero; value = nil; break }
                    acc *= v
                    value = acc
                }
            default: break
            }
            if let v = value { numbers.append(v * c) } else { rest.add(substitute(t, map, &memo), times: c) }
        }
        rest.add(Expression(Rational.sum(numbers)))
        return rest.build()
    }

    /// Replaces symbols by expressions.
    public func substituting(_ replacements: [Symbol: Expression]) -> Expression {
        var map: [Expression: Expression] = [:]
        for (s, v) in replacements { map[Expression(s)] = v }
        return substituting(map)
    }

    private func substitute(_ e: Expression, _ map: [Expression: Expression], _ memo: inout [Expression: Expression]) -> Expression {
        if let r = map[e] { return r }
        switch e.kind {
        case .number, .constant, .undefined, .symbol: return e
        default: break
        }
        if let m = memo[e] { return m }
        let result: Expression
        switch e.kind {
        // A node whose parts all come back unchanged is itself (it is canonical already): rebuilding
        // every untouched term took most of SymEngine's expand6 substitution.
        case .add(let a):
            let terms = a.terms.map { substitute($0.term, map, &memo) }
            if zip(terms, a.terms).allSatisfy({ $0.node === $1.term.node }) {
                result = e
            } else {
                var b = AddBuilder(capacity: a.terms.count)
                b.add(Expression(a.constant))
                for (t, (_, c)) in zip(terms, a.terms) { b.add(t, times: c) }
                result = b.build()
            }
        case .mul(let m):
            let factors = m.factors.map { (substitute($0.base, map, &memo), substitute($0.exponent, map, &memo)) }
            if zip(factors, m.factors).allSatisfy({ $0.0.node === $1.base.node && $0.1.node === $1.exponent.node }) {
                result = e
            } else {
                var b = MulBuilder()
                b.multiply(Expression(m.coefficient))
                for (nb, nx) in factors {
                    if let k = nx.rationalValue, k.isInteger, let ki = k.numerator.intValue {
                        b.multiply(nb, power: ki)
                    } else {
                        b.multiply(Expression.power(nb, nx))
                    }
                }
                result = b.build()
            }
        case .power(let b, let x):
            let nb = substitute(b, map, &memo), nx = substitute(x, map, &memo)
            result = nb.node === b.node && nx.node === x.node ? e : Expression.power(nb, nx)
        case .function(let f, let args):
            let new = args.map { substitute($0, map, &memo) }
            result = zip(new, args).allSatisfy({ $0.node === $1.node }) ? e : Expression.apply(f, new)
        case .derivative(let f, let s, let n):
            if map[Expression(s)] != nil {
                // Differentiate first, then substitute: d/dx f evaluated at x = value.
                let d = f.derivative(with: s, times: n)
                if case .derivative = d.kind { result = e } else { result = substitute(d, map, &memo) }
            } else {
                result = Expression(.derivative(substitute(f, map, &memo), s, order: n))
            }
        case .indexed(let base, let ix):
            result = Expression.indexed(base, ix.map { substitute($0, map, &memo) })
        case .expectation(let b):
            result = Expression.expectation(substitute(b, map, &memo))
        case .bigOperator(let o):
            // The bound index is never replaced (it shadows a key of the same name); values hold
            // no bound index of this height (only outer ones, which are higher), so nothing is
            // captured. The canonical form is rebuilt (the index renamed if the height changed).
            var inner = map
            inner[Expression(o.index)] = nil
            var innerMemo: [Expression: Expression] = [:]
            let body = inner.count == map.count ? substitute(o.body, map, &memo) : substitute(o.body, inner, &innerMemo)
            result = BigOperator.make(o.operation, o.index, o.lower.map { substitute($0, map, &memo) },
                                      o.upper.map { substitute($0, map, &memo) }, body)
        case .number, .constant, .undefined, .symbol:
            result = e
        }
        memo[e] = result
        return result
    }
}

/// The outcome of evaluating an expression exactly at a point.
public enum ExactValue: Equatable, Sendable {
    /// The value is this rational number.
    case rational(Rational)
    /// The expression is undefined there (division by zero, log of a non-positive number, …).
    case undefined
    /// The value is real but not known to be rational (`sin 1`, `√2`): use interval bounds.
    case irrational
}

extension Expression {
    /// The exact value at a point that assigns a rational to every free symbol.
    public func exactValue(at point: [Symbol: Rational]) -> ExactValue {
        ExactEvaluator(point: point).value(self)
    }
}

struct ExactEvaluator {
    let point: [Symbol: Rational]
    /// Reads `u^v` with a variable exponent pointwise (a negative base with an exponent of odd
    /// denominator is a real root) instead of by `DomainRules`, which requires `u > 0`; used only
    /// to test whether a proof rests on that convention.
    let pointwisePowers: Bool

    /// Values of the nodes seen so far: shared subexpressions are evaluated once.
    private let memo = NodeMemo<ExactValue>()

    init(point: [Symbol: Rational], pointwisePowers: Bool = false) {
        self.point = point
        self.pointwisePowers = pointwisePowers
    }

    func value(_ e: Expression) -> ExactValue { memo.value(e, evaluate) }

    private func evaluate(_ e: Expression) -> ExactValue {
        switch e.kind {
        case .number(let r): return .rational(r)
        case .symbol(let s):
            guard let v = point[s] else { return .irrational }
            return .rational(v)
        case .add(let a):
            var parts: [Rational] = [a.constant]
            parts.reserveCapacity(a.terms.count + 1)
            for (t, c) in a.terms {
                switch value(t) {
                case .rational(let v): parts.append(v * c)
                case let other: return other
                }
            }
            return .rational(Rational.sum(parts))
        case .mul(let m):
            var acc = m.coefficient
            var irrational = false
            for (b, x) in m.factors {
                switch power(b, x) {
                case .rational(let v): acc *= v
                case .undefined: return .undefined
                case .irrational: irrational = true
                }
            }
            return irrational ? .irrational : .rational(acc)
        case .power(let b, let x): return power(b, x)
        case .function(let f, let args):
            guard args.count == 1 else { return .irrational }
            let inner = value(args[0])
            guard case .rational(let u) = inner else { return inner }
            let r = Expression.apply(f, Expression(u))
            if case .number(let v) = r.kind { return .rational(v) }
            if r.isUndefined { return .undefined }
            return .irrational
        case .undefined: return .undefined
        // Not a rational computed here: sums and products with bounds still symbolic, members at
        // bound indices, expectations (see `IndexedClaims`, which instantiates them first).
        case .constant, .derivative, .indexed, .bigOperator, .expectation: return .irrational
        }
    }

    private func power(_ b: Expression, _ x: Expression) -> ExactValue {
        let base = value(b), exponent = value(x)
        guard case .rational(let bv) = base else { return base == .undefined ? .undefined : .irrational }
        guard case .rational(let xv) = exponent else { return exponent == .undefined ? .undefined : .irrational }
        return DomainRules.powerValue(bv, xv, variableExponent: x.rationalValue == nil && !pointwisePowers)
    }
}
