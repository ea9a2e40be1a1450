import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// What the prose around a piece of math says the math is, decided by named rules before
/// anything is checked.
///
/// Each rule is data: the phrases (English and Persian) that end the prose of the sentence
/// before the math, or start the prose after it. The verifier reads the cues once per block
/// (`ProseCues.before`, `ProseCues.after`) and gives the math its role from them: a task is
/// solved, not checked; a premise restricts every later check; a rejected candidate leaves the
/// answer of the argument before it.
enum ProseCue: String, Sendable, CaseIterable {
    /// `Solve $x^2 = 4$`, `Find $x$ such that`, `حل کنید`: an equation to solve, not a claim.
    case task
    /// `Assume $x > 0$`, `where $\sum_i p_i = 1$`, `so that`, `given`, `فرض کنید`: a condition
    /// the later lines may use.
    case premise
    /// `so`, `hence`, `therefore`, `we get`, `پس`: what follows is derived from what came before.
    case consequence
    /// `$x = -1$ is excluded`, `is extraneous`, `قابل قبول نیست`: a candidate the text rejects.
    case rejection
    /// `$x$ is positive`, `مثبت است`: a condition on the names just written.
    case sign
    /// `$p$ is a probability vector`, `$y$ is one-hot`: its entries are non-negative and sum to 1.
    case distribution
}

/// A named rule: a cue and the phrases that make it.
struct ProseRule: Sendable {
    let name: String
    let cue: ProseCue
    /// Phrases in lower case; a phrase matches whole words.
    let phrases: [String]
}

enum ProseCues {
    /// Rules read on the end of the sentence before the math.
    static let rulesBefore: [ProseRule] = [
        ProseRule(name: "task verb", cue: .task, phrases: [
            "solve", "solve for", "find", "find all", "find the roots of", "find the solutions of", "determine", "for which",
            "حل کنید", "بیابید", "پیدا کنید", "به ازای چه",
        ]),
        ProseRule(name: "premise word", cue: .premise, phrases: [
            "assume", "assume that", "we assume", "we assume that", "suppose", "suppose that", "let", "given", "given that", "where",
            "with", "so that", "such that", "provided", "provided that", "under the assumption", "under the assumption that",
            "assuming", "assuming that", "satisfy", "satisfies", "satisfying", "that satisfy", "which satisfy",
            "فرض کنید", "فرض کنیم", "فرض می‌کنیم", "فرض میکنیم", "با فرض", "که در آن", "به طوری که", "بطوری که", "با شرط", "می‌دانیم",
        ]),
        ProseRule(name: "consequence word", cue: .consequence, phrases: [
            "so", "hence", "thus", "therefore", "then", "which gives", "this gives", "we get", "giving", "and so", "it follows that",
            "we obtain", "پس", "بنابراین", "در نتیجه", "داریم", "نتیجه می‌گیریم",
        ]),
    ]

    /// Rules read on the start of the prose after the math.
    static let rulesAfter: [ProseRule] = [
        // Persian puts the verb last: `معادلهٔ $x^2 = 4$ را حل کنید`.
        ProseRule(name: "task verb after", cue: .task, phrases: ["را حل کنید", "را حل کن", "را بیابید", "را پیدا کنید", "را به دست آورید"]),
        ProseRule(name: "rejected candidate", cue: .rejection, phrases: [
            "is excluded", "is rejected", "is extraneous", "is not a solution", "is not a root", "does not satisfy", "is not acceptable",
            "is not valid", "is invalid", "must be rejected", "must be excluded", "is not allowed", "fails the original",
            "قابل قبول نیست", "غیرقابل قبول", "غیر قابل قبول", "مردود", "نمی‌پذیریم", "نمی پذیریم", "جواب نیست", "ریشه نیست", "قبول نیست",
        ]),
        ProseRule(name: "distribution word", cue: .distribution, phrases: [
            "is a probability vector", "is a probability distribution", "is a distribution", "is one-hot", "is a one-hot vector",
            "is a one-hot label", "is a one-hot encoding", "بردار احتمال است", "یک بردار احتمال است", "یک توزیع احتمال است", "وان-هات است",
        ]),
        ProseRule(name: "sign word", cue: .sign, phrases: [
            "is positive", "are positive", "is negative", "are negative", "is nonnegative", "are nonnegative", "is non-negative",
            "are non-negative", "is nonzero", "are nonzero", "is non-zero", "are non-zero",
            "مثبت است", "مثبت هستند", "منفی است", "منفی هستند", "نامنفی است", "ناصفر است", "مخالف صفر است",
        ]),
    ]

