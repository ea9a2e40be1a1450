import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicDerivations

/// `derive conv-matrix`: A x against a convolution computed directly here, at rational values.
@Suite struct ConvolutionMatrixTests {
    static let cases: [((Int, Int), (Int, Int), Int, Int)] = [
        ((4, 4), (2, 2), 2, 0),   // the seed's example
        ((4, 4), (2, 2), 1, 0),
        ((5, 5), (3, 3), 2, 1),
        ((3, 4), (2, 3), 1, 1),
    ]

    @Test(arguments: 0..<cases.count) func productIsTheDirectConvolution(_ k: Int) throws {
        let (input, kernel, stride, padding) = Self.cases[k]
        let d = try ConvolutionMatrix.derivation(input: input, kernel: kernel, stride: stride, padding: padding)
        for o in d.verification().compactMap({ $0 }) { #expect(o.holds, "\(o.reason)") }
        guard let step = d.steps.first(where: { $0.lhsLatex == "A" }), case .matrix(let A) = step.rhs else { Issue.record("no A"); return }
        // Values: a_ij = (7i + 3j) mod 11 − 5, w_k = k/3 − 1.
        let (h, w) = input, (kh, kw) = kernel
        var point: [Symbol: SymbolicCore.Expression] = [:]
        func a(_ i: Int, _ j: Int) -> Rational { Rational((7 * i + 3 * j) % 11 - 5) }
        func weight(_ p: Int, _ q: Int) -> Rational { Rational(Integer(p * kw + q + 1), Integer(3))! - .one }
        for i in 0..<h { for j in 0..<w { point[Symbol("a", subscriptText: "\(i + 1)\(j + 1)")] = SymbolicCore.Expression(a(i, j)) } }
        for p in 0..<kh { for q in 0..<kw { point[Symbol("w", subscriptText: "\(p * kw + q + 1)")] = SymbolicCore.Expression(weight(p, q)) } }
        let x = Matrix(rows: h * w, columns: 1, entries: (0..<(h * w)).map { SymbolicCore.Expression(a($0 / w, $0 % w)) })
        let numeric = A.map { $0.substituting(point) }
        let maybe: Matrix? = numeric * x
        let product = try #require(maybe)
        // The convolution directly: the kernel over the zero-padded input.
        let oh = (h + 2 * padding - kh) / stride + 1, ow = (w + 2 * padding - kw) / stride + 1
        #expect(product.rows == oh * ow)
        for u in 0..<oh {
            for v in 0..<ow {
                var z = Rational.zero
                for p in 0..<kh {
                    for q in 0..<kw {
                        let (i, j) = (u * stride + p - padding, v * stride + q - padding)
                        if i >= 0, i < h, j >= 0, j < w { z = z + weight(p, q) * a(i, j) }
                    }
                }
                #expect(product.entries[u * ow + v] == SymbolicCore.Expression(z), "(\(u), \(v))")
            }
        }
    }

    @Test func sizesThatDoNotTileAreRefused() {
        #expect(throws: ConvolutionMatrix.Failure.self) { try ConvolutionMatrix.derivation(input: (5, 5), kernel: (2, 2), stride: 2, padding: 0) }
        #expect(ConvolutionMatrix.size("4x4")?.0 == 4 && ConvolutionMatrix.size("4x4")?.1 == 4)
        #expect(ConvolutionMatrix.size("4by4") == nil)
    }
}
