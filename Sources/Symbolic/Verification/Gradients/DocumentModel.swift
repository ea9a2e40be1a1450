/// The model a document states: its forward equations, matched against the models `derive` knows
/// (LSTM in both notations, GRU, RNN) for the shapes of inputs and parameters, which documents
/// rarely declare. The equations as the document writes them define the model: where one
/// differs from the standard cell, the gradients are derived from the document's version.
public struct DocumentModel: Sendable {
    public let title: String
    public let model: Model
    public let pass: BackwardPass
    /// Every spelling of the model's quantities and gradients.
    let names: QuantityNames
    /// Quantities whose equation the document writes differently from the standard cell.
    public let changed: [Quantity]

    /// A forward equation as written: the key of its left side and the tokens of its right side.
    public struct Candidate: Sendable {
        let key: String
        let tokens: [LaTeXToken]
    }

    /// The fewest matching forward equations that identify a model.
    static let minimumMatches = 3

    /// The known model that most of `candidates` (at least three) are forward equations of; nil when none.
    public static func recognize(_ candidates: [Candidate]) -> DocumentModel? {
        var best: (matches: Int, model: DocumentModel)?
        for model in catalog {
            guard let found = match(model, candidates), found.matches >= minimumMatches,
                  found.matches > best?.matches ?? 0 else { continue }
            best = found
        }
        return best?.model
    }

    /// The known models, parsed once: LSTM (course and gates notation), GRU, RNN.
    static let catalog: [Model] = [("lstm", false), ("lstm", true), ("gru", false), ("rnn", false)].compactMap { name, gates in
        ModelCatalog.source(name, gates: gates).flatMap { try? ModelParser.parse($0) }
    }

    /// The model with the document's equations in place of its own, and how many matched.
    static func match(_ standard: Model, _ candidates: [Candidate]) -> (matches: Int, model: DocumentModel)? {
        var model = standard
        var names = spellings(model)
        var matches = 0
        var changed: [Quantity] = []
        var form = EntrywiseForm()
        for c in candidates {
            let context = ShapedLaTeXReader.Context(names: names, gradient: { _ in nil }, jacobian: { _, _ in nil })
            var reader = ShapedLaTeXReader(c.tokens, 0..<c.tokens.count, context: context)
            guard let value = try? reader.readWhole() else { continue }
            if let leaf = names.leaf(key: c.key), case .quantity(let q) = leaf.kind {
                guard let i = model.equations.firstIndex(where: { $0.quantity == q }), value.shape == leaf.shape else { continue }
                matches += 1
                if form.form(value) != form.form(model.equations[i].value) {
                    model.equations[i] = Model.Equation(quantity: q, value: value)
                    if !changed.contains(q) { changed.append(q) }
                }
            } else if let eq = model.equations.first(where: { form.form($0.value) == form.form(value) }) {
                // `\bar{y} = softmax(z)`: the document's name for a quantity of the model.
                names.add(key: c.key, .quantity(eq.quantity, eq.value.shape))
                names.add(key: "d" + c.key, .quantity(eq.quantity.gradient, eq.value.shape))
                matches += 1
            }
        }
        guard matches > 0, let pass = try? BackwardPass(model) else { return nil }
        return (matches, DocumentModel(title: model.title, model: model, pass: pass, names: names, changed: changed))
    }

    /// The spellings of a model's quantities: declared, defined, split blocks, incoming gradients,
    /// and `d` + each of them for its gradient.
    static func spellings(_ model: Model) -> QuantityNames {
        var names = QuantityNames()
        var leaves: [(Quantity, Shape)] = model.declarations.map { ($0.quantity, $0.shape) }
        leaves += model.equations.map { ($0.quantity, $0.value.shape) }
        for (w, blocks) in model.splits {
            guard let rows = model.shape(of: w)?.rows else { continue }
            leaves += blocks.map { ($0.block, Shape(rows, $0.width)) }
        }
        for c in model.carries {
            if let s = model.shape(of: c.quantity) { leaves.append((c.incoming, s)) }
        }
        for (q, s) in leaves { names.add(latex: q.latex, .quantity(q, s)) }
        for (q, s) in leaves { names.add(latex: "d" + q.latex, .quantity(q.gradient, s)) }
        return names
    }
}
