/// How a product is laid out on paper: sign, numerator factors, denominator factors.
/// Shared by the plain and LaTeX printers so both agree on what goes below the line.
struct ProductLayout {
    var negative: Bool
    /// The numeric numerator (1 is omitted by printers) and denominator.
    var numeratorCoefficient: Integer
    var denominatorCoefficient: Integer
    /// Factors with positive exponents, then with negated negative exponents.
    var numerator: [(base: Expression, exponent: Expression)]
    var denominator: [(base: Expression, exponent: Expression)]

    init(coefficient: Rational, factors: [(base: Expression, exponent: Expression)]) {
        negative = coefficient.isNegative
        numeratorCoefficient = coefficient.numerator.magnitude
        denominatorCoefficient = coefficient.denominator
        numerator = []
        denominator = []
        for (b, x) in factors {
            if x.hasNegativeSign {
                denominator.append((b, -x))
            } else {
                numerator.append((b, x))
            }
        }
    }

    init(_ e: Expression) {
        switch e.kind {
        case .mul(let m): self.init(coefficient: m.coefficient, factors: m.factors)
        case .power(let b, let x): self.init(coefficient: .one, factors: [(b, x)])
        case .number(let r): self.init(coefficient: r, factors: [])
        default: self.init(coefficient: .one, factors: [(e, .one)])
        }
    }

    var hasDenominator: Bool { !denominatorCoefficient.isOne || !denominator.isEmpty }
}

/// Binding strength of the printed form, for deciding where parentheses are needed.
enum Precedence: Int, Comparable {
    case sum = 1, product = 2, unary = 3, power = 4, atom = 5
    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}

extension Expression {
    /// The precedence of the expression's printed form.
    var printPrecedence: Precedence {
        switch kind {
        case .add: return .sum
        case .mul(let m):
            if m.coefficient.isNegative { return .unary }
            return .product
        case .number(let r):
            if r.isNegative { return .unary }
            return r.isInteger ? .atom : .product
        case .power(_, let x):
            if x.hasNegativeSign { return .product }
            if case .number(let r) = x.kind, !r.isInteger { return .atom }
            return .power
        default: return .atom
        }
    }
}

extension Add {
    /// Summands in print order: canonical order, except that a sum never starts with a
    /// minus sign when it has a positive summand (`1 - tanh²x`, not `-tanh²x + 1`).
    var printOrder: [Expression] {
        var s = summands
        // `1 + e^{-x}`, `1 - \tanh^2 x`: a constant with function terms is written first.
        if prefersPositiveConstant, let c = s.popLast() { s.insert(c, at: 0) }
        guard let first = s.first, first.hasNegativeSign,
              let i = s.firstIndex(where: { !$0.hasNegativeSign }) else { return s }
        var out = s
        out.remove(at: i)
        out.insert(s[i], at: 0)
        return out
    }
}

extension Add {
    /// Writes `a + b - c`: summands in print order, a negative one as ` - ` and its negation
    /// (`write` is told which summands follow a minus sign).
    func writeSummands(into out: inout String, _ write: (Expression, _ negated: Bool, inout String) -> Void) {
        for (i, s) in printOrder.enumerated() {
            if i == 0 { write(s, false, &out); continue }
            if s.hasNegativeSign {
                out += " - "
                write(-s, true, &out)
            } else {
                out += " + "
                write(s, false, &out)
            }
        }
    }
}
