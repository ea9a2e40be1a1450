import SymbolicCore
import SymbolicLaTeX

/// `\nabla_w f = (…)`: the gradient of a scalar expression with respect to the entries of a
/// vector written with subscripts (`w_1`, `w_2`), against a tuple or a column of the same length.
/// The components are the partial derivatives with respect to the entries that occur, in the
/// order of their indices; a side with another number of components is unchecked (entries
/// that do not occur have partial derivative 0, but how many there are is not written).
enum NablaClaims {
    /// The vector's name tokens and the expression's tokens of `\nabla_{w} …`.
    static func parts(_ tokens: [LaTeXToken]) -> (name: [LaTeXToken], body: [LaTeXToken])? {
        var k = 0
        while k < tokens.count, case .command(let c) = tokens[k].kind, [",", ";", "!", " ", "displaystyle"].contains(c) { k += 1 }
        guard k + 2 < tokens.count, tokens[k].kind == .command("nabla"), tokens[k + 1].kind == .symbol("_") else { return nil }
        k += 2
        var name: [LaTeXToken]
        if tokens[k].kind == .symbol("{") {
            guard let close = StatementReader.matchingBrace(tokens, k) else { return nil }
            name = Array(tokens[(k + 1)..<close])
            k = close + 1
        } else {
            name = [tokens[k]]
            k += 1
        }
        // `\mathbf{w}`: the letter inside.
        name = name.filter { if case .letter = $0.kind { return true }; return false }
        guard name.count == 1, k < tokens.count else { return nil }
        return (name, Array(tokens[k...]))
    }
}

extension Verifier {
    /// `\nabla_w f = (…)` either way round; nil when neither side is a gradient.
    func nablaClaim(_ a: ChainItem, _ b: ChainItem, _ state: DocumentState) -> StepChecker.Outcome? {
        let (gradient, other): (ChainItem, ChainItem)
        if NablaClaims.parts(a.tokens) != nil { (gradient, other) = (a, b) }
        else if NablaClaims.parts(b.tokens) != nil { (gradient, other) = (b, a) }
        else { return nil }
        guard let (nameTokens, body) = NablaClaims.parts(gradient.tokens), case .letter(let w) = nameTokens[0].kind else { return nil }
        var reader = LaTeXReader(tokens: body)
        reader.functionNames = gradient.functionNames
        guard case .scalar(let f)? = try? reader.readWhole() else { return .unchecked("cannot read the function under \\nabla") }
        let resolved = state.definitions.resolve(f)
        // The entries of w that occur, ordered by their index.
        let family = Symbol(String(w))
        let entries = Set(resolved.freeSymbols).filter { $0.family == family && $0.subscriptText != nil }
            .sorted { a, b in
                // Numeric indices in their order (w_2 before w_10), then the others by their text.
                let (x, y) = (a.subscriptText ?? "", b.subscriptText ?? "")
                switch (Int(x), Int(y)) {
                case let (i?, j?): return i < j
                case (.some, nil): return true
                case (nil, .some): return false
                default: return x < y
                }
            }
        guard !entries.isEmpty else { return .unchecked("no entry of \(w) (\(w)_1, \(w)_2, …) occurs under \\nabla") }
        // The other side's components: a tuple, or a column.
        var components: [Expression] = []
        if let parts = other.tupleParts {
            for p in parts {
                var r = LaTeXReader(tokens: p)
                r.functionNames = other.functionNames
                guard case .scalar(let e)? = try? r.readWhole() else { return .unchecked("cannot read a component of the gradient's other side") }
                components.append(state.definitions.resolve(e))
            }
        } else if case .success(.matrix(let m)) = other.value, m.columns == 1 {
            components = m.entries.map { state.definitions.resolve($0) }
        } else {
            return .unchecked("the other side of \\nabla is no tuple or column")
        }
        guard components.count == entries.count else {
            return .unchecked("\(components.count) components against the \(entries.count) entries of \(w) that occur (\(entries.map(PlainPrinter.name).joined(separator: ", ")))")
        }
        var methods: [String] = []
        for (k, (x, claimed)) in zip(entries, components).enumerated() {
            let partial = resolved.derivative(with: x)
            switch checker.equivalence.check(partial, claimed) {
            case .equal(let how): methods.append(how)
            case .different(let ce):
                return StepChecker.Outcome(verdict: .invalid, method: "gradient by partial derivatives",
                                           reason: "component \(k + 1), ∂/∂\(PlainPrinter.name(x)), is \(PlainPrinter.string(partial)), not \(PlainPrinter.string(claimed)): at \(checker.describe(ce.point)) it is \(ce.lhs), the claim \(ce.rhs)",
                                           counterexample: checker.report(ce, correct: PlainPrinter.string(partial)))
            case .unknown(let why):
                return .unchecked("component \(k + 1), ∂/∂\(PlainPrinter.name(x)): \(why)")
            }
        }
        return StepChecker.Outcome(verdict: .valid, method: "gradient by partial derivatives",
                                   reason: "each component is the partial derivative with respect to \(entries.map(PlainPrinter.name).joined(separator: ", "))",
                                   counterexample: nil)
    }
}
