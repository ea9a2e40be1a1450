import SymbolicCore
/// Limits, definite integrals and bracketed evaluations, computed exactly when read:
/// `\lim_{h \to 0} \frac{(x+h)^2 - x^2}{h}`, `\int_0^1 x^2 \, dx`, `\left[ x^3 \right]_1^2`.
/// What cannot be computed exactly is an error that names the construct (an unchecked step).
extension LaTeXReader {
    /// Terms allowed in the expanded numerator and denominator of a limit.
    static let limitTermLimit = 2_000

    /// `\lim_{h \to a} body` (a may be `\infty`; `0^+` and `0^-` read as 0) of a rational function of h.
    mutating func readLimit(_ t: LaTeXToken) throws(ReaderError) -> MathValue {
        skipSpacing()
        guard isSymbol("_") else { throw error("\\lim without its variable", at: t) }
        pos += 1
        let sub = try skipRawGroup()
        guard let arrow = sub.first(where: { [.command("to"), .command("rightarrow"), .command("longrightarrow")].contains(peekSplit($0).kind) }) else {
            throw error("\\lim without 'h \\to a'", at: t)
        }
        var vr = reader(of: sub.lowerBound..<arrow)
        guard case .scalar(let ve) = try vr.readWhole(), case .symbol(let h) = ve.kind else { throw error("a limit in a non-symbol", at: t) }
        var target = (arrow + 1)..<sub.upperBound
        // One-sided `0^+`, `0^{-}`: a limit that exists on both sides is the one-sided one too.
        var side = LimitValue.Side.both
        if target.count >= 2, case .symbol(let c) = peekSplit(target.upperBound - 1).kind, c == "+" || c == "-",
           peekSplit(target.upperBound - 2).kind == .symbol("^") {
            side = c == "+" ? .right : .left
            target = target.lowerBound..<(target.upperBound - 2)
        } else if target.count >= 4, peekSplit(target.upperBound - 1).kind == .symbol("}"), peekSplit(target.upperBound - 4).kind == .symbol("^") {
            if case .symbol(let c) = peekSplit(target.upperBound - 2).kind, c == "+" || c == "-" { side = c == "+" ? .right : .left }
            target = target.lowerBound..<(target.upperBound - 4)
        }
        let infinite = target.count <= 2 && target.contains { peekSplit($0).kind == .command("infty") }
            && !target.contains { peekSplit($0).kind == .symbol("-") }
        let minusInfinite = target.count == 2 && peekSplit(target.lowerBound).kind == .symbol("-") && peekSplit(target.upperBound - 1).kind == .command("infty")
        var point = Expression.zero
        if !infinite && !minusInfinite {
            var pr = reader(of: target)
            guard case .scalar(let p) = try pr.readWhole(), !p.contains(h) else { throw error("a limit point", at: t) }
            point = p
        }
        // The body's conditions on h hold near the point, not at it (h ≠ 0 in the difference quotient).
        let outer = domain
        let inlining = inlinesFunctions
        inlinesFunctions = true
        guard case .scalar(let body) = try readProduct() else { throw error("a limit of a matrix", at: t) }
        inlinesFunctions = inlining
        keepConditions(outer, without: h)
        let at: LimitValue.Point = infinite ? .plusInfinity : minusInfinite ? .minusInfinity : .finite(point)
        // Roots, |·|, infinite limits, limits at -∞ and one-sided ones: from the Puiseux series.
        if minusInfinite { return try seriesLimit(body, h, at, side, t) }
        if side != .both {
            // A one-sided limit that exists on both sides is the two-sided one.
            do { return try seriesLimit(body, h, at, side, t) } catch {
                if error.limit != nil { throw error }
                return try rationalLimit(body, h, point, infinite: infinite, t)
            }
        }
        do { return try rationalLimit(body, h, point, infinite: infinite, t) } catch {
            do { return try seriesLimit(body, h, at, side, t) } catch let second {
                if second.limit != nil { throw second }
                throw error
            }
        }
    }

    /// The limit from the series of the body near the point (`LimitValue.of`); an infinite
    /// limit, or one that does not exist, is an error that carries it.
    private func seriesLimit(_ body: Expression, _ h: Symbol, _ at: LimitValue.Point, _ side: LimitValue.Side, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        guard let v = LimitValue.of(body, h, at: at, side: side) else {
            throw error("\\lim whose series near the point is not found (a function other than a root, |·|, exp, log, sin, cos of it)", at: t)
        }
        if case .finite(let c) = v { return .scalar(c) }
        var e = error("\\lim that is \(v.description)", at: t)
        e.limit = v
        throw e
    }

