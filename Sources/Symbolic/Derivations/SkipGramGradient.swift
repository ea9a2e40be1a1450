import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// The gradient of the softmax skip-gram loss (word2vec, ../shared/seeds 002) for centre word c and
/// context word o, `L = -log(exp(u_o^T v_c) / Σ_{w=1}^{V} exp(u_w^T v_c))`: the loss is built
/// component by component (`v_{c,k}`, `u_{w,k}`) at a small V and d and differentiated by the
/// engine, and the general results `∂L/∂v_c = U^T(ŷ - y) = -u_o + Σ_w p(w|c) u_w`,
/// `∂L/∂u_o = (p(o|c) - 1) v_c` and `∂L/∂u_w = p(w|c) v_c` (w ≠ o) are checked against it
/// entry by entry.
public enum SkipGramGradient {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static let vocabularyRange = 2...8
    public static let dimensionRange = 1...4
    /// The most components `u_{w,k}` (V·d): the checker splits each `exp(u_w^T v_c)` into one
    /// exponential per component and expands polynomials in them, within its term limit up to here.
    public static let maximumComponents = 15
    /// The context word's index (the words are numbered so that it comes first).
    public static let context = 1

    static func v(_ k: Int) -> Symbol { Symbol("v", subscriptText: "c,\(k)") }
    static func u(_ w: Int, _ k: Int) -> Symbol { Symbol("u", subscriptText: "\(w),\(k)") }
    static func score(_ w: Int) -> Symbol { Symbol("s", subscriptText: "\(w)") }
    static func p(_ w: Int) -> Symbol { Symbol("y", accent: .hat, subscriptText: "\(w)") }

    /// The loss in the components, as the engine differentiates it.
    public static func loss(vocabulary V: Int, dims d: Int) -> Expression {
        let scores = (1...V).map { w in Expression.sum((1...d).map { Expression(u(w, $0)) * Expression(v($0)) }) }
        return lossOfScores(scores)
    }

    /// `-log(exp(s_o) / Σ_w exp(s_w))`.
    static func lossOfScores(_ scores: [Expression]) -> Expression {
        let total = Expression.sum(scores.map { Expression.apply(.exp, $0) })
        return -Expression.apply(.log, Expression.apply(.exp, scores[context - 1]) / total)
    }

