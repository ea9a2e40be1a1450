import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// `E[(a^T b)^2] = D` for independent a, b in R^D with independent N(0, σ²) entries (D σ⁴ in
/// general), the variance of the scaled product, and why `a_i b_i` is not Gaussian. Every
/// expectation is computed by the engine (`ExpectationNormalForm`: linearity, independence,
/// Isserlis) under the derivation's probability model.
public enum DotVariance {
    static let D = Symbol("D"), i = Symbol("i"), j = Symbol("j")
    static func member(_ family: String, _ index: Symbol) -> Expression { Expression(Symbol(family, subscriptText: index.name)) }
    static func sum(_ index: Symbol, _ body: Expression) -> Expression {
        .bigOperator(.sum, index: index, lower: .one, upper: Expression(D), body: body)
    }

    /// The derivation with entry variance `variance` (σ², default 1); `scaled` adds Var(aᵀb/√D).
    public static func derivation(variance v: Expression = .one, scaled: Bool = false) -> Derivation {
        let sigma = v.isOne ? "1" : v.latex
        var d = Derivation(name: "dot-variance", title: "The variance of a dot product of independent Gaussian vectors",
                           statement: "Let $a, b \\in \\mathbb{R}^D$ be independent, with independent entries $a_i, b_i \\sim \\mathcal{N}(0, \(sigma))$. Find $E[a^T b]$, $E[(a^T b)^2]$ and $\\operatorname{Var}(a^T b)$.")
        d.persianStatement = "فرض کنید $a, b \\in \\mathbb{R}^D$ مستقل‌اند و درایه‌های مستقل $a_i, b_i \\sim \\mathcal{N}(0, \(sigma))$ دارند. مقدار $E[a^T b]$، $E[(a^T b)^2]$ و $\\operatorname{Var}(a^T b)$ را بیابید."
        var model = ProbabilityModel()
        model.gaussians[Symbol("a")] = .init(mean: .zero, variance: v)
        model.gaussians[Symbol("b")] = .init(mean: .zero, variance: v)
        model.independent = true
        model.constants = [D]
        d.probability = model
        let ai = member("a", i), bi = member("b", i), aj = member("a", j), bj = member("b", j)
        let dot = sum(i, ai * bi)
        let E = Expression.expectation
        d.steps.append(.init(dot, dot, "the dot product as a sum", check: .definition, lhsLatex: "a^T b"))
        // The mean.
        d.steps.append(.init(E(dot), sum(i, E(ai) * E(bi)), "linearity; $a_i$ and $b_i$ independent", lhsLatex: "E[a^T b]"))
        d.steps.append(.init(E(dot), .zero, "zero means", lhsLatex: "E[a^T b]"))
        // The second moment.
        let square = E(Expression.power(dot, 2))
        let double = E(sum(i, sum(j, ai * bi * aj * bj)))
        d.steps.append(.init(square, double, "the square of a sum is a double sum", lhsLatex: "E[(a^T b)^2]",
                             rhsLatex: "E\\left[\\sum_{i=1}^{D} \\sum_{j=1}^{D} a_i b_i a_j b_j\\right]"))
        let factored = sum(i, sum(j, E(ai * aj) * E(bi * bj)))
        d.steps.append(.init(square, factored, "linearity; $a$ and $b$ independent", lhsLatex: "E[(a^T b)^2]"))
        let delta = Expression(Symbol("delta", subscriptText: "ij"))
        let s2 = v.isOne ? "" : "\\left(" + v.latex + "\\right) "
        d.steps.append(.init(square, sum(i, sum(j, v * delta * v * delta)), "$E[a_i a_j] = \\sigma^2 \\delta_{ij}$: entries independent with zero mean",
                             lhsLatex: "E[(a^T b)^2]", rhsLatex: "\\sum_{i=1}^{D} \\sum_{j=1}^{D} \\left(\(s2)\\delta_{ij}\\right)^2"))
        d.steps.append(.init(square, sum(i, v * v), "the delta collapses the sum over $j$", lhsLatex: "E[(a^T b)^2]"))
        let result = Expression(D) * v * v
        d.steps.append(.init(square, result, "$D$ equal terms", lhsLatex: "E[(a^T b)^2]", isResult: true))
        d.steps.append(.init(square - Expression.power(E(dot), 2), result, "$\\operatorname{Var}(X) = E[X^2] - E[X]^2$ with $E[a^T b] = 0$",
                             lhsLatex: "\\operatorname{Var}(a^T b)"))
        if scaled {
            let scaledDot = dot / Expression.power(Expression(D), Expression(Rational(1, 2)!))
            d.steps.append(.init(E(Expression.power(scaledDot, 2)) - Expression.power(E(scaledDot), 2), v * v,
                                 "scaling by $1/\\sqrt{D}$ divides the variance by $D$", lhsLatex: "\\operatorname{Var}\\left(\\frac{a^T b}{\\sqrt{D}}\\right)", isResult: true))
        }
        // One term is not Gaussian: its fourth moment is 9σ⁸, where a Gaussian of variance σ⁴ has 3σ⁸.
        let fourth = E(Expression.power(ai * bi, 4))
        d.steps.append(.init(fourth, E(Expression.power(ai, 4)) * E(Expression.power(bi, 4)), "$a_i$ and $b_i$ independent", lhsLatex: "E[(a_i b_i)^4]"))
        d.steps.append(.init(fourth, 9 * Expression.power(v, 4),
                             "$E[x^4] = 3\\sigma^4$ for each; a Gaussian with the variance $\\sigma^4$ of $a_i b_i$ would have $3\\sigma^8$, so $a_i b_i$ is not Gaussian",
                             lhsLatex: "E[(a_i b_i)^4]"))
        return d
    }
}
