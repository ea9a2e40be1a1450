import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// A recurrent network of threshold units that adds two binary numbers bit by bit, least
/// significant bit first (../shared/seeds 004): `h^{(t)} = H(W h^{(t-1)} + U x^{(t)} + b_h)`,
/// `y^{(t)} = H(V h^{(t)} + b_y)`, with `H(z) = 1` for `z > 0` and 0 otherwise. The weights come
/// from the carry logic: with `s = x_1 + x_2 + c` the column sum, unit k fires when at least k of
/// the three bits are 1 (weights 1, threshold `k - 1/2`), the carry is unit 2 fed back, and the sum
/// bit is `h_1 - h_2 + h_3`. Each of the 8 rows of the truth table is a checked step, and the network
/// is run exactly on every pair of numbers of up to N bits and compared with integer addition.
public enum BinaryAdder {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The numbers of bits `--bits` accepts (4^N pairs are run).
    public static let bitRange = 1...10

    /// The weights of `h^{(t)} = H(W h^{(t-1)} + U x^{(t)} + b_h)`, `y^{(t)} = H(V h^{(t)} + b_y)`.
    public struct Network: Sendable, Equatable {
        /// 3 × 3, 3 × 2, 3, 3 and one number.
        public let W: [[Rational]]
        public let U: [[Rational]]
        public let bh: [Rational]
        public let V: [Rational]
        public let by: Rational

        init(W: [[Rational]], U: [[Rational]], bh: [Rational], V: [Rational], by: Rational) {
            self.W = W
            self.U = U
            self.bh = bh
            self.V = V
            self.by = by
        }

        /// The threshold of unit k (k = 1, 2, 3), "at least k of the three bits": k − 1/2, halfway
        /// between the sums k − 1 (silent) and k (fires).
        public static func threshold(_ k: Int) -> Rational { Rational(Integer(2 * k - 1), Integer(2))! }

        /// The network derived from the carry logic: every unit sees x_1, x_2 and the carry (unit 2
        /// of the previous step) with weight 1; the output is h_1 − h_2 + h_3 through H(· − 1/2).
        public static let adder: Network = {
            let units = 1...3
            return Network(W: units.map { _ in [0, 1, 0] },
                           U: units.map { _ in [1, 1] },
                           bh: units.map { -threshold($0) },
                           V: units.map { $0 % 2 == 1 ? 1 : -1 },
                           by: -threshold(1))
        }()

        /// The bits of a + b, the network run for `bits + 1` steps from h^{(0)} = 0 (the last step
        /// reads x = (0, 0) and writes the final carry). Exact: every weight times the common
        /// denominator of all of them is an integer, and scaling a pre-activation by a positive
        /// number does not change its sign.
        public func sum(_ a: Int, _ b: Int, bits: Int) -> Int { adder(bits: bits)(a, b) }

        /// `sum(_:_:bits:)` with the integer weights computed once.
        func adder(bits: Int) -> @Sendable (Int, Int) -> Int {
            let s = scaled
            // Each unit's row (bias, W, U) as one tuple: the loop runs 4^N (N + 1) times.
            let rows = (0..<3).map { k in (s.bh[k], s.W[k][0], s.W[k][1], s.W[k][2], s.U[k][0], s.U[k][1]) }
            let (r0, r1, r2) = (rows[0], rows[1], rows[2])
            let (v0, v1, v2, by) = (s.V[0], s.V[1], s.V[2], s.by)
            return { a, b in
                var (h0, h1, h2) = (0, 0, 0)
                var out = 0
                for t in 0...bits {
                    let x0 = (a >> t) & 1, x1 = (b >> t) & 1
                    func unit(_ r: (Int, Int, Int, Int, Int, Int)) -> Int {
                        r.0 + r.1 * h0 + r.2 * h1 + r.3 * h2 + r.4 * x0 + r.5 * x1 > 0 ? 1 : 0
                    }
                    (h0, h1, h2) = (unit(r0), unit(r1), unit(r2))
                    if by + v0 * h0 + v1 * h1 + v2 * h2 > 0 { out |= 1 << t }
                }
                return out
            }
        }

        /// The weights times their common denominator, as integers.
        var scaled: (W: [[Int]], U: [[Int]], bh: [Int], V: [Int], by: Int) {
            let all = W.flatMap { $0 } + U.flatMap { $0 } + bh + V + [by]
            var common = 1
            for r in all {
                let d = r.denominator.intValue ?? 1
                var (p, q) = (common, d)
                while q != 0 { (p, q) = (q, p % q) }
                common = common / p * d
            }
            let c = Rational(common)
            func int(_ r: Rational) -> Int { (r * c).numerator.intValue ?? 0 }
            return (W.map { $0.map(int) }, U.map { $0.map(int) }, bh.map(int), V.map(int), int(by))
        }

