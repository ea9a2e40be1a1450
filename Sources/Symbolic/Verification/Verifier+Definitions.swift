import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Definitions and assumptions: how a statement defines names (`DefinitionKind`), recognised on
/// the statement as written, and their effect on the rest of the section.
extension Verifier {
    /// How `s` defines names, or nil when it defines none.
    func definitionKind(_ s: Statement, _ state: DocumentState) -> DefinitionKind? {
        tupleDefinition(s) ?? functionDefinition(s, state.definitions) ?? redefinition(s, state.definitions) ?? freshDefinition(s, state)
            ?? opaqueDefinition(s, state)
    }

    /// Records the definition; returns the index of the first relation that is a claim.
    func define(_ d: DefinitionKind, _ s: Statement, _ block: MathBlock, _ state: inout DocumentState) -> Int {
        switch d {
        case .tuple(let pairs):
            for (sym, value, domain) in pairs { state.definitions.define(sym, state.definitions.resolve(value), domain: state.definitions.resolve(domain)) }
            state.lastNote = "definition of \(s.items[0].latex)"
            state.lastNoteDefines = true
        case .function(let name, let parameters, let body):
            state.definitions.defineFunction(name, parameters: parameters, body: body)
            state.lastNote = "definition of \(s.items[0].latex)"
            state.lastNoteDefines = true
        case .redefinition(let name, let value, let outcome):
            state.definitions.define(name, value)
            record(block, s.items[0], s.items[1], outcome.taken(as: "redefinition"), &state)
        case .functionRedefinition(let name, let parameters, let body, let outcome):
            record(block, s.items[0], s.items[1], outcome.taken(as: "redefinition"), &state)
            state.definitions.defineFunction(name, parameters: parameters, body: body)
        case .value(let name, let value, let domain):
            state.definitions.define(name, value, domain: domain)
            state.letterShapes.defineIfMatrix(name, nameTokens: s.items[0].tokens, value: s.items[1].tokens)
            state.lastNote = "definition of \(s.items[0].latex)"
            state.lastNoteDefines = true
        case .opaque(let name, let function, let reason, let matrix):
            if let name {
                // A value in vector notation is read there (`P = X (X^\top X)^{-1} X^\top`).
                if !state.letterShapes.defineIfMatrix(name, nameTokens: s.items[0].tokens, value: s.items[1].tokens) {
                    state.opaqueNames.insert(name)
                }
                if matrix { state.letterShapes.declareUnsized(name) }
            }
            if let function { state.opaqueFunctions.insert(function) }
            state.lastNote = "definition of \(s.items[0].latex) (its value is not read: \(reason))"
            state.lastNoteDefines = true
        case .assumption(let name, let other):
            state.definitions.assume(name, equalTo: other)
            state.lastNote = "assumption \(s.items[0].latex) = \(s.items[1].latex): the lines after it are steps under it"
        }
        return 1
    }

    /// `name = value` when `name` is a bare symbol that is not yet defined and does not occur in
    /// its value; `a = b` between fresh names is an assumption.
    private func freshDefinition(_ s: Statement, _ state: DocumentState) -> DefinitionKind? {
        guard s.relations.first == .equal, s.items.count >= 2, !s.continuesPrevious,
              case .success(.scalar(let lhs)) = s.items[0].value, case .symbol(let name) = lhs.kind,
              !state.definitions.isDefined(name), case .success(let value) = s.items[1].value else { return nil }
        // `\dot{x} = 3t^2` after `x = t^3` is a claim about dx/dt.
        if state.definitions.timeDerivative(of: name) != nil { return nil }
        // `y = 1` after solving for y states an answer, not a value for the rest of the section.
        if state.solvedUnknowns.contains(name), case .scalar(let e) = value, e.freeSymbols.isEmpty { return nil }
        if case .scalar(let e) = value, e.contains(name) { return nil }
        if s.items[1].isProse { return nil }
        // Kept as written (so ∂L/∂a sees L in terms of a); a definition that would make a cycle is an equation.
        if case .scalar(let e) = state.definitions.resolve(value), e.contains(name) { return nil }
        if case .scalar(let e) = value, case .symbol(let other) = e.kind, !state.definitions.isDefined(other) {
            // A letter set equal to another that the section already used in a relation is a
            // step about them (`2x = 6`, then `x = y`), not an assumption for the rest of it,
            // unless the prose says so (`Let $a = b$`).
            let premise = ProseCues.before(state.sentence)?.0.cue == .premise
            if !premise && state.usedLetters.contains(name) { return nil }
            // A fresh name for a letter in use (`B_t = f_t`) is a definition of the new name.
            if !premise && state.usedLetters.contains(other) { return .value(name, value, s.items[1].domain) }
            return .assumption(name, equalTo: other)
        }
        return .value(name, value, s.items[1].domain)
    }

