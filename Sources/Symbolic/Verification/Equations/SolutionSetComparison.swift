import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// How the solution sets of two lines A and B of an argument compare over the reals.
public enum SolutionSetRelation: String, Sendable {
    /// The same solution set.
    case equivalent
    /// A's solutions are among B's (squaring both sides).
    case implies
    /// B's solutions are among A's (a solution lost, or a non-solution of the original dropped).
    case impliedBy = "implied by"
    /// Neither contains the other.
    case neither
}

/// What is known about two lines' solution sets: decided exactly (both lines rational in one
/// unknown), or only witnesses found by exact substitution, or nothing.
struct SolutionSetComparison {
    let variable: Symbol
    /// Nil when the sets could not be compared completely (then only the witnesses are certain).
    let relation: SolutionSetRelation?
    /// A point that solves A but not B; one that also solves the original line when there is one.
    let lost: AlgebraicPoint?
    /// Whether `lost` solves the argument's first line (true when it is A itself): true, false
    /// when every point lost fails the first line (extraneous roots dropped), nil when unknown.
    let lostSolvesOriginal: Bool?
    /// A point that solves B but not A.
    let gained: AlgebraicPoint?
    /// Decided: B holds wherever it is defined (an identity, or a constant truth).
    let secondIsIdentity: Bool
    /// Decided: A has no solution.
    let firstIsEmpty: Bool
    /// Decided: A's solutions fill an interval (infinitely many).
    let firstIsInfinite: Bool
}

enum SolutionSets {
    /// Compares A and B in their one unknown; `original` (the first line of the argument, nil when it is A),
    /// when given, tells lost solutions from dropped non-solutions. Returns the reason when
    /// nothing can be said.
    static func compare(_ a: Condition, _ b: Condition, original: Condition? = nil) -> Result<SolutionSetComparison, Undecided> {
        let unknowns = a.unknowns.union(b.unknowns)
        guard unknowns.count <= 1 else {
            let names = unknowns.map(PlainPrinter.name).sorted().joined(separator: ", ")
            return .failure(Undecided("a step between conditions in several unknowns (\(names)); only one unknown is decided"))
        }
        let x = unknowns.first ?? Symbol("x")
        // The first line, when it is another line than A; unusable when it has other unknowns.
        let usable = original.flatMap { $0.unknowns.isSubset(of: [x]) ? ($0.withoutRadicalsAndAbsoluteValues(in: x) ?? $0) : nil }
        // Absolute values and square roots of rational functions rewritten to equivalent rational conditions.
        let (ra, rb) = (a.withoutRadicalsAndAbsoluteValues(in: x) ?? a, b.withoutRadicalsAndAbsoluteValues(in: x) ?? b)
        guard let pa = PolynomialCondition(ra, in: x), let pb = PolynomialCondition(rb, in: x) else {
            if let explicit = explicitValues(ra, rb, x, original: original, usable: usable) { return .success(explicit) }
            return substitutionWitnesses(a, b, x, original: original, usable: usable)
        }
        let po = usable.flatMap { PolynomialCondition($0, in: x) }
        guard let chart = SignChart([pa, pb] + (po.map { [$0] } ?? [])) else {
            return .failure(Undecided("the polynomials are beyond the degree limit (\(RealRoots.maximumDegree)) for exact real roots"))
        }
        var lost: AlgebraicPoint? = nil, lostInOriginal: AlgebraicPoint? = nil, gained: AlgebraicPoint? = nil
        var identity = true, firstEmpty = true, firstInfinite = false
        // Whether every lost point fails the original line: by the chart when the original is
        // rational, else by exact substitution of each lost point (finitely many rationals).
        var lostFailOriginal = true, lostUnknown = false
        for cell in chart.cells {
            let ta = chart.holds(pa, on: cell), tb = chart.holds(pb, on: cell)
            if ta { firstEmpty = false; if !cell.isRoot { firstInfinite = true } }
            if chart.isDefined(pb, on: cell) && !tb { identity = false }
            if ta && !tb {
                if lost == nil || (lost.map(isRoot) ?? false) && !cell.isRoot { lost = cell.point }
                if let po {
                    if chart.holds(po, on: cell) { lostFailOriginal = false; if lostInOriginal == nil { lostInOriginal = cell.point } }
                } else if original == nil {
                    lostFailOriginal = false
                    if lostInOriginal == nil { lostInOriginal = cell.point }
                } else if let usable, cell.isRoot, case .rational(let r) = cell.point, let t = usable.truth(at: [x: r]) {
                    if t { lostFailOriginal = false; if lostInOriginal == nil { lostInOriginal = cell.point } }
                } else {
                    lostUnknown = true
                }
            }
            if tb && !ta, gained == nil || (gained.map(isRoot) ?? false) && !cell.isRoot { gained = cell.point }
        }
        let relation: SolutionSetRelation = switch (lost == nil, gained == nil) {
        case (true, true): .equivalent
        case (true, false): .implies
        case (false, true): .impliedBy
        case (false, false): .neither
        }
        return .success(SolutionSetComparison(variable: x, relation: relation, lost: lostInOriginal ?? lost,
                                              lostSolvesOriginal: lost == nil ? nil : (lostInOriginal != nil ? true : (lostUnknown ? nil : lostFailOriginal ? false : nil)),
                                              gained: gained, secondIsIdentity: identity, firstIsEmpty: firstEmpty, firstIsInfinite: firstInfinite))
    }

