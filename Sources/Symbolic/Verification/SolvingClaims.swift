import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// `P = Q \rightarrow v_1 = r_1, v_2 = r_2`: claimed solutions of a polynomial equation, checked
/// by substitution and, when all are roots, for completeness with multiplicity.
extension Verifier {
    /// The claimed roots of a polynomial equation in one unknown.
    struct SolvingClaim {
        let polynomial: Expression
        let unknown: Symbol
        let coefficients: UnivariateDivision.Poly
        let roots: [Rational]
        /// The index after the last statement that states a root.
        let end: Int
    }

    /// The claim when statements[k] is an equation followed by an arrow and assignments of
    /// numbers to the one variable that occurs in it.
    func solvingClaim(_ statements: [Statement], at k: Int, _ state: DocumentState) -> SolvingClaim? {
        let eq = statements[k]
        guard eq.relations == [.equal], eq.items.count == 2, k + 1 < statements.count, statements[k + 1].followsArrow,
              case .success(.scalar(let l)) = eq.items[0].value, case .success(.scalar(let r)) = eq.items[1].value else { return nil }
        guard let p = (state.definitions.resolve(l) - state.definitions.resolve(r)).expanded(maxTerms: 20_000) else { return nil }
        let unknowns = p.freeSymbols
        guard unknowns.count == 1, let x = unknowns.first else { return nil }
        // Under a premise on x (`t > 0`) the roots it excludes are no roots: a solving argument checks it.
        if !state.premises.atoms(within: [x]).isEmpty { return nil }
        // Collect `x_i = number` statements right after the arrow.
        var roots: [Rational] = []
        var j = k + 1
        while j < statements.count, statements[j].relations == [.equal], statements[j].items.count == 2,
              j == k + 1 || !statements[j].followsArrow,
              case .success(.scalar(let v)) = statements[j].items[0].value, case .symbol(let vs) = v.kind,
              vs.name == x.name, vs.accent == x.accent,
              case .success(.scalar(let value)) = statements[j].items[1].value, let root = value.rationalValue {
            roots.append(root)
            j += 1
        }
        // A polynomial equation of degree at least one (an identity or a contradiction is no solving claim).
        guard !roots.isEmpty, let poly = UnivariateDivision.poly(p, x), poly.count >= 2 else { return nil }
        return SolvingClaim(polynomial: p, unknown: x, coefficients: poly, roots: roots, end: j)
    }

    /// Checks the claimed roots by substitution and, when all are roots, for completeness with
    /// multiplicity; returns how many statements the claim used.
    func check(_ claim: SolvingClaim, _ statements: [Statement], at k: Int, _ block: MathBlock, _ state: inout DocumentState) -> Int {
        let (eq, p, x, poly, roots, j) = (statements[k], claim.polynomial, claim.unknown, claim.coefficients, claim.roots, claim.end)
        let name = PlainPrinter.name(x)
        let outcome: StepChecker.Outcome
        let notRoots = roots.filter { r in !UnivariateDivision.evaluate(poly, r).isZero }
        if let bad = notRoots.first {
            let value = UnivariateDivision.evaluate(poly, bad)
            outcome = StepChecker.Outcome(verdict: .invalid, method: "substitution",
                                          reason: "\(name) = \(bad) is not a solution: the equation's sides differ by \(value) there",
                                          counterexample: CounterexampleReport(point: [name: bad.description], lhs: value.description, rhs: "0", correct: nil))
        } else {
            // Divide out each claimed root once per time it is claimed.
            var rest = poly
            var overclaimed: (root: Rational, claimed: Int, multiplicity: Int)? = nil
            for r in roots {
                let (q, rem) = UnivariateDivision.divide(rest, [-r, .one])
                if !rem.isEmpty {
                    let claimed = roots.filter { $0 == r }.count
                    overclaimed = (r, claimed, UnivariateDivision.multiplicity(of: r, in: poly))
                    break
                }
                rest = q
            }
            if let o = overclaimed {
                outcome = StepChecker.Outcome(verdict: .invalid, method: "polynomial division",
                                              reason: "\(name) = \(o.root) is claimed \(o.claimed) times but is a root of multiplicity \(o.multiplicity)", counterexample: nil)
            } else if rest.count <= 1 {
                outcome = StepChecker.Outcome(verdict: .valid, method: "substitution and polynomial division",
                                              reason: "exactly the roots of a degree-\(poly.count - 1) polynomial equation, with multiplicity", counterexample: nil)
            } else {
                outcome = StepChecker.Outcome(verdict: .invalid, method: "polynomial division",
                                              reason: "the claimed values are roots, but the degree-\(poly.count - 1) equation has \(poly.count - 1 - roots.count) more root(s) (with multiplicity)", counterexample: nil)
            }
        }
        let claims = statements[(k + 1)..<j].map { $0.items[0].latex + " = " + $0.items[1].latex }
        let latex = eq.items[0].latex + " = " + eq.items[1].latex + " \\rightarrow " + claims.joined(separator: ", ")
        let typesetClaims = statements[(k + 1)..<j].map { $0.items[0].typeset + " = " + $0.items[1].typeset }
        let typeset = eq.items[0].typeset + " = " + eq.items[1].typeset + " \\rightarrow " + typesetClaims.joined(separator: ", ")
        emit(StepResult(line: block.line, column: eq.items[0].line == block.line ? eq.items[0].column : block.column,
                        latex: latex, lhs: PlainPrinter.string(p), rhs: roots.map(\.description).joined(separator: ", "),
                        verdict: outcome.verdict, method: "solving claim: " + outcome.method, reason: outcome.reason, counterexample: outcome.counterexample,
                        typeset: typeset), &state)
        state.previousLast = statements[j - 1].items.last
        return j - k
    }
}

extension UnivariateDivision {
    /// p(r) by Horner's rule.
    static func evaluate(_ p: Poly, _ r: Rational) -> Rational {
        var acc = Rational.zero
        for c in p.reversed() { acc = acc * r + c }
        return acc
    }

    /// How many times x - r divides p (p nonzero).
    static func multiplicity(of r: Rational, in p: Poly) -> Int {
        var (rest, count) = (p, 0)
        while rest.count > 1 {
            let (q, rem) = divide(rest, [-r, .one])
            if !rem.isEmpty { break }
            (rest, count) = (q, count + 1)
        }
        return count
    }
}
