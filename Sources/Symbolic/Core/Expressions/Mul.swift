/// A canonical product: `coefficient · Π base^exponent`.
///
/// Invariants: the coefficient is non-zero; bases are unique, sorted by
/// `Expression.compare`, never numbers with integer exponents and never products;
/// exponents are non-zero; at most one base is an `exp(…)` (exponentials merge);
/// a product of one factor with coefficient 1 is never built (it is the power itself).
public final class Mul: Sendable {
    public let coefficient: Rational
    public let factors: [(base: Expression, exponent: Expression)]

    init(coefficient: Rational, factors: [(base: Expression, exponent: Expression)]) {
        self.coefficient = coefficient
        self.factors = factors
    }
}

/// Accumulates factors into canonical form, merging equal bases by adding exponents
/// (`x^a·x^b = x^(a+b)`, valid wherever the left side is defined) and exponentials
/// (`exp(a)·exp(b) = exp(a+b)`).
public struct MulBuilder {
    public private(set) var coefficient: Rational = .one
    /// Distinct bases in order of arrival, and their accumulated exponents.
    private var order: [Expression] = []
    private var exponentList: [Expression] = []
    /// Base -> position, built only past `linearLimit` bases: most products have a few factors,
    /// and a hash map per product (allocated, hashed, freed) was most of the cost of multiplying.
    private var positions: [Expression: Int]? = nil
    private static let linearLimit = 8
    private var expArgument: AddBuilder? = nil
    private var isUndefined = false

    public init() {}

    /// Multiplies by `e`, or by `e^power` for an integer power.
    public mutating func multiply(_ e: Expression, power: Int = 1) {
        if power == 0 { return }
        switch e.kind {
        case .number(let r) where !Limits.default.allowsPower(r, power):
            // Too large to compute: the number's power stays a factor of its own.
            multiply(Expression.power(e, Expression(power)))
        case .mul(let m) where !Limits.default.allowsPower(m.coefficient, power):
            multiply(Expression.power(e, Expression(power)))
        case .number(let r):
            if let p = r.power(power) { coefficient *= p } else { isUndefined = true }
        case .mul(let m):
            if let p = m.coefficient.power(power) { coefficient *= p } else { isUndefined = true }
            for (b, x) in m.factors { addFactor(b, power == 1 ? x : x * Expression.smallInteger(power)) }
        case .power(let b, _) where b.isProduct:
            // `(xy)^(1/2)` that did not split: the power itself is the factor (bases are never products).
            addFactor(e, Expression.smallInteger(power))
        case .power(let b, let x):
            addFactor(b, power == 1 ? x : x * Expression.smallInteger(power))
        case .function(.exp, let args):
            if expArgument == nil { expArgument = AddBuilder() }
            expArgument!.add(args[0], times: Rational(power))
        case .undefined:
            isUndefined = true
        default:
            addFactor(e, Expression.smallInteger(power))
        }
    }

    private mutating func addFactor(_ base: Expression, _ exponent: Expression) {
        if case .function(.exp, let args) = base.kind {
            // (exp u)^k = exp(k·u) for any real k: exp is positive.
            if expArgument == nil { expArgument = AddBuilder() }
            expArgument!.add(args[0] * exponent)
            return
        }
        if let i = position(of: base) {
            exponentList[i] = exponentList[i] + exponent
        } else {
            if order.isEmpty {
                // Room for a few factors at once: growing both lists from empty reallocated each
                // of them at 1, 2 and 4 factors (a third of diff_cache's allocations were such growth).
                order.reserveCapacity(4)
                exponentList.reserveCapacity(4)
            }
            order.append(base)
            exponentList.append(exponent)
            if positions != nil {
                positions![base] = order.count - 1
            } else if order.count > MulBuilder.linearLimit {
                positions = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            }
        }
    }

    private func position(of base: Expression) -> Int? {
        if let positions { return positions[base] }
        for i in order.indices where order[i] == base { return i }
        return nil
    }

