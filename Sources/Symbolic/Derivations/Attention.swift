import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// Attention as the course documents treat it (../shared/seeds 001, 002, 003):
/// - the backward pass of `Y = softmax_rows(Q Kᵀ/√d) V`, derived by reverse mode and checked entry
///   by entry against the derivative of `Σ_ij dY_ij Y_ij` at n tokens of width d;
/// - multi-head attention as a sum over heads, `Concat(H_1, …, H_H) W^O = Σ_h H_h W^O_h`;
/// - attention of orthogonal inputs (`x_nᵀx_m = 0` for m ≠ n): the weights in closed form, and
///   their limits when `exp(x_nᵀx_n)` is large beside N;
/// - ALiBi: the slopes `m_h = 2^{-8h/H}`, the bias of a query row, and why only distances count.
///
/// Each general statement is checked at the instance the options give, entry by entry; a
/// statement about every size is `instances` (checked there, not proved for every size).
public enum Attention {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The most tokens of the entrywise checks (each entry of a gradient is a derivative of a
    /// sum of softmax ratios).
    public static let maximumTokens = 4
    /// The widest rows of the entrywise checks.
    public static let maximumWidth = 4
    /// The most ALiBi heads.
    public static let maximumHeads = 64

    public static func derivation(tokens n: Int = 2, width d: Int = 2, heads: Int = 8) throws(Failure) -> Derivation {
        guard (2...maximumTokens).contains(n) else { throw Failure(description: "--tokens: between 2 and \(maximumTokens)") }
        guard (1...maximumWidth).contains(d) else { throw Failure(description: "--width: between 1 and \(maximumWidth)") }
        guard (1...maximumHeads).contains(heads) else { throw Failure(description: "--heads: between 1 and \(maximumHeads)") }
        var der = Derivation(name: "attention", title: "Attention: the backward pass, heads as a sum, orthogonal inputs, ALiBi",
                             statement: "For $Y = \\operatorname{softmax}(Q K^T / \\sqrt{d})\\, V$ with $n = \(n)$ tokens of width $d = \(d)$, derive $dQ$, $dK$, $dV$ from the gradient $dY$ arriving from above. Show that multi-head attention $\\text{Concat}(H_1, \\dots, H_H) W^O$ is a sum over heads. For orthogonal inputs ($x_n^T x_m = 0$ when $m \\neq n$) find $a_{nm}$ and its limit when $\\exp(x_n^T x_n) \\gg N$. Give ALiBi's slopes for $H = \(heads)$ heads and explain why its bias encodes only relative positions.")
        der.persianStatement = "برای $Y = \\operatorname{softmax}(Q K^T / \\sqrt{d})\\, V$ با $n = \(n)$ توکن به پهنای $d = \(d)$، گرادیان‌های $dQ$، $dK$ و $dV$ را از گرادیان $dY$ که از لایه‌های بالاتر می‌رسد به دست آورید. نشان دهید توجه چندسر $\\text{Concat}(H_1, \\dots, H_H) W^O$ مجموعی روی سرهاست. برای ورودی‌های متعامد ($x_n^T x_m = 0$ برای $m \\neq n$) مقدار $a_{nm}$ و حد آن را وقتی $\\exp(x_n^T x_n) \\gg N$ بیابید. شیب‌های \\lr{ALiBi} را برای $H = \(heads)$ سر بدهید و توضیح دهید چرا بایاس آن فقط مکان‌های نسبی را در نظر می‌گیرد."
        try backward(&der, tokens: n, width: d)
        headsAsSum(&der)
        orthogonal(&der, tokens: max(n, 3))
        alibi(&der, heads: heads, length: max(n, 3))
        return der
    }

    /// The symbol an expression is, if it is one.
    static func letter(_ e: Expression) -> Symbol? {
        if case .symbol(let s) = e.kind { return s }
        return nil
    }

    /// A matrix of fresh symbols `name_{ij}`.
    static func symbols(_ name: String, _ rows: Int, _ columns: Int, index: String = "") -> Matrix {
        Matrix(rows: rows, columns: columns, entries: (0..<(rows * columns)).map { k in
            Expression(Symbol(name, subscriptText: index + "\(k / columns + 1)\(k % columns + 1)"))
        })
    }

    // MARK: The backward pass

    static func backward(_ der: inout Derivation, tokens n: Int, width d: Int) throws(Failure) {
        guard let pass = try? ModelCatalog.backwardPass("attention") else { throw Failure(description: "the attention model could not be derived") }
        let model = pass.model
        for eq in model.equations {
            der.steps.append(.init(.scalar(.zero), .equal, .scalar(.zero), "the forward pass", check: .definition,
                                   lhsLatex: eq.quantity.latex, rhsLatex: eq.value.latex))
        }
        let given = ["Q": symbols("q", n, d), "K": symbols("k", n, d), "V": symbols("v", n, d), "dY": symbols("g", n, d)]
        guard let values = try? BackwardValues(pass, at: given),
              let y = values.forward.first(where: { $0.0.plain == "Y" })?.1 else {
            throw Failure(description: "the attention model could not be evaluated at \(n) × \(d)")
        }
        let seed = given["dY"]!
        // The loss seen from this layer: ⟨dY, Y⟩, whose gradient in Y is dY.
        func pairing(_ m: Matrix) -> Expression { Expression.sum(zip(seed.entries, m.entries).map { $0 * $1 }) }
        let instance = "n = \(n), d = \(d), entry by entry"
        let loss = pairing(y)
        for (g, (_, value)) in zip(pass.gradients, values.gradients) {
            let derivative: Matrix
            if let input = given[g.of.plain], g.of.plain != "dY" {
                derivative = input.map { loss.derivative(with: letter($0)!) }
            } else if g.of.plain == "S", let s = values.forward.first(where: { $0.0.plain == "S" })?.1,
                      let v = given["V"], case let fresh = symbols("\u{1}s", n, n), let ys = fresh * v {
                // S as free entries: the rest of the pass, Y = S V, from them.
                let back = Dictionary(uniqueKeysWithValues: zip(fresh.entries.compactMap(letter), s.entries))
                let outer = pairing(ys)
                derivative = fresh.map { outer.derivative(with: letter($0)!).substituting(back) }
            } else {
                continue
            }
            der.steps.append(.init(.matrix(derivative), .equal, .matrix(value),
                                   "\(g.justification); checked entry by entry against the derivative of $\\sum_{ij} dY_{ij} Y_{ij}$",
                                   check: .instances(instance), lhsLatex: g.name.latex, rhsLatex: g.value.latex,
                                   isResult: given[g.of.plain] != nil))
        }
    }

    // MARK: Heads as a sum

    /// `Concat(H_1, H_2) W^O = H_1 W^O_1 + H_2 W^O_2` and `H_h W^O_h = A_h X (W^V_h W^O_h)`, at two
    /// heads of width 1 over two tokens and a model width of 2.
    static func headsAsSum(_ der: inout Derivation) {
        let heads = 2, n = 2, width = 1, model = 2
        let outputs = (1...heads).map { symbols("h", n, width, index: "\($0),") }
        let wo = symbols("o", heads * width, model)
        let concatenated = Matrix(rows: n, columns: heads * width, entries: (0..<n).flatMap { i in
            outputs.flatMap { h in (0..<width).map { h[i, $0] } }
        })
        func rowBlock(_ h: Int) -> Matrix {
            Matrix(rows: width, columns: model, entries: (0..<width).flatMap { r in (0..<model).map { wo[h * width + r, $0] } })
        }
        guard let lhs = concatenated * wo else { return }
        var sum: Matrix?
        for h in 0..<heads {
            guard let term = outputs[h] * rowBlock(h) else { return }
            sum = sum.map { ($0 + term)! } ?? term
        }
        guard let rhs = sum else { return }
        der.steps.append(.init(.matrix(lhs), .equal, .matrix(rhs),
                               "split $W^O$ into row blocks $W^O_h$, one per head: a block product",
                               check: .instances("H = 2 heads of width 1, n = 2, d = 2"),
                               lhsLatex: "\\text{Concat}(H_1, \\dots, H_H)\\, W^O", rhsLatex: "\\sum_{h=1}^{H} H_h W^O_h", isResult: true))
        // Each head: H_h = A_h V_h with V_h = X W^V_h, so H_h W^O_h = A_h X W^{(h)}.
        let a = symbols("a", n, n), x = symbols("x", n, model), wv = symbols("w", model, width), woh = rowBlock(0)
        guard let av = a * x, let avw = av * wv, let left = avw * woh, let w = wv * woh, let ax = a * x, let right = ax * w else { return }
        der.steps.append(.init(.matrix(left), .equal, .matrix(right), "associativity, with $W^{(h)} = W^V_h W^O_h$",
                               check: .instances("n = 2, d = 2, one head of width 1"),
                               lhsLatex: "H_h W^O_h = A_h X W^V_h W^O_h", rhsLatex: "A_h X W^{(h)}"))
    }

    // MARK: Orthogonal inputs

    /// With `x_nᵀx_m = 0` for m ≠ n, row n of the attention weights is `e^{s}/(e^{s} + N − 1)` on
    /// the diagonal and `1/(e^{s} + N − 1)` off it (s = x_nᵀx_n); as `e^{s}` grows beside N they
    /// tend to 1 and 0, and `y_n = Σ_m a_nm x_m` to `x_n`.
    static func orthogonal(_ der: inout Derivation, tokens N: Int) {
        let s = Expression(Symbol("s")), e = Expression(Symbol("E"))
        // Row 1 of the scores: s on the diagonal, 0 elsewhere.
        let scores = [s] + Array(repeating: Expression.zero, count: N - 1)
        let exps = scores.map { Expression.apply(.exp, $0) }
        let total = Expression.sum(exps)
        let weights = exps.map { $0 / total }
        der.steps.append(.init(.scalar(.zero), .equal, .scalar(.zero), "the attention weights, a softmax over $m$", check: .definition,
                               lhsLatex: "a_{nm}", rhsLatex: "\\frac{\\exp(x_n^T x_m)}{\\sum_{m'=1}^{N} \\exp(x_n^T x_{m'})}"))
        let Nm1 = Expression(N - 1)
        let diagonal = Expression.apply(.exp, s) / (Expression.apply(.exp, s) + Nm1)
        let offDiagonal = Expression.one / (Expression.apply(.exp, s) + Nm1)
        let which = "N = \(N), with $s = x_n^T x_n$"
        der.steps.append(.init(weights[0], diagonal, "$x_n^T x_m = 0$ for $m \\neq n$, so $e^{x_n^T x_m} = 1$",
                               check: .instances(which), lhsLatex: "a_{nn}", rhsLatex: "\\frac{e^{x_n^T x_n}}{(N-1) + e^{x_n^T x_n}}", isResult: true))
        der.steps.append(.init(weights[1], offDiagonal, "$x_n^T x_m = 0$ for $m \\neq n$, so $e^{x_n^T x_m} = 1$",
                               check: .instances(which), lhsLatex: "a_{nm}\\ (m \\neq n)", rhsLatex: "\\frac{1}{(N-1) + e^{x_n^T x_n}}", isResult: true))
        der.steps.append(.init(diagonal + Nm1 * offDiagonal, .one, "the weights of a row add up to 1",
                               check: .instances(which), lhsLatex: "a_{nn} + (N-1)\\, a_{nm}"))
        // The limits as E = e^{s} grows with N fixed (N a letter: any number of tokens).
        let nLetter = Expression(Symbol("N"))
        let eSymbol = Symbol("E")
        let diagonalE = e / (e + nLetter - 1), offE = Expression.one / (e + nLetter - 1)
        if case .finite(let one)? = LimitValue.of(diagonalE, eSymbol, at: .plusInfinity, side: .both) {
            der.steps.append(.init(one, .one, "the limit as $e^{x_n^T x_n} \\to \\infty$ with $N$ fixed",
                                   lhsLatex: "\\lim a_{nn} = \\lim_{E \\to \\infty} \\frac{E}{E + N - 1}", isResult: true))
        }
        if case .finite(let zero)? = LimitValue.of(offE, eSymbol, at: .plusInfinity, side: .both) {
            der.steps.append(.init(zero, .zero, "the limit as $e^{x_n^T x_n} \\to \\infty$ with $N$ fixed",
                                   lhsLatex: "\\lim a_{nm} = \\lim_{E \\to \\infty} \\frac{1}{E + N - 1}", isResult: true))
        }
        // y_n = Σ_m a_nm x_m tends to x_n (one coordinate of each x_m).
        let xs = (1...N).map { Expression(Symbol("x", subscriptText: "\($0)")) }
        let output = e / (e + Nm1) * xs[0] + Expression.sum(xs.dropFirst().map { $0 / (e + Nm1) })
        if case .finite(let limit)? = LimitValue.of(output, eSymbol, at: .plusInfinity, side: .both) {
            der.steps.append(.init(limit, xs[0], "the limit as $e^{x_n^T x_n} \\to \\infty$ with $N$ fixed",
                                   lhsLatex: "\\lim y_n = \\lim \\sum_{m=1}^{N} a_{nm} x_m", rhsLatex: "x_n", isResult: true))
        }
    }

    // MARK: ALiBi

    /// The slopes `m_h = 2^{-8h/H}`, the bias of query i, and the shift invariance of softmax that
    /// leaves only the distances `i − j`.
    static func alibi(_ der: inout Derivation, heads H: Int, length L: Int) {
        let shown = min(H, 8)
        let written = (1...shown).map { Expression.power(Expression(2), Expression(-8 * $0) / Expression(H)) }
        let slopes = Matrix(rows: 1, columns: shown, entries: written.map { $0.simplified() })
        der.steps.append(.init(.matrix(Matrix(rows: 1, columns: shown, entries: written)), .equal, .matrix(slopes),
                               "ALiBi's slopes $m_h = 2^{-8h/H}$: a geometric sequence, each in $(0, 1)$",
                               lhsLatex: shown < H ? "(m_1, \\dots, m_{\(shown)})" : "(m_1, \\dots, m_{\(H)})", isResult: true))
        let m = Expression(Symbol("m"))
        // Query i = L over keys j = 1 … L (causal): the bias −m(i − j).
        let bias = Matrix(rows: 1, columns: L, entries: (1...L).map { j in -m * Expression(L - j) })
        let written2 = Matrix(rows: 1, columns: L, entries: (1...L).map { j in m * Expression(j - L) })
        der.steps.append(.init(.matrix(bias), .equal, .matrix(written2), "the bias of query $i$ on the keys $j \\le i$ is $-m(i - j)$",
                               lhsLatex: "m\\,[-(i-1), \\dots, -1, 0]\\ (i = \(L))"))
        // softmax_j(s_j − m(i − j)) = softmax_j(s_j + m j): the −m i is common to the row.
        let scores = (1...L).map { Expression(Symbol("s", subscriptText: "\($0)")) }
        let i = Expression(L)
        let biased = (1...L).map { j in Expression.apply(.exp, scores[j - 1] - m * (i - Expression(j))) }
        let shifted = (1...L).map { j in Expression.apply(.exp, scores[j - 1] + m * Expression(j)) }
        let left = Matrix(rows: 1, columns: L, entries: biased.map { $0 / Expression.sum(biased) })
        let right = Matrix(rows: 1, columns: L, entries: shifted.map { $0 / Expression.sum(shifted) })
        der.steps.append(.init(.matrix(left), .equal, .matrix(right),
                               "softmax ignores a constant added to its whole row: $-m i$ is the same for every key $j$, so only the distance $i - j$ matters",
                               check: .instances("i = \(L)"),
                               lhsLatex: "\\operatorname{softmax}_j\\bigl(q_i^T k_j - m(i - j)\\bigr)",
                               rhsLatex: "\\operatorname{softmax}_j\\bigl(q_i^T k_j + m j\\bigr)", isResult: true))
    }
}
