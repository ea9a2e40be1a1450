/// Cheap structural questions about an expression.
extension Expression {
    public static let zero = Expression(Rational.zero)
    public static let one = Expression(Rational.one)
    public static let minusOne = Expression(Rational.minusOne)
    public static let undefined = Expression(.undefined)
    public static let pi = Expression(.constant(.pi))

    /// The expression for an exact rational constant.
    public init(_ value: Rational) { self.init(.number(value)) }
    public init(_ value: Int) { self.init(.number(Rational(value))) }

    @inlinable public var isZero: Bool {
        if case .number(let r) = kind { return r.isZero }
        return false
    }

    @inlinable public var isOne: Bool {
        if case .number(let r) = kind { return r.isOne }
        return false
    }

    /// The value, when the expression is a rational constant.
    @inlinable public var rationalValue: Rational? {
        if case .number(let r) = kind { return r }
        return nil
    }

    public var isUndefined: Bool {
        if case .undefined = kind { return true }
        return false
    }

    /// True when the expression is known to be ≥ 0 wherever it is defined
    /// (a sufficient test: `false` means "not known").
    public var isNonNegative: Bool {
        switch kind {
        case .number(let r): return !r.isNegative
        case .constant: return true
        case .function(let f, _):
            switch f {
            case .exp, .abs, .sigmoid, .relu, .heaviside, .cosh: return true
            default: return false
            }
        case .power(let b, let e):
            if case .number(let r) = e.kind {
                if r.isInteger { return r.numerator.isEven || b.isNonNegative }
                // A real root with even index is non-negative; an odd one has the sign of its base.
                return r.denominator.isEven || b.isNonNegative
            }
            return true  // a variable exponent needs a positive base (DomainRules): the power is positive
        case .mul(let m):
            return !m.coefficient.isNegative && m.factors.allSatisfy {
                Expression.product(coefficient: .one, factors: [$0]).isNonNegative
            }
        case .add(let a):
            return !a.constant.isNegative && a.terms.allSatisfy {
                !$0.coefficient.isNegative && $0.term.isNonNegative
            }
        default:
            return false
        }
    }

    /// The symbols that occur in the expression, in canonical order. Each shared node is
    /// visited once, so the cost is the size of the expression as a graph, not as a tree.
    public var freeSymbols: [Symbol] {
        var seen = Set<Symbol>()
        var visited = Set<ObjectIdentifier>()
        var out: [Symbol] = []
        func walk(_ e: Expression) {
            guard visited.insert(ObjectIdentifier(e.node)).inserted else { return }
            switch e.kind {
            case .symbol(let s): if seen.insert(s).inserted { out.append(s) }
            case .add(let a): for (t, _) in a.terms { walk(t) }
            case .mul(let m): for (b, x) in m.factors { walk(b); walk(x) }
            case .power(let b, let x): walk(b); walk(x)
            case .function(_, let args): for a in args { walk(a) }
            case .derivative(let f, let s, _):
                walk(f)
                if seen.insert(s).inserted { out.append(s) }
            case .indexed(_, let ix): for i in ix { walk(i) }
            case .bigOperator(let o):
                // Bound indices are not free; the names at them are the family's members.
                o.lower.map(walk); o.upper.map(walk); walk(o.body)
            case .expectation(let b): walk(b)
            case .number, .constant, .undefined: break
            }
        }
        walk(self)
        return out.filter { !$0.isBoundIndex }.sorted { Symbol.compare($0, $1) < 0 }
    }

    /// True when the expression contains `symbol`.
    public func contains(_ symbol: Symbol) -> Bool {
        switch kind {
        case .symbol(let s): return s == symbol
        case .add(let a): return a.terms.contains { $0.term.contains(symbol) }
        case .mul(let m): return m.factors.contains { $0.base.contains(symbol) || $0.exponent.contains(symbol) }
        case .power(let b, let x): return b.contains(symbol) || x.contains(symbol)
        case .function(_, let args): return args.contains { $0.contains(symbol) }
        case .derivative(let f, let s, _): return s == symbol || f.contains(symbol)
        case .indexed(let base, let ix):
            // `x` at a bound index may be the member `x_3`.
            return ix.contains { $0.contains(symbol) } || (symbol.subscriptText != nil && symbol.family == base)
        case .bigOperator(let o):
            return o.index == symbol || o.lower?.contains(symbol) == true || o.upper?.contains(symbol) == true || o.body.contains(symbol)
        case .expectation(let b): return b.contains(symbol)
        case .number, .constant, .undefined: return false
        }
    }

