import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations
/// The sections of an answer key, built from the engine's derivations and backward passes.
extension AnswerKey.Section {
    /// A derivation's steps, each with its rule; results boxed.
    public init(_ d: Derivation) {
        self.init(name: d.name, title: d.title, statement: d.statement, persianStatement: d.persianStatement)
        steps = d.steps.map { s in
            AnswerKey.Line(left: s.leftLatex, relation: s.relation.latex, right: s.rightLatex,
                           justification: Derivation.typeset(s.justification), isResult: s.isResult, rule: s.justification)
        }
    }

    /// A backward pass: the forward equations as the problem, then every gradient with the rule
    /// that gave it; the gradients of the parameters are the results.
    public init(_ pass: BackwardPass, name: String, title: String) {
        self.init(name: name, title: title,
                  statement: "From the forward equations of the cell below, derive the gradient of the loss with respect to every quantity, input and parameter, given the gradients arriving from the next time step.")
        given = pass.model.equations.map { "\($0.quantity.latex) = \($0.value.latex)" }
        let parameters = Set(pass.model.declarations.filter(\.isParameter).map(\.quantity))
        steps = pass.gradients.map { g in
            AnswerKey.Line(left: g.name.latex, relation: "=", right: g.value.latex,
                           justification: LaTeXText.escape(g.justification), isResult: parameters.contains(g.of), rule: g.justification)
        }
    }
}

extension DerivationCatalog {
    /// The answer-key section of a derivation named in `entries`, with its default options; nil for
    /// an unknown name or a derivation the engine could not build.
    public static func answerKeySection(_ name: String) -> AnswerKey.Section? {
        switch name {
        case "lstm-backward", "gru-backward", "rnn-backward":
            let model = String(name.prefix { $0 != "-" })
            guard let pass = try? ModelCatalog.backwardPass(model) else { return nil }
            return backwardSection(pass, name: name)
        case "rnn-gradient": return RNNGradient.derivation(steps: 3).map(AnswerKey.Section.init)
        case "pe-rotation": return PERotation.derivation().map(AnswerKey.Section.init)
        case "dot-variance": return AnswerKey.Section(DotVariance.derivation(scaled: true))
        case "least-squares": return LeastSquares.derivation().map(AnswerKey.Section.init)
        case "transformer":
            // Its configuration comes from a file; the key's default is one encoder block.
            guard let c = try? TransformerParameters.parse(TransformerParameters.exampleConfig) else { return nil }
            return AnswerKey.Section(TransformerParameters.derivation(c))
        case "skipgram-pairs": return (try? SkipGramPairs.derivation(tokens: 10, window: 2, negatives: 5)).map(AnswerKey.Section.init)
        case "conv-matrix": return (try? ConvolutionMatrix.derivation(input: (4, 4), kernel: (2, 2), stride: 2, padding: 0)).map(AnswerKey.Section.init)
        case "attention": return (try? Attention.derivation()).map(AnswerKey.Section.init)
        case "binary-adder": return (try? BinaryAdder.derivation(bits: 3)).map(AnswerKey.Section.init)
        case "skipgram-gradient": return (try? SkipGramGradient.derivation(vocabulary: 3, dims: 2)).map(AnswerKey.Section.init)
        case "pca":
            // Its data come from a file; the key's default is a small example with irrational eigenvalues.
            guard let data = try? PCA.parse(PCA.exampleData), let d = try? PCA.derivation(data: data, convention: .nMinusOne) else { return nil }
            return AnswerKey.Section(d)
        default: return nil
        }
    }

    /// A backward pass as a section, titled as `derive list` names it (a model of one's own: the
    /// backward pass of the model).
    public static func backwardSection(_ pass: BackwardPass, name: String) -> AnswerKey.Section {
        let summary = entries.first { $0.name == name }?.summary ?? "the backward pass of the model"
        return AnswerKey.Section(pass, name: name, title: summary.prefix(1).uppercased() + summary.dropFirst())
    }

    /// The title of a derivation in Persian.
    static func persianTitle(_ name: String) -> String? {
        switch name {
        case "lstm-backward": "گذر پس‌رو سلول \\lr{LSTM}"
        case "gru-backward": "گذر پس‌رو سلول \\lr{GRU}"
        case "rnn-backward": "گذر پس‌رو سلول \\lr{RNN} با \\lr{tanh}"
        case "rnn-gradient": "گرادیان یک \\lr{RNN} تک‌واحدی باز‌شده در زمان"
        case "pe-rotation": "ماتریس چرخش کدگذاری مکانی سینوسی"
        case "dot-variance": "امید و واریانس ضرب داخلی دو بردار گاوسی"
        case "least-squares": "کمترین مربعات برای یک خط"
        case "pca": "تحلیل مؤلفه‌های اصلی با دست"
        case "conv-matrix": "کانولوشن به صورت ضرب ماتریس در بردار"
        case "transformer": "ابعاد و تعداد پارامترهای ترنسفورمر"
        case "skipgram-pairs": "شمارش جفت‌های آموزشی \\lr{skip-gram}"
        case "binary-adder": "یک \\lr{RNN} آستانه‌ای که اعداد دودویی را جمع می‌کند"
        case "skipgram-gradient": "گرادیان تابع هزینه‌ی \\lr{skip-gram} با \\lr{softmax}"
        case "attention": "توجه: گذر پس‌رو، سرها به صورت مجموع، ورودی‌های متعامد، \\lr{ALiBi}"
        default: nil
        }
    }

    /// The problem of a backward pass in Persian (a derivation carries its own).
    static func persianStatement(_ name: String) -> String? {
        switch name {
        case "lstm-backward", "gru-backward", "rnn-backward", "backward":
            "با داشتن معادلات گذر پیش‌روی سلول (در زیر)، گرادیان تابع هزینه را نسبت به همه‌ی کمیت‌ها، ورودی‌ها و پارامترها به دست آورید؛ گرادیان‌هایی که از گام زمانی بعد می‌رسند داده شده‌اند."
        default: nil
        }
    }
}