    /// The canonical expression for the accumulated product.
    public func build() -> Expression {
        if isUndefined { return .undefined }
        if coefficient.isZero { return .zero }
        var factors: [(base: Expression, exponent: Expression)] = []
        factors.reserveCapacity(order.count + 1)
        var coefficient = self.coefficient
        var needsMerge = false
        func absorb(_ p: Expression, from base: Expression?) {
            switch p.kind {
            case .number(let r): coefficient *= r
            case .power(let b, let y):
                if b.isProduct {
                    factors.append((p, .one))
                    needsMerge = true
                } else {
                    if b != base { needsMerge = true }
                    factors.append((b, y))
                }
            case .mul(let m):
                coefficient *= m.coefficient
                factors.append(contentsOf: m.factors)
                needsMerge = true
            default:
                if p != base { needsMerge = true }
                factors.append((p, .one))
            }
        }
        for (base, x) in zip(order, exponentList) {
            if x.isZero { continue }
            if case .add(let a) = base.kind, let k = x.rationalValue, k.isInteger, let n = k.numerator.intValue,
               let (content, primitive) = a.contentAndPrimitivePart(), Limits.default.allowsPower(content, n) {
                // (6y + 9)^n = 3^n (2y + 3)^n: sums inside products are primitive with a positive
                // leading coefficient, so `-3(-y - 3)` and `3y + 9` meet in one canonical form.
                if let c = content.power(n) { coefficient *= c }
                factors.append((primitive, x))
                needsMerge = true
                continue
            }
            if x.isOne || Expression.powerKeepsBase(base, x) { factors.append((base, x)); continue }
            absorb(Expression.power(base, x), from: base)
        }
        if let arg = expArgument {
            let e = Expression.apply(.exp, arg.build())
            if case .function(.exp, _) = e.kind { factors.append((e, .one)) } else { absorb(e, from: nil) }
        }
        if coefficient.isZero { return .zero }
        if needsMerge {
            // A power rewrote into new bases (numeric roots, nested powers): merge once more.
            var again = MulBuilder()
            again.coefficient = coefficient
            for (b, x) in factors {
                // As multiplying by the node b^x would, without building it (a node per factor
                // per merge round was a fifth of diff_cache's nodes).
                if x.isOne {
                    again.multiply(b)
                } else if b.isProduct {
                    again.addFactor(Expression(.power(b, x)), .one)
                } else {
                    again.addFactor(b, x)
                }
            }
            return again.buildWithoutMerge()
        }
        return Mul.make(coefficient: coefficient, factors: &factors)
    }

    /// Second-round assembly: bases are kept as they are.
    private func buildWithoutMerge() -> Expression {
        if isUndefined { return .undefined }
        var factors: [(base: Expression, exponent: Expression)] = []
        factors.reserveCapacity(order.count + 1)
        for (base, x) in zip(order, exponentList) {
            if !x.isZero { factors.append((base, x)) }
        }
        var coefficient = self.coefficient
        if let arg = expArgument {
            let e = Expression.apply(.exp, arg.build())
            if case .number(let r) = e.kind { coefficient *= r } else { factors.append((e, .one)) }
        }
        var rest: [(base: Expression, exponent: Expression)] = []
        rest.reserveCapacity(factors.count)
        for (b, x) in factors {
            guard case .number = b.kind else { rest.append((b, x)); continue }
            // Merged numeric roots (2^(1/2)·2^(1/2)) are re-normalised; their bases are primes already.
            let p = Expression.power(b, x)
            switch p.kind {
            case .number(let r): coefficient *= r
            case .power(let pb, let px) where !pb.isProduct: rest.append((pb, px))
            case .mul(let m):
                coefficient *= m.coefficient
                rest.append(contentsOf: m.factors)
            default: rest.append((p, .one))
            }
        }
        return Mul.make(coefficient: coefficient, factors: &rest)
    }
}