    /// True when the expression, written out as a tree, has more than `limit` nodes. The count
    /// stops at `limit`, so the cost is bounded however large a shared (DAG) expression is.
    public func treeSize(exceeds limit: Int) -> Bool {
        var budget = limit
        return !fitsTree(&budget)
    }

    /// Counts this tree's nodes off `budget` (without building sub-expressions); false once
    /// the budget is spent.
    func fitsTree(_ budget: inout Int) -> Bool {
        var pending = [self]
        // Leaves are counted where they are met, not queued: most nodes are leaves.
        func visit(_ e: Expression) {
            switch e.kind {
            case .number, .symbol, .constant, .undefined: budget -= 1
            default: pending.append(e)
            }
        }
        while let e = pending.popLast() {
            budget -= 1
            if budget < 0 { return false }
            switch e.kind {
            case .add(let a): for (t, _) in a.terms { visit(t) }
            case .mul(let m): for (b, x) in m.factors { visit(b); if !x.isOne { visit(x) } }
            case .power(let b, let x): visit(b); visit(x)
            case .function(_, let args): for a in args { visit(a) }
            case .derivative(let f, _, _): visit(f)
            case .indexed, .bigOperator, .expectation: for c in e.children { visit(c) }
            case .number, .symbol, .constant, .undefined: break
            }
        }
        return budget >= 0
    }

    /// The direct sub-expressions.
    public var children: [Expression] {
        switch kind {
        case .add(let a): return a.summands
        case .mul(let m):
            var out: [Expression] = m.coefficient.isOne ? [] : [Expression(m.coefficient)]
            for f in m.factors { out.append(Expression.product(coefficient: .one, factors: [f])) }
            return out
        case .power(let b, let x): return [b, x]
        case .function(_, let args): return args
        case .derivative(let f, _, _): return [f]
        case .indexed(_, let ix): return ix
        case .bigOperator(let o): return [o.lower, o.upper].compactMap { $0 } + [o.body]
        case .expectation(let b): return [b]
        case .number, .symbol, .constant, .undefined: return []
        }
    }
}

extension Expression {
    /// The largest integer exponent applied to an expression with letters, multiplied through
    /// nested powers (`(x^{20})^{30}` is 600); 1 for a letter alone, 0 for none.
    package var largestExponent: Int {
        let memo = NodeMemo<Int>()
        // The degree of b^x from b's: times |x| for an integer x, else the larger of the two.
        func raised(_ inner: Int, _ x: Expression) -> Int {
            guard inner > 0, let r = x.rationalValue, r.isInteger else { return max(inner, walk(x)) }
            guard let k = r.numerator.intValue else { return Int.max }
            let (v, overflow) = inner.multipliedReportingOverflow(by: max(1, Int(clamping: k.magnitude)))
            return overflow ? Int.max : v
        }
        func walk(_ e: Expression) -> Int {
            memo.value(e) { e in
                switch e.kind {
                case .symbol: return 1
                case .number, .constant, .undefined: return 0
                case .power(let b, let x):
                    return raised(walk(b), x)
                case .mul(let m):
                    return m.factors.reduce(0) { max($0, raised(walk($1.base), $1.exponent)) }
                default:
                    return e.children.reduce(0) { max($0, walk($1)) }
                }
            }
        }
        return walk(self)
    }

    /// True when an unevaluated derivative node occurs.
    package func contains(derivative: Void) -> Bool {
        switch kind {
        case .derivative: return true
        case .add(let a): return a.terms.contains { $0.term.contains(derivative: ()) }
        case .mul(let m): return m.factors.contains { $0.base.contains(derivative: ()) || $0.exponent.contains(derivative: ()) }
        case .power(let b, let x): return b.contains(derivative: ()) || x.contains(derivative: ())
        case .function(_, let args): return args.contains { $0.contains(derivative: ()) }
        case .indexed, .bigOperator, .expectation: return children.contains { $0.contains(derivative: ()) }
        case .number, .symbol, .constant, .undefined: return false
        }
    }
}

extension Expression {
    /// True when a function the engine does not know (`J(\mathbf{w})`, `f(y)`) is applied somewhere.
    package var appliesUndefinedFunction: Bool {
        if case .function(.undefined, _) = kind { return true }
        return children.contains { $0.appliesUndefinedFunction }
    }

    /// True when a user-defined function named `name` is applied somewhere.
    package func usesFunction(_ name: String) -> Bool { usesFunction(where: { $0 == name }) }

    /// True when a user-defined function whose name satisfies `matches` is applied somewhere.
    package func usesFunction(where matches: (String) -> Bool) -> Bool {
        if case .function(.undefined(let n), _) = kind, matches(n) { return true }
        return children.contains { $0.usesFunction(where: matches) }
    }
}
