import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A free Kronecker delta `δ_{ij}` with two letter indices takes the values 0 and 1 only: it is
/// 1 when `i = j` and 0 otherwise. A claim holds when it holds in both cases: `i ≠ j` (δ = 0,
/// the names indexed by i and j are independent) and `i = j` (δ = 1, every name indexed by j
/// is the one indexed by i). So `δ_{ij}^2 = δ_{ij}` is valid and `δ_{ij} x_j = x_i` is refuted
/// only by the case that breaks it, never at δ = 3/2.
enum KroneckerCases {
    /// One case: what the delta's indices are taken to be, and the claim's sides in that case.
    struct Case {
        let description: String
        let delta: (name: String, value: Int)
        let lhs: Expression
        let rhs: Expression
        let domain: Domain
    }

    /// The two cases of the first free delta with two different letter indices, or nil.
    static func cases(_ a: Expression, _ b: Expression, domain: Domain) -> [Case]? {
        let symbols = Set(a.freeSymbols + b.freeSymbols).sorted { Symbol.compare($0, $1) < 0 }
        guard let delta = symbols.first(where: { s in
            guard s.isKroneckerDelta, let text = s.subscriptText else { return false }
            let parts = IndexedName.components(text)
            return parts.count == 2 && parts[0] != parts[1] && parts.allSatisfy { $0.count == 1 && $0.first!.isLetter }
        }) else { return nil }
        let parts = IndexedName.components(delta.subscriptText!)
        let (i, j) = (parts[0], parts[1])
        let name = PlainPrinter.name(delta)
        // i ≠ j: the delta is 0.
        let zero: [Symbol: Expression] = [delta: .zero]
        // i = j: the delta is 1, and every name indexed by j is indexed by i.
        var same: [Symbol: Expression] = [delta: .one]
        for s in symbols where s != delta {
            guard let text = s.subscriptText else { continue }
            let components = IndexedName.components(text)
            guard components.contains(j) else { continue }
            let renamed = components.map { $0 == j ? i : $0 }
            let joined = renamed.allSatisfy({ $0.count == 1 }) ? renamed.joined() : renamed.joined(separator: ",")
            let target = Symbol(s.name, accent: s.accent, subscriptText: joined, timeStep: s.timeStep, primes: s.primes)
            same[s] = target.isKroneckerDelta && renamed.count == 2 && renamed[0] == renamed[1] ? .one : Expression(target)
        }
        return [
            Case(description: "\(i) ≠ \(j), so \(name) = 0", delta: (name, 0),
                 lhs: a.substituting(zero), rhs: b.substituting(zero), domain: domain.substituting(zero)),
            Case(description: "\(i) = \(j), so \(name) = 1", delta: (name, 1),
                 lhs: a.substituting(same), rhs: b.substituting(same), domain: domain.substituting(same)),
        ]
    }
}

extension StepChecker {
    /// `a = b` checked in both cases of a free Kronecker delta; nil when there is none.
    func checkKroneckerCases(_ a: Expression, _ b: Expression, domain: Domain) -> Outcome? {
        guard let cases = KroneckerCases.cases(a, b, domain: domain) else { return nil }
        var methods: [String] = []
        for c in cases {
            var o = checkScalars(c.lhs, .equal, c.rhs, lhsLatex: "", rhsLatex: "", domain: c.domain)
            // The claim is an identity in all its letters: a case whose side became a number is
            // no equation with plugged-in values.
            if o.finding == .particularValues, case .different(let ce) = equivalence.check(c.lhs, c.rhs, domain: c.domain) {
                o = Outcome(verdict: .invalid, method: "counterexample", reason: "the sides differ at \(describe(ce.point)) (left \(ce.lhs), right \(ce.rhs))",
                            counterexample: report(ce, correct: nil))
            }
            switch o.verdict {
            case .valid:
                methods.append(o.method)
            case .invalid:
                var ce = o.counterexample
                if let r = ce {
                    var point = r.point
                    point[c.delta.name] = String(c.delta.value)
                    ce = CounterexampleReport(point: point, lhs: r.lhs, rhs: r.rhs, correct: r.correct)
                    ce?.values = r.values
                }
                var out = Outcome(verdict: .invalid, method: "Kronecker delta cases: " + o.method, reason: "where \(c.description): " + o.reason,
                                  counterexample: ce)
                out.correction = o.correction
                return out
            case .unchecked:
                return .unchecked("where \(c.description): " + o.reason, o.finding)
            }
        }
        return Outcome(verdict: .valid, method: "Kronecker delta cases: " + Array(Set(methods)).sorted().joined(separator: "; "),
                       reason: "holds both where " + cases.map(\.description).joined(separator: " and where "), counterexample: nil)
    }
}