    /// One line lists values, some irrational (`x = \frac{5 \pm \sqrt{13}}{2}`), the other is a
    /// rational equation: decided by `ExplicitSolutions`; nil when it cannot be.
    static func explicitValues(_ a: Condition, _ b: Condition, _ x: Symbol, original: Condition?, usable: Condition?) -> SolutionSetComparison? {
        let equivalence = EquivalenceChecker()
        var lost: AlgebraicPoint?, gained: AlgebraicPoint?, solves: Bool?
        if let first = ExplicitSolutions.values(a, x) ?? ExplicitSolutions.constantValues(a, x),
           let second = ExplicitSolutions.values(b, x) ?? ExplicitSolutions.constantValues(b, x) {
            guard let r = ExplicitSolutions.compareLists(first, second, equivalence: equivalence) else { return nil }
            (lost, gained) = (r.onlyInA.map { .constant($0) }, r.onlyInB.map { .constant($0) })
            solves = original == nil ? true : nil
            if original != nil, let c = r.onlyInA, let po = usable.flatMap({ PolynomialCondition($0, in: x) }) {
                solves = ExplicitSolutions.holds(po, at: c, x, equivalence)
            }
        } else if let values = ExplicitSolutions.values(b, x), let pa = PolynomialCondition(a, in: x) {
            let po = usable.flatMap { PolynomialCondition($0, in: x) }
            guard let r = ExplicitSolutions.compare(rational: pa, list: values, x, original: po, equivalence: equivalence) else { return nil }
            (lost, gained) = (r.missing, r.extra.map { .constant($0) })
            solves = original == nil ? true : (po == nil ? nil : r.missingSolvesOriginal)
        } else if let values = ExplicitSolutions.values(a, x), let pb = PolynomialCondition(b, in: x) {
            guard let r = ExplicitSolutions.compare(rational: pb, list: values, x, original: nil, equivalence: equivalence) else { return nil }
            (lost, gained) = (r.extra.map { .constant($0) }, r.missing)
            solves = original == nil ? true : nil
            if original != nil, let c = r.extra, let po = usable.flatMap({ PolynomialCondition($0, in: x) }) {
                solves = ExplicitSolutions.holds(po, at: c, x, equivalence)
            }
        } else {
            return nil
        }
        let relation: SolutionSetRelation = switch (lost == nil, gained == nil) {
        case (true, true): .equivalent
        case (true, false): .implies
        case (false, true): .impliedBy
        case (false, false): .neither
        }
        return SolutionSetComparison(variable: x, relation: relation, lost: lost, lostSolvesOriginal: lost == nil ? nil : solves,
                                     gained: gained, secondIsIdentity: false, firstIsEmpty: false, firstIsInfinite: false)
    }

    /// Prefers witnesses inside intervals (simpler numbers) to roots.
    private static func isRoot(_ p: AlgebraicPoint) -> Bool {
        if case .interval = p { return true }
        return false
    }

    /// When one line is rational with finitely many solutions, all rational, and the other is
    /// not (a radical, an absolute value): each solution substituted exactly in the other line.
    /// Only witnesses come out; the relation stays undecided.
    static func substitutionWitnesses(_ a: Condition, _ b: Condition, _ x: Symbol, original: Condition?, usable: Condition?) -> Result<SolutionSetComparison, Undecided> {
        var lost: AlgebraicPoint? = nil, gained: AlgebraicPoint? = nil
        if let points = finiteRationalSolutions(a, x) {
            lost = points.first { b.truth(at: [x: $0]) == false }.map { .rational($0) }
        }
        if let points = finiteRationalSolutions(b, x) {
            gained = points.first { a.truth(at: [x: $0]) == false }.map { .rational($0) }
        }
        guard lost != nil || gained != nil else {
            return .failure(Undecided("a line is not a rational function of \(PlainPrinter.name(x)) (a radical, an absolute value or a transcendental function), and no solution of one line was found to fail the other"))
        }
        // A lost point is a solution of A; whether it solves the first line is not known here.
        var solves: Bool? = original == nil ? true : nil
        if original != nil, case .rational(let r)? = lost { solves = usable?.truth(at: [x: r]) }
        return .success(SolutionSetComparison(variable: x, relation: nil, lost: lost, lostSolvesOriginal: lost == nil ? nil : solves,
                                              gained: gained, secondIsIdentity: false, firstIsEmpty: false, firstIsInfinite: false))
    }

    /// The solutions of a rational condition when they are finitely many rationals; nil otherwise.
    static func finiteRationalSolutions(_ c: Condition, _ x: Symbol) -> [Rational]? {
        guard let p = PolynomialCondition(c, in: x), let chart = SignChart([p]) else { return nil }
        var out: [Rational] = []
        for cell in chart.cells where chart.holds(p, on: cell) {
            guard cell.isRoot, case .rational(let r) = cell.point else { return nil }
            out.append(r)
        }
        return out
    }
}

/// Why a comparison was not made.
struct Undecided: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
