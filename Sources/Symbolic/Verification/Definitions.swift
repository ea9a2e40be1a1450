import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The names a document has defined so far (`s_1 = 0.5`, `\hat{y} = w t`), and their use
/// when checking later steps.
///
/// A name defined by an expression is replaced by it, so `∂ŷ/∂w` is computed from `ŷ = w t`.
/// A name given only as a number is a value with unknown dependence: it is substituted
/// in values, but a derivative of it stays unknown rather than becoming 0.
public struct Definitions: Sendable {
    private(set) var values: [Symbol: MathValue] = [:]
    /// Where each definition's right side, as written, is defined.
    private(set) var domains: [Symbol: Domain] = [:]
    /// The scalar and matrix values, and the time-step variants of each name (`\Gamma_o^{<t>}`
    /// under `\Gamma_o`), kept up to date by `define` so that resolving does not rebuild them:
    /// rebuilding on every use made a document with n definitions take time n².
    private var scalars: [Symbol: Expression] = [:]
    public private(set) var matrices: [Symbol: Matrix] = [:]
    private var variants: [Symbol: [Symbol]] = [:]
    /// Indexed families: `\hat{y}_i = e^{z_i} / \sum_k e^{z_k}` defines every member, so `\hat{y}_j`
    /// is the body with i replaced by j. By the name without its subscript: the index letter and body.
    private var families: [Symbol: (index: String, body: Expression)] = [:]
    /// The families' names (without subscript).
    public var familyNames: Set<Symbol> { Set(families.keys) }
    /// User functions: `f(x) = ReLU(x) - 2 ReLU(x - 1)` gives f's parameters and body.
    private(set) var functions: [String: (parameters: [Symbol], body: Expression)] = [:]

    public init() {}

    public mutating func defineFunction(_ name: String, parameters: [Symbol], body: Expression) {
        functions[name] = (parameters, body)
    }

    public func isFunctionDefined(_ name: String) -> Bool { functions[name] != nil }

    /// Names equated to another undefined name by a line such as `a = b` opening an argument:
    /// an assumption on the values, not a quantity computed from others. Later lines are
    /// checked with a replaced by b (on the assumption's solution set), and a line that holds
    /// there is a line of an argument, so a step after it that fails somewhere on it is wrong.
    public private(set) var assumed: [Symbol: Symbol] = [:]

    /// Records the assumption `s = t` (t an undefined name).
    public mutating func assume(_ s: Symbol, equalTo t: Symbol) {
        define(s, .scalar(Expression(t)))
        assumed[s] = t
    }

    public func isDefined(_ s: Symbol) -> Bool { values[s] != nil }
    public func value(of s: Symbol) -> MathValue? { values[s] }

    public mutating func define(_ s: Symbol, _ v: MathValue, domain: Domain = Domain()) {
        values[s] = v
        domains[s] = domain.conditions.isEmpty && !domain.isEmpty ? nil : domain
        let wasScalar = scalars[s] != nil
        switch v {
        case .scalar(let e): scalars[s] = e; matrices[s] = nil
        case .matrix(let m): matrices[s] = m; scalars[s] = nil
        }
        // (Not a recurrence, `h_t = f(h_{t-1})`: its first member is given on its own.)
        if case .scalar(let e) = v, let i = s.subscriptText, Definitions.isIndexLetter(i),
           e.freeSymbols.contains(where: { $0.subscriptText == i || $0 == Symbol(i) }),
           !e.freeSymbols.contains(where: { $0.family == s.family }), !e.indexedFamilies.contains(s.family) {
            families[Definitions.familyName(s)] = (i, e)
        }
        guard s.timeStep != nil, wasScalar != (scalars[s] != nil) else { return }
        let plain = Symbol(s.name, accent: s.accent, subscriptText: s.subscriptText, primes: s.primes)
        if wasScalar { variants[plain]?.removeAll { $0 == s } } else { variants[plain, default: []].append(s) }
    }

    /// The conditions of the definitions that `v` uses, directly or through other definitions,
    /// with defined names resolved: `y = \sqrt{x}` makes every step that uses y need x ≥ 0.
    public func domain(of v: MathValue) -> Domain {
        var out = Domain()
        if domains.isEmpty { return out }
        var seen = Set<Symbol>()
        var stack = Array(v.symbols)
        while let s = stack.popLast() {
            guard seen.insert(s).inserted, let value = values[s] else { continue }
            if let d = domains[s] {
                out.formUnion(d)
                stack += d.conditions.flatMap { $0.expression.freeSymbols }
            }
            stack += value.symbols
        }
        return resolve(out)
    }

