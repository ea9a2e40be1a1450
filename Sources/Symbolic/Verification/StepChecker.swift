import CMPFI
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped

/// Checks one step `lhs relation rhs` after the document's definitions are applied.
public struct StepChecker: Sendable {
    public var equivalence = EquivalenceChecker()
    /// The document's random quantities (for expectations).
    public var probability = ProbabilityModel()
    /// Equality premises as rewrites (`\sum_i p_i` to 1), applied to the normal forms of sums.
    var premiseRewrites: [Expression: Expression] = [:]
    /// Names the document defines: a derivative with respect to one of them cannot be taken
    /// once its definition has been substituted (the dependence would be lost).
    var definedNames: Set<Symbol> = []
    /// True when the claim writes a derivative operator on an expression (`\frac{d}{dx}(…)`,
    /// `(…)'`): with unknown functions combined, it states a rule of differentiation.
    var derivativeOperatorWritten = false
    /// Letters the section differentiates in more than one place (`∂L/∂z`, `∂L/∂a`): functions
    /// of the variables, whose derivatives stay atoms; another letter is a constant for `d/dx`.
    var functionLetters: Set<Symbol> = []
    /// True when every letter stands for all its values (a derivation's own steps): a claim is
    /// then never read as an equation that determines some of them.
    public var lettersAreUniversal = false

    public init() {}

    /// The outcome of a check, before it is placed in the document.
    public struct Outcome: Sendable {
        public let verdict: StepVerdict
        public let method: String
        public let reason: String
        public let counterexample: CounterexampleReport?
        /// What an unchecked outcome found, for the stages after the check (never read from the reason).
        public var finding: Finding = .undecided
        /// The end of the reason that states the correction (`; the left side is x^2`), which
        /// reports typeset on a line of its own.
        public var correction: String? = nil

        /// Why a claim is unchecked, as the verifier's later stages need it.
        public enum Finding: Sendable, Equatable {
            /// Proved or refuted, or unchecked for a reason of its own.
            case undecided
            /// The relation holds only for particular values of names written in it: an equation
            /// or inequality in unknowns, or numbers plugged into a formula.
            case particularValues
            /// A side is prose.
            case words
        }

        package init(verdict: StepVerdict, method: String, reason: String, counterexample: CounterexampleReport?, finding: Finding = .undecided) {
            self.verdict = verdict
            self.method = method
            self.reason = reason
            self.counterexample = counterexample
            self.finding = finding
        }

        static func unchecked(_ reason: String, _ finding: Finding = .undecided) -> Outcome {
            Outcome(verdict: .unchecked, method: "", reason: reason, counterexample: nil, finding: finding)
        }

        /// The same outcome with the kind of line it was taken for in front of its method
        /// (`identity claim: exact arithmetic`).
        func taken(as kind: String) -> Outcome {
            var o = Outcome(verdict: verdict, method: method.isEmpty ? kind : kind + ": " + method, reason: reason, counterexample: counterexample, finding: finding)
            o.correction = correction
            return o
        }

        /// The outcome with `correction` appended to its reason and recorded as such.
        func correcting(_ text: String) -> Outcome {
            var o = Outcome(verdict: verdict, method: method, reason: reason + text, counterexample: counterexample, finding: finding)
            o.correction = text
            return o
        }
    }

    /// Checks `lhs relation rhs`; `usesNames` says the sides were written with names (whose values come from definitions).
    /// `oneSided` lists undefined names written on one side only (they make an equation a condition);
    /// nil computes them from the sides.
    /// `domain` holds the conditions under which both sides, as written, are defined.
    public func check(_ lhs: MathValue, _ relation: Relation, _ rhs: MathValue, lhsLatex: String = "", rhsLatex: String = "", usesNames: Bool = false, oneSided: [Symbol]? = nil, domain: Domain = Domain()) -> Outcome {
        if let why = domain.emptinessReason { return .unchecked("a side is defined nowhere: \(why)") }
        switch (lhs, rhs) {
        case let (.scalar(a), .scalar(b)):
            return checkScalars(a, relation, b, lhsLatex: lhsLatex, rhsLatex: rhsLatex, usesNames: usesNames, oneSided: oneSided, domain: domain)
        case let (.matrix(a), .matrix(b)):
            guard relation == .equal else { return .unchecked("a relation \(relation.rawValue) between matrices") }
            return checkMatrices(a, b, domain: domain)
        case let (.matrix(m), .scalar(e)), let (.scalar(e), .matrix(m)):
            // `A v = 0` and `M M^T = I`: 0 and I stand for the zero and identity matrices.
            guard relation == .equal, let other = StepChecker.matrixReading(of: e, like: m) else {
                return .unchecked("one side is a matrix and the other a scalar")
            }
            if case .matrix = lhs { return checkMatrices(m, other, domain: domain) }
            return checkMatrices(other, m, domain: domain)
        }
    }

