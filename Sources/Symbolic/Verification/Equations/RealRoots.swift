import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The real roots of a polynomial in one variable with rational coefficients, found exactly:
/// rational roots as rationals, the others isolated by Sturm sequences in rational intervals
/// that hold exactly one root. Nothing is rounded, so every sign decided here is certain.
package enum RealRoots {
    package typealias Poly = UnivariateDivision.Poly

    /// The largest degree whose roots are isolated (the Sturm sequence has that many
    /// polynomials, with coefficients that grow with it).
    static let maximumDegree = Limits.default.maximumRootIsolationDegree
    /// The largest coefficient, in bits, of a polynomial whose roots are isolated.
    static let maximumCoefficientBits = 512

    /// True when `p` is small enough for `isolate`.
    static func withinLimits(_ p: Poly) -> Bool {
        p.count - 1 <= maximumDegree && p.allSatisfy { $0.numerator.bitWidth + $0.denominator.bitWidth <= maximumCoefficientBits }
    }

    static func derivative(_ p: Poly) -> Poly {
        guard p.count > 1 else { return [] }
        return UnivariateDivision.trim((1..<p.count).map { p[$0] * Rational($0) })
    }

    /// `p` divided by gcd(p, p'): the same roots, each simple.
    static func squarefree(_ p: Poly) -> Poly {
        let p = UnivariateDivision.trim(p)
        guard p.count > 2 else { return p }
        let g = UnivariateDivision.gcd(p, derivative(p))
        return g.count > 1 ? UnivariateDivision.divide(p, g).0 : p
    }

    /// The sign (-1, 0, 1) of p(r).
    static func sign(_ p: Poly, at r: Rational) -> Int { UnivariateDivision.evaluate(p, r).signum }

    /// The Sturm sequence of a squarefree p: p, p', then negated remainders.
    static func sturmSequence(_ p: Poly) -> [Poly] {
        var seq = [p, derivative(p)]
        while let last = seq.last, last.count > 1 {
            let (_, r) = UnivariateDivision.divide(seq[seq.count - 2], last)
            if r.isEmpty { break }
            seq.append(r.map { -$0 })
        }
        return seq
    }

    /// Sign changes of the sequence at r (zeros skipped).
    static func variations(_ seq: [Poly], at r: Rational) -> Int {
        var count = 0, previous = 0
        for q in seq {
            let s = sign(q, at: r)
            if s == 0 { continue }
            if previous != 0 && s != previous { count += 1 }
            previous = s
        }
        return count
    }

    /// A bound B with every real root of p in (-B, B) (Cauchy's bound, rounded up to an integer).
    static func rootBound(_ p: Poly) -> Rational {
        guard let lead = p.last, !lead.isZero else { return .one }
        var m = Rational.zero
        for c in p.dropLast() { m = max(m, (c / lead)!.magnitude) }
        let b = m + 1
        return Rational(b.numerator.floorDivided(by: b.denominator) + Integer(1))
    }

    /// The most intervals bisected while isolating the roots of one polynomial: roots closer
    /// than this allows are left undecided rather than searched for without bound.
    static let maximumBisections = 4_000

    /// The distinct real roots of `p` (non-zero, within `withinLimits`), in increasing order.
    /// Each is a rational or an interval (lower, upper) with rational ends that are not roots of
    /// `p`, holding exactly one root of `p` and no other root. Nil past `maximumBisections`.
    package static func isolate(_ p: Poly) -> [AlgebraicPoint]? {
        let p = squarefree(p)
        guard p.count > 1 else { return [] }
        var budget = maximumBisections
        let seq = sturmSequence(p)
        let bound = rootBound(p)
        func count(_ a: Rational, _ b: Rational) -> Int { variations(seq, at: a) - variations(seq, at: b) }
        var found: [AlgebraicPoint] = []
        // Open intervals (lo, hi) whose ends are not roots, split at midpoints until each holds one root.
        var pending: [(Rational, Rational)] = [(-bound, bound)]
        while let (lo, hi) = pending.popLast() {
            budget -= 1
            if budget < 0 { return nil }
            let n = count(lo, hi)
            if n == 0 { continue }
            if n == 1 { found.append(refinedInterval(p, seq, lo, hi)); continue }
            let mid = (lo + hi) * Rational(1, 2)!
            guard sign(p, at: mid) == 0 else {
                pending.append((lo, mid)); pending.append((mid, hi))
                continue
            }
            // A rational root at the midpoint: step off it to points that are not roots, with no other root between.
            found.append(.rational(mid))
            var delta = (hi - lo) * Rational(1, 4)!
            while sign(p, at: mid - delta) == 0 || sign(p, at: mid + delta) == 0 || count(mid - delta, mid + delta) > 1 {
                delta = delta * Rational(1, 2)!
                budget -= 1
                if budget < 0 { return nil }
            }
            pending.append((lo, mid - delta)); pending.append((mid + delta, hi))
        }
        return found.sorted { $0.lower < $1.lower }
    }

    /// The one root of p in (lo, hi), whose ends are not roots: exact when it is a rational
    /// (tried with denominators dividing p's leading coefficient as an integer polynomial,
    /// once the interval is narrow), otherwise a narrowed interval whose ends are not roots.
    private static func refinedInterval(_ p: Poly, _ seq: [Poly], _ lo: Rational, _ hi: Rational) -> AlgebraicPoint {
        var (lo, hi) = (lo, hi)
        let denominators = candidateDenominators(p)
        for _ in 0..<128 {
            let width = hi - lo
            if denominators.allSatisfy({ width * Rational($0) < Rational(1, 2)! }) {
                // At most one fraction n/q lies in (lo, hi) for each q: try it.
                for q in denominators {
                    let qr = Rational(q)
                    var n = (lo * qr).floor + Integer(1)
                    while Rational(n, q)! < hi {
                        if sign(p, at: Rational(n, q)!) == 0 { return .rational(Rational(n, q)!) }
                        n = n + Integer(1)
                    }
                }
                return .interval(p, lo, hi)
            }
            let mid = (lo + hi) * Rational(1, 2)!
            if sign(p, at: mid) == 0 { return .rational(mid) }
            if variations(seq, at: lo) - variations(seq, at: mid) == 1 { hi = mid } else { lo = mid }
        }
        return .interval(p, lo, hi)
    }

    /// The positive divisors of the leading coefficient of p as a primitive integer polynomial,
    /// when there are few; otherwise just 1 (rational roots are then found only by chance,
    /// which changes no sign: an interval root is as exact as a rational one).
    private static func candidateDenominators(_ p: Poly) -> [Integer] {
        var common = Integer.one
        for c in p where !c.isZero { common = Integer.lcm(common, c.denominator) }
        guard let lead = p.last else { return [.one] }
        var numerators: [Integer] = p.map { ($0 * Rational(common)).numerator }
        let g = numerators.reduce(Integer.zero) { Integer.gcd($0, $1) }
        if !g.isZero && !g.isOne { numerators = numerators.map { $0.dividedExactly(by: g) } }
        let a = (lead * Rational(common)).numerator.dividedExactly(by: g.isZero ? .one : g).magnitude
        guard a.bitWidth <= 40 else { return [.one] }
        let (factors, cofactor) = a.trialFactor()
        guard cofactor.isOne else { return [.one] }
        var divisors: [Integer] = [.one]
        for (prime, exponent) in factors {
            var next: [Integer] = []
            for d in divisors {
                var m = d
                for _ in 0...exponent { next.append(m); m = m * prime }
            }
            divisors = next
            if divisors.count > 64 { return [.one] }
        }
        return divisors.sorted()
    }
}

