import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
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

    /// A forward equation as written: the key of its left side, the tokens of its right side,
    /// and where it stands (its line and the step's LaTeX, to find a step recorded for it).
    public struct Candidate: Sendable {
        let key: String
        let tokens: [LaTeXToken]
        var line = 0
        var written = ""
    }

    /// A shape a document declares: `W \in \mathbb{R}^{n \times d}`.
    public struct Declaration: Sendable {
        let key: String
        let latex: String
        let shape: Shape
    }

    /// The fewest matching forward equations that identify a model.
    static let minimumMatches = 3

    /// Matches a document's forward equations, one at a time, against every known model.
    public struct Recognizer: Sendable {
        struct Progress: Sendable {
            var model: Model
            var names: QuantityNames
            var matches = 0
            var changed: [Quantity] = []
            /// The quantities whose equations the document states.
            var stated: Set<Quantity> = []
        }
        private var progress: [Progress] = DocumentModel.catalog.map { Progress(model: $0, names: DocumentModel.spellings($0)) }

        public init() {}

        /// Reads one more forward equation against each known model.
        public mutating func add(_ c: Candidate) {
            for i in progress.indices { DocumentModel.match(c, &progress[i]) }
        }

        /// The known model that most equations (at least three) matched, with the document's
        /// own equations in place of the standard ones; nil when none.
        public func best() -> DocumentModel? {
            guard let p = progress.filter({ $0.matches >= DocumentModel.minimumMatches }).max(by: { $0.matches < $1.matches }) else { return nil }
            let model = DocumentModel.restricted(p.model, to: p.stated)
            guard let pass = try? BackwardPass(model) else { return nil }
            return DocumentModel(title: model.title, model: model, pass: pass, names: p.names, changed: p.changed)
        }

        /// How many equations the best model matched, to tell when `best()` changes.
        public var signature: [Int] { progress.map { $0.matches * 1000 + $0.changed.count } }
    }

    /// One forward equation against one model: a match when it defines a quantity of the model
    /// with the same shape (the document's version replaces the model's where it differs), or
    /// when it gives a new name to one of the model's right sides (`\bar{y} = softmax(z)`).
    static func match(_ c: Candidate, _ p: inout Recognizer.Progress) {
        let context = ShapedLaTeXReader.Context(names: p.names, gradient: { _ in nil }, jacobian: { _, _ in nil })
        var reader = ShapedLaTeXReader(c.tokens, 0..<c.tokens.count, context: context)
        guard let value = try? reader.readWhole() else { return }
        var form = EntrywiseForm()
        if let leaf = p.names.leaf(key: c.key), case .quantity(let q) = leaf.kind {
            guard let i = p.model.equations.firstIndex(where: { $0.quantity == q }), value.shape == leaf.shape else { return }
            p.matches += 1
            p.stated.insert(q)
            if form.form(value) != form.form(p.model.equations[i].value) {
                p.model.equations[i] = Model.Equation(quantity: q, value: value)
                if !p.changed.contains(q) { p.changed.append(q) }
            }
        } else if let eq = p.model.equations.first(where: { form.form($0.value) == form.form(value) }) {
            p.names.add(key: c.key, .quantity(eq.quantity, eq.value.shape))
            p.names.add(key: "d" + c.key, .quantity(eq.quantity.gradient, eq.value.shape))
            p.matches += 1
            p.stated.insert(eq.quantity)
        }
    }

    /// The model with only the layers the document states: the equations of the stated
    /// quantities and those they read, so a cell written without its output layer gets no
    /// `W_y` and no loss; a stated quantity that nothing then uses and that has no carry receives
    /// the loss's gradient from outside (`\frac{\partial L}{\partial a}`).
    static func restricted(_ model: Model, to stated: Set<Quantity>) -> Model {
        var needed = stated
        // The loss stays when the document states what it reads (`\hat{y}`): `dz = \hat{y} - y`
        // is the course's convention for a stated softmax output, its loss left implicit.
        if let loss = model.loss, let eq = model.equations.first(where: { $0.quantity == loss }) {
            let computed = Set(model.equations.map(\.quantity))
            if eq.value.quantities.allSatisfy({ !computed.contains($0) || stated.contains($0) }) { needed.insert(loss) }
        }
        for eq in model.equations.reversed() where needed.contains(eq.quantity) {
            for q in eq.value.quantities { needed.insert(q) }
        }
        guard model.equations.contains(where: { !needed.contains($0.quantity) }) else { return model }
        var m = model
        m.equations = model.equations.filter { needed.contains($0.quantity) }
        if let loss = m.loss, !needed.contains(loss) { m.loss = nil }
        m.carries = model.carries.filter { needed.contains($0.quantity) }
        for eq in m.equations where eq.quantity != m.loss && !m.equations.contains(where: { $0.value.quantities.contains(eq.quantity) })
            && !m.carries.contains(where: { $0.quantity == eq.quantity }) {
            let incoming = Quantity(eq.quantity.plain + "_out", latex: "\\frac{\\partial L}{\\partial " + eq.quantity.latex + "}")
            m.carries.append(Model.Carry(quantity: eq.quantity, incoming: incoming))
        }
        return m
    }

    /// A model of the document's own: the declared quantities as inputs, the equations that read
    /// over them in order, and each quantity that nothing later uses receiving the gradient of
    /// the loss from outside (`\frac{\partial L}{\partial h}` stays a name). nil without an equation.
    public static func declared(_ declarations: [Declaration], _ candidates: [Candidate]) -> DocumentModel? {
        guard !declarations.isEmpty else { return nil }
        var model = Model()
        model.title = "model"
        var names = QuantityNames()
        var dimensions: [Symbol] = []
        for d in declarations where names.leaf(key: d.key) == nil {
            let q = Quantity(d.key, latex: d.latex)
            model.declarations.append(Model.Declaration(quantity: q, shape: d.shape, isParameter: true))
            names.add(key: d.key, .quantity(q, d.shape))
            names.add(key: "d" + d.key, .quantity(q.gradient, d.shape))
            for s in d.shape.rows.freeSymbols + d.shape.columns.freeSymbols where !dimensions.contains(s) { dimensions.append(s) }
        }
        model.dimensions = dimensions
        for c in candidates where names.leaf(key: c.key) == nil {
            let context = ShapedLaTeXReader.Context(names: names, gradient: { _ in nil }, jacobian: { _, _ in nil })
            var reader = ShapedLaTeXReader(c.tokens, 0..<c.tokens.count, context: context)
            guard let value = try? reader.readWhole() else { continue }
            let q = Quantity(c.key, latex: c.key)
            model.equations.append(Model.Equation(quantity: q, value: value))
            names.add(key: c.key, .quantity(q, value.shape))
            names.add(key: "d" + c.key, .quantity(q.gradient, value.shape))
        }
        guard !model.equations.isEmpty else { return nil }
        let sinks = model.equations.filter { eq in !model.equations.contains(where: { $0.value.quantities.contains(eq.quantity) }) }
        // The document's scalar loss receives ∂L/∂L = 1: the one scalar that nothing uses, or
        // among several the one named as a loss is (L, J, E, ℓ, loss).
        let scalarSinks = sinks.filter { $0.value.shape.isScalar }
        let lossNames: Set<String> = ["L", "J", "E", "loss", "ell", "mathcalL", "mathcal{L}", "\\mathcal{L}", "\\ell"]
        let loss = scalarSinks.count == 1 ? scalarSinks[0] : scalarSinks.first { lossNames.contains($0.quantity.plain) }
        model.loss = loss?.quantity
        for eq in sinks where eq.quantity != loss?.quantity {
            let incoming = Quantity(eq.quantity.plain + "_out", latex: "\\frac{\\partial L}{\\partial " + eq.quantity.latex + "}")
            model.carries.append(Model.Carry(quantity: eq.quantity, incoming: incoming))
        }
        guard let pass = try? BackwardPass(model) else { return nil }
        return DocumentModel(title: "model", model: model, pass: pass, names: names, changed: [])
    }

    /// The spellings of declared quantities (and `d` + each for its gradient).
    static func declaredNames(_ declarations: [Declaration]) -> QuantityNames {
        var names = QuantityNames()
        for d in declarations {
            let q = Quantity(d.key, latex: d.latex)
            names.add(key: d.key, .quantity(q, d.shape))
            names.add(key: "d" + d.key, .quantity(q.gradient, d.shape))
        }
        return names
    }

    /// The shape `\mathbb{R}^{n \times d}` (n × d), `\mathbb{R}^{d}` (a column of d), `\mathbb{R}` (a scalar).
    static func shape(_ ts: ArraySlice<LaTeXToken>) -> Shape? {
        var k = ts.startIndex
        guard k + 3 < ts.endIndex + 1, ts[k].kind == .command("mathbb") else { return nil }
        k += 1
        if ts[k].kind == .symbol("{") { k += 1 }
        guard k < ts.endIndex, ts[k].kind == .letter("R") else { return nil }
        k += 1
        if k < ts.endIndex, ts[k].kind == .symbol("}") { k += 1 }
        if k == ts.endIndex { return .scalar }
        guard ts[k].kind == .symbol("^"), k + 1 < ts.endIndex else { return nil }
        k += 1
        var inner = ts[k...]
        if ts[k].kind == .symbol("{") {
            guard ts.last?.kind == .symbol("}") else { return nil }
            inner = ts[(k + 1)..<(ts.endIndex - 1)]
        } else if ts.endIndex - k != 1 { return nil }
        var dims: [Expression] = []
        var part: [LaTeXToken] = []
        for t in inner + [LaTeXToken(kind: .command("times"), line: 0, column: 0, spaceBefore: false)] {
            if t.kind == .command("times") || t.kind == .symbol("×") {
                var reader = LaTeXReader(tokens: part)
                guard case .scalar(let e)? = try? reader.readWhole(), e.freeSymbols.count <= 2 else { return nil }
                dims.append(e)
                part = []
            } else { part.append(t) }
        }
        switch dims.count {
        case 1: return Shape(dims[0])
        case 2: return Shape(dims[0], dims[1])
        default: return nil
        }
    }

    /// The known models, parsed once: LSTM (course and gates notation), GRU, RNN.
    static let catalog: [Model] = [("lstm", false), ("lstm", true), ("gru", false), ("rnn", false)].compactMap { name, gates in
        ModelCatalog.source(name, gates: gates).flatMap { try? ModelParser.parse($0) }
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