    /// 0 as the zero matrix of `m`'s shape, the name I as the identity of its size.
    static func matrixReading(of e: Expression, like m: Matrix) -> Matrix? {
        if e.isZero { return Matrix(rows: m.rows, columns: m.columns, entries: Array(repeating: .zero, count: m.rows * m.columns)) }
        if case .symbol(let s) = e.kind, s == Symbol("I"), m.rows == m.columns { return .identity(m.rows) }
        return nil
    }

    func checkMatrices(_ a: Matrix, _ b: Matrix, domain: Domain = Domain()) -> Outcome {
        guard a.rows == b.rows, a.columns == b.columns else {
            // Names for matrices are often reused with other shapes: not a certain error.
            return .unchecked("the left side is \(a.rows)×\(a.columns) but the right side is \(b.rows)×\(b.columns)")
        }
        var methods: Set<String> = []
        for i in 0..<a.rows {
            for j in 0..<a.columns {
                let o = checkScalars(a[i, j], .equal, b[i, j], lhsLatex: "", rhsLatex: "", domain: domain)
                switch o.verdict {
                case .valid: methods.insert(o.method)
                case .invalid:
                    return Outcome(verdict: .invalid, method: o.method, reason: "entry (\(i + 1), \(j + 1)): " + o.reason, counterexample: o.counterexample)
                case .unchecked:
                    return .unchecked("entry (\(i + 1), \(j + 1)): " + o.reason)
                }
            }
        }
        return Outcome(verdict: .valid, method: "entrywise: " + methods.sorted().joined(separator: "; "), reason: "all \(a.rows * a.columns) entries agree", counterexample: nil)
    }

