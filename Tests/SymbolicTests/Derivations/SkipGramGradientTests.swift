import Testing
import Foundation
import Symbolic
@testable import SymbolicCore
@testable import SymbolicVerification
@testable import SymbolicDerivations

/// `derive skipgram-gradient`: the engine's derivatives and the general results against central
/// finite differences of a loss computed here in Double (an independent reference only: the
/// derivation itself never decides with floats), every step's verdict, and the limits.
@Suite struct SkipGramGradientTests {
    struct Failure: Error {}
    typealias Expression = SymbolicCore.Expression

    /// Every size the command accepts.
    static let sizes: [(Int, Int)] = SkipGramGradient.vocabularyRange.flatMap { V in
        SkipGramGradient.dimensionRange.compactMap { d in V * d <= SkipGramGradient.maximumComponents ? (V, d) : nil }
    }

    /// `-s_o + log Σ_w exp(s_w)` with `s_w = u_w · v`, the largest score subtracted first.
    static func loss(_ u: [[Double]], _ v: [Double], o: Int) -> Double {
        let s = u.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
        let top = s.max()!
        return -s[o] + top + Foundation.log(s.reduce(0) { $0 + Foundation.exp($1 - top) })
    }

    /// Coordinates k/64 in [-1, 1] from a fixed linear congruential generator.
    struct Points {
        var state: UInt64
        mutating func next() -> Rational {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Rational(Integer(Int((state >> 33) % 129) - 64), Integer(64))!
        }
    }

    func value(_ e: Expression, at point: [Symbol: Rational]) throws -> Double {
        guard case .value(let i) = IntervalEvaluator(point: point).evaluate(e) else { throw Failure() }
        return try #require(Double(i.decimalString(digits: 17)))
    }

    func matrix(_ v: MathValue) throws -> Matrix {
        guard case .matrix(let m) = v else { throw Failure() }
        return m
    }

    func result(_ d: Derivation, _ lhs: String) throws -> Derivation.Step {
        try #require(d.steps.first { $0.isResult && $0.lhsLatex == lhs }, "\(lhs)")
    }

    func double(_ r: Rational) -> Double { Double(r.numerator.description)! / Double(r.denominator.description)! }

    @Test(arguments: [(3, 2), (2, 1), (4, 3), (5, 3), (3, 4), (7, 2)])
    func derivativesMatchFiniteDifferences(_ size: (Int, Int)) throws {
        let (V, d) = size
        let o = SkipGramGradient.context - 1
        let der = try SkipGramGradient.derivation(vocabulary: V, dims: d)
        let gv = try result(der, "\\frac{\\partial L}{\\partial v_c}")
        let gU = try result(der, "\\frac{\\partial L}{\\partial U}")
        // The engine's derivatives (left sides) and the general results (right sides, with p(w|c) substituted).
        let sides = [(try matrix(gv.lhs), try matrix(gU.lhs)), (try matrix(der.resolved(gv.rhs)), try matrix(der.resolved(gU.rhs)))]
        for seed in [UInt64(1), 7, 2024] {
            var points = Points(state: seed &+ UInt64(V * 10 + d))
            let u = (0..<V).map { _ in (0..<d).map { _ in points.next() } }
            let v = (0..<d).map { _ in points.next() }
            var point: [Symbol: Rational] = [:]
            for w in 0..<V { for k in 0..<d { point[SkipGramGradient.u(w + 1, k + 1)] = u[w][k] } }
            for k in 0..<d { point[SkipGramGradient.v(k + 1)] = v[k] }
            let ud = u.map { $0.map(double) }, vd = v.map(double)
            let h = 1e-5
            for k in 0..<d {
                var plus = vd, minus = vd
                plus[k] += h
                minus[k] -= h
                let fd = (Self.loss(ud, plus, o: o) - Self.loss(ud, minus, o: o)) / (2 * h)
                for (dv, _) in sides { #expect(abs(try value(dv[k, 0], at: point) - fd) < 1e-7, "V = \(V), d = \(d): ∂L/∂v_c,\(k + 1)") }
            }
            for w in 0..<V {
                for k in 0..<d {
                    var plus = ud, minus = ud
                    plus[w][k] += h
                    minus[w][k] -= h
                    let fd = (Self.loss(plus, vd, o: o) - Self.loss(minus, vd, o: o)) / (2 * h)
                    for (_, dU) in sides { #expect(abs(try value(dU[w, k], at: point) - fd) < 1e-7, "V = \(V), d = \(d): ∂L/∂u_\(w + 1),\(k + 1)") }
                }
            }
        }
    }

    @Test(arguments: SkipGramGradientTests.sizes) func everyStepVerifies(_ size: (Int, Int)) throws {
        let (V, d) = size
        let der = try SkipGramGradient.derivation(vocabulary: V, dims: d)
        let outcomes = der.verification()
        #expect(der.steps.filter(\.isResult).count == 4)
        for (step, outcome) in zip(der.steps, outcomes) {
            guard let outcome else { continue }
            if case .instances = step.check {
                // A general result is checked at this V and d: it holds there, and is not a proof for every V and d.
                #expect(outcome.verdict != .invalid && (outcome.verdict == .valid || outcome.method == "instances"),
                        "V = \(V), d = \(d): \(step.leftLatex): \(outcome.reason)")
            } else {
                #expect(outcome.verdict == .valid, "V = \(V), d = \(d): \(step.leftLatex): \(outcome.reason)")
            }
        }
        #expect(outcomes.compactMap { $0 }.count == 10)
    }

    @Test func theSoftmaxGradientInTheScores() throws {
        // ∂L/∂s_w = p(w|c) - [w = o], with p(w|c) = exp(s_w) / Σ_j exp(s_j): written here by hand.
        let der = try SkipGramGradient.derivation(vocabulary: 4, dims: 1)
        let step = try #require(der.steps.first { $0.lhsLatex == "\\frac{\\partial L}{\\partial s}" })
        let s = (1...4).map { Expression(Symbol("s", subscriptText: "\($0)")) }
        let total = Expression.sum(s.map { Expression.apply(.exp, $0) })
        let m = try matrix(step.lhs)
        for w in 0..<4 {
            let expected = Expression.apply(.exp, s[w]) / total - (w == 0 ? .one : .zero)
            guard case .equal = EquivalenceChecker().check(m[w, 0], expected) else { Issue.record("∂L/∂s_\(w + 1)"); continue }
        }
    }

    @Test func badSizesAreRefused() {
        for (V, d) in [(1, 2), (9, 2), (3, 0), (3, 5), (4, 4), (8, 2)] {
            #expect(throws: SkipGramGradient.Failure.self, "V = \(V), d = \(d)") { try SkipGramGradient.derivation(vocabulary: V, dims: d) }
        }
    }

    @Test func formatsCarryTheResult() throws {
        let d = try SkipGramGradient.derivation()
        #expect(d.latex.contains("\\boxed{-u_o + \\sum_{w=1}^{V} p(w \\mid c)\\, u_w = U^\\top (\\hat{y} - y)}"))
        #expect(d.json.contains("\"name\":\"skipgram-gradient\""))
        #expect(!d.json.contains("\"verdict\":\"invalid\""))
    }
}