    /// The conditions with defined names resolved.
    public func resolve(_ d: Domain) -> Domain {
        if values.isEmpty && functions.isEmpty { return d }
        var out = Domain()
        if d.isEmpty { out.formUnion(d) }
        for c in d.conditions { out.insert(c.with(resolve(c.expression))) }
        return out
    }

    /// The definition of a scalar name. Course notation drops the time step of the current
    /// step (`\Gamma_o` for `\Gamma_o^{<t>}`): an undefined name without one stands for the
    /// only defined variant.
    private func definition(of s: Symbol) -> Expression? {
        if let e = scalars[s] { return e }
        if let vs = variants[s], vs.count == 1 { return Expression(vs[0]) }
        if !families.isEmpty, let j = s.subscriptText, Definitions.isIndexLetter(j) || Int(j) != nil,
           let (i, body) = families[Definitions.familyName(s)] {
            return Definitions.reindexed(body, from: i, to: Int(j).map { Expression($0) } ?? Expression(Symbol(j)))
        }
        return nil
    }

    /// A single small Latin letter: an index (`i`, `j`, `k`, `n`).
    static func isIndexLetter(_ t: String) -> Bool {
        t.count == 1 && t.first!.isLowercase && t.first!.isASCII && t.first!.isLetter
    }

    static func familyName(_ s: Symbol) -> Symbol {
        Symbol(s.name, accent: s.accent, subscriptText: nil, timeStep: s.timeStep, primes: s.primes)
    }

    /// `body` with the free index i written as `target` (a letter, a number or a sum's bound
    /// index): `z_i` as the member of z at it, and `i` itself (in index lists). A bound index of a
    /// sum in the body is named apart already, so it is not touched.
    static func reindexed(_ body: Expression, from i: String, to target: Expression) -> Expression {
        if target == Expression(Symbol(i)) { return body }
        return body.transformed { node in
            guard case .symbol(let s) = node.kind else { return node }
            if s == Symbol(i) { return target }
            guard s.subscriptText == i else { return node }
            return .indexed(Symbol(s.name, accent: s.accent, subscriptText: nil, timeStep: s.timeStep, primes: s.primes), [target])
        }
    }

    /// Replaces defined names by their definitions (transitively) and evaluates derivatives
    /// of names defined by expressions.
    public func resolve(_ e: Expression) -> Expression {
        if scalars.isEmpty && functions.isEmpty && !e.contains(LaTeXReader.primeVariable) { return e }
        var current = e
        for _ in 0..<12 {
            let next = current.transformed { node in
                switch node.kind {
                case .symbol(let s):
                    return definition(of: s) ?? timeDerivative(of: s) ?? node
                case .function(.undefined(let name), let args):
                    // f(a), f'(a): the defined body, differentiated once per prime, at the arguments.
                    let base = String(name.prefix { $0 != "'" })
                    let primes = name.count - base.count
                    guard let (params, body) = functions[base], params.count == args.count, primes == 0 || params.count == 1 else { return node }
                    var b = body
                    if primes > 0 { b = b.derivative(with: params[0], times: primes) }
                    var map: [Symbol: Expression] = [:]
                    for (p, a) in zip(params, args) { map[p] = a }
                    return b.substituting(map)
                case .derivative(let f, let s, let n):
                    return resolvedDerivative(f, s, n) ?? node
                default:
                    return node
                }
            }
            if next == current { break }
            current = next
        }
        return current
    }

    /// `\dot{x}` when x is defined by an expression in t (`x = t^3`): dx/dt. Nil otherwise (a
    /// dotted name of its own, such as a velocity given by a value).
    public func timeDerivative(of s: Symbol) -> Expression? {
        guard s.accent == .dot, scalars[s] == nil else { return nil }
        let base = Symbol(s.name, subscriptText: s.subscriptText, timeStep: s.timeStep, primes: s.primes)
        let t = Symbol("t")
        guard let def = definition(of: base), def.rationalValue == nil, base != t else { return nil }
        let inner = structural(def, excluding: t)
        guard inner.contains(t), !inner.contains(derivative: ()) else { return nil }
        return inner.derivative(with: t)
    }

