import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// Transformer shapes and parameter counts (../shared/seeds 000, 001, 002): each layer's count as
/// a formula in the configuration's letters, its value, and the total; the shape of the signal
/// after each layer. The configuration is a small file of `key = value` lines.
public enum TransformerParameters {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// A configuration. Counts are whole numbers; the switches say which biases exist.
    public struct Config: Sendable {
        public var vocabulary = 0
        public var dModel = 0
        public var heads = 1
        public var dHead: Int? = nil
        public var dFF = 0
        public var encoderLayers = 1
        public var decoderLayers = 0
        public var embeddingBias = false
        /// An embedding for the encoder and another for the decoder.
        public var separateEmbeddings = true
        public var attentionBias = true
        public var ffnBias = true
        /// LayerNorms in an encoder block (a decoder block has one more, after its cross-attention).
        public var normsPerBlock = 2
        /// A final linear layer to the vocabulary.
        public var outputLayer = false
        public var outputBias = true
        public var batch = 1
        public var sequence = 1

        var headWidth: Int { dHead ?? (heads > 0 ? dModel / heads : 0) }
    }

    /// The configuration an answer key shows when no file is given: one encoder block.
    public static let exampleConfig = "vocabulary = 8000\nd_model = 512\nheads = 8\nd_ff = 2048\nbatch = 16\nsequence = 128\n"

    /// The keys a configuration file may set.
    public static let keys = ["vocabulary", "d_model", "heads", "d_head", "d_ff", "encoder_layers", "decoder_layers", "embedding_bias",
                              "separate_embeddings", "attention_bias", "ffn_bias", "norms_per_block", "output_layer", "output_bias", "batch", "sequence"]