    func checkScalars(_ a: Expression, _ relation: Relation, _ b: Expression, lhsLatex: String, rhsLatex: String, usesNames: Bool = false, oneSided: [Symbol]? = nil, domain: Domain = Domain()) -> Outcome {
        if a.contains(derivative: ()) || b.contains(derivative: ()) {
            if a.contains(LaTeXReader.primeVariable) || b.contains(LaTeXReader.primeVariable) {
                return .unchecked("a prime (…)' on an expression of several names: the variable is not clear")
            }
        }
        // Derivatives of undefined letters and unknown functions (`\frac{d}{dx} k`, `f'(x) g(x)`).
        if relation == .equal, let o = checkCalculus(a, b, domain: domain) { return o }
        if a.contains(derivative: ()) || b.contains(derivative: ()) {
            return .unchecked("a derivative of a name given only by its value (or not defined) cannot be computed")
        }
        // Exact evaluation at a sample point costs time quadratic in the degree: bounded first.
        let degree = max(a.largestExponent, b.largestExponent)
        if degree > Limits.default.maximumCheckedDegree {
            return .unchecked("a power of degree \(degree), beyond the limit of \(Limits.default.maximumCheckedDegree) for exact checks")
        }
        let fa = a.freeSymbols, fb = b.freeSymbols
        switch relation {
        case .equal:
            break
        case .approximately:
            guard fa.isEmpty && fb.isEmpty else { return .unchecked("an approximate equality between symbolic expressions") }
            return checkApproximate(a, b, lhsLatex: lhsLatex, rhsLatex: rhsLatex)
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .notEqual:
            guard fa.isEmpty && fb.isEmpty, !usesNames else { return .unchecked("an inequality between names: a condition, not a computed claim", .particularValues) }
            return checkNumericRelation(a, relation, b)
        case .member: return .unchecked("a set membership (∈)")
        case .distributed: return .unchecked("a distribution claim (∼)")
        case .equivalent, .proportional: return .unchecked("a relation \(relation.rawValue)")
        }
        if let o = checkKroneckerCases(a, b, domain: domain) { return o }
        if let o = checkIndexed(a, b, domain: domain) { return o }
        if fa.isEmpty && fb.isEmpty {
            // `\frac{1}{\sqrt{2}} = 0.707`: a decimal written on one side is read as rounded.
            if StepChecker.isDecimalLiteral(rhsLatex) || StepChecker.isDecimalLiteral(lhsLatex) {
                let exact = checkArithmetic(a, b, domain: domain)
                if exact.verdict == .valid { return exact }
                let o = checkApproximate(a, b, lhsLatex: lhsLatex, rhsLatex: rhsLatex)
                if o.verdict == .valid { return Outcome(verdict: .valid, method: o.method, reason: "equal after rounding to the digits shown", counterexample: nil) }
                return o
            }
            return checkArithmetic(a, b, domain: domain)
        }
        let result = equivalence.check(a, b, domain: domain)
        if fa.isEmpty != fb.isEmpty, !lettersAreUniversal {
            if case .equal(let method) = result {
                return Outcome(verdict: .valid, method: method, reason: equalReason(Array(Set(fa + fb)), domain), counterexample: nil)
            }
            return pluggedIn(a, b)
        }
        switch result {
        case .equal(let method):
            return Outcome(verdict: .valid, method: method, reason: equalReason(Array(Set(fa + fb)), domain), counterexample: nil)
        case .different(let ce):
            let unknowns = lettersAreUniversal ? [] : oneSided ?? Array(Set(fa).symmetricDifference(Set(fb)))
            if !unknowns.isEmpty {
                // Names written on one side only: an equation that determines them (a condition
                // or an assumption), not an identity in all its letters.
                return .unchecked("an equation in \(list(unknowns)), not an identity: it holds only for particular values", .particularValues)
            }
            // The correction: what the left side really is, expanded when the right side is a sum.
            let corrected: Expression? = {
                if case .add = b.kind, a.isRationalFunction { return a.expanded(maxTerms: 200) }
                let s = a.simplified()
                return s.complexity <= 60 ? s : nil
            }()
            let correct = corrected.map(PlainPrinter.string)
            let o = Outcome(verdict: .invalid, method: "counterexample", reason: "the sides differ at \(describe(ce.point)) (left \(ce.lhs), right \(ce.rhs))",
                            counterexample: report(ce, correct: correct))
            if let c = correct, corrected != b { return o.correcting("; the left side is \(c)") }
            return o
        case .unknown(let reason):
            return .unchecked(reason)
        }
    }

    /// "both sides are equal for all values of x, y", or "… wherever both are defined (x > 0)".
    func equalReason(_ names: [Symbol], _ domain: Domain) -> String {
        let conditions = domain.conditions.filter { !$0.expression.freeSymbols.isEmpty }
        if conditions.isEmpty { return "both sides are equal for all values of " + list(names) }
        let shown = conditions.prefix(4).map(\.description).joined(separator: ", ") + (conditions.count > 4 ? ", …" : "")
        return "both sides are equal wherever both are defined (\(shown))"
    }

    /// Both sides are numbers: exact comparison, or certified intervals for irrational values.
    func checkArithmetic(_ a: Expression, _ b: Expression, domain: Domain = Domain()) -> Outcome {
        if a.isUndefined || b.isUndefined { return .unchecked("a side is undefined (division by zero or a similar operation)") }
        switch equivalence.check(a, b, domain: domain) {
        case .equal(let method):
            // Every proof between numbers is exact (a constant's Schwartz–Zippel test is its exact value).
            let how = a.rationalValue != nil || b.rationalValue != nil || a == b ? "exact arithmetic" : "exact arithmetic (\(method))"
            return Outcome(verdict: .valid, method: how, reason: "both sides equal \(PlainPrinter.string(b))", counterexample: nil)
        case .different(let ce):
            let correct = ce.lhs.description
            return Outcome(verdict: .invalid, method: ce.lhs.isExact && ce.rhs.isExact ? "exact arithmetic" : "interval arithmetic (MPFI)",
                           reason: "the left side is \(correct), not \(ce.rhs.description)", counterexample: report(ce, correct: correct))
        case .unknown(let reason):
            return .unchecked(reason)
        }
    }

    /// `0.707`, `-2,8`, `۰٫۵`: a number written with a fractional part.
    static func isDecimalLiteral(_ latex: String) -> Bool {
        guard let p = writtenPlaces(latex) else { return false }
        return p > 0
    }

