import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Coefficient matching: after equations that hold for all values of a variable t
/// (`a \sin(2\omega t) + b \cos(2\omega t) + b = \sin(2\omega t + \omega\phi) + \sin(\omega\phi)`),
/// a line that states values of the unknown coefficients (`b = \sin \omega\phi`, `a = d`).
///
/// Each equation of the previous block is written, by the angle-addition formulas, as a
/// polynomial in S = sin(ωt) and C = cos(ωt) with S² replaced by 1 - C²; the functions
/// C^j and S C^j of t are linearly independent (for ω ≠ 0), so every coefficient vanishes.
/// Those coefficients are linear in the unknowns with rational factors and symbolic constants;
/// a line is `valid` when each of its equations is a combination of them (the constants agree
/// exactly), `invalid` when its coefficients are such a combination but its constant certainly
/// differs. Otherwise nil (the step is left to the other checkers).
enum CoefficientMatching {
    static func outcome(_ b: Condition, rows: [Condition], equivalence: EquivalenceChecker) -> StepChecker.Outcome? {
        guard b.disjuncts.count == 1, b.disjuncts[0].allSatisfy({ $0.relation == .equal }), !rows.isEmpty, rows.count <= 8 else { return nil }
        let differences = rows.compactMap { r -> Expression? in
            guard r.disjuncts.count == 1, r.disjuncts[0].count == 1, r.disjuncts[0][0].relation == .equal else { return nil }
            return r.disjuncts[0][0].lhs - r.disjuncts[0][0].rhs
        }
        guard differences.count == rows.count else { return nil }
        let unknowns = Set(differences.flatMap { $0.namesOutsideFunctions }).sorted { Symbol.compare($0, $1) < 0 }
        let lineNames = Set(b.disjuncts[0].flatMap { $0.lhs.freeSymbols + $0.rhs.freeSymbols })
        let all = Set(differences.flatMap(\.freeSymbols))
        guard !unknowns.isEmpty, unknowns.count <= 16, lineNames.isSubset(of: all) else { return nil }
        for t in all.subtracting(unknowns).subtracting(lineNames).sorted(by: { Symbol.compare($0, $1) < 0 }) {
            guard let equations = coefficientEquations(differences, variable: t),
                  let system = SymbolicLinearRows(equations, unknowns: unknowns) else { continue }
            var verdicts: [Bool] = []
            for atom in b.disjuncts[0] {
                guard let row = SymbolicLinearRows.row(atom.lhs - atom.rhs, unknowns),
                      let remainder = system.remainder(of: row) else { return nil }
                switch equivalence.check(remainder, .zero) {
                case .equal: verdicts.append(true)
                case .different(let ce):
                    let written = PlainPrinter.string(atom.lhs) + " = " + PlainPrinter.string(atom.rhs)
                    return StepChecker.Outcome(
                        verdict: .invalid, method: "coefficient matching in \(PlainPrinter.name(t))",
                        reason: "matching the coefficients of the previous equations (for all \(PlainPrinter.name(t))) does not give \(written): the difference of its sides is \(PlainPrinter.string(remainder)) there, not 0 (at \(ce.pointDescription))",
                        counterexample: CounterexampleReport(point: Dictionary(uniqueKeysWithValues: ce.point.map { (PlainPrinter.name($0.symbol), $0.value.description) }),
                                                             lhs: ce.lhs.description, rhs: "0", correct: nil))
                case .unknown: return nil
                }
            }
            guard verdicts.allSatisfy({ $0 }) else { return nil }
            return StepChecker.Outcome(verdict: .valid, method: "coefficient matching in \(PlainPrinter.name(t)) (a nonzero frequency)",
                                       reason: "follows from matching the coefficients of the previous equations, which hold for all \(PlainPrinter.name(t))", counterexample: nil)
        }
        return nil
    }

