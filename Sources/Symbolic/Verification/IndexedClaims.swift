import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Steps with sums and products over symbolic bounds, or expectations.
///
/// `valid` when the normal forms agree: expectations computed under the document's
/// `ProbabilityModel`, sum bodies expanded so that linearity, factors free of the index, closed
/// forms and Kronecker deltas apply (see `BigOperator`), then the ordinary checker with the sums
/// as atoms. `invalid` only with a certain counterexample: after normalisation the sides differ
/// at a point where everything was evaluated; or, with every symbolic bound set to a small integer
/// n (each free index to a value in range), the written-out sides differ; or, for random variables
/// of unknown distribution, they differ under a two-point witness distribution. Otherwise `unchecked`.
extension StepChecker {
    func checkIndexed(_ a: Expression, _ b: Expression, domain: Domain) -> Outcome? {
        guard a.hasIndexedParts || b.hasIndexedParts else { return nil }
        // `∑_i` without bounds ranges over the one range the step's other sums use.
        let ranges = Set((a.sumBounds + b.sumBounds).compactMap { o in o.lower.flatMap { l in o.upper.map { [l, $0] } } })
        let (a, b) = ranges.count == 1 ? (IndexedNormalForm.fillingRanges(a, ranges.first!), IndexedNormalForm.fillingRanges(b, ranges.first!)) : (a, b)
        var constants = a.namesOutsideExpectations.union(b.namesOutsideExpectations).union(probability.constants)
        let inside = a.expectationNames + b.expectationNames
        if inside.contains(where: { probability.isUnknownRandom($0) }) {
            // Capital letters are the random variables, lower-case names constants (`E[aX + b]`).
            constants.formUnion(inside.filter { !probability.isRandom($0) && $0.name.first?.isLowercase == true })
        }
        let boundNames = Set((a.sumBounds + b.sumBounds).flatMap { ($0.lower?.freeSymbols ?? []) + ($0.upper?.freeSymbols ?? []) })
        let na: Expression, nb: Expression
        do {
            na = IndexedNormalForm.normalize(try ExpectationNormalForm.normalize(a, probability, constants: constants)).substituting(premiseRewrites)
            nb = IndexedNormalForm.normalize(try ExpectationNormalForm.normalize(b, probability, constants: constants)).substituting(premiseRewrites)
        } catch {
            return .unchecked("cannot tell whether \(error.symbol.writtenName) is random (declare it with \\sim, or use it outside the expectation)")
        }
        let method = "normal form of sums and expectations (linearity, independence, Gaussian moments, closed forms)"
        if na == nb { return Outcome(verdict: .valid, method: method, reason: "both sides have the same normal form", counterexample: nil) }
        let free = Set(na.freeSymbols + nb.freeSymbols)
        switch equivalence.check(na, nb, domain: domain) {
        case .equal(let how):
            return Outcome(verdict: .valid, method: method + "; " + how, reason: equalReason(Array(free), domain), counterexample: nil)
        case .different(let ce):
            // A bound takes integer values only: a point elsewhere proves nothing.
            if Set(na.freeSymbols) == Set(nb.freeSymbols), !na.freeSymbols.isEmpty, boundNames.isEmpty {
                return Outcome(verdict: .invalid, method: "counterexample after normalisation",
                               reason: "the sides differ at \(describe(ce.point)) (left \(ce.lhs), right \(ce.rhs))",
                               counterexample: report(ce, correct: PlainPrinter.string(na))).correcting("; the left side is \(PlainPrinter.string(na))")
            }
        case .unknown:
            break
        }
        if let refuted = instantiatedCounterexample(na, nb, boundNames, domain) { return refuted }
        if let refuted = witnessCounterexample(a, b, constants, domain) { return refuted }
        if let missing = missingAssumption(na, nb) { return .unchecked(missing) }
        return .unchecked("sums or expectations whose normal forms differ (\(PlainPrinter.string(na)) and \(PlainPrinter.string(nb))); no counterexample found with small bounds")
    }

    /// What the document leaves unsaid that the normal forms need: independence of the Gaussian
    /// families in one expectation, or the dimension of a vector (`dim_a`).
    private func missingAssumption(_ na: Expression, _ nb: Expression) -> String? {
        let dims = Set(na.freeSymbols + nb.freeSymbols).filter { $0.name == Verifier.unstatedDimension && $0.subscriptText != nil }
        let inside = (na.expectationNames + nb.expectationNames).map(\.family) + Array(na.expectationFamilies.union(nb.expectationFamilies))
        let left = Set(inside.filter { probability.gaussian($0) != nil })
        if !probability.independent, left.count > 1 {
            let names = left.map { PlainPrinter.name($0) }.sorted().joined(separator: " and ")
            return "the expectations need \(names) independent, which the document does not state (say so next to their declaration, or pass --assume '\(names) independent')"
        }
        if let d = dims.first {
            return "the dimension of \(d.subscriptText!) is not stated (write \(d.subscriptText!) \\in \\mathbb{R}^D, or pass --assume)"
        }
        return nil
    }