    /// `name = …` or `name(args) = …` with a fresh name and a right side that cannot be read.
    private func opaqueDefinition(_ s: Statement, _ state: DocumentState) -> DefinitionKind? {
        guard s.relations.first == .equal || s.relations.first == .equivalent, s.items.count >= 2, !s.continuesPrevious,
              !s.items[0].isProse, case .failure(let e) = s.items[1].value else { return nil }
        let ts = s.items[1].tokens
        let matrix = e.construct.contains("matrix") || ts.indices.contains { k in
            ts[k].kind == .symbol("^") && k + 1 < ts.count && [.letter("T"), .command("top"), .command("intercal"), .symbol("{")].contains(ts[k + 1].kind)
                && (ts[k + 1].kind != .symbol("{") || (k + 2 < ts.count && [.letter("T"), .command("top")].contains(ts[k + 2].kind)))
        }
        if case .success(.scalar(let lhs)) = s.items[0].value, case .symbol(let name) = lhs.kind {
            guard !state.definitions.isDefined(name), !state.usedLetters.contains(name), !state.opaqueNames.contains(name) else { return nil }
            return .opaque(name: name, function: nil, reason: e.construct, matrix: matrix)
        }
        // `\equiv` defines, also a function defined before (a restated definition).
        guard let f = Verifier.appliedName(s.items[0].tokens), !Verifier.operatorNames.contains(f),
              !state.opaqueFunctions.contains(f) || s.relations.first == .equivalent,
              !state.definitions.isFunctionDefined(f) else { return nil }
        return .opaque(name: nil, function: f, reason: e.construct, matrix: matrix)
    }

    /// Operators whose applications are claims about them (`\text{Var}(X) = …`), not definitions.
    static let operatorNames: Set<String> = ["E", "Var", "Cov", "Corr", "P", "Pr", "Std", "softmax", "Softmax", "exp", "log", "ln",
                                             "tr", "Tr", "trace", "det", "diag", "rank", "max", "min", "argmax", "argmin", "sign", "sgn"]

    /// `f(…)`, `\text{Attention}(…)`, `\operatorname{Y}(…)`: the name of a function applied to
    /// one parenthesised group that ends the tokens; nil for anything else.
    static func appliedName(_ ts: [LaTeXToken]) -> String? {
        var k = 0
        var name = ""
        if case .letter(let l) = ts.first?.kind { name = String(l); k = 1 }
        else if case .command(let c) = ts.first?.kind, ["text", "operatorname", "mathrm"].contains(c), ts.count > 2, ts[1].kind == .symbol("{") {
            k = 2
            while k < ts.count, case .letter(let l) = ts[k].kind { name.append(l); k += 1 }
            guard k < ts.count, ts[k].kind == .symbol("}"), !name.isEmpty else { return nil }
            k += 1
        } else { return nil }
        if k < ts.count, ts[k].kind == .command("left") { k += 1 }
        guard k < ts.count, ts[k].kind == .symbol("("), let last = ts.last, last.kind == .symbol(")") else { return nil }
        // The group opened at k closes at the last token.
        var depth = 0
        for j in k..<ts.count {
            if ts[j].kind == .symbol("(") { depth += 1 }
            if ts[j].kind == .symbol(")") { depth -= 1; if depth == 0 && j != ts.count - 1 { return nil } }
        }
        return name
    }