    /// Words of a sign rule, as the relation to 0 they state.
    static func signRelation(_ phrase: String) -> Relation? {
        if phrase.contains("nonnegative") || phrase.contains("non-negative") || phrase.contains("نامنفی") { return .greaterOrEqual }
        if phrase.contains("nonzero") || phrase.contains("non-zero") || phrase.contains("ناصفر") || phrase.contains("مخالف صفر") { return .notEqual }
        if phrase.contains("positive") || phrase.contains("مثبت") { return .greater }
        if phrase.contains("negative") || phrase.contains("منفی") { return .less }
        return nil
    }

    /// The prose of the current sentence: the text after the last sentence end (`.`, `?`, `!`,
    /// `؟`, a blank line or a heading) in `prose`, lower-cased, with Markdown marks and math
    /// placeholders blanked and spaces collapsed.
    static func sentenceTail(_ prose: String) -> String {
        var text = Substring(prose)
        if let r = prose.range(of: "\n\n", options: .backwards) { text = prose[r.upperBound...] }
        // A period ends a sentence only before a space or a line end (`0.5`, `e.g.` stay).
        let scalars = Array(text)
        var cut = 0
        for (i, c) in scalars.enumerated() where ".?!؟:".contains(c) {
            let next = i + 1 < scalars.count ? scalars[i + 1] : " "
            if next.isWhitespace || next == "*" || next == "_" { cut = i + 1 }
        }
        return normalized(String(scalars[cut...]))
    }

    /// The prose at the start of `prose`, up to the first sentence end, normalised.
    static func sentenceHead(_ prose: String) -> String {
        var head = ""
        for c in prose {
            if ".?!؟;\n".contains(c) { break }
            head.append(c)
        }
        return normalized(head)
    }

    /// The text without HTML comments (`<!-- … -->`), which are no prose.
    static func withoutComments(_ s: String) -> String {
        guard s.contains("<!--") else { return s }
        var out = "", rest = Substring(s)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    static func normalized(_ s: String) -> String {
        let blanked = String(withoutComments(s).lowercased().map { c -> Character in "*_`#>,:;()[]\"“”".contains(c) ? " " : c })
        return blanked.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The rule whose phrase ends `tail` (whole words), the longest phrase first.
    static func before(_ tail: String) -> (ProseRule, String)? {
        var best: (ProseRule, String)?
        for rule in rulesBefore {
            for p in rule.phrases where tail == p || tail.hasSuffix(" " + p) {
                if best == nil || p.count > best!.1.count { best = (rule, p) }
            }
        }
        return best
    }

    /// The rule whose phrase starts `head` (whole words), the longest phrase first.
    static func after(_ head: String) -> (ProseRule, String)? {
        var best: (ProseRule, String)?
        for rule in rulesAfter {
            for p in rule.phrases where head == p || head.hasPrefix(p + " ") {
                if best == nil || p.count > best!.1.count { best = (rule, p) }
            }
        }
        return best
    }

    /// Words that make a condition in their sentence local to it (`if $x > 0$, then …`,
    /// `since $x^2 \ge 0$`): not a premise of what follows.
    static let localConditionWords = ["if", "when", "whenever", "since", "because", "unless", "iff", "اگر", "چون", "وقتی", "زیرا", "هرگاه"]

    static func isLocalCondition(_ sentence: String) -> Bool {
        let words = " " + sentence + " "
        return localConditionWords.contains { words.contains(" " + $0 + " ") }
    }

    /// Words that give the math of their sentence as a reason, a fact the writer relies on
    /// (`since $\lambda_1 > \lambda_2$, PCA keeps …`): a claim, not a condition.
    static let reasonWords = ["since", "because", "از آنجایی که", "از آنجا که", "چون", "زیرا"]

    static func givesReason(_ sentence: String) -> Bool {
        let words = " " + sentence.lowercased() + " "
        return reasonWords.contains { words.contains(" " + $0 + " ") }
    }

    /// True when the sentence holds a task verb anywhere before the math (`Find $x$ such that …`).
    static func sentenceIsTask(_ sentence: String) -> Bool {
        let words = " " + sentence + " "
        return ["solve", "find", "determine", "حل کنید", "بیابید", "پیدا کنید"].contains { words.contains(" " + $0 + " ") }
    }
}