    /// The derivative `d^n f / ds^n` computed from the definitions, or nil when it cannot be:
    /// of a name defined by an expression (`∂L/∂w` from `L = …`), of a function defined with one
    /// parameter and named alone (`\frac{dg}{dx}` from `g(x) = …`), of such a derivative again
    /// (`∂²f/∂x∂y`), and a prime on an expression (`(x^2 \sin x)'`) by the one name it depends on.
    private func resolvedDerivative(_ f: Expression, _ s: Symbol, _ n: Int) -> Expression? {
        let inner: Expression
        switch f.kind {
        case .symbol(let fs):
            if let def = definition(of: fs) {
                guard def.rationalValue == nil else { return nil }
                // ∂L/∂a treats a as the variable: its own definition is not substituted.
                inner = structural(def, excluding: s)
            } else if fs.subscriptText == nil, fs.accent == nil, let (params, body) = functions[fs.name], params.count == 1 {
                inner = body.substituting([params[0]: Expression(s)])
            } else {
                return nil
            }
        case .derivative(let g, let t, let m):
            guard let d = resolvedDerivative(g, t, m) else { return nil }
            inner = d
        default:
            // An expression holding members of a family defined member by member: with them written out.
            if s != LaTeXReader.primeVariable, !families.isEmpty, f.mentionsFamily(Set(families.keys)) {
                // Members at a sum's bound index are not written out (the family's own sums would
                // share its index names): such a derivative is not taken.
                inner = expandingFamilies(structural(f, excluding: s))
                if inner.mentionsFamily(Set(families.keys)) { return nil }
                break
            }
            guard s == LaTeXReader.primeVariable else { return nil }
            inner = structural(f, excluding: s)
        }
        if inner.contains(derivative: ()) { return nil }
        // A member of a defined vector (`\hat{y}_i` of `\hat{y} = softmax(z)`) depends on what
        // its vector does, which the member's name does not show: the derivative is not taken.
        if inner.freeSymbols.contains(where: { $0.subscriptText != nil && definition(of: $0) == nil && definition(of: $0.family) != nil })
            || inner.indexedFamilies.contains(where: { definition(of: $0) != nil }) { return nil }
        guard s == LaTeXReader.primeVariable else { return inner.derivative(with: s, times: n) }
        // The prime's variable: the one name left that has no value of its own.
        let names = inner.freeSymbols.filter { definition(of: $0) == nil }
        if names.isEmpty { return inner.freeSymbols.isEmpty ? .zero : nil }
        guard names.count == 1 else { return nil }
        return inner.derivative(with: names[0], times: n)
    }

    /// True when a member of a defined family occurs at a sum's bound index (`\hat{y}_i` in `\sum_i`),
    /// where it is not written out.
    public func holdsFamilyMemberInSum(_ e: Expression) -> Bool {
        !families.isEmpty && e.indexedFamilies.contains { families[$0] != nil }
    }

    /// `e` with every member of a defined family at a letter or number replaced by the family's body there.
    private func expandingFamilies(_ e: Expression) -> Expression {
        e.transformed { node in
            switch node.kind {
            case .symbol(let s):
                guard scalars[s] == nil, let j = s.subscriptText, Definitions.isIndexLetter(j) || Int(j) != nil,
                      let (i, body) = families[s.family] else { return node }
                return Definitions.reindexed(body, from: i, to: Int(j).map { Expression($0) } ?? Expression(Symbol(j)))
            default:
                return node
            }
        }
    }

    /// Substitutes only names defined by non-numeric expressions (except `variable`), so numeric
    /// values stay symbolic (constants) while differentiating.
    private func structural(_ e: Expression, excluding variable: Symbol) -> Expression {
        var structuralMap: [Symbol: Expression] = [:]
        for (k, v) in scalars where v.rationalValue == nil { structuralMap[k] = v }
        for (plain, vs) in variants where vs.count == 1 && scalars[plain] == nil { structuralMap[plain] = Expression(vs[0]) }
        structuralMap[variable] = nil
        var current = e
        for _ in 0..<12 {
            let next = current.substituting(structuralMap)
            if next == current { break }
            current = next
        }
        return current
    }

    /// A matrix with its entries resolved.
    public func resolve(_ v: MathValue) -> MathValue {
        switch v {
        case .scalar(let e):
            if case .symbol(let s) = e.kind, case .matrix(let m)? = values[s] { return .matrix(m) }
            return .scalar(resolve(e))
        case .matrix(let m): return .matrix(m.map(resolve))
        }
    }
}
