import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The real line cut at every real root of every polynomial of some polynomial conditions:
/// the roots themselves and the open intervals between them. On each cell every polynomial
/// has one sign, so each condition is true on the whole cell or on none of it, and a
/// comparison of solution sets is a comparison over finitely many cells.
struct SignChart {
    typealias Poly = UnivariateDivision.Poly

    /// A cell, represented by one point of it.
    struct Cell {
        let point: AlgebraicPoint
        /// True for a root cell (a single point), false for an open interval.
        let isRoot: Bool
    }

    let cells: [Cell]

    /// The chart of the conditions' polynomials; nil when the product of their squarefree
    /// parts would exceed `RealRoots`' limits (checked before any root is isolated).
    init?(_ conditions: [PolynomialCondition]) {
        var product: Poly = [.one]
        for p in conditions.flatMap(\.polynomials) where p.count > 1 {
            let s = RealRoots.squarefree(p)
            let g = UnivariateDivision.gcd(product, s)
            let newPart = g.count > 1 ? UnivariateDivision.divide(s, g).0 : s
            guard product.count + newPart.count - 2 <= RealRoots.maximumDegree else { return nil }
            product = SignChart.multiply(product, newPart)
            guard RealRoots.withinLimits(product) else { return nil }
        }
        guard let roots = RealRoots.isolate(product) else { return nil }
        var cells: [Cell] = []
        guard let first = roots.first, let last = roots.last else {
            cells.append(Cell(point: .rational(.zero), isRoot: false))
            self.cells = cells
            return
        }
        // Below the first root, between consecutive roots, above the last.
        let below = first.lower.signum > 0 ? Rational.zero : Rational(Rational(first.lower.floor) < first.lower ? first.lower.floor : first.lower.floor - Integer(1))
        cells.append(Cell(point: .rational(below), isRoot: false))
        for (i, r) in roots.enumerated() {
            cells.append(Cell(point: r, isRoot: true))
            if i + 1 < roots.count {
                let next = roots[i + 1]
                let sample = r.upper == next.lower ? r.upper : SignChart.simplest(between: r.upper, next.lower)
                cells.append(Cell(point: .rational(sample), isRoot: false))
            }
        }
        let above = last.upper.signum < 0 ? Rational.zero : Rational(Rational(last.upper.ceiling) > last.upper ? last.upper.ceiling : last.upper.ceiling + Integer(1))
        cells.append(Cell(point: .rational(above), isRoot: false))
        self.cells = cells
    }

    /// Whether the condition holds on the cell (exactly: rational arithmetic and signs at isolated roots).
    func holds(_ c: PolynomialCondition, on cell: Cell) -> Bool { c.holds(cell.point.sign(of:)) }

    func isDefined(_ c: PolynomialCondition, on cell: Cell) -> Bool { c.isDefined(cell.point.sign(of:)) }

    static func multiply(_ a: Poly, _ b: Poly) -> Poly {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var out = Poly(repeating: .zero, count: a.count + b.count - 1)
        for (i, x) in a.enumerated() where !x.isZero {
            for (j, y) in b.enumerated() { out[i + j] = out[i + j] + x * y }
        }
        return UnivariateDivision.trim(out)
    }

    /// A simple rational strictly between a < b: the integer nearest zero when there is one,
    /// else the fraction of smallest denominator up to 64, else the midpoint.
    static func simplest(between a: Rational, _ b: Rational) -> Rational {
        let lo = a.floor + Integer(1), hi = b.ceiling - Integer(1)
        if lo <= hi {
            if lo.signum > 0 { return Rational(lo) }
            if hi.signum < 0 { return Rational(hi) }
            return .zero
        }
        for q in 2...64 {
            let n = (a * Rational(q)).floor + Integer(1)
            let r = Rational(n, Integer(q))!
            if r < b { return r }
        }
        return (a + b) * Rational(1, 2)!
    }
}