    /// The limit of a rational function of h (after series of exp, log, sin, cos at a finite point).
    private mutating func rationalLimit(_ body: Expression, _ h: Symbol, _ point: Expression, infinite: Bool, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        // At k → 0: h = a + k, or h = 1/k for h → ∞.
        let k = Symbol("\u{1}k")
        let shifted = body.substituting([h: infinite ? Expression.one / Expression(k) : point + Expression(k)])
        // exp, log, sin, cos of polynomials in k become their series (at a finite point only).
        guard let (series, truncated) = infinite ? (shifted, false) : LimitSeries.expand(shifted, in: k),
              let fraction = Fraction.from(series, termLimit: LaTeXReader.limitTermLimit),
              let top = fraction.numerator.coefficients(in: k, expanded: true),
              let bottom = fraction.denominator.coefficients(in: k, expanded: true),
              (Array(top.keys) + Array(bottom.keys)).allSatisfy({ $0.isInteger && !$0.isNegative }) else {
            throw error("\\lim of an expression that is not a rational function of \(PlainPrinter.name(h))", at: t)
        }
        // The lowest powers of k decide: equal, the ratio of their coefficients; more in the
        // numerator, 0; more in the denominator, no finite limit.
        // The lowest coefficient of the denominator must not vanish (for names in it, that is a condition).
        guard let d0 = bottom.keys.min() else { throw error("\\lim of a division by zero", at: t) }
        // A series drops terms from k^(order+1) on: the denominator's lowest term must come before
        // them; the numerator's then decides (terms it lost are of higher order than d0).
        if truncated, d0 >= Rational(LimitSeries.order + 1) { throw error("\\lim beyond the series order \(LimitSeries.order)", at: t) }
        require(DomainRules.quotient(by: bottom[d0]!))
        guard let n0 = top.keys.min(), n0 <= d0 else { return .scalar(.zero) }
        if n0 < d0 { throw error("\\lim that is infinite or does not exist", at: t) }
        return .scalar(top[n0]! / bottom[d0]!)
    }

    /// `\int_a^b f \, dx` of polynomials, exponentials, sines and cosines of a linear argument in x:
    /// F(b) - F(a) with F an antiderivative.
    mutating func readIntegral(_ t: LaTeXToken) throws(ReaderError) -> MathValue {
        var lower: Range<Int>? = nil, upper: Range<Int>? = nil
        for _ in 0..<2 {
            skipSpacing()
            if isSymbol("_") { pos += 1; lower = try skipRawGroup() }
            else if isSymbol("^") { pos += 1; upper = try skipRawGroup() }
        }
        guard let lower, let upper else { throw error("\\int without bounds (an indefinite integral)", at: t) }
        // The integrand runs to the differential `dx` (or `\mathrm{d}x`) at this level.
        var j = pos, depth = 0
        var differential: (start: Int, variable: Int)? = nil
        while j < end {
            let kind = peekSplit(j).kind
            if depth == 0, kind == .letter("d"), j + 1 < end, !peekSplit(j + 1).spaceBefore, LaTeXReader.isNameToken(peekSplit(j + 1).kind) {
                differential = (j, j + 1)
                break
            }
            if depth == 0, kind == .command("mathrm") || kind == .command("text"), j + 4 < end, peekSplit(j + 1).kind == .symbol("{"),
               peekSplit(j + 2).kind == .letter("d"), peekSplit(j + 3).kind == .symbol("}"), LaTeXReader.isNameToken(peekSplit(j + 4).kind) {
                differential = (j, j + 4)
                break
            }
            depth += peekSplit(j).nesting
            if depth < 0 { break }
            j += 1
        }
        guard let differential else { throw error("\\int without its dx", at: t) }
        // The variable with its subscript: `dx_1`, `d\theta_{k}`.
        var variableEnd = differential.variable + 1
        if variableEnd + 1 < end, peekSplit(variableEnd).kind == .symbol("_") {
            variableEnd = peekSplit(variableEnd + 1).kind == .symbol("{") ? (braces[variableEnd + 1] > variableEnd ? braces[variableEnd + 1] + 1 : variableEnd) : variableEnd + 2
        }
        var ir = reader(of: pos..<differential.start), vr = reader(of: differential.variable..<variableEnd)
        ir.inlinesFunctions = true
        guard case .scalar(let f) = try ir.readWhole(), case .scalar(let ve) = try vr.readWhole(), case .symbol(let x) = ve.kind else {
            throw error("an integral of a matrix", at: t)
        }
        // Conditions on x are the integrand's on the interval, which a polynomial does not have.
        let outer = domain
        domain.formUnion(ir.domain)
        keepConditions(outer, without: x)
        pos = variableEnd
        var lr = reader(of: lower), ur = reader(of: upper)
        guard case .scalar(let a) = try lr.readWhole(), case .scalar(let b) = try ur.readWhole(), !a.contains(x), !b.contains(x) else {
            throw error("an integral with bounds in its own variable", at: t)
        }
        guard let F = LaTeXReader.antiderivative(f, x) else {
            throw error("\\int of an expression outside polynomials, e^{ax+b}, sin and cos in \(PlainPrinter.name(x))", at: t)
        }
        return .scalar(F.substituting([x: b]) - F.substituting([x: a]))
    }

