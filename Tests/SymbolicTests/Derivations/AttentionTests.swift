import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicShaped
@testable import SymbolicDerivations

/// `derive attention`: every step holds at its instance; the gradients agree with finite
/// differences of ⟨dY, Y⟩ at a random point; the slopes and limits are the seed's.
@Suite struct AttentionTests {
    @Test(arguments: [(2, 1), (2, 2), (3, 2)]) func everyStepHoldsAtItsInstance(_ nd: (Int, Int)) throws {
        let d = try Attention.derivation(tokens: nd.0, width: nd.1, heads: 8)
        let outcomes = zip(d.steps, d.verification()).compactMap { s, o in o.map { (s, $0) } }
        #expect(outcomes.count >= 14)
        for (s, o) in outcomes { #expect(o.holds, "\(s.leftLatex): \(o.reason)") }
    }

    /// An independent reference: ⟨dY, softmax(QKᵀ/√d)V⟩ by central differences in Double.
    @Test func gradientsMatchFiniteDifferences() throws {
        let n = 3, w = 2
        // Thousandths in [-1, 1]: exact rationals for the engine, the same numbers in Double for the reference.
        func random() -> [[Int]] { (0..<n).map { _ in (0..<w).map { _ in Int.random(in: -1000...1000) } } }
        let ints = [random(), random(), random(), random()]
        let grids = ints.map { $0.map { $0.map { Double($0) / 1000 } } }
        let g = grids[3]
        func f(_ q: [[Double]], _ k: [[Double]], _ v: [[Double]]) -> Double {
            var total = 0.0
            for i in 0..<n {
                let scores = (0..<n).map { j in (0..<w).map { q[i][$0] * k[j][$0] }.reduce(0, +) / Double(w).squareRoot() }
                let top = scores.max()!, e = scores.map { Foundation.exp($0 - top) }, z = e.reduce(0, +)
                for c in 0..<w { total += g[i][c] * (0..<n).map { e[$0] / z * v[$0][c] }.reduce(0, +) }
            }
            return total
        }
        let pass = try #require(try ModelCatalog.backwardPass("attention"))
        func matrix(_ a: [[Int]]) -> Matrix {
            Matrix(rows: n, columns: w, entries: a.flatMap { $0.map { Expression(Rational(Integer($0), Integer(1000))!) } })
        }
        let values = try BackwardValues(pass, at: ["Q": matrix(ints[0]), "K": matrix(ints[1]), "V": matrix(ints[2]), "dY": matrix(ints[3])])
        for (name, which) in [("dQ", 0), ("dK", 1), ("dV", 2)] {
            let exact = try #require(values.gradients.first { $0.0.plain == name }?.1)
            for i in 0..<n { for c in 0..<w {
                var args = [grids[0], grids[1], grids[2]]
                let h = 1e-6
                args[which][i][c] += h
                let up = f(args[0], args[1], args[2])
                args[which][i][c] -= 2 * h
                let down = f(args[0], args[1], args[2])
                let numeric = (up - down) / (2 * h)
                guard case .value(let interval) = IntervalEvaluator(point: [:]).evaluate(exact[i, c]),
                      let value = Double(interval.decimalString(digits: 17)) else { Issue.record("\(name) has no value"); continue }
                #expect(abs(value - numeric) < 1e-5, "\(name)[\(i),\(c)]: \(value) vs \(numeric)")
            } }
        }
    }

    @Test func slopesLimitsAndRefusals() throws {
        let d = try Attention.derivation(heads: 8)
        let slopes = try #require(d.steps.first { $0.justification.hasPrefix("ALiBi's slopes") })
        guard case .matrix(let m) = slopes.rhs else { Issue.record("slopes are not a row"); return }
        #expect(m.entries.map(\.rationalValue) == (1...8).map { Rational(Integer(1), Integer(1 << $0)) })
        let limits = d.steps.filter { $0.justification.hasPrefix("the limit as") }.compactMap { $0.lhs.scalar }
        #expect(limits.map(\.rationalValue).prefix(2) == [1, 0])
        #expect(throws: Attention.Failure.self) { try Attention.derivation(tokens: 9) }
        #expect(throws: Attention.Failure.self) { try Attention.derivation(heads: 0) }
    }
}
