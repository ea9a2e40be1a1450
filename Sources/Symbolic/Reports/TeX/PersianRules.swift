/// The rules of the engine's derivations in Persian, for a Persian answer key.
///
/// A rule is English text with math between `$…$` and numbers in it (`coefficient of $\sin(\omega t)$
/// in row 2: …`). Its *pattern* is that text with each math span and each number replaced by `{}`,
/// and with clauses separated by `; ` looked up one by one (`linearity; $a$ and $b$ independent`).
/// The table gives each pattern's Persian, with `{1}`, `{2}`, … for the spans in the order the
/// English wrote them (Persian word order may differ). A rule with a clause the table lacks has no
/// Persian phrase; the key then prints the English rule left to right.
enum PersianRules {
    /// The Persian of each pattern.
    static let table: [String: String] = [
        // Backward passes.
        "chain rule": "قاعده‌ی زنجیره‌ای",
        "sum over its {} uses": "جمع روی {1} کاربرد آن",
        "softmax followed by cross-entropy": "\\lr{softmax} و پس از آن آنتروپی متقاطع",
        // Definitions and bookkeeping.
        "definition": "تعریف",
        "definition (forward pass)": "تعریف (گذر پیش‌رو)",
        "likewise": "به همین ترتیب",
        "entry by entry": "درایه به درایه",
        "matrix product": "ضرب ماتریسی",
        "unknown entries": "درایه‌های مجهول",
        "solving the linear system": "حل دستگاه خطی",
        "{}": "{1}",
        // rnn-gradient.
        "the output is {}": "خروجی {1} است",
        "unrolling: substituting {}": "باز کردن در زمان: جای‌گذاری {1}",
        "product and chain rule on the unrolled output": "قاعده‌ی ضرب و زنجیره‌ای روی خروجی بازشده",
        "backpropagation through time: {} with {} held fixed": "پس‌انتشار در زمان: {1} با {2} ثابت",
        "chain rule: {}": "قاعده‌ی زنجیره‌ای: {1}",
        "expanding and collecting powers of {}": "بسط و دسته‌بندی توان‌های {1}",
        "the general closed form: {}, differentiated": "فرم بسته‌ی کلی {1}، مشتق‌گرفته",
        "the weight of the earliest input {}: {} vanishes as T grows when {} and explodes when {}":
            "وزن نخستین ورودی {1}: با بزرگ شدن $T$، {2} وقتی {3} به صفر میل می‌کند و وقتی {4} منفجر می‌شود",
        "the general closed form, proved by induction on {}": "فرم بسته‌ی کلی، با استقرا روی {1}",
        "the base case {}": "پایه‌ی استقرا {1}",
        "the step from {} to {}": "گام استقرا از {1} به {2}",
        // pe-rotation.
        "the encoding of one frequency": "کدگذاری یک بسامد",
        "angle-addition formulas": "فرمول‌های جمع زاویه‌ها",
        "coefficient of {} in row {}: {} and {} are independent functions of {} (for {})":
            "ضریب {1} در سطر {2}؛ {3} و {4} توابع مستقلی از {5} هستند (برای {6})",
        "the solution satisfies the condition for every {}": "جواب برای هر {1} در شرط صدق می‌کند",
        "M is orthogonal": "$M$ متعامد است",
        "a rotation, not a reflection": "یک دوران است، نه بازتاب",
        "M does not depend on {}": "$M$ به {1} بستگی ندارد",
        "frequency of pair {}": "بسامد جفت {1}",
        "one rotation block per frequency": "یک بلوک دوران برای هر بسامد",
        "each block shifts its pair by {}, whatever {}": "هر بلوک جفت خود را به اندازه‌ی {1} جابه‌جا می‌کند، هر چه {2} باشد",
        "RoPE: a score depends on the positions only through {} ({})": "\\lr{RoPE}: امتیاز تنها از راه {1} به مکان‌ها بستگی دارد ({2})",
        "unique: the {} matched coefficients are a linear system with one solution (its determinant is {})":
            "یکتا: {1} ضریب تطبیق‌شده دستگاهی خطی با یک جواب‌اند (دترمینان آن {2} است)",
        // dot-variance.
        "the dot product as a sum": "ضرب داخلی به صورت مجموع",
        "linearity": "خطی بودن",
        "{} and {} independent": "{1} و {2} مستقل",
        "zero means": "میانگین‌های صفر",
        "the square of a sum is a double sum": "مربع یک مجموع، مجموعی دوگانه است",
        "{}: entries independent with zero mean": "{1}: درایه‌ها مستقل با میانگین صفر",
        "the delta collapses the sum over {}": "دلتا مجموع روی {1} را از میان می‌برد",
        "{} equal terms": "{1} جمله‌ی برابر",
        "{} with {}": "{1} با {2}",
        "{} for each": "{1} برای هر یک",
        "scaling by {} divides the variance by {}": "ضرب در {1} واریانس را بر {2} تقسیم می‌کند",
        "a Gaussian with the variance {} of {} would have {}, so {} is not Gaussian":
            "یک گاوسی با واریانس {1} برابر {2}، مقدار {3} را می‌داشت؛ پس {4} گاوسی نیست",
        // least-squares.
        "the mean squared error": "میانگین مربعات خطا",
        "chain rule inside the sum": "قاعده‌ی زنجیره‌ای درون مجموع",
        "optimality: the gradient vanishes at {}": "بهینگی: گرادیان در {1} صفر است",
        "the normal equations as a {} × {} system": "معادلات نرمال به صورت دستگاه ${1} \\times {2}$",
        "in matrix form, with the rows {} of {}": "به صورت ماتریسی، با سطرهای {1} برای {2}",
        "Cramer's rule": "قاعده‌ی کرامر",
        "Cramer's rule, in the statistics": "قاعده‌ی کرامر، برحسب آماره‌ها",
        "the second normal equation with {} substituted": "معادله‌ی نرمال دوم با جای‌گذاری {1}",
        // transformer.
        "tokens ({}, {}) → embeddings ({}, {}, {})": "توکن‌ها $({1}, {2})$ $\\leftarrow$ بردارهای تعبیه $({3}, {4}, {5})$",
        "attention keeps ({}, {}, {})": "توجه ابعاد $({1}, {2}, {3})$ را نگه می‌دارد",
        "the feed-forward layer widens to ({}, {}, {}) and returns to ({}, {}, {})":
            "لایه‌ی پیش‌خور به $({1}, {2}, {3})$ پهن می‌شود و به $({4}, {5}, {6})$ بازمی‌گردد",
        "the output layer gives ({}, {}, {})": "لایه‌ی خروجی $({1}, {2}, {3})$ می‌دهد",
        "attention: {} for each head with biases, and {} from the {} concatenated widths back to {}":
            "توجه: {1} برای هر سر با بایاس، و {2} از {3} پهنای الحاق‌شده به {4}",
        "attention: {} for each head, and {} from the {} concatenated widths back to {}":
            "توجه: {1} برای هر سر، و {2} از {3} پهنای الحاق‌شده به {4}",
        "feed-forward: {} with biases": "پیش‌خور: {1} با بایاس",
        "feed-forward: {}": "پیش‌خور: {1}",
        "a LayerNorm: {}": "یک \\lr{LayerNorm}: {1}",
        "the embedding": "تعبیه",
        "{} × the embedding": "${1} \\times$ تعبیه",
        "the encoder block": "بلوک رمزگذار",
        "{} × the encoder block": "${1} \\times$ بلوک رمزگذار",
        "the decoder block": "بلوک رمزگشا",
        "{} × the decoder block": "${1} \\times$ بلوک رمزگشا",
        "the output layer": "لایه‌ی خروجی",
        "the parts added": "جمع بخش‌ها",
        // skipgram-pairs.
        "per token": "برای هر توکن",
        "grouped by that count": "دسته‌بندی‌شده بر پایه‌ی آن تعداد",
        "the closed form, N ≥ {}c": "فرم بسته، برای $N \\ge {1}c$",
        "k negatives per pair": "$k$ نمونه‌ی منفی برای هر جفت",
        "all examples": "همه‌ی نمونه‌ها",
        // conv-matrix.
        "the convolution, each output the kernel times the pixels under it": "کانولوشن: هر خروجی، هسته ضرب در پیکسل‌های زیر آن",
        "row (u, v) of A on the input's grid: the weight on each pixel": "سطر $(u, v)$ از $A$ روی شبکه‌ی ورودی: وزن هر پیکسل",
        "the rows, flattened": "سطرها، پشت سر هم",
        // pca.
        "the data": "داده‌ها",
        "the mean of each column": "میانگین هر ستون",
        "each row minus the mean": "هر سطر منهای میانگین",
        "the covariance, with {}/n": "کوواریانس، با ضریب $1/n$",
        "the covariance, with {}/(n−{})": "کوواریانس، با ضریب $1/(n-1)$",
        "the determinant of {}, expanded": "دترمینان {1}، بسط‌یافته",
        "a root of the characteristic polynomial": "ریشه‌ای از چندجمله‌ای مشخصه",
        "{} spans the null space of {}": "{1} فضای پوچ {2} را پدید می‌آورد",
        "a unit vector": "یک بردار یکه",
        "PCA keeps {}, of the largest eigenvalue": "\\lr{PCA} بردار {1} با بزرگ‌ترین مقدار ویژه را نگه می‌دارد",
        "the centred data projected on {}": "داده‌های مرکزی‌شده، تصویرشده روی {1}",
        "the eigenvalues add up to the trace of {}": "مجموع مقادیر ویژه برابر اثر {1} است",
        "the first component's share of the variance": "سهم مؤلفه‌ی نخست از واریانس",
    ]

