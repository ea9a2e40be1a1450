import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A `Condition` in one unknown whose sides and domain conditions are rational functions:
/// each relation is `N/D relation 0` with polynomials N and D, defined where D ≠ 0 and every
/// domain condition `n/d ≠ 0, > 0, ≥ 0` holds. Its truth at a point follows from the signs of
/// these polynomials there.
struct PolynomialCondition {
    typealias Poly = UnivariateDivision.Poly

    struct Atom {
        let numerator: Poly
        let denominator: Poly
        let relation: Relation
        /// Domain conditions: the condition's kind (its expression unused) and its numerator and denominator.
        let conditions: [(kind: DomainCondition, numerator: Poly, denominator: Poly)]
        /// The written form is defined nowhere (`log(-1)`, `1/0`).
        let definedNowhere: Bool

        var polynomials: [Poly] { [numerator, denominator] + conditions.flatMap { [$0.numerator, $0.denominator] } }

        /// True when the relation holds, given each polynomial's sign at the point.
        func holds(_ sign: (Poly) -> Int) -> Bool {
            if definedNowhere { return false }
            let d = sign(denominator)
            guard d != 0 else { return false }
            for c in conditions {
                let cd = sign(c.denominator)
                guard cd != 0, c.kind.holds(sign: sign(c.numerator) * cd) else { return false }
            }
            return Condition.Atom.holds(relation, sign: sign(numerator) * d)
        }

        /// True when the written form is defined, given the signs.
        func isDefined(_ sign: (Poly) -> Int) -> Bool {
            if definedNowhere { return false }
            guard sign(denominator) != 0 else { return false }
            return conditions.allSatisfy { c in
                let cd = sign(c.denominator)
                return cd != 0 && c.kind.holds(sign: sign(c.numerator) * cd)
            }
        }
    }

    var disjuncts: [[Atom]]

    var polynomials: [Poly] { disjuncts.joined().flatMap(\.polynomials) }

    func holds(_ sign: (Poly) -> Int) -> Bool {
        disjuncts.contains { $0.allSatisfy { $0.holds(sign) } }
    }

    /// True where some relation of the line is defined.
    func isDefined(_ sign: (Poly) -> Int) -> Bool {
        disjuncts.contains { $0.contains { $0.isDefined(sign) } }
    }

    /// The largest number of terms an expansion may have while bringing a side over one denominator.
    static let termLimit = 2_000

    /// `condition` in the unknown `x` (which may not occur at all); nil when some part is not a
    /// rational function of x with rational coefficients within the limits.
    init?(_ condition: Condition, in x: Symbol) {
        var disjuncts: [[Atom]] = []
        for conj in condition.disjuncts {
            var atoms: [Atom] = []
            for a in conj {
                guard let (n, d) = PolynomialCondition.fraction(a.lhs - a.rhs, x) else { return nil }
                var conditions: [(kind: DomainCondition, numerator: Poly, denominator: Poly)] = []
                for c in a.domain.conditions {
                    guard let (cn, cd) = PolynomialCondition.fraction(c.expression, x) else { return nil }
                    conditions.append((c, cn, cd))
                }
                atoms.append(Atom(numerator: n, denominator: d, relation: a.relation, conditions: conditions, definedNowhere: a.domain.isEmpty))
            }
            disjuncts.append(atoms)
        }
        self.disjuncts = disjuncts
    }

    /// e as numerator and denominator polynomials in x; nil when e is not a rational function of x.
    static func fraction(_ e: Expression, _ x: Symbol) -> (Poly, Poly)? {
        guard !e.isUndefined, e.freeSymbols.allSatisfy({ $0 == x }), e.isRationalFunction,
              e.degreeBound <= 2 * RealRoots.maximumDegree,  // before any expansion
              let f = Fraction.from(e, termLimit: termLimit),
              let n = UnivariateDivision.poly(f.numerator, x), let d = UnivariateDivision.poly(f.denominator, x),
              !d.isEmpty, RealRoots.withinLimits(n), RealRoots.withinLimits(d) else { return nil }
        return (n, d)
    }
}