    /// `(x_1, x_2) = (1, 2)`: each name gets its value.
    private func tupleDefinition(_ s: Statement) -> DefinitionKind? {
        guard s.relations == [.equal], s.items.count == 2, let names = s.items[0].tupleParts, let values = s.items[1].tupleParts,
              names.count == values.count else { return nil }
        var pairs: [(Symbol, MathValue, Domain)] = []
        for (n, v) in zip(names, values) {
            var nr = LaTeXReader(tokens: n), vr = LaTeXReader(tokens: v)
            guard case .scalar(let ne)? = try? nr.readWhole(), case .symbol(let sym) = ne.kind,
                  let value = try? vr.readWhole() else { return nil }
            pairs.append((sym, value, vr.domain))
        }
        return .tuple(pairs)
    }

    /// `f(x) = body` with f a single undefined name applied to distinct symbols: a function
    /// definition. Once f is defined, `f(x) = …` again is a claim about it, unless the new body
    /// certainly differs from the old one: then it is a redefinition, never a refuted claim (a
    /// document that says "now let f(x) = x^3" is not wrong).
    private func functionDefinition(_ s: Statement, _ definitions: Definitions) -> DefinitionKind? {
        guard s.relations.first == .equal, s.items.count >= 2,
              case .success(.scalar(let lhs)) = s.items[0].value, case .function(.undefined(let name), let args) = lhs.kind,
              !name.contains("'"), case .success(.scalar(let body)) = s.items[1].value else { return nil }
        var params: [Symbol] = []
        for a in args { guard case .symbol(let p) = a.kind, !params.contains(p) else { return nil }; params.append(p) }
        if let old = definitions.functions[name] {
            guard old.parameters.count == params.count, s.items.count == 2, !s.continuesPrevious else { return nil }
            let renamed = body.substituting(Dictionary(uniqueKeysWithValues: zip(params, old.parameters.map { Expression($0) })))
            guard case .different = checker.equivalence.check(old.body, renamed) else { return nil }
            let earlier = "\(name)(\(old.parameters.map { PlainPrinter.name($0) }.joined(separator: ", "))) = \(PlainPrinter.string(old.body))"
            return .functionRedefinition(name: name, parameters: params, body: body, .unchecked("redefines \(name) (earlier \(earlier))"))
        }
        // `h(t) = 0` states a value, not a rule: only a body that uses the parameters defines a function.
        // A body using f or its derivatives (`f(x) = … f'(x)`) would define f through itself.
        if body.usesFunction(where: { $0 == name || ($0.hasPrefix(name) && $0.dropFirst(name.count).allSatisfy { $0 == "'" }) })
            || !params.contains(where: { body.contains($0) }) { return nil }
        return .function(name: name, parameters: params, body: body)
    }

    /// `name = value` where `name` already has a different numeric value: a new part of the
    /// document reusing a name, not a step.
    private func redefinition(_ s: Statement, _ definitions: Definitions) -> DefinitionKind? {
        guard s.relations.first == .equal, s.items.count >= 2, !s.continuesPrevious,
              case .success(.scalar(let lhs)) = s.items[0].value, case .symbol(let name) = lhs.kind,
              let old = definitions.value(of: name), case .success(let new) = s.items[1].value else { return nil }
        let resolvedNew = definitions.resolve(new)
        switch (old, resolvedNew) {
        case let (.scalar(o), .scalar(n)):
            guard o.freeSymbols.isEmpty, n.freeSymbols.isEmpty, o != n else { return nil }
            if case .different = checker.equivalence.check(o, n) {} else { return nil }
            return .redefinition(name, resolvedNew, .unchecked("redefines \(PlainPrinter.name(name)) (earlier \(PlainPrinter.name(name)) = \(PlainPrinter.string(o)))"))
        case let (.matrix(o), .matrix(n)) where o.rows != n.rows || o.columns != n.columns:
            return .redefinition(name, resolvedNew, .unchecked("redefines \(PlainPrinter.name(name)) (earlier a \(o.rows)×\(o.columns) matrix)"))
        case (.scalar, .matrix), (.matrix, .scalar):
            return .redefinition(name, resolvedNew, .unchecked("redefines \(PlainPrinter.name(name))"))
        default:
            return nil
        }
    }
}