    /// Keeps the conditions recorded since `outer` only where they do not mention `bound`.
    private mutating func keepConditions(_ outer: Domain, without bound: Symbol) {
        let inner = domain.dropping(conditionsOn: bound)
        domain = outer
        domain.formUnion(inner)
    }

    static func isNameToken(_ k: LaTeXToken.Kind) -> Bool {
        if case .letter = k { return true }
        if case .command(let c) = k { return greekLetterNames.contains(c) }
        return false
    }

    /// An antiderivative, term by term, of a sum of terms `c x^k` (k a whole number ≥ 0) and
    /// `c e^{αx+β}`, `c \sin(αx+β)`, `c \cos(αx+β)` (α a nonzero number), c free of x; else nil.
    static func antiderivative(_ f: Expression, _ x: Symbol) -> Expression? {
        guard let expanded = f.expanded(maxTerms: limitTermLimit) else { return nil }
        var terms: [Expression] = []
        for term in expanded.summandList {
            var constant: [Expression] = []
            var variable: [(base: Expression, exponent: Expression)] = []
            switch term.kind {
            case .mul(let m):
                constant.append(Expression(m.coefficient))
                for (b, e) in m.factors {
                    if b.contains(x) || e.contains(x) { variable.append((b, e)) } else { constant.append(Expression.power(b, e)) }
                }
            case .power(let b, let e) where term.contains(x):
                variable.append((b, e))
            default:
                if term.contains(x) { variable.append((term, .one)) } else { constant.append(term) }
            }
            let c = Expression.product(constant)
            guard variable.count <= 1 else { return nil }
            guard let (b, e) = variable.first else { terms.append(c * Expression(x)); continue }
            if b == Expression(x), let k = e.rationalValue, k.isInteger, !k.isNegative {
                let next = Expression(k + Rational(1))
                terms.append(c * Expression(x).pow(next) / next)
                continue
            }
            guard e == .one, case .function(let fn, let args) = b.kind, args.count == 1, [.exp, .sin, .cos].contains(fn),
                  let cs = args[0].coefficients(in: x), cs.keys.allSatisfy({ $0 == .zero || $0 == Rational(1) }),
                  let alpha = cs[Rational(1)]?.rationalValue, !alpha.isZero else { return nil }
            let scale = c / Expression(alpha)
            switch fn {
            case .exp: terms.append(scale * b)
            case .sin: terms.append(-scale * Expression.apply(.cos, args[0]))
            default: terms.append(scale * Expression.apply(.sin, args[0]))
            }
        }
        return Expression.sum(terms)
    }

    /// `[F]_a^b` or `\left. F \right|_a^b` (already read as `v`, the bounds next): F(b) - F(a), F in one name.
    mutating func readBoundsEvaluation(_ v: MathValue, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        var lower: Range<Int>? = nil, upper: Range<Int>? = nil
        for _ in 0..<2 {
            skipSpacing()
            if isSymbol("_") { pos += 1; lower = try skipRawGroup() }
            else if isSymbol("^") { pos += 1; upper = try skipRawGroup() }
        }
        guard let lower, let upper, case .scalar(let F) = v else { throw error("an evaluation between bounds", at: t) }
        var lr = reader(of: lower), ur = reader(of: upper)
        guard case .scalar(let a) = try lr.readWhole(), case .scalar(let b) = try ur.readWhole() else { throw error("an evaluation between bounds", at: t) }
        let names = F.freeSymbols
        guard names.count == 1 else { throw error("an evaluation between bounds of an expression in \(names.count) names", at: t) }
        return .scalar(F.substituting([names[0]: b]) - F.substituting([names[0]: a]))
    }

    /// `\max(a, b, …)`, `\min(…)` of numbers; anything else (`\max_x f(x)`, names) is named.
    mutating func readExtremum(_ c: String, _ t: LaTeXToken) throws(ReaderError) -> MathValue {
        skipSpacing()
        if isSymbol("_") { throw error("\\\(c) over a variable", at: t) }
        guard isSymbol("(") || isCommand(["left"]) || isSymbol("{") else { throw error("\\\(c)", at: t) }
        let args: [Expression]
        if isSymbol("{") {
            guard case .scalar(let e) = try readGroup() else { throw error("\\\(c) of a matrix", at: t) }
            args = [e]
        } else {
            args = try readArguments()
        }
        let values = args.compactMap(\.rationalValue)
        guard values.count == args.count, let first = values.first else { throw error("\\\(c) of expressions that are not numbers", at: t) }
        return .scalar(Expression(values.dropFirst().reduce(first) { c == "max" ? ($1 > $0 ? $1 : $0) : ($1 < $0 ? $1 : $0) }))
    }
}
