import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicDerivations

/// `derive binary-adder`: the truth table against an independent parity and majority, the printed
/// weights run here on every pair of numbers against integer addition, every step's verdict.
@Suite struct BinaryAdderTests {
    struct Failure: Error {}

    func matrix(_ v: MathValue) throws -> [[Rational]] {
        switch v {
        case .matrix(let m):
            return try (0..<m.rows).map { i in try (0..<m.columns).map { j in try #require(m[i, j].rationalValue) } }
        case .scalar(let e):
            return [[try #require(e.rationalValue)]]
        }
    }

    /// A boxed weight of the derivation, by the name it is printed with.
    func weight(_ d: Derivation, _ name: String) throws -> [[Rational]] {
        let step = try #require(d.steps.first { $0.isResult && $0.lhsLatex == name }, "\(name)")
        return try matrix(step.rhs)
    }

    /// The network with the printed weights, run here in exact rationals: the bits of the output.
    func run(_ d: Derivation, _ a: Int, _ b: Int, bits: Int) throws -> Int {
        let W = try weight(d, "W"), U = try weight(d, "U"), bh = try weight(d, "b_h").map { $0[0] }
        let V = try weight(d, "V")[0], by = try weight(d, "b_y")[0][0]
        var h: [Rational] = [0, 0, 0]
        var out = 0
        for t in 0...bits {
            let x: [Rational] = [Rational((a >> t) & 1), Rational((b >> t) & 1)]
            h = (0..<3).map { k in
                var z = bh[k]
                for j in 0..<3 { z = z + W[k][j] * h[j] }
                for j in 0..<2 { z = z + U[k][j] * x[j] }
                return z.signum > 0 ? 1 : 0
            }
            var z = by
            for k in 0..<3 { z = z + V[k] * h[k] }
            if z.signum > 0 { out += 1 << t }
        }
        return out
    }

    @Test func truthTableIsParityAndMajority() throws {
        let d = try BinaryAdder.derivation()
        for a in 0...1 {
            for b in 0...1 {
                for c in 0...1 {
                    let parity = a ^ b ^ c, majority = (a & b) | (a & c) | (b & c)
                    let step = try #require(d.steps.first { $0.lhsLatex?.hasSuffix("_{(\(a), \(b), \(c))}") == true }, "row \(a)\(b)\(c)")
                    let expected: [[Rational]] = [[Rational(parity), Rational(majority)]]
                    #expect(try matrix(step.lhs) == expected, "row \(a)\(b)\(c): the network")
                    #expect(try matrix(step.rhs) == expected, "row \(a)\(b)\(c): the stated value")
                }
            }
        }
    }

    @Test func weightsComeFromTheThresholds() throws {
        let d = try BinaryAdder.derivation()
        let half = Rational(Integer(1), Integer(2))!
        #expect(try weight(d, "W") == [[0, 1, 0], [0, 1, 0], [0, 1, 0]])
        #expect(try weight(d, "U") == [[1, 1], [1, 1], [1, 1]])
        #expect(try weight(d, "b_h") == [[-half], [-half - 1], [-half - 2]])
        #expect(try weight(d, "V") == [[1, -1, 1]])
        #expect(try weight(d, "b_y") == [[-half]])
    }

    @Test(arguments: 1...4) func everyPairAddsUp(_ n: Int) throws {
        let d = try BinaryAdder.derivation(bits: n)
        let net = BinaryAdder.Network.adder
        for a in 0..<(1 << n) {
            for b in 0..<(1 << n) {
                let sum = a + b
                #expect(try run(d, a, b, bits: n) == sum, "\(a) + \(b), printed weights")
                #expect(net.sum(a, b, bits: n) == sum, "\(a) + \(b), the derivation's run")
            }
        }
        let count = try #require(d.steps.last)
        #expect(count.isResult)
        #expect(count.lhs.scalar?.rationalValue == Rational(1 << (2 * n)))
        #expect(count.rhs.scalar?.rationalValue == Rational(1 << (2 * n)))
    }

    @Test(arguments: [1, 2, 3, 4, 6]) func everyStepVerifies(_ n: Int) throws {
        let d = try BinaryAdder.derivation(bits: n)
        let outcomes = d.verification()
        #expect(outcomes.compactMap { $0 }.count >= 8 + 6 + 3)
        for (step, outcome) in zip(d.steps, outcomes) {
            if let outcome { #expect(outcome.verdict == .valid, "N = \(n): \(step.leftLatex): \(outcome.reason)") }
        }
    }

    @Test func badBitsAreRefused() {
        for n in [0, -1, 11, 64] {
            #expect(throws: BinaryAdder.Failure.self) { try BinaryAdder.derivation(bits: n) }
        }
    }

    @Test func formatsCarryTheResult() throws {
        let d = try BinaryAdder.derivation()
        #expect(d.latex.contains("\\boxed{"))
        #expect(d.json.contains("\"name\":\"binary-adder\""))
        #expect(!d.json.contains("\"verdict\":\"invalid\"") && !d.json.contains("\"verdict\":\"unchecked\""))
    }

    /// The network of ../shared/seeds 004 (W with columns (0, 0, 1), (0, 1, 0), (0, 0, 1), U all
    /// ones, b_h = (-1.8, -0.8, -1.8), V = (-1, 1, -1), b_y = -0.2; hidden units fire for z > 0, the
    /// output for z ≥ 0), in tenths: its output is 1 - carry once h_2 is 1, the sum bit only when one
    /// or two of the three bits are 1.
    @Test func theSeedsNetworkFailsWhenNoneOrAllThreeBitsAreOne() {
        func seed(_ a: Int, _ b: Int, bits: Int, h0: [Int]) -> Int {
            let W = [[0, 0, 10], [0, 10, 0], [0, 0, 10]], bh = [-18, -8, -18], V = [-10, 10, -10], by = -2
            var h = h0, out = 0
            for t in 0...bits {
                let x = [(a >> t) & 1, (b >> t) & 1]
                h = (0..<3).map { k in bh[k] + (0..<3).reduce(0) { $0 + W[k][$1] * h[$1] } + 10 * (x[0] + x[1]) > 0 ? 1 : 0 }
                if by + (0..<3).reduce(0, { $0 + V[$1] * h[$1] }) >= 0 { out += 1 << t }
            }
            return out
        }
        // From its table's first state (0, 1, 0): 0 + 0 gives 1 at once (no bit is 1).
        #expect(seed(0, 0, bits: 1, h0: [0, 1, 0]) != 0)
        // From h^(0) = 0: 1 + 0 reads 3 (after the first 1, a column of zeros prints 1).
        #expect(seed(1, 0, bits: 1, h0: [0, 0, 0]) == 3)
        // 3 + 1 = 4 (binary 11 + 01): the column 1 + 0 + carry 1 is fine, 1 + 1 + 0 too; 3 + 3 has
        // a column with all three bits 1, whose sum bit 1 the seed's network prints as 0.
        #expect(seed(3, 3, bits: 2, h0: [0, 0, 0]) != 6)
        // Where every column holds one or two ones, it adds correctly.
        #expect(seed(1, 1, bits: 1, h0: [0, 0, 0]) == 2)
        #expect(seed(5, 3, bits: 3, h0: [0, 0, 0]) == 8)
    }
}
