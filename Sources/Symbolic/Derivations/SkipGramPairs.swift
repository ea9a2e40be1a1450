import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// Skip-gram training pairs (../shared/seeds 002): in a text of N tokens with a window of c words
/// on each side, token i pairs with min(i − 1, c) words before it and min(N − i, c) after; the
/// positive pairs add up to 2cN − c(c + 1) when N ≥ 2c, each brings k negative samples, and the
/// examples are the pairs times 1 + k.
public enum SkipGramPairs {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The most tokens counted one by one.
    public static let maximumTokens = 100_000

    public static func derivation(tokens n: Int, window c: Int, negatives k: Int) throws(Failure) -> Derivation {
        guard n >= 1, n <= maximumTokens else { throw Failure(description: "--tokens: between 1 and \(maximumTokens)") }
        guard c >= 1, c <= n else { throw Failure(description: "--window: between 1 and the number of tokens") }
        guard k >= 0, k <= 1000 else { throw Failure(description: "--negatives: between 0 and 1000") }
        var d = Derivation(name: "skipgram-pairs", title: "Skip-gram training pairs",
                           statement: "A text of $N = \(n)$ tokens, a window of $c = \(c)$ words on each side, and $k = \(k)$ negative samples per positive pair. Count the positive pairs, the negative samples and all training examples.")
        d.persianStatement = "متنی با $N = \(n)$ واژه، پنجره‌ی $c = \(c)$ واژه در هر سو و $k = \(k)$ نمونه‌ی منفی برای هر جفت مثبت داریم. تعداد جفت‌های مثبت، نمونه‌های منفی و کل نمونه‌های آموزشی را بیابید."
        // Tokens grouped by how many pairs they make.
        var groups: [Int: Int] = [:]
        for i in 1...n { groups[min(i - 1, c) + min(n - i, c), default: 0] += 1 }
        let keys = groups.keys.sorted()
        let pairs = keys.reduce(0) { $0 + $1 * groups[$1]! }
        let grouped = keys.map { "\($0) \\times \(groups[$0]!)" }.joined(separator: " + ")
        let sum = Expression.sum(keys.map { Expression($0) * Expression(groups[$0]!) })
        d.steps.append(.init(sum, sum, "per token", check: .definition,
                             lhsLatex: "\\text{pairs}", rhsLatex: "\\sum_{i=1}^{N} \\bigl(\\min(i-1, c) + \\min(N-i, c)\\bigr)"))
        d.steps.append(.init(sum, Expression(pairs), "grouped by that count", lhsLatex: grouped, isResult: true))
        if n >= 2 * c {
            let N = Symbol("N"), C = Symbol("c")
            let closed = Expression(2) * Expression(C) * Expression(N) - Expression(C) * (Expression(C) + .one)
            d.definitions[N] = Expression(n)
            d.definitions[C] = Expression(c)
            d.steps.append(.init(Expression(pairs), closed, "the closed form, N ≥ 2c",
                                 check: .instances("this N and c"), rhsLatex: "2cN - c(c+1)"))
        }
        d.steps.append(.init(Expression(pairs) * Expression(k), Expression(pairs * k), "k negatives per pair",
                             lhsLatex: "\(pairs) \\times \(k)", isResult: true))
        d.steps.append(.init(Expression(pairs) + Expression(pairs * k), Expression(pairs * (1 + k)), "all examples",
                             lhsLatex: "\(pairs) + \(pairs * k)", isResult: true))
        return d
    }
}