extension Mul {
    /// The product without its coefficient, as a sum stores it as a term: the factors are
    /// canonical already, so the term is built without sorting them again (re-sorting 50 sorted
    /// sines took half of a second derivative of their product).
    var unitTerm: Expression {
        if factors.count == 1 {
            return factors[0].exponent.isOne ? factors[0].base : Expression(.power(factors[0].base, factors[0].exponent))
        }
        return Expression(.mul(Mul(coefficient: .one, factors: factors)))
    }
}

extension Expression {
    var isProduct: Bool { if case .mul = kind { return true }; return false }
    var isAdd: Bool { if case .add = kind { return true }; return false }

    /// True when `Expression.power(base, x)` is the plain node `base^x` (x not 0 or 1), so a
    /// product's factor needs no power built to find out (building and dropping one per factor
    /// was a fifth of a product's cost in a derivative's chain of nested powers).
    static func powerKeepsBase(_ base: Expression, _ x: Expression) -> Bool {
        let numeric: Bool
        switch x.kind {
        case .number: numeric = true
        case .undefined: return false
        default: numeric = false
        }
        switch base.kind {
        case .symbol, .constant, .add: return true
        case .function(.exp, _): return false
        case .function(.abs, _), .power: return !numeric  // |u|^(2k) and (u^a)^k rewrite
        case .function: return true
        default: return false  // numbers and products: their powers rewrite
        }
    }
}

extension Mul {
    /// Builds a product from canonical, distinct factors in any order.
    static func make(coefficient: Rational, factors: inout [(base: Expression, exponent: Expression)]) -> Expression {
        if coefficient.isZero { return .zero }
        if factors.isEmpty { return Expression(coefficient) }
        if factors.count == 1 {
            let (b, x) = factors[0]
            let single = x.isOne ? b : Expression(.power(b, x))
            if coefficient.isOne { return single }
            if x.isOne, case .add = b.kind { return distribute(coefficient, over: b) }
        }
        sortFactors(&factors)
        return Expression(.mul(Mul(coefficient: coefficient, factors: factors)))
    }

    /// Sorts distinct bases by `Expression.compare`. A product has a few factors, mostly in order
    /// already, so they are sorted by insertion, moved in place: the standard library's sort
    /// copied each factor it compared (a retain and a release per base and exponent; a tenth of
    /// differentiating SymEngine's diff_cache). Long lists use the standard sort.
    static func sortFactors(_ factors: inout [(base: Expression, exponent: Expression)]) {
        guard factors.count > 1 else { return }
        guard factors.count <= 16 else {
            factors.sort { Expression.compare($0.base, $1.base) < 0 }
            return
        }
        factors.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            for i in 1..<buffer.count where Expression.compare(p[i - 1].base, p[i].base) > 0 {
                let item = (p + i).move()
                var j = i
                repeat {
                    (p + j).moveInitialize(from: p + j - 1, count: 1)
                    j -= 1
                } while j > 0 && Expression.compare(p[j - 1].base, item.base) > 0
                (p + j).initialize(to: item)
            }
        }
    }

    /// `c·(a + b) = c·a + c·b`: numeric coefficients are distributed over sums, as in SymPy and SymEngine.
    static func distribute(_ c: Rational, over sum: Expression) -> Expression {
        var b = AddBuilder()
        b.add(sum, times: c)
        return b.build()
    }
}

extension Expression {
    /// The canonical product of `items`.
    public static func product<S: Sequence>(_ items: S) -> Expression where S.Element == Expression {
        var b = MulBuilder()
        for e in items { b.multiply(e) }
        return b.build()
    }

    /// A product from factors already in canonical form (sorted, merged).
    package static func product(coefficient: Rational, factors: [(base: Expression, exponent: Expression)]) -> Expression {
        var f = factors
        if f.count == 1 && coefficient.isOne { return f[0].exponent.isOne ? f[0].base : Expression(.power(f[0].base, f[0].exponent)) }
        if f.isEmpty { return Expression(coefficient) }
        return Mul.make(coefficient: coefficient, factors: &f)
    }
}
