import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicDerivations

/// `derive transformer`: the seeds' totals from their configurations, and every count against an
/// independent one (each weight matrix and bias listed by its shape, the products added).
@Suite struct TransformerParametersTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/transformers")

    func total(_ d: Derivation) -> Rational? {
        d.steps.last.flatMap { $0.rhs.scalar?.rationalValue }
    }

    /// The tensors of the model by shape, counted one by one.
    func independentCount(_ c: TransformerParameters.Config) -> Int {
        var tensors: [[Int]] = []
        let dh = c.dHead ?? c.dModel / c.heads
        func attention() {
            for _ in 0..<c.heads {
                for _ in 0..<3 { tensors.append([c.dModel, dh]); if c.attentionBias { tensors.append([dh]) } }
            }
            tensors.append([c.heads * dh, c.dModel]); if c.attentionBias { tensors.append([c.dModel]) }
        }
        func ffn() {
            tensors.append([c.dModel, c.dFF]); if c.ffnBias { tensors.append([c.dFF]) }
            tensors.append([c.dFF, c.dModel]); if c.ffnBias { tensors.append([c.dModel]) }
        }
        func norms(_ k: Int) { for _ in 0..<k { tensors.append([c.dModel]); tensors.append([c.dModel]) } }
        for _ in 0..<(c.decoderLayers > 0 && c.separateEmbeddings ? 2 : 1) {
            tensors.append([c.vocabulary, c.dModel]); if c.embeddingBias { tensors.append([c.dModel]) }
        }
        for _ in 0..<c.encoderLayers { attention(); ffn(); norms(c.normsPerBlock) }
        for _ in 0..<c.decoderLayers { attention(); attention(); ffn(); norms(c.normsPerBlock + (c.normsPerBlock > 0 ? 1 : 0)) }
        if c.outputLayer { tensors.append([c.dModel, c.vocabulary]); if c.outputBias { tensors.append([c.vocabulary]) } }
        return tensors.reduce(0) { $0 + $1.reduce(1, *) }
    }

    @Test(arguments: [("seed-000.conf", 14_657_208), ("seed-001.conf", 201_466_160), ("seed-002.conf", 46_645_248)])
    func theSeedsTotals(_ file: String, _ expected: Int) throws {
        let c = try TransformerParameters.parse(try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8))
        let d = TransformerParameters.derivation(c)
        #expect(total(d) == Rational(expected))
        #expect(independentCount(c) == expected)
        for o in d.verification().compactMap({ $0 }) { #expect(o.holds, "\(o.reason)") }
    }

    @Test func otherConfigurationsAgreeWithTheIndependentCount() throws {
        for text in ["vocabulary = 100\nd_model = 16\nheads = 2\nd_ff = 64\nencoder_layers = 3\ndecoder_layers = 2\noutput_layer = yes\nseparate_embeddings = no\n",
                     "vocabulary = 50\nd_model = 12\nheads = 3\nd_head = 5\nd_ff = 7\nencoder_layers = 0\ndecoder_layers = 4\nembedding_bias = yes\nattention_bias = no\n"] {
            let c = try TransformerParameters.parse(text)
            #expect(total(TransformerParameters.derivation(c)) == Rational(independentCount(c)), "\(text)")
        }
    }

    @Test func badConfigurationsAreOneLineErrors() {
        #expect(throws: TransformerParameters.Failure.self) { try TransformerParameters.parse("d_model = 768\n") }
        #expect(throws: TransformerParameters.Failure.self) { try TransformerParameters.parse("width = 3\n") }
        #expect(throws: TransformerParameters.Failure.self) { try TransformerParameters.parse("vocabulary = 10\nd_model = 8\nd_ff = 4\nffn_bias = maybe\n") }
    }
}