    /// Every symbolic bound set to n = L, …, L+3 (L the largest lower bound) and every free index
    /// to a distinct value in range: the sums written out, then the ordinary checker.
    private func instantiatedCounterexample(_ a: Expression, _ b: Expression, _ boundNames: Set<Symbol>, _ domain: Domain) -> Outcome? {
        let bounds = a.sumBounds + b.sumBounds
        let lowers = bounds.compactMap { $0.lower?.rationalValue?.numerator.intValue }
        let families = a.indexedFamilies.union(b.indexedFamilies)
        var letters: [Symbol] = []
        for s in Set(a.freeSymbols + b.freeSymbols) where families.contains(s.family) || s.isKroneckerDelta {
            for c in IndexedName.components(s.subscriptText ?? "") where c.count == 1 && c.first!.isLetter {
                let l = Symbol(c)
                if !letters.contains(l) && !boundNames.contains(l) { letters.append(l) }
            }
        }
        letters.sort { Symbol.compare($0, $1) < 0 }
        let boundMembers = Set(a.freeSymbols + b.freeSymbols).filter { s in
            IndexedName.components(s.subscriptText ?? "").contains { c in c.count > 1 && boundNames.contains { c.contains($0.name) } }
        }
        let start = max(lowers.max() ?? 1, letters.count, 1)
        for n in start..<(start + 4) {
            var map: [Symbol: Expression] = [:]
            for s in boundNames { map[s] = Expression(n) }
            func instance(_ e: Expression) -> Expression? {
                var e = IndexedNormalForm.withBounds(e, map, whole: Expression(n))
                guard let x = e else { return nil }
                e = x.substituting(map)
                // Members indexed by a bound name (`x_{n+1}`) take its value too.
                for s in boundNames where s.subscriptText == nil && s.accent == nil { e = e!.binding(s, to: Expression(n)) }
                for (k, l) in letters.enumerated() { e = e!.binding(l, to: Expression(k + 1)) }
                return e!.hasIndexedParts ? nil : e
            }
            guard let ia = instance(a), let ib = instance(b) else { continue }
            var d = Domain()
            for c in domain.conditions { if let ic = instance(c.expression) { d.insert(c.with(ic)) } }
            // As for ordinary steps: names on one side only, or none on one side, make an equation
            // that holds for particular values (a condition), not an identity to refute.
            // Members indexed by a bound (`x_{n+1}`) count as their family: x_5 against
            // x_1 + … + x_4 is an identity claim about x, not a condition on a name of its own.
            let names = { (e: Expression) in Set(e.freeSymbols.map { boundMembers.isEmpty ? $0 : $0.family }) }
            guard names(ia) == names(ib), !ia.freeSymbols.isEmpty || (a.freeSymbols.isEmpty == b.freeSymbols.isEmpty) else { continue }
            if case .different(let ce) = equivalence.check(ia, ib, domain: d) {
                let at = (boundNames.sorted { Symbol.compare($0, $1) < 0 }.map { "\(PlainPrinter.name($0)) = \(n)" }
                          + letters.enumerated().map { "\(PlainPrinter.name($0.element)) = \($0.offset + 1)" }).joined(separator: ", ")
                return Outcome(verdict: .invalid, method: "counterexample with the sums written out",
                               reason: "with \(at.isEmpty ? "the range 1…\(n)" : at) the sides differ at \(describe(ce.point)) (left \(ce.lhs), right \(ce.rhs))",
                               counterexample: report(ce, correct: nil))
            }
        }
        return nil
    }

    /// X, Y, Z of unknown distribution given independent two-point distributions: a distribution
    /// where the sides differ refutes the claim.
    private func witnessCounterexample(_ a: Expression, _ b: Expression, _ constants: Set<Symbol>, _ domain: Domain) -> Outcome? {
        let randoms = Set(a.expectationNames + b.expectationNames).filter { probability.isUnknownRandom($0) }.sorted { Symbol.compare($0, $1) < 0 }
        guard !randoms.isEmpty, randoms.count <= 4 else { return nil }
        let supports: [(Rational, Rational)] = [(Rational(1), Rational(3)), (Rational(-1), Rational(2)), (Rational(0), Rational(5)), (Rational(2), Rational(-3))]
        var model = probability
        model.independent = true
        for (k, s) in randoms.enumerated() { model.twoPoint[s] = supports[k] }
        guard let wa = try? IndexedNormalForm.normalize(ExpectationNormalForm.normalize(a, model, constants: constants)),
              let wb = try? IndexedNormalForm.normalize(ExpectationNormalForm.normalize(b, model, constants: constants)),
              !wa.hasIndexedParts, !wb.hasIndexedParts,
              case .different(let ce) = equivalence.check(wa, wb, domain: domain) else { return nil }
        let dist = randoms.enumerated().map { "\(PlainPrinter.name($0.element)) ∈ {\(supports[$0.offset].0), \(supports[$0.offset].1)}" }.joined(separator: ", ")
        return Outcome(verdict: .invalid, method: "counterexample distribution",
                       reason: "with independent \(dist), each value with probability 1/2, the sides differ\(ce.point.isEmpty ? "" : " at " + describe(ce.point)) (left \(ce.lhs), right \(ce.rhs))",
                       counterexample: report(ce, correct: nil))
    }
}