        /// One step computed by the engine: the pre-activations, the new state and the output.
        func step(_ h: [Expression], _ x: [Expression]) -> (z: [Expression], h: [Expression], y: Expression) {
            var z: [Expression] = []
            for k in 0..<3 {
                var terms = [Expression(bh[k])]
                for j in 0..<3 { terms.append(Expression(W[k][j]) * h[j]) }
                for j in 0..<2 { terms.append(Expression(U[k][j]) * x[j]) }
                z.append(Expression.sum(terms))
            }
            let next = z.map { Expression.apply(.heaviside, $0) }
            let out = Expression.sum([Expression(by)] + (0..<3).map { Expression(V[$0]) * next[$0] })
            return (z, next, Expression.apply(.heaviside, out))
        }
    }

    static let t = Symbol.TimeStep("t", style: .paren)
    static let tPrev = Symbol.TimeStep("t-1", style: .paren)
    static func x(_ i: Int) -> Symbol { Symbol("x", subscriptText: "\(i)", timeStep: t) }
    static func hPrev(_ k: Int) -> Symbol { Symbol("h", subscriptText: "\(k)", timeStep: tPrev) }
    static func theta(_ k: Int) -> Symbol { Symbol("theta", subscriptText: "\(k)") }
    static let s = Symbol("s", timeStep: t)
    static let cPrev = Symbol("c", timeStep: tPrev)

    static func row(_ values: [Expression]) -> MathValue { .matrix(Matrix(rows: 1, columns: values.count, entries: values)) }
    static func column(_ values: [Expression]) -> MathValue { .matrix(Matrix(rows: values.count, columns: 1, entries: values)) }
    static func tuple(_ values: [Int]) -> String { "(" + values.map(String.init).joined(separator: ", ") + ")" }
    static func half(_ r: Rational) -> String {
        let m = r.isNegative ? -r : r
        return r.isInteger ? "\(r)" : (r.isNegative ? "-" : "") + "\\tfrac{\(m.numerator)}{\(m.denominator)}"
    }

