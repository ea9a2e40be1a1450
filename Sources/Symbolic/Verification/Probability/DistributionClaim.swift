import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Checks a claim `X \sim \mathcal{N}(\mu, \sigma^2)` about an expression X in the document's
/// random quantities, by its moments under the `ProbabilityModel`.
///
/// `invalid` when one of the first four moments, computed exactly, differs from the normal
/// distribution's (`a_i b_i` has E[(a_i b_i)^4] = 9, a standard normal 3): a certain
/// refutation. `valid` when X is an affine combination of independent Gaussian quantities
/// whose mean and variance agree (such a combination is Gaussian). Otherwise `unchecked`:
/// equal moments do not prove a distribution.
struct DistributionClaim {
    let model: ProbabilityModel
    let equivalence: EquivalenceChecker

    func check(_ x: Expression, _ d: Distribution) -> StepChecker.Outcome {
        let randoms = x.freeSymbols.filter { model.isRandom($0) } + Array(x.indexedFamilies.filter { model.isRandom($0) })
        guard !randoms.isEmpty else { return .unchecked("no random quantity declared with \\sim occurs on the left") }
        let families = Set(randoms.map(\.family))
        let constants = Set((x.freeSymbols + d.mean.freeSymbols + d.variance.freeSymbols).filter { !model.isRandom($0) })
        for k in 1...4 {
            let moment: Expression
            do {
                moment = IndexedNormalForm.normalize(try ExpectationNormalForm.normalize(Expression.expectation(x.pow(k)), model, constants: constants))
            } catch {
                return .unchecked("cannot tell whether \(error.symbol.writtenName) is random (declare it with \\sim)")
            }
            if moment.containsExpectation {
                if families.count > 1 && !model.independent {
                    let names = families.map { PlainPrinter.name($0) }.sorted().joined(separator: " and ")
                    return .unchecked("the moments of \(PlainPrinter.string(x)) need \(names) independent, which the document does not state (say so next to the declaration, or pass --assume '… independent')")
                }
                return .unchecked("the moment E[(\(PlainPrinter.string(x)))^\(k)] cannot be computed exactly")
            }
            let expected = d.moment(k)
            switch equivalence.check(moment, expected) {
            case .equal: continue
            case .different:
                let power = k == 1 ? "" : "^\(k)"
                let name = "E[(\(PlainPrinter.string(x)))\(power)]"
                return StepChecker.Outcome(
                    verdict: .invalid, method: "moments under the declared distributions",
                    reason: "\(name) = \(PlainPrinter.string(moment)), but a variable with distribution \(d.plain) has E[X\(power)] = \(PlainPrinter.string(expected))",
                    counterexample: CounterexampleReport(point: [:], lhs: PlainPrinter.string(moment), rhs: PlainPrinter.string(expected), correct: nil))
            case .unknown(let why):
                return .unchecked("cannot compare the moment E[X^\(k)] with the normal distribution's: \(why)")
            }
        }
        let method = "moments under the declared distributions"
        if isAffine(x), families.count == 1 || model.independent, families.allSatisfy({ model.gaussians[$0] != nil }) {
            if case .symbol = x.kind {
                return StepChecker.Outcome(verdict: .valid, method: method, reason: "the distribution declared for \(PlainPrinter.string(x))", counterexample: nil)
            }
            return StepChecker.Outcome(verdict: .valid, method: method,
                                       reason: "an affine combination of independent Gaussian quantities is Gaussian, and its mean and variance agree", counterexample: nil)
        }
        return .unchecked("the first four moments agree with \(d.plain), but that alone does not prove the distribution")
    }

    /// True when every term of x has at most one random factor, to the first power.
    private func isAffine(_ x: Expression) -> Bool {
        guard let expanded = x.expanded(maxTerms: 1_000) else { return false }
        for term in expanded.summandList {
            var factors: [(Expression, Expression)]
            switch term.kind {
            case .mul(let m): factors = m.factors
            case .power(let b, let e): factors = [(b, e)]
            default: factors = [(term, .one)]
            }
            let random = factors.filter { !$0.0.freeSymbols.filter { model.isRandom($0) }.isEmpty || $0.0.containsRandomMember(model) }
            if random.count > 1 || random.contains(where: { !$0.1.isOne || $0.0.randomName(model) == nil }) { return false }
        }
        return true
    }
}

extension Expression {
    /// True when an expectation node occurs.
    var containsExpectation: Bool {
        if case .expectation = kind { return true }
        return children.contains { $0.containsExpectation }
    }
}