    public static func derivation(vocabulary V: Int = 3, dims d: Int = 2) throws(Failure) -> Derivation {
        guard vocabularyRange.contains(V) else {
            throw Failure(description: "--vocabulary: between \(vocabularyRange.lowerBound) and \(vocabularyRange.upperBound) words")
        }
        guard dimensionRange.contains(d) else {
            throw Failure(description: "--dims: between \(dimensionRange.lowerBound) and \(dimensionRange.upperBound)")
        }
        guard V * d <= maximumComponents else {
            throw Failure(description: "--vocabulary times --dims: at most \(maximumComponents) (the checks expand polynomials in one exponential per component u_{w,k})")
        }
        let o = context
        var der = Derivation(name: "skipgram-gradient", title: "Gradient of the softmax skip-gram loss",
                             statement: "In the skip-gram model with a full softmax, centre word $c$ has vector $v_c \\in \\mathbb{R}^{d}$ and each word $w$ of the vocabulary an outside vector $u_w \\in \\mathbb{R}^{d}$ (the rows of $U$); for context word $o$, $L = -\\log p(o \\mid c) = -\\log \\frac{\\exp(u_o^\\top v_c)}{\\sum_{w=1}^{V} \\exp(u_w^\\top v_c)}$. Find $\\partial L / \\partial v_c$, $\\partial L / \\partial u_o$ and $\\partial L / \\partial u_w$ for $w \\neq o$; the engine differentiates at $V = \(V)$, $d = \(d)$ (components $v_{c,k}$, $u_{w,k}$, context word $o = \(o)$).")
        der.persianStatement = "در مدل \\lr{skip-gram} با \\lr{softmax} کامل، واژه‌ی مرکزی $c$ بردار $v_c \\in \\mathbb{R}^{d}$ و هر واژه‌ی $w$ از واژگان بردار بیرونی $u_w \\in \\mathbb{R}^{d}$ (سطرهای $U$) دارد؛ برای واژه‌ی بافت $o$، $L = -\\log p(o \\mid c) = -\\log \\frac{\\exp(u_o^\\top v_c)}{\\sum_{w=1}^{V} \\exp(u_w^\\top v_c)}$. مقدار $\\partial L / \\partial v_c$، $\\partial L / \\partial u_o$ و $\\partial L / \\partial u_w$ را برای $w \\neq o$ بیابید؛ موتور مشتق را در $V = \(V)$ و $d = \(d)$ (مؤلفه‌های $v_{c,k}$ و $u_{w,k}$، واژه‌ی بافت $o = \(o)$) می‌گیرد."
        let words = Array(1...V), dims = Array(1...d)
        let vc = Matrix(rows: d, columns: 1, entries: dims.map { Expression(v($0)) })
        let U = Matrix(rows: V, columns: d, entries: words.flatMap { w in dims.map { Expression(u(w, $0)) } })
        let yhat = Matrix(rows: V, columns: 1, entries: words.map { Expression(p($0)) })
        let residual = Matrix(rows: V, columns: 1, entries: words.map { Expression(p($0)) - ($0 == o ? .one : .zero) })

        // The scores and the probabilities.
        let scores = (U * vc)!
        for w in words { der.definitions[score(w)] = scores.entries[w - 1] }
        der.steps.append(.init(.matrix(Matrix(rows: V, columns: 1, entries: words.map { Expression(score($0)) })), .equal, .matrix(scores),
                               "the scores $s_w = u_w^\\top v_c$, $U$ with rows $u_w^\\top$", check: .definition, lhsLatex: "s = U v_c"))
        let s = words.map { Expression(score($0)) }
        let total = Expression.sum(s.map { Expression.apply(.exp, $0) })
        let softmax = Matrix(rows: V, columns: 1, entries: words.map { Expression.apply(.exp, s[$0 - 1]) / total })
        for w in words { der.definitions[p(w)] = softmax.entries[w - 1] }
        der.steps.append(.init(.matrix(yhat), .equal, .matrix(softmax),
                               "the softmax of the scores, $\\hat{y}_w = p(w \\mid c)$; $y$ is the one-hot vector of $o$", check: .definition,
                               lhsLatex: "\\hat{y}"))
        let L = lossOfScores(s)
        der.steps.append(.init(L, L, "the loss in the scores, $L = -\\log \\hat{y}_o$", check: .definition, lhsLatex: "L"))
        let split = -s[o - 1] + Expression.apply(.log, total)
        der.steps.append(.init(L, split, "$\\log(a / b) = \\log a - \\log b$ and $\\log \\exp s = s$", lhsLatex: "L",
                               rhsLatex: "-s_\(o) + \\log \\sum_{w=1}^{\(V)} \\exp(s_w)"))
        let dLds = Matrix(rows: V, columns: 1, entries: words.map { split.derivative(with: score($0)) })
        der.steps.append(.init(.matrix(dLds), .equal, .matrix(residual), "the engine's derivative in each score: $p(w \\mid c) - [w = o]$, the softmax's gradient",
                               lhsLatex: "\\frac{\\partial L}{\\partial s}", rhsLatex: "\\hat{y} - y"))

        // The loss in the components, its logarithm split by the engine's rules, and differentiated.
        let loss = Self.loss(vocabulary: V, dims: d)
        let splitLoss = RuleSet.logarithms.apply(to: loss)
        der.steps.append(.init(loss, splitLoss, "the loss in the components $v_{c,k}$, $u_{w,k}$, its logarithm split",
                               lhsLatex: "L", rhsLatex: "-u_\(o)^\\top v_c + \\log \\sum_{w=1}^{\(V)} \\exp(u_w^\\top v_c)"))
        var named: [Expression: Expression] = [:]
        for w in words { named[scores.entries[w - 1]] = s[w - 1] }
        // The softmax's normaliser as one letter, so the derivatives fit on a page.
        let normaliser = Expression.sum(s.map { Expression.apply(.exp, $0) })
        let z = Symbol("Z")
        der.definitions[z] = normaliser
        der.steps.append(.init(Expression(z), normaliser, "the softmax's normaliser", check: .definition))
        func shown(_ e: Expression) -> Expression { e.substituting(named).substituting([normaliser: Expression(z)]) }
        let dv = Matrix(rows: d, columns: 1, entries: dims.map { splitLoss.derivative(with: v($0)) })
        der.steps.append(.init(.matrix(dv), .equal, .matrix(dv.map(shown)),
                               "the engine's derivative in each $v_{c,k}$, the scores written $s_w$",
                               lhsLatex: "\\frac{\\partial L}{\\partial v_c}"))
        let chain = Matrix(rows: d, columns: 1, entries: dims.map { k in Expression.sum(words.map { dLds.entries[$0 - 1] * Expression(u($0, k)) }) })
        der.steps.append(.init(.matrix(dv), .equal, .matrix(chain), "the chain rule through the scores, $\\partial s_w / \\partial v_c = u_w$, agrees",
                               lhsLatex: "\\frac{\\partial L}{\\partial v_c}", rhsLatex: "\\sum_{w=1}^{V} \\frac{\\partial L}{\\partial s_w}\\, u_w"))
        let instance = "V = \(V), d = \(d)"
        der.steps.append(.init(.matrix(dv), .equal, .matrix((U.transposed * residual)!), "with $\\partial L / \\partial s_w = \\hat{y}_w - y_w$",
                               check: .instances(instance), lhsLatex: "\\frac{\\partial L}{\\partial v_c}",
                               rhsLatex: "-u_o + \\sum_{w=1}^{V} p(w \\mid c)\\, u_w = U^\\top (\\hat{y} - y)", isResult: true))

        let dU = Matrix(rows: V, columns: d, entries: words.flatMap { w in dims.map { splitLoss.derivative(with: u(w, $0)) } })
        der.steps.append(.init(.matrix(dU), .equal, .matrix(dU.map(shown)),
                               "the engine's derivative in each $u_{w,k}$ (row $w$, column $k$)",
                               lhsLatex: "\\frac{\\partial L}{\\partial U}"))
        let duo = Matrix(rows: d, columns: 1, entries: dims.map { dU[o - 1, $0 - 1] })
        der.steps.append(.init(.matrix(duo), .equal, .matrix((Expression(p(o)) - 1) * vc),
                               "row $o$: the score $s_o$ enters twice, $\\partial s_o / \\partial u_o = v_c$",
                               check: .instances(instance), lhsLatex: "\\frac{\\partial L}{\\partial u_o}",
                               rhsLatex: "\\bigl(p(o \\mid c) - 1\\bigr) v_c", isResult: true))
        let others = words.filter { $0 != o }
        let duw = Matrix(rows: others.count, columns: d, entries: others.flatMap { w in dims.map { dU[w - 1, $0 - 1] } })
        let pw = Matrix(rows: others.count, columns: d, entries: others.flatMap { w in dims.map { Expression(p(w)) * Expression(v($0)) } })
        der.steps.append(.init(.matrix(duw), .equal, .matrix(pw), "the other rows: $u_w$ enters only the normaliser",
                               check: .instances(instance + ", every w other than o"), lhsLatex: "\\frac{\\partial L}{\\partial u_w},\\ w \\neq o",
                               rhsLatex: "p(w \\mid c)\\, v_c", isResult: true))
        der.steps.append(.init(.matrix(dU), .equal, .matrix((residual * vc.transposed)!), "all rows at once",
                               check: .instances(instance), lhsLatex: "\\frac{\\partial L}{\\partial U}",
                               rhsLatex: "(\\hat{y} - y)\\, v_c^\\top", isResult: true))
        return der
    }
}