    /// The coefficients of C^j and S·C^j in each difference, which must all vanish; nil when
    /// the variable does not occur only in sin(k t) and cos(k t) of one argument k t.
    static func coefficientEquations(_ differences: [Expression], variable t: Symbol) -> [Expression]? {
        let (s, c) = (Symbol("\u{5}S"), Symbol("\u{5}C"))
        var out: [Expression] = []
        for d in differences {
            let expanded = d.trigExpanded()
            var argument: Expression? = nil
            var consistent = true
            let replaced = expanded.transformed { e in
                guard case .function(let f, let args) = e.kind, args.count == 1, args[0].contains(t) else { return e }
                guard f == .sin || f == .cos, argument == nil || argument == args[0],
                      let k = (args[0] / Expression(t)).expanded(maxTerms: 16), !k.contains(t) else { consistent = false; return e }
                argument = args[0]
                return Expression(f == .sin ? s : c)
            }
            guard consistent, argument != nil, !replaced.contains(t),
                  let inS = replaced.coefficients(in: s), inS.keys.allSatisfy({ $0.isInteger && $0 >= 0 && $0 <= 8 }) else { return nil }
            var even = Expression.zero, odd = Expression.zero
            for (power, coefficient) in inS {
                let p = power.numerator.intValue!
                let reduced = coefficient * (Expression.one - Expression(c).pow(2)).pow(p / 2)
                if p % 2 == 0 { even = even + reduced } else { odd = odd + reduced }
            }
            for part in [even, odd] {
                guard let inC = part.coefficients(in: c) else { return nil }
                out += inC.values.filter { !$0.isZero }
            }
        }
        return out
    }
}

/// Linear equations `Σ r_j u_j = c` with rational r_j and symbolic constants c, in reduced
/// row-echelon form.
struct SymbolicLinearRows {
    struct Row { var coefficients: [Rational]; var constant: Expression }
    let unknowns: [Symbol]
    private(set) var pivots: [(column: Int, row: Row)] = []

    /// The rows of `Σ r_j u_j + c = 0` for each expression; nil when one is not linear in the
    /// unknowns with rational coefficients, or when the rows contradict each other for certain.
    init?(_ expressions: [Expression], unknowns: [Symbol]) {
        self.unknowns = unknowns
        for e in expressions {
            guard var row = SymbolicLinearRows.row(e, unknowns) else { return nil }
            for (col, p) in pivots where !row.coefficients[col].isZero {
                let f = row.coefficients[col]
                row.coefficients = zip(row.coefficients, p.coefficients).map { $0 - f * $1 }
                row.constant = row.constant - Expression(f) * p.constant
            }
            guard let col = row.coefficients.firstIndex(where: { !$0.isZero }) else {
                // 0 = c: consistent only when c vanishes identically.
                guard case .equal = EquivalenceChecker().check(row.constant, .zero) else { return nil }
                continue
            }
            let inv = row.coefficients[col].inverse!
            row.coefficients = row.coefficients.map { $0 * inv }
            row.constant = (Expression(inv) * row.constant).expanded()
            for i in pivots.indices where !pivots[i].row.coefficients[col].isZero {
                let f = pivots[i].row.coefficients[col]
                pivots[i].row.coefficients = zip(pivots[i].row.coefficients, row.coefficients).map { $0 - f * $1 }
                pivots[i].row.constant = (pivots[i].row.constant - Expression(f) * row.constant).expanded()
            }
            pivots.append((col, row))
        }
    }

    /// `e = Σ r_j u_j + c0` as the row (r, -c0); nil when e is not of that form.
    static func row(_ e: Expression, _ unknowns: [Symbol]) -> Row? {
        guard let expanded = e.expanded(maxTerms: 2_000) else { return nil }
        var row = Row(coefficients: [Rational](repeating: .zero, count: unknowns.count), constant: .zero)
        var rest = expanded
        for (j, u) in unknowns.enumerated() {
            guard let cs = rest.coefficients(in: u, expanded: true), cs.keys.allSatisfy({ $0 == .zero || $0 == .one }) else { return nil }
            if let a = cs[.one] {
                guard let r = a.rationalValue else { return nil }
                row.coefficients[j] = r
            }
            rest = cs[.zero] ?? .zero
        }
        row.constant = -rest
        return row
    }

    /// The constant left when the row is reduced by the system; nil when its coefficients are no
    /// combination of the system's (then it does not follow from the system).
    func remainder(of row: Row) -> Expression? {
        var row = row
        for (col, p) in pivots where !row.coefficients[col].isZero {
            let f = row.coefficients[col]
            row.coefficients = zip(row.coefficients, p.coefficients).map { $0 - f * $1 }
            row.constant = row.constant - Expression(f) * p.constant
        }
        guard row.coefficients.allSatisfy(\.isZero) else { return nil }
        return row.constant.expanded()
    }
}

extension Expression {
    /// The names that occur outside the arguments of functions (the coefficients in `a \sin(\omega t)`).
    var namesOutsideFunctions: [Symbol] {
        switch kind {
        case .symbol(let s): return [s]
        case .function: return []
        case .power(let b, let e): return b.namesOutsideFunctions + (e.freeSymbols.isEmpty ? [] : e.namesOutsideFunctions)
        default: return children.flatMap { $0.namesOutsideFunctions }
        }
    }
}