/// A real algebraic number given exactly: a rational, or the one root of a squarefree
/// polynomial in an interval (lower, upper) whose ends are not its roots.
package enum AlgebraicPoint: CustomStringConvertible {
    case rational(Rational)
    case interval(UnivariateDivision.Poly, Rational, Rational)
    /// A value written as a constant expression (`(5 + √13)/2`), placed by `ExplicitSolutions`;
    /// it is only reported, never a cell of a sign chart.
    case constant(Expression)

    var lower: Rational {
        switch self {
        case .rational(let r): r
        case .interval(_, let lo, _): lo
        case .constant: .zero
        }
    }

    var upper: Rational {
        switch self {
        case .rational(let r): r
        case .interval(_, _, let hi): hi
        case .constant: .zero
        }
    }

    /// The exact sign of q at this point. For an interval point, q's real roots must be
    /// among the roots of the defining polynomial (the sign chart guarantees it): then q
    /// vanishes at the point exactly when gcd(q, p) changes sign on the interval, and
    /// otherwise keeps the sign it has at the lower end.
    func sign(of q: UnivariateDivision.Poly) -> Int {
        switch self {
        case .rational(let r): return RealRoots.sign(q, at: r)
        case .interval(let p, let lo, let hi):
            let g = UnivariateDivision.gcd(p, q)
            if g.count > 1 && RealRoots.sign(g, at: lo) * RealRoots.sign(g, at: hi) < 0 { return 0 }
            return RealRoots.sign(q, at: lo)
        case .constant(let c):
            return ExplicitSolutions.sign(q, at: c, Symbol("x"), EquivalenceChecker()) ?? 0
        }
    }

    /// `2`, or `the root of x^2 - 2 between 1 and 3/2 (≈ 1.41421)`.
    package var description: String { describe(variable: "x") }

    func describe(variable: String) -> String {
        switch self {
        case .rational(let r): return r.description
        case .interval(let p, let lo, let hi):
            let poly = PlainPrinter.string(UnivariateDivision.expression(p, Symbol(variable)))
            // For display only: halve the interval (the root is simple: p changes sign) to six digits.
            var (a, b) = (lo, hi)
            let sa = RealRoots.sign(p, at: a)
            for _ in 0..<40 {
                let m = (a + b) * Rational(1, 2)!
                let sm = RealRoots.sign(p, at: m)
                if sm == 0 { (a, b) = (m, m); break }
                if sm == sa { a = m } else { b = m }
            }
            let mid = Interval((a + b) * Rational(1, 2)!, precision: 64).decimalString(digits: 6)
            // A long defining polynomial says nothing to a reader: the interval alone is certain.
            return poly.count <= 80 ? "\(mid)… (the root of \(poly) = 0 between \(lo) and \(hi))" : "\(mid)… (a root isolated between \(lo) and \(hi))"
        case .constant(let c):
            return PlainPrinter.string(c)
        }
    }
}

extension Rational {
    /// The smallest integer ≥ self.
    var ceiling: Integer { -((-self).numerator.floorDivided(by: denominator)) }
}
