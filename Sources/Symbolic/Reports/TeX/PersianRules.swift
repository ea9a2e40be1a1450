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
        // skipgram-gradient.
        "the scores {}, {} with rows {}": "امتیازها {1}، با {2} که سطرهایش {3} است",
        "the softmax of the scores, {}": "\\lr{softmax} امتیازها، {1}",
        "{} is the one-hot vector of {}": "{1} بردار یک‌داغ {2} است",
        "the loss in the scores, {}": "تابع هزینه برحسب امتیازها، {1}",
        "{} and {}": "{1} و {2}",
        "the engine's derivative in each score: {}, the softmax's gradient": "مشتق موتور نسبت به هر امتیاز: {1}، گرادیان \\lr{softmax}",
        "the loss in the components {}, {}, its logarithm split": "تابع هزینه برحسب مؤلفه‌های {1} و {2}، با لگاریتم شکسته‌شده",
        "the engine's derivative in each {}, the scores written {}": "مشتق موتور نسبت به هر {1}، با امتیازها به صورت {2}",
        "the chain rule through the scores, {}, agrees": "قاعده‌ی زنجیره‌ای از راه امتیازها، {1}، همان را می‌دهد",
        "with {}": "با {1}",
        "the engine's derivative in each {} (row {}, column {})": "مشتق موتور نسبت به هر {1} (سطر {2}، ستون {3})",
        "row {}: the score {} enters twice, {}": "سطر {1}: امتیاز {2} دو بار ظاهر می‌شود، {3}",
        "the other rows: {} enters only the normaliser": "سطرهای دیگر: {1} تنها در مخرج نرمال‌ساز ظاهر می‌شود",
        "all rows at once": "همه‌ی سطرها با هم",
        "the softmax's normaliser": "مخرج نرمال‌ساز \\lr{softmax}",
        // binary-adder.
        "the column sum: the two bits and the carry in, {}, so {}": "مجموع ستون: دو بیت و رقم نقلی ورودی، {1}، پس {2}",
        "the sum bit is the parity of the three bits, the carry out their majority": "بیت حاصل جمع زوجیت سه بیت است و رقم نقلی خروجی اکثریت آن‌ها",
        "unit {} fires when at least {} of the three bits are {}: {}, weights {} and a threshold halfway between {} and {}": "واحد {1} وقتی فعال می‌شود که دست‌کم {2} بیت از سه بیت برابر ${3}$ باشند: {4}، با وزن‌های {5} و آستانه‌ای در میانه‌ی {6} و {7}",
        "unit {} fires at {}": "واحد ${1}$ در {2} فعال می‌شود",
        "and is silent at {}": "و در {1} خاموش است",
        "{} is an integer, so {}": "{1} عدد صحیح است، پس {2}",
        "the argument is never {}, so the conventions {} and {} agree": "آرگومان هرگز ${1}$ نیست، پس قراردادهای {2} و {3} یکی‌اند",
        "each unit adds {} once {} reaches its level, so {} (for {})": "هر واحد وقتی {2} به سطح آن برسد ${1}$ می‌افزاید، پس {3} (برای {4})",
        "unit {} is the carry {}: it is fed back, {}": "واحد ${1}$ همان رقم نقلی {2} است و بازخورانده می‌شود، {3}",
        "the sum bit: {}": "بیت حاصل جمع: {1}",
        "the output unit passes that {} or {} on: {}, {}": "واحد خروجی همان ${1}$ یا ${2}$ را عبور می‌دهد: {3}، {4}",
        "every unit reads the carry {} with weight {}": "هر واحد رقم نقلی {1} را با وزن ${2}$ می‌خواند",
        "and both input bits with weight {}": "و هر دو بیت ورودی را با وزن ${1}$",
        "minus the thresholds {}": "منفی آستانه‌های {1}",
        "the output reads {}": "خروجی {1} را می‌خواند",
        "its threshold {}": "آستانه‌ی آن {1}",
        "the pre-activations: {} against each threshold": "پیش‌فعال‌سازی‌ها: {1} در برابر هر آستانه",
        "row {} run through the network (only {} is read): {}": "سطر {1} از شبکه گذرانده می‌شود (تنها {2} خوانده می‌شود): {3}",
        "the parity and the majority of the bits": "زوجیت و اکثریت بیت‌ها",
        "example: {} run for {} steps (the last with {}): {}, least significant first": "مثال: {1} در ${2}$ گام اجرا می‌شود (گام آخر با {3}): {4}، از کم‌ارزش‌ترین بیت",
        "every pair {} run for {} steps and read as {}, against {}": "هر جفت {1} در ${2}$ گام اجرا و به صورت {3} خوانده می‌شود، در برابر {4}",
        // lstm-backward --through-time.
        "the forward equations of one unit": "معادلات پیش‌روی یک واحد",
        "{} held fixed: only the last term depends on {}": "با {1} ثابت: تنها جمله‌ی آخر به {2} بستگی دارد",
        "the terms through {}: the chain rule through {}, {} and {}": "جمله‌هایی که از راه {1} می‌آیند: قاعده‌ی زنجیره‌ای از راه {2}، {3} و {4}",
        "along the memory each step multiplies by its forget gate": "در مسیر حافظه هر گام در دروازه‌ی فراموشی خود ضرب می‌شود",
        "a tanh RNN multiplies {} at every step": "یک \\lr{RNN} با \\lr{tanh} در هر گام در {1} ضرب می‌شود",
        "so {} and the product is at most {}: it vanishes when {}": "پس {1} و حاصل‌ضرب حداکثر {2} است: وقتی {3} محو می‌شود",
        "a forget gate the network keeps open (a large {}) passes the gradient on unchanged, whatever {}": "دروازه‌ی فراموشی‌ای که شبکه باز نگه می‌دارد ({1} بزرگ) گرادیان را بدون تغییر عبور می‌دهد، هر چه {2} باشد",
        // attention.
        "the forward pass": "گذر پیش‌رو",
        "checked entry by entry against the derivative of {}": "درایه به درایه با مشتق {1} سنجیده شده",
        "split {} into row blocks {}, one per head: a block product": "تقسیم {1} به بلوک‌های سطری {2}، یکی برای هر سر: ضرب بلوکی",
        "associativity, with {}": "شرکت‌پذیری، با {1}",
        "the attention weights, a softmax over {}": "وزن‌های توجه، یک \\lr{softmax} روی {1}",
        "{} for {}, so {}": "{1} برای {2}، پس {3}",
        "the weights of a row add up to {}": "وزن‌های یک سطر روی هم ${1}$ می‌شوند",
        "the limit as {} with {} fixed": "حد وقتی {1} و {2} ثابت است",
        "ALiBi's slopes {}: a geometric sequence, each in {}": "شیب‌های \\lr{ALiBi}، {1}: دنباله‌ای هندسی، هر یک در {2}",
        "the bias of query {} on the keys {} is {}": "بایاس پرسش {1} روی کلیدهای {2} برابر {3} است",
        "softmax ignores a constant added to its whole row: {} is the same for every key {}, so only the distance {} matters": "\\lr{softmax} به ثابتی که به کل سطر افزوده شود حساس نیست: {1} برای هر کلید {2} یکسان است، پس تنها فاصله‌ی {3} اهمیت دارد",
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