    /// The number of decimal places of a numeral written alone (`3` has 0, `2,8` and `0.5` have 1,
    /// `7,680,000` has 0); nil when the text is not one numeral.
    static func writtenPlaces(_ latex: String) -> Int? {
        let t = latex.trimmingCharacters()
        let tokens = LaTeXLexer.tokens(t)
        guard let last = tokens.last, case .number(let r) = last.kind, tokens.count <= 2 else { return nil }
        if tokens.count == 2 && tokens[0].kind != .symbol("-") { return nil }
        let digits = t.drop { $0 == "-" || $0.isWhitespace }
        if let sep = digits.lastIndex(where: { $0 == "." || $0 == "٫" }) {
            return digits[digits.index(after: sep)...].filter { $0.isNumber }.count
        }
        if !r.isInteger, let sep = digits.lastIndex(of: ",") {
            return digits[digits.index(after: sep)...].filter { $0.isNumber }.count
        }
        return 0
    }

    /// A numeral as written, with Persian and Arabic-Indic digits and separators in ASCII.
    static func asciiNumeral(_ latex: String) -> String {
        String(latex.trimmingCharacters().map { c -> Character in
            if c == "٫" { return "." }
            if let d = LaTeXLexer.digitValue(c), !c.isASCII { return Character(String(d)) }
            return c
        })
    }

    /// `a ≈ b`: the tolerance is half a unit in the last written place of the side written as a
    /// rounded numeral (`\pi \approx 3.14`: 1/200; `e^{10} \approx 22026`: 1/2). With no numeral
    /// on either side there is no tolerance: exactly equal sides are valid, sides more than 10%
    /// apart invalid, anything else unchecked.
    func checkApproximate(_ a: Expression, _ b: Expression, lhsLatex: String = "", rhsLatex: String) -> Outcome {
        let places = [StepChecker.writtenPlaces(lhsLatex), StepChecker.writtenPlaces(rhsLatex)].compactMap { $0 }
        // Enough bits for the digits written, whatever their number.
        let written = max(lhsLatex.count, rhsLatex.count)
        let precision = max(256, 4 * written + 64)
        let evaluator = IntervalEvaluator(point: [:], precision: precision)
        guard case .value(let ia) = evaluator.evaluate(a), case .value(let ib) = evaluator.evaluate(b) else {
            return .unchecked("a side could not be evaluated")
        }
        let diff = ia - ib
        let method = "interval arithmetic (MPFI)"
        guard let fewest = places.min() else {
            if diff.isExactlyZero { return Outcome(verdict: .valid, method: method, reason: "the sides are equal", counterexample: nil) }
            let tenth = (ia.unary(mpfi_abs) + ib.unary(mpfi_abs)) * Interval(Rational(1, 20)!, precision: precision)
            if (diff.unary(mpfi_abs) - tenth).isPositive {
                return Outcome(verdict: .invalid, method: method, reason: "the sides differ by more than 10% (left ≈ \(ia.decimalString()), right ≈ \(ib.decimalString())); neither is a rounded number",
                               counterexample: CounterexampleReport(point: [:], lhs: ia.decimalString(), rhs: ib.decimalString(), correct: ia.decimalString()))
            }
            return .unchecked("neither side is a rounded number, so ≈ has no tolerance (left ≈ \(ia.decimalString()), right ≈ \(ib.decimalString()))")
        }
        let tolerance = Rational(Integer(1), Integer(10).power(fewest) * 2)!
        let tol = Interval(tolerance, precision: precision)
        let shown = "half a unit in the last place written: \(tolerance)"
        if (tol - diff).isNonNegative && (tol + diff).isNonNegative {
            return Outcome(verdict: .valid, method: method, reason: "equal to within \(shown)", counterexample: nil)
        }
        if (diff - tol).isPositive || (diff + tol).isNegative {
            let digits = max(12, fewest + 4)
            let right = StepChecker.writtenPlaces(rhsLatex) != nil ? StepChecker.asciiNumeral(rhsLatex) : PlainPrinter.string(b)
            return Outcome(verdict: .invalid, method: method, reason: "the left side is ≈ \(ia.decimalString(digits: digits)), not \(right) to within \(shown)",
                           counterexample: CounterexampleReport(point: [:], lhs: ia.decimalString(digits: digits), rhs: right, correct: ia.decimalString(digits: digits)))
        }
        return .unchecked("too close to the rounding boundary to decide")
    }

