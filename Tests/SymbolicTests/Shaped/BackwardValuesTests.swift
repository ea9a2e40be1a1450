import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped

/// Backpropagation by numbers: exact gradients at given values, against exact central
/// differences of the loss (the forward pass alone, at w ± h).
@Suite struct BackwardValuesTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/models/relu-network.txt")
    static let seedValues: [String: Rational] = [
        "x1": 1, "x2": 2, "x3": -1, "x4": 0, "y": 1,
        "w1": 1, "w2": Rational(-1, 4)!, "w3": 0, "w4": 1, "w5": 2, "w6": -1,
    ]

    func values(_ v: [String: Rational]) -> [String: Matrix] {
        v.mapValues { Matrix(rows: 1, columns: 1, entries: [SymbolicCore.Expression($0)]) }
    }

    @Test func theSeedsNetworkReachesMinusThreeHalves() throws {
        let pass = try BackwardPass(ModelParser.parse(try String(contentsOf: Self.file, encoding: .utf8)))
        let result = try BackwardValues(pass, at: values(Self.seedValues))
        let forward = Dictionary(uniqueKeysWithValues: result.forward.map { ($0.0.plain, $0.1.entries[0]) })
        // Seed 000: s1 = 0.5, s2 = 0, h1 = 1.25, h2 = 0.5, s3 = 2, ŷ = 1.5; ∂E/∂w_1 = -1.5.
        #expect(forward["s1"] == SymbolicCore.Expression(Rational(1, 2)!) && forward["h1"] == SymbolicCore.Expression(Rational(5, 4)!))
        #expect(forward["yhat"] == SymbolicCore.Expression(Rational(3, 2)!))
        let grads = Dictionary(uniqueKeysWithValues: result.gradients.map { ($0.0.plain, $0.1.entries[0]) })
        #expect(grads["dw1"] == SymbolicCore.Expression(Rational(-3, 2)!))
        // s2 = 0 sits at a kink of ReLU: what flows through it is marked.
        #expect(result.atKinks.map(\.plain).contains("dw3") && !result.atKinks.map(\.plain).contains("dw1"))
    }

    /// Away from kinks the loss is a polynomial of degree 2 in each parameter near the point, so
    /// the central difference with a small rational h is the derivative exactly.
    @Test func gradientsAreExactCentralDifferences() throws {
        let pass = try BackwardPass(ModelParser.parse(try String(contentsOf: Self.file, encoding: .utf8)))
        var point = Self.seedValues
        point["w3"] = Rational(1, 3)!  // s2 = -1/3: off every kink
        let result = try BackwardValues(pass, at: values(point))
        let h = Rational(1, 1000)!
        for w in ["w1", "w2", "w3", "w4", "w5", "w6"] {
            var up = point, down = point
            up[w] = point[w]! + h
            down[w] = point[w]! - h
            let lu = try #require(BackwardValues(pass, at: values(up)).forward.last?.1.entries[0].rationalValue)
            let ld = try #require(BackwardValues(pass, at: values(down)).forward.last?.1.entries[0].rationalValue)
            let quotient: Rational? = (lu - ld) / (Rational(2) * h)
            let difference = try #require(quotient)
            let g = try #require(result.gradients.first { $0.0.plain == "d" + w }?.1.entries[0].rationalValue)
            #expect(g == difference, "\(w): \(g) vs \(difference)")
        }
    }

    @Test func valuesAreParsedOrRefused() {
        #expect(BackwardValues.parseValue("-0.25")?.entries == [SymbolicCore.Expression(Rational(-1, 4)!)])
        #expect(BackwardValues.parseValue("[1, 2; 3, 4]")?.rows == 2)
        #expect(BackwardValues.parseValue("[1; 2]")?.columns == 1)
        #expect(BackwardValues.parseValue("[1, 2; 3]") == nil)
        #expect(BackwardValues.parseValue("x") == nil)
    }
}