    /// `key = value` lines (`#` starts a comment); yes/no for switches.
    public static func parse(_ text: String) throws(Failure) -> Config {
        var c = Config()
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "").trimmingCharacters()
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters() }
            guard parts.count == 2, keys.contains(parts[0]) else {
                throw Failure(description: "line \(k + 1): write key = value with one of \(keys.joined(separator: ", "))")
            }
            let (key, value) = (parts[0], parts[1].replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: ""))
            func number() throws(Failure) -> Int {
                guard let n = Int(value), n >= 0, n <= 10_000_000 else { throw Failure(description: "line \(k + 1): \(key) is a whole number up to 10,000,000") }
                return n
            }
            func flag() throws(Failure) -> Bool {
                switch value.lowercased() {
                case "yes", "true", "1": return true
                case "no", "false", "0": return false
                default: throw Failure(description: "line \(k + 1): \(key) is yes or no")
                }
            }
            switch key {
            case "vocabulary": c.vocabulary = try number()
            case "d_model": c.dModel = try number()
            case "heads": c.heads = try number()
            case "d_head": c.dHead = try number()
            case "d_ff": c.dFF = try number()
            case "encoder_layers": c.encoderLayers = try number()
            case "decoder_layers": c.decoderLayers = try number()
            case "embedding_bias": c.embeddingBias = try flag()
            case "separate_embeddings": c.separateEmbeddings = try flag()
            case "attention_bias": c.attentionBias = try flag()
            case "ffn_bias": c.ffnBias = try flag()
            case "norms_per_block": c.normsPerBlock = try number()
            case "output_layer": c.outputLayer = try flag()
            case "output_bias": c.outputBias = try flag()
            case "batch": c.batch = try number()
            default: c.sequence = try number()
            }
        }
        guard c.dModel > 0, c.vocabulary > 0, c.heads > 0, c.dFF > 0, c.headWidth > 0 else {
            throw Failure(description: "vocabulary, d_model, heads, d_ff (and d_head, or heads dividing d_model) must be set")
        }
        return c
    }

    public static func derivation(_ c: Config) -> Derivation {
        let V = Symbol("V"), d = Symbol("d"), h = Symbol("h"), dh = Symbol("d", subscriptText: "h"), f = Symbol("d", subscriptText: "ff")
        let (eV, ed, eh, edh, ef) = (Expression(V), Expression(d), Expression(h), Expression(dh), Expression(f))
        func bias(_ on: Bool, _ e: Expression) -> Expression { on ? e : .zero }
        var der = Derivation(name: "transformer", title: "Transformer shapes and parameter counts",
                             statement: "A transformer with vocabulary $V = \(c.vocabulary)$, $d = \(c.dModel)$, $h = \(c.heads)$ heads of width $d_h = \(c.headWidth)$, feed-forward width $d_{ff} = \(c.dFF)$, \(c.encoderLayers) encoder and \(c.decoderLayers) decoder blocks. Give the shape after each layer and the number of parameters of each part and in total.")
        der.persianStatement = "ترنسفورمری با واژگان $V = \(c.vocabulary)$، $d = \(c.dModel)$، $h = \(c.heads)$ سر با پهنای $d_h = \(c.headWidth)$، پهنای لایه‌ی پیش‌خور $d_{ff} = \(c.dFF)$، $\(c.encoderLayers)$ بلوک رمزگذار و $\(c.decoderLayers)$ بلوک رمزگشا داریم. ابعاد سیگنال پس از هر لایه و تعداد پارامترهای هر بخش و کل را بیابید."
        der.definitions = [V: Expression(c.vocabulary), d: Expression(c.dModel), h: Expression(c.heads), dh: Expression(c.headWidth), f: Expression(c.dFF)]
        func value(_ e: Expression) -> Expression { der.resolved(e) }
        // Shapes.
        let shape = { (w: String) in w.isEmpty ? "(\(c.batch), \(c.sequence))" : "(\(c.batch), \(c.sequence), \(w))" }
        der.steps.append(.init(.scalar(.zero), .equal, .scalar(.zero), "tokens \(shape("")) → embeddings \(shape("\(c.dModel)")); attention keeps \(shape("\(c.dModel)")); the feed-forward layer widens to \(shape("\(c.dFF)")) and returns to \(shape("\(c.dModel)"))" + (c.outputLayer ? "; the output layer gives \(shape("\(c.vocabulary)"))" : ""),
                               check: .remark, lhsLatex: "\\text{shapes}", rhsLatex: "(B, T, d)"))
        // Each part: a formula in the letters, and its value.
        let embedding = eV * ed + bias(c.embeddingBias, ed)
        let attention = Expression(3) * eh * (ed * edh + bias(c.attentionBias, edh)) + eh * edh * ed + bias(c.attentionBias, ed)
        let ffn = ed * ef + bias(c.ffnBias, ef) + ef * ed + bias(c.ffnBias, ed)
        let norm = Expression(2) * ed
        let encoderBlock = attention + ffn + Expression(c.normsPerBlock) * norm
        let decoderNorms = c.normsPerBlock + (c.normsPerBlock > 0 ? 1 : 0)
        let decoderBlock = Expression(2) * attention + ffn + Expression(decoderNorms) * norm
        let output = ed * eV + bias(c.outputBias, eV)
        var parts: [(String, Expression, Int)] = []
        let embeddings = c.decoderLayers > 0 && c.separateEmbeddings ? 2 : 1
        parts.append(("embedding", embedding, embeddings))
        if c.encoderLayers > 0 { parts.append(("encoder block", encoderBlock, c.encoderLayers)) }
        if c.decoderLayers > 0 { parts.append(("decoder block", decoderBlock, c.decoderLayers)) }
        if c.outputLayer { parts.append(("output layer", output, 1)) }
        der.steps.append(.init(attention, value(attention), "attention: $W_Q, W_K, W_V$ for each head\(c.attentionBias ? " with biases" : ""), and $W_O$ from the $h d_h$ concatenated widths back to $d$",
                               lhsLatex: "3h(d\\,d_h\(c.attentionBias ? " + d_h" : "")) + h\\,d_h\\,d\(c.attentionBias ? " + d" : "")"))
        der.steps.append(.init(ffn, value(ffn), "feed-forward: $d \\to d_{ff} \\to d$\(c.ffnBias ? " with biases" : "")",
                               lhsLatex: "d\\,d_{ff}\(c.ffnBias ? " + d_{ff}" : "") + d_{ff}\\,d\(c.ffnBias ? " + d" : "")"))
        der.steps.append(.init(norm, value(norm), "a LayerNorm: $\\gamma, \\beta \\in \\mathbb{R}^d$", lhsLatex: "2d"))
        var total = Expression.zero
        for (name, formula, count) in parts {
            let all = Expression(count) * formula
            total = total + all
            der.steps.append(.init(all, value(all), count == 1 ? "the \(name)" : "\(count) × the \(name)",
                                   lhsLatex: count == 1 ? name.replacingOccurrences(of: " ", with: "\\ ").wrappedAsText : "\(count) \\times \\text{\(name)}", isResult: true))
        }
        der.steps.append(.init(total, value(total), "the parts added", lhsLatex: "\\text{total}", isResult: true))
        return der
    }
}

private extension String {
    var wrappedAsText: String { "\\text{" + replacingOccurrences(of: "\\ ", with: " ") + "}" }
}