/// Sums in normal form: each body expanded, so that linearity and the other canonical rules of
/// `BigOperator` apply to every term.
package enum IndexedNormalForm {
    package static func normalize(_ e: Expression) -> Expression {
        e.transformed { node in
            guard case .bigOperator(let o) = node.kind else { return node }
            if let ranged = SumRanges.canonical(o) { return normalize(ranged) }
            let body = o.operation == .sum ? o.body.expanded(maxTerms: 10_000) ?? o.body : o.body
            let made = BigOperator.make(o.operation, o.index, o.lower, o.upper, body, closedForms: true)
            return SumRanges.ordered(made) ?? made
        }
    }

    /// Sums over a whole range (`∑_i`) given the bounds `range` (lower, upper).
    static func fillingRanges(_ e: Expression, _ range: [Expression]) -> Expression {
        e.transformed { node in
            guard case .bigOperator(let o) = node.kind, o.lower == nil else { return node }
            return BigOperator.make(o.operation, o.index, range[0], range[1], o.body)
        }
    }

    /// The expression with the bounds instantiated by `map` and sums over a whole range given
    /// 1…`whole`; nil when a range would have fewer than no terms (n < a - 1).
    static func withBounds(_ e: Expression, _ map: [Symbol: Expression], whole: Expression) -> Expression? {
        var ok = true
        let out = e.transformed { node in
            guard case .bigOperator(let o) = node.kind else { return node }
            let l = o.lower?.substituting(map) ?? .one, u = o.upper?.substituting(map) ?? whole
            if let lv = l.rationalValue, let uv = u.rationalValue, uv - lv < Rational(-1) { ok = false }
            return BigOperator.make(o.operation, o.index, l, u, o.body)
        }
        return ok ? out : nil
    }
}

extension Expression {
    /// True when a sum or product over an index, a member at a bound index, or an expectation occurs.
    var hasIndexedParts: Bool {
        switch kind {
        case .bigOperator, .indexed, .expectation: return true
        case .number, .symbol, .constant, .undefined: return false
        case .add, .mul, .power, .function, .derivative: return children.contains { $0.hasIndexedParts }
        }
    }

    /// The names that occur outside every expectation (so they are not random quantities).
    var namesOutsideExpectations: Set<Symbol> {
        switch kind {
        case .expectation: return []
        case .symbol(let s): return [s]
        case .bigOperator(let o):
            // Bounds are never random; the body's names count as written.
            var out = Set((o.lower?.freeSymbols ?? []) + (o.upper?.freeSymbols ?? []))
            out.formUnion(o.body(at: Expression(Symbol.openedIndex(0))).namesOutsideExpectations)
            return out
        case .number, .constant, .undefined: return []
        case .add, .mul, .power, .function, .derivative, .indexed:
            return children.reduce(into: Set<Symbol>()) { $0.formUnion($1.namesOutsideExpectations) }
        }
    }

    /// The names inside expectations.
    var expectationNames: [Symbol] {
        if case .expectation(let b) = kind { return b.freeSymbols }
        return children.flatMap { $0.expectationNames }
    }

    /// The families at bound indices inside expectations (`a` of `E[a_i b_j]` opened in a sum).
    var expectationFamilies: Set<Symbol> {
        if case .expectation(let b) = kind { return b.indexedFamilies }
        return children.reduce(into: Set<Symbol>()) { $0.formUnion($1.expectationFamilies) }
    }

    /// The sums and products that occur.
    var sumBounds: [BigOperator] {
        if case .bigOperator(let o) = kind { return [o] + o.body.sumBounds }
        return children.flatMap { $0.sumBounds }
    }

    /// The families that occur at bound indices (`x` of `∑_i x_i`).
    var indexedFamilies: Set<Symbol> {
        if case .indexed(let base, _) = kind { return [base] }
        return children.reduce(into: Set<Symbol>()) { $0.formUnion($1.indexedFamilies) }
    }
}

extension Symbol {
    /// The name as the document wrote it: a member of a family at an index the checker opened
    /// (`a` at an internal index) is named by its family.
    var writtenName: String {
        subscriptText?.unicodeScalars.contains(where: { $0.value < 32 }) == true ? PlainPrinter.name(family) : PlainPrinter.name(self)
    }
}

extension Expression {
    /// True when some unevaluated derivative `∂f/∂v` in the expression has an f for which `test` holds.
    func hasDerivative(where test: (Expression) -> Bool) -> Bool {
        if case .derivative(let f, _, _) = kind, test(f) { return true }
        return children.contains { $0.hasDerivative(where: test) }
    }
}