    func checkNumericRelation(_ a: Expression, _ relation: Relation, _ b: Expression) -> Outcome {
        let evaluator = IntervalEvaluator(point: [:], precision: 256)
        guard case .value(let ia) = evaluator.evaluate(a), case .value(let ib) = evaluator.evaluate(b) else {
            return .unchecked("a side could not be evaluated")
        }
        let d = ia - ib
        let holds: Bool?
        switch relation {
        case .less: holds = d.isNegative ? true : (d.isNonNegative ? false : nil)
        case .lessOrEqual: holds = d.isPositive ? false : ((ib - ia).isNonNegative ? true : nil)
        case .greater: holds = d.isPositive ? true : ((ib - ia).isNonNegative ? false : nil)
        case .greaterOrEqual: holds = d.isNegative ? false : (d.isNonNegative ? true : nil)
        case .notEqual: holds = d.excludesZero ? true : (d.isExactlyZero ? false : nil)
        default: holds = nil
        }
        guard let h = holds else { return .unchecked("the two sides are too close to decide") }
        return Outcome(verdict: h ? .valid : .invalid, method: "interval arithmetic (MPFI)",
                       reason: "the left side is \(ia.decimalString()) and the right side \(ib.decimalString())", counterexample: nil)
    }

    /// One side numeric, the other with names never given a value: plugged-in numbers
    /// (values often sit in prose or a figure). Unchecked, with the condition for it to hold.
    func pluggedIn(_ a: Expression, _ b: Expression) -> Outcome {
        let symbolic = a.freeSymbols.isEmpty ? b : a
        let numeric = a.freeSymbols.isEmpty ? a : b
        let names = symbolic.freeSymbols
        if names.count == 1, let roots = rationalRoots(symbolic - numeric, names[0]) {
            let n = PlainPrinter.name(names[0])
            if roots.isEmpty { return .unchecked("numbers plugged in: holds for no rational value of \(n)", .particularValues) }
            return .unchecked("numbers plugged in: holds iff " + roots.map { "\(n) = \($0)" }.joined(separator: " or "), .particularValues)
        }
        return .unchecked("numbers plugged in: holds iff \(PlainPrinter.string(symbolic)) = \(PlainPrinter.string(numeric)) (\(list(names)) never given a value)", .particularValues)
    }

    /// The rational solutions of `e = 0` when its numerator is a polynomial of degree 1 or 2 in `x`
    /// (nil when that is not the case or the roots are irrational).
    func rationalRoots(_ e: Expression, _ x: Symbol) -> [Rational]? {
        guard e.isRationalFunction, let f = Fraction.from(e, termLimit: 2_000),
              let p = UnivariateDivision.poly(f.numerator, x) else { return nil }
        switch p.count {
        case 2: return [(-p[0] / p[1])!]
        case 3:
            let (c, b, a) = (p[0], p[1], p[2])
            let disc = b * b - 4 * a * c
            if disc.isNegative { return [] }
            guard let r = disc.exactRoot(2) else { return nil }
            let two = a * 2
            let roots = [((-b - r) / two)!, ((-b + r) / two)!]
            return Array(Set(roots)).sorted().filter { root in
                // A root of the numerator that is a pole of the denominator is not a solution.
                (UnivariateDivision.poly(f.denominator, x).map { !UnivariateDivision.evaluate($0, root).isZero }) ?? true
            }
        default: return nil
        }
    }

    func report(_ ce: Counterexample, correct: String?) -> CounterexampleReport {
        var point: [String: String] = [:]
        for (s, v) in ce.point { point[PlainPrinter.name(s)] = v.description }
        var r = CounterexampleReport(point: point, lhs: ce.lhs.description, rhs: ce.rhs.description, correct: correct)
        r.values = Dictionary(ce.point.map { ($0.symbol, $0.value) }, uniquingKeysWith: { a, _ in a })
        return r
    }

    func describe(_ point: [(symbol: Symbol, value: Rational)]) -> String {
        point.isEmpty ? "every point" : point.map { "\(PlainPrinter.name($0.symbol)) = \($0.value)" }.joined(separator: ", ")
    }

    func list(_ names: [Symbol]) -> String {
        names.sorted { Symbol.compare($0, $1) < 0 }.map(PlainPrinter.name).joined(separator: ", ")
    }
}

extension SampleValue {
    var isExact: Bool { if case .exact = self { return true }; return false }
}
