/// Where an expression as written is defined: a conjunction of `DomainCondition`s, recorded
/// while the expression is read (see `DomainRules`), plus the conditions of the canonical form
/// itself, which the evaluators check.
public struct Domain: Hashable, Sendable {
    /// The conditions, without repeats, in the order first recorded.
    public private(set) var conditions: [DomainCondition] = []
    private var seen: Set<DomainCondition> = []
    /// A condition on a constant that failed (`0 > 0` for `0^x`): the written form is defined nowhere.
    public private(set) var failed: DomainCondition?
    /// A part of the written form is undefined everywhere (`log(-1)`, `1/0`).
    private var hasUndefinedPart = false

    /// True when the written form is defined nowhere.
    public var isEmpty: Bool { failed != nil || hasUndefinedPart }

    /// Why the written form is defined nowhere, in words.
    public var emptinessReason: String? {
        if let c = failed { return "it needs \(c)" }
        return hasUndefinedPart ? "it divides by zero or takes a logarithm or an even root of a negative number" : nil
    }

    public init() {}

    public init(_ conditions: [DomainCondition]) {
        for c in conditions { insert(c) }
    }

    /// Adds a condition; conditions that hold by their form are dropped, conditions on
    /// constants are decided at once.
    public mutating func insert(_ c: DomainCondition) {
        if c.expression.isUndefined { hasUndefinedPart = true; return }
        if c.holdsByForm && !c.expression.hasOpaqueParts { return }
        if c.expression.freeSymbols.isEmpty && !c.expression.hasOpaqueParts {
            switch c.truth(at: [:]) {
            case .holds: return
            case .fails: if failed == nil { failed = c }; return
            case .unknown: break
            }
        }
        if seen.insert(c).inserted { conditions.append(c) }
    }

    public mutating func formUnion(_ other: Domain) {
        if failed == nil { failed = other.failed }
        if other.hasUndefinedPart { hasUndefinedPart = true }
        for c in other.conditions { insert(c) }
    }

    /// The domain without the conditions on a bound variable (the `h` of a limit, the `x` of an
    /// integral), which hold near a point or on an interval rather than for the free names;
    /// a part undefined everywhere stays so.
    public func dropping(conditionsOn bound: Symbol) -> Domain {
        var d = self
        d.conditions = conditions.filter { !$0.expression.contains(bound) }
        d.seen = Set(d.conditions)
        return d
    }

    public func union(_ other: Domain) -> Domain {
        var d = self
        d.formUnion(other)
        return d
    }

    /// Whether every condition holds at the point (`unknown` when some cannot be decided).
    public func truth(at point: [Symbol: Rational]) -> Truth {
        if isEmpty { return .fails }
        var result = Truth.holds
        for c in conditions {
            switch c.truth(at: point) {
            case .fails: return .fails
            case .unknown: result = .unknown
            case .holds: break
            }
        }
        return result
    }

    /// The conditions with `replacements` substituted (for definitions and bound indices).
    public func substituting(_ replacements: [Symbol: Expression]) -> Domain {
        var d = Domain()
        d.failed = failed
        d.hasUndefinedPart = hasUndefinedPart
        for c in conditions { d.insert(c.with(c.expression.substituting(replacements))) }
        return d
    }

    /// Expressions known to be ≥ 0 on the domain (from `u > 0` and `u ≥ 0`).
    var nonNegativeExpressions: [Expression] {
        conditions.compactMap {
            switch $0 {
            case .positive(let u), .nonNegative(let u): return u
            case .nonZero: return nil
            }
        }
    }

    /// `e` with `|u|` replaced by `u` for every `u` known to be ≥ 0 on the domain: equal to `e`
    /// wherever the domain's conditions hold.
    func refining(_ e: Expression) -> Expression {
        let known = Set(nonNegativeExpressions.flatMap { u -> [Expression] in
            // |c·u| for c > 0 reads as |u| in canonical form; record both.
            if case .mul(let m) = u.kind, m.coefficient.signum > 0 {
                return [u, Expression.product(coefficient: .one, factors: m.factors)]
            }
            return [u]
        })
        if known.isEmpty { return e }
        return e.transformed { node in
            if case .function(.abs, let args) = node.kind, args.count == 1, known.contains(args[0]) { return args[0] }
            return node
        }
    }
}

/// An expression as written: its canonical form and where the written form is defined.
public struct WrittenExpression: Sendable {
    public let expression: Expression
    public let domain: Domain

    public init(_ expression: Expression, domain: Domain = Domain()) {
        self.expression = expression
        self.domain = domain
    }

    /// The written expression with values substituted; its domain conditions are substituted
    /// too, so conditions that become constants are decided (`x/x` at x = 0 is defined nowhere).
    public func substituting(_ values: [Symbol: Expression]) -> WrittenExpression {
        WrittenExpression(expression.substituting(values), domain: domain.substituting(values))
    }

    /// The canonical form, or `undefined` when the written form is defined nowhere.
    public var value: Expression { domain.isEmpty ? .undefined : expression }
}