    public static func derivation(bits n: Int = 3) throws(Failure) -> Derivation {
        guard bitRange.contains(n) else {
            throw Failure(description: "--bits: between \(bitRange.lowerBound) and \(bitRange.upperBound) (every pair of N-bit numbers, 4^N of them, is run)")
        }
        let net = Network.adder
        var d = Derivation(name: "binary-adder", title: "A threshold RNN that adds binary numbers",
                           statement: "Two binary numbers are fed to a recurrent network one bit of each per time step, least significant bit first; the network has two inputs $x^{(t)} = (x_1^{(t)}, x_2^{(t)})$, three hidden threshold units and one output, $h^{(t)} = H(W h^{(t-1)} + U x^{(t)} + b_h)$, $y^{(t)} = H(V h^{(t)} + b_y)$, with $H(z) = 1$ for $z > 0$ and $0$ otherwise and $h^{(0)} = 0$, and $y^{(t)}$ must be bit $t$ of the sum. Find $W$, $U$, $b_h$, $V$, $b_y$, and check the network on every pair of numbers of up to $N = \(n)$ bits.")
        d.persianStatement = "دو عدد دودویی، در هر گام زمانی یک بیت از هر کدام و از کم‌ارزش‌ترین بیت، به یک شبکه‌ی بازگشتی داده می‌شوند. شبکه دو ورودی $x^{(t)} = (x_1^{(t)}, x_2^{(t)})$، سه واحد پنهان آستانه‌ای و یک خروجی دارد: $h^{(t)} = H(W h^{(t-1)} + U x^{(t)} + b_h)$ و $y^{(t)} = H(V h^{(t)} + b_y)$، که در آن $H(z) = 1$ برای $z > 0$ و در غیر این صورت $0$ است و $h^{(0)} = 0$؛ $y^{(t)}$ باید بیت $t$-ام حاصل جمع باشد. $W$، $U$، $b_h$، $V$ و $b_y$ را بیابید و شبکه را روی همه‌ی جفت‌عددهای حداکثر $N = \(n)$ بیتی بیازمایید."
        let S = Expression(s), C = Expression(cPrev)
        let X1 = Expression(x(1)), X2 = Expression(x(2))

        // The carry logic.
        d.definitions[s] = X1 + X2 + C
        d.steps.append(.init(S, X1 + X2 + C, "the column sum: the two bits and the carry in, $c^{(0)} = 0$, so $s^{(t)} \\in \\{0, 1, 2, 3\\}$",
                             check: .definition, lhsLatex: "s^{(t)}", rhsLatex: "x_1^{(t)} + x_2^{(t)} + c^{(t-1)}"))
        d.steps.append(.init(S, S, "the sum bit is the parity of the three bits, the carry out their majority",
                             check: .remark, lhsLatex: "\\bigl(y^{(t)},\\ c^{(t)}\\bigr)",
                             rhsLatex: "\\bigl(s^{(t)} \\bmod 2,\\ [s^{(t)} \\ge 2]\\bigr)"))

        // Unit k fires when at least k of the bits are 1: weights 1, threshold k − 1/2.
        for k in 1...3 {
            let th = Network.threshold(k)
            d.definitions[theta(k)] = Expression(th)
            d.steps.append(.init(Expression(theta(k)), Expression(th),
                                 k == 1 ? "unit $k$ fires when at least $k$ of the three bits are 1: $h_k = H(s^{(t)} - \\theta_k)$, weights $1, 1, 1$ and a threshold halfway between $k - 1$ and $k$"
                                        : "likewise",
                                 check: .definition, lhsLatex: "\\theta_\(k)", rhsLatex: "\(k) - \\tfrac{1}{2} = " + half(th)))
            d.steps.append(.init(.scalar(Expression(k) - Expression(theta(k))), .greater, .scalar(.zero),
                                 "unit \(k) fires at $s = \(k)$", lhsLatex: "\(k) - \\theta_\(k)"))
            d.steps.append(.init(.scalar(Expression(k - 1) - Expression(theta(k))), .less, .scalar(.zero),
                                 k == 1 ? "and is silent at $s = \(k - 1)$; $s$ is an integer, so $H(s - \\theta_k) = [s \\ge k]$; the argument is never 0, so the conventions $z > 0$ and $z \\ge 0$ agree"
                                        : "and is silent at $s = \(k - 1)$",
                                 lhsLatex: "\(k - 1) - \\theta_\(k)"))
        }

        // What the units give for each column sum, computed by the engine.
        let sums = Array(0...3)
        func unit(_ k: Int, _ sum: Int) -> Expression { Expression.apply(.heaviside, Expression(sum) - Expression(Network.threshold(k))) }
        d.steps.append(.init(row(sums.map { sum in unit(1, sum) + unit(2, sum) + unit(3, sum) }), .equal, row(sums.map { Expression($0) }),
                             "each unit adds 1 once $s$ reaches its level, so $h_1 + h_2 + h_3 = s$ (for $s = 0, 1, 2, 3$)",
                             lhsLatex: "\\bigl(h_1 + h_2 + h_3\\bigr)_{s = 0, 1, 2, 3}"))
        d.steps.append(.init(row(sums.map { unit(2, $0) }), .equal, row(sums.map { Expression($0 >= 2 ? 1 : 0) }),
                             "unit 2 is the carry $[s \\ge 2]$: it is fed back, $c^{(t-1)} = h_2^{(t-1)}$",
                             lhsLatex: "\\bigl(h_2\\bigr)_{s = 0, 1, 2, 3}"))
        d.steps.append(.init(row(sums.map { unit(1, $0) - unit(2, $0) + unit(3, $0) }), .equal, row(sums.map { Expression($0 % 2) }),
                             "the sum bit: $h_1 - h_2 + h_3 = s - 2 h_2 = s \\bmod 2$",
                             lhsLatex: "\\bigl(h_1 - h_2 + h_3\\bigr)_{s = 0, 1, 2, 3}"))
        for (value, relation) in [(1, Relation.greater), (0, .less)] {
            d.steps.append(.init(.scalar(Expression(value) + Expression(net.by)), relation, .scalar(.zero),
                                 value == 1 ? "the output unit passes that 0 or 1 on: $V = (1, -1, 1)$, $b_y = -\\tfrac{1}{2}$" : "likewise",
                                 lhsLatex: "\(value) - \\tfrac{1}{2}"))
        }

        // The weights, and the pre-activations they give.
        d.definitions[cPrev] = Expression(hPrev(2))
        func matrix(_ m: [[Rational]]) -> MathValue {
            .matrix(Matrix(rows: m.count, columns: m[0].count, entries: m.flatMap { $0.map { Expression($0) } }))
        }
        d.steps.append(.init(matrix(net.W), .equal, matrix(net.W), "every unit reads the carry $h_2^{(t-1)}$ with weight 1",
                             check: .definition, lhsLatex: "W", isResult: true))
        d.steps.append(.init(matrix(net.U), .equal, matrix(net.U), "and both input bits with weight 1",
                             check: .definition, lhsLatex: "U", isResult: true))
        d.steps.append(.init(column(net.bh.map { Expression($0) }), .equal, column(net.bh.map { Expression($0) }), "minus the thresholds $\\theta_1, \\theta_2, \\theta_3$",
                             check: .definition, lhsLatex: "b_h", isResult: true))
        d.steps.append(.init(matrix([net.V]), .equal, matrix([net.V]), "the output reads $h_1 - h_2 + h_3$",
                             check: .definition, lhsLatex: "V", isResult: true))
        d.steps.append(.init(Expression(net.by), Expression(net.by), "its threshold $\\tfrac{1}{2}$",
                             check: .definition, lhsLatex: "b_y", isResult: true))
        let general = net.step((1...3).map { Expression(hPrev($0)) }, [X1, X2])
        d.steps.append(.init(column(general.z), .equal, column((1...3).map { S - Expression(theta($0)) }),
                             "the pre-activations: $s^{(t)} = x_1^{(t)} + x_2^{(t)} + h_2^{(t-1)}$ against each threshold",
                             lhsLatex: "W h^{(t-1)} + U x^{(t)} + b_h",
                             rhsLatex: "\\begin{bmatrix} s^{(t)} - \\theta_1 \\\\ s^{(t)} - \\theta_2 \\\\ s^{(t)} - \\theta_3 \\end{bmatrix}"))

        // The truth table, each row run by the engine.
        for c in 0...1 {
            for b in 0...1 {
                for a in 0...1 {
                    let ce = Expression(c)
                    let r = net.step([ce, ce, ce], [Expression(a), Expression(b)])
                    let hs = r.h.compactMap { $0.rationalValue?.numerator.intValue }
                    let sum = a + b + c
                    d.steps.append(.init(row([r.y, r.h[1]]), .equal, row([Expression(sum % 2), Expression(sum >= 2 ? 1 : 0)]),
                                         (a, b, c) == (0, 0, 0)
                                            ? "row $(x_1, x_2, c^{(t-1)}) = (0, 0, 0)$ run through the network (only $h_2^{(t-1)} = c^{(t-1)}$ is read): $h^{(t)} = \(tuple(hs))$; the parity and the majority of the bits"
                                            : "$h^{(t)} = \(tuple(hs))$",
                                         lhsLatex: "\\bigl(y^{(t)}, h_2^{(t)}\\bigr)_{\(tuple([a, b, c]))}",
                                         rhsLatex: "\\bigl(\(sum % 2), \(sum >= 2 ? 1 : 0)\\bigr)"))
                }
            }
        }

        // An example run by the engine: the largest N-bit numbers, a carry at every step.
        let largest = (1 << n) - 1
        var h = [Expression.zero, .zero, .zero]
        var outputs: [Expression] = []
        for step in 0...n {
            let bit = Expression(step < n ? 1 : 0)
            let r = net.step(h, [bit, bit])
            h = r.h
            outputs.append(r.y)
        }
        let readout = Expression.sum(outputs.enumerated().map { $0.element * Expression.power(Expression(2), Expression($0.offset)) })
        let bitsShown = outputs.map { $0.rationalValue.map { "\($0)" } ?? "?" }.joined(separator: ", ")
        d.steps.append(.init(readout, Expression(largest + largest),
                             "example: $a = b = 2^{\(n)} - 1 = \(largest)$ run for \(n + 1) steps (the last with $x = (0, 0)$): $y = (\(bitsShown))$, least significant first",
                             lhsLatex: "\\sum_{t=1}^{\(n + 1)} y^{(t)}\\, 2^{t-1}"))

        // Every pair of numbers of up to N bits, run exactly and compared with integer addition.
        let run = net.adder(bits: n)
        var agree = 0
        for a in 0...largest {
            for b in 0...largest where run(a, b) == a + b { agree += 1 }
        }
        let pairs = (largest + 1) * (largest + 1)
        d.steps.append(.init(Expression(agree), Expression(pairs),
                             "every pair $0 \\le a, b < 2^{\(n)}$ run for \(n + 1) steps and read as $\\sum_t y^{(t)} 2^{t-1}$, against $a + b$",
                             lhsLatex: "\\#\\{(a, b) : \\text{network}(a, b) = a + b\\}", rhsLatex: "(2^{\(n)})^2 = \(pairs)", isResult: true))
        return d
    }
}