    /// The rule in Persian as text-mode LaTeX, or nil when a clause of it has no entry.
    static func phrase(_ rule: String) -> String? {
        var clauses: [String] = []
        for clause in rule.components(separatedBy: "; ") {
            let (key, spans) = pattern(clause)
            guard let template = table[key] else { return nil }
            clauses.append(filled(template, spans))
        }
        return clauses.joined(separator: "؛ ")
    }

    /// The template with `{k}` replaced by the k-th span, in one pass (a span may itself hold `{1}`).
    static func filled(_ template: String, _ spans: [String]) -> String {
        var out = "", rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, after.dropFirst(digits.count).first == "}", let k = Int(digits), k >= 1, k <= spans.count {
                out += spans[k - 1]
                rest = after.dropFirst(digits.count + 1)
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The clause with each `$…$` span and each number replaced by `{}`, and the spans (math kept
    /// between `$…$`; a number bare, since the templates put it in math or text as Persian needs).
    static func pattern(_ clause: String) -> (key: String, spans: [String]) {
        var key = "", spans: [String] = []
        var chars = Array(clause)[...]
        while let c = chars.first {
            if c == "$", let close = chars.dropFirst().firstIndex(of: "$") {
                spans.append(String(chars[chars.startIndex...close]))
                key += "{}"
                chars = chars[(close + 1)...]
            } else if c.isASCII, c.isNumber {
                let digits = chars.prefix { $0.isASCII && $0.isNumber }
                spans.append(String(digits))
                key += "{}"
                chars = chars.dropFirst(digits.count)
            } else {
                key.append(c)
                chars = chars.dropFirst()
            }
        }
        return (key, spans)
    }
}
