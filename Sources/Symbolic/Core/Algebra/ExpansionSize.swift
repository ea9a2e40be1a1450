/// Upper bounds on the size of an expansion, judged from the expression before anything is
/// multiplied, so that `expanded(maxTerms:)` can refuse an expansion whose coefficients
/// (`(x + 1)^1000000`) or power tables (`(2^1000 x + 1)^3000`) would not fit.
enum ExpansionSize {
    /// The bits (numerator and denominator) of the largest coefficient the expansion of `e`
    /// can have, each part of `e` counted `multiplicity` times; `table` grows to the bits the
    /// largest multinomial power table could take. Saturates at `Int.max`.
    static func coefficientBits(_ e: Expression, multiplicity m: Int, table: inout Int) -> Int {
        sizes(e, m, &table).combined
    }

    /// `combined`: log2 of the sum of the coefficients' magnitudes, which bounds every
    /// coefficient of the expansion (and of its powers); `term`: the largest single term's
    /// coefficient, coefficients ±1 counting nothing (their powers are free).
    private static func sizes(_ e: Expression, _ m: Int, _ table: inout Int) -> (combined: Int, term: Int) {
        switch e.kind {
        case .number(let r):
            let b = times(m, bits(r))
            return (b, r.magnitude.isOne ? 0 : b)
        case .add(let a):
            // Numerators grow by the number of summands; denominators multiply up to their lcm.
            var combined = 0, term = 0
            var denominators = Set<Integer>()
            for (t, c) in a.terms {
                let inner = sizes(t, m, &table)
                combined = max(combined, plus(times(m, c.numerator.bitWidth), inner.combined))
                term = max(term, plus(c.magnitude.isOne ? 0 : times(m, bits(c)), inner.term))
                if !c.denominator.isOne { denominators.insert(c.denominator) }
            }
            if !a.constant.isZero {
                combined = max(combined, times(m, a.constant.numerator.bitWidth))
                term = max(term, a.constant.magnitude.isOne ? 0 : times(m, bits(a.constant)))
                if !a.constant.denominator.isOne { denominators.insert(a.constant.denominator) }
            }
            let count = a.terms.count + (a.constant.isZero ? 0 : 1)
            let spread = Int.bitWidth - (count - 1).leadingZeroBitCount  // ⌈log2 count⌉
            return (plus(combined, times(m, plus(spread, denominators.reduce(0) { plus($0, $1.bitWidth) }))), term)
        case .mul(let p):
            var total = p.coefficient.magnitude.isOne ? (0, 0) : (times(m, bits(p.coefficient)), times(m, bits(p.coefficient)))
            for (b, x) in p.factors {
                let f = powerSizes(b, x, m, &table)
                total = (plus(total.0, f.combined), plus(total.1, f.term))
            }
            return (total.0, total.1)
        case .power(let b, let x):
            return powerSizes(b, x, m, &table)
        default:
            return (0, 0)  // a generator: coefficient 1
        }
    }

    /// `b^x` counted `m` times: a non-negative integer power multiplies the base's sizes (and
    /// keeps the powers c^0 … c^k of each term c of the base); anything else is a generator.
    private static func powerSizes(_ b: Expression, _ x: Expression, _ m: Int, _ table: inout Int) -> (combined: Int, term: Int) {
        guard let r = x.rationalValue, r.isInteger, !r.isNegative, let k = r.numerator.intValue, b.rationalValue == nil else { return (0, 0) }
        let s = sizes(b, times(m, k), &table)
        if case .add(let a) = b.kind {
            // Σ_{j ≤ k} bits(c^j) ≈ k/2 · bits(c^k) per term.
            table = max(table, times(a.terms.count + 1, times(k / 2 + 1, s.term)))
        }
        return s
    }

    private static func bits(_ r: Rational) -> Int { r.numerator.bitWidth + (r.denominator.isOne ? 0 : r.denominator.bitWidth) }

    static func plus(_ a: Int, _ b: Int) -> Int {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? Int.max : s
    }

    static func times(_ a: Int, _ b: Int) -> Int {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? Int.max : p
    }
}
