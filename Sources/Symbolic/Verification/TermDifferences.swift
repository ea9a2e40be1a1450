import SymbolicCore
import SymbolicLaTeX
/// The terms in which the two sides of a wrong polynomial identity differ, from their expanded
/// canonical forms: `(x+1)^3 = x^3 + 3x^2 + 2x + 1` differs in x, whose coefficient is 3 on the
/// left and 2 on the right. A term missing on the right has 0 there; an extra one has 0 on the left.
public struct TermDifference: Sendable, Codable, Equatable {
    /// The monomial in plain syntax (`x`, `a*b`, `1` for the constant term).
    public let term: String
    /// Its coefficient on the left side (the value the step should have) and on the right.
    public let left: String
    public let right: String

    /// In words: "the coefficient of x is 3, not 2", "the term 2*x is missing", "the term x^2 should not be there".
    public var sentence: String {
        if right == "0" { return "the term \(Self.scaled(left, term)) is missing" }
        if left == "0" { return "the term \(Self.scaled(right, term)) should not be there" }
        return term == "1" ? "the constant term is \(left), not \(right)" : "the coefficient of \(term) is \(left), not \(right)"
    }

    static func scaled(_ c: String, _ term: String) -> String {
        term == "1" ? c : c == "1" ? term : c == "-1" ? "-" + term : "\(c)*\(term)"
    }

    /// At most this many terms on a side are compared (a longer polynomial is not listed).
    public static let maximumTerms = 60

    /// The differing terms of `a` and `b` when both are polynomials with rational coefficients
    /// and few terms; nil otherwise (or when they do not differ).
    public static func between(_ a: Expression, _ b: Expression) -> [TermDifference]? {
        guard a.isPolynomialInNames, b.isPolynomialInNames,
              let ea = a.expanded(maxTerms: maximumTerms), let eb = b.expanded(maxTerms: maximumTerms),
              let ca = coefficients(ea), let cb = coefficients(eb) else { return nil }
        var out: [TermDifference] = []
        for monomial in Set(ca.keys).union(cb.keys).sorted(by: { PlainPrinter.string($0) < PlainPrinter.string($1) }) {
            let l = ca[monomial] ?? .zero, r = cb[monomial] ?? .zero
            guard l != r else { continue }
            out.append(TermDifference(term: PlainPrinter.string(monomial), left: l.description, right: r.description))
        }
        return out.isEmpty ? nil : out
    }

    /// Monomial → rational coefficient of an expanded polynomial; nil when a term's coefficient
    /// is not a rational number.
    static func coefficients(_ e: Expression) -> [Expression: Rational]? {
        var out: [Expression: Rational] = [:]
        let terms: [Expression]
        if case .add(let s) = e.kind { terms = s.summands } else { terms = [e] }
        for t in terms {
            if let r = t.rationalValue { out[.one, default: .zero] = out[.one, default: .zero] + r; continue }
            if case .mul(let m) = t.kind {
                let monomial = t / Expression(m.coefficient)
                guard monomial.rationalValue == nil, monomial.freeSymbols.count > 0 else { return nil }
                out[monomial, default: .zero] = out[monomial, default: .zero] + m.coefficient
            } else {
                out[t, default: .zero] = out[t, default: .zero] + 1
            }
        }
        return out.filter { !$0.value.isZero }
    }
}
