import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A distribution written after `\sim`: the normal distribution `\mathcal{N}(\mu, \sigma^2)`,
/// or for a vector `\mathcal{N}(0, I)`, `\mathcal{N}(\mathbf{0}, \sigma^2 I_D)` (independent
/// entries, each with variance σ²).
struct Distribution: Equatable {
    let mean: Expression
    let variance: Expression
    /// The covariance is a multiple of the identity: the name is a vector of independent entries.
    let isVector: Bool
    /// The dimension written on the identity (`I_D`), if any.
    let dimension: Expression?

    /// The moment E[X^k] of a normal variable with this mean and variance (k = 1…4).
    func moment(_ k: Int) -> Expression {
        let (m, s) = (mean, variance)
        switch k {
        case 1: return m
        case 2: return m.pow(2) + s
        case 3: return m.pow(3) + Expression(3) * m * s
        default: return m.pow(4) + Expression(6) * m.pow(2) * s + Expression(3) * s.pow(2)
        }
    }

    /// `N(0, 1)` for printing in reasons.
    var plain: String { "N(\(PlainPrinter.string(mean)), \(PlainPrinter.string(variance)))" }
}

enum DistributionReader {
    /// The normal distribution written in `latex` (the right side of `\sim`), or nil (another
    /// distribution, or unreadable). The arguments are split in the source before they are read,
    /// so `\mathcal{N}(0,1)` has two arguments (the lexer would read `0,1` as a decimal comma).
    static func read(_ latex: String) -> Distribution? {
        var text = Substring(latex.trimmingCharacters())
        guard let name = ["\\mathcal{N}", "\\mathcal N", "\\mathscr{N}", "N"].first(where: { text.hasPrefix($0) }) else { return nil }
        text = Substring(String(text.dropFirst(name.count)).trimmingCharacters())
        guard let (open, close) = [("\\left(", "\\right)"), ("(", ")")].first(where: { text.hasPrefix($0.0) && text.hasSuffix($0.1) }) else { return nil }
        text = text.dropFirst(open.count).dropLast(close.count)
        var depth = 0
        var parts: [String] = [""]
        for c in text {
            if "({[".contains(c) { depth += 1 }
            if ")}]".contains(c) { depth -= 1 }
            if depth == 0 && c == "," { parts.append(""); continue }
            parts[parts.count - 1].append(c)
        }
        guard parts.count == 2, depth == 0 else { return nil }
        let (meanTokens, covariance) = (LaTeXLexer.tokens(parts[0]), LaTeXLexer.tokens(parts[1]))
        guard !meanTokens.isEmpty, !covariance.isEmpty, let mean = scalarOrZeroVector(meanTokens) else { return nil }
        if let (scale, dimension) = identity(covariance.filter(isWritten)) {
            return Distribution(mean: mean, variance: scale, isVector: true, dimension: dimension)
        }
        guard let variance = scalar(covariance) else { return nil }
        return Distribution(mean: mean, variance: variance, isVector: false, dimension: nil)
    }

    /// Not spacing (`\,`, `\quad`).
    private static func isWritten(_ t: LaTeXToken) -> Bool {
        if case .command(let c) = t.kind { return !LaTeXReader.spacing.contains(c) && c != "quad" }
        return true
    }

    /// A scalar, or the zero vector `\mathbf{0}`, `\vec{0}`, `\boldsymbol{0}` read as 0.
    private static func scalarOrZeroVector(_ ts: [LaTeXToken]) -> Expression? {
        let plain = ts.filter { if case .command(let c) = $0.kind { return !["mathbf", "vec", "boldsymbol", "bm", "mathbb"].contains(c) }; return $0.kind != .symbol("{") && $0.kind != .symbol("}") }
        if plain.count == 1, plain[0].kind == .number(.zero) { return .zero }
        return scalar(ts)
    }

    /// `I`, `\mathbf{I}`, `I_D`, `\sigma^2 I`, `\sigma^2 \mathbf{I}_{D}`: the scale and the dimension.
    private static func identity(_ ts: [LaTeXToken]) -> (Expression, Expression?)? {
        guard let at = ts.lastIndex(where: { $0.kind == .letter("I") }) else { return nil }
        var start = at
        // `\mathbf{I}`: the command and brace before it.
        if at >= 2, ts[at - 1].kind == .symbol("{"), case .command(let c) = ts[at - 2].kind, ["mathbf", "mathbb", "boldsymbol", "bm", "mathrm"].contains(c) {
            guard at + 1 < ts.count, ts[at + 1].kind == .symbol("}") else { return nil }
            start = at - 2
        } else if at >= 1, case .command(let c) = ts[at - 1].kind, ["mathbf", "mathbb", "boldsymbol", "bm", "mathrm"].contains(c) {
            start = at - 1
        }
        var after = ts[start...].firstIndex { $0.kind == .letter("I") }! + 1
        if after < ts.count, ts[after].kind == .symbol("}") { after += 1 }
        var dimension: Expression? = nil
        if after < ts.count, ts[after].kind == .symbol("_") {
            let rest = Array(ts[(after + 1)...])
            let group = rest.first?.kind == .symbol("{") ? Array(rest.dropFirst().dropLast()) : rest
            guard !group.isEmpty, rest.first?.kind != .symbol("{") || rest.last?.kind == .symbol("}"), let d = scalar(group) else { return nil }
            dimension = d
        } else if after != ts.count {
            return nil
        }
        let prefix = Array(ts[..<start])
        if prefix.isEmpty { return (.one, dimension) }
        guard let scale = scalar(prefix) else { return nil }
        return (scale, dimension)
    }

    private static func scalar(_ ts: [LaTeXToken]) -> Expression? {
        var reader = LaTeXReader(tokens: ts)
        guard case .scalar(let e)? = try? reader.readWhole() else { return nil }
        return e
    }
}
