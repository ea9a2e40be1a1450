// Public workloads beyond our own (issue 18): SymEngine's benchmarks folder (expand3, expand6 and
// its substitution, diff_cache), symbench S3, a derivative of a product of sines, and sparse
// polynomial products; the same definitions as in bench/peers.py. Inputs are built before timing.
// Each result is described by its number of summands and its exact value at a rational point,
// which run.sh compares with the peers' results.
import Foundation
import Symbolic

/// Times and result descriptions of the public workloads.
struct PublicWorkloads {
    let quick: Bool
    let enabled: (String) -> Bool
    private(set) var times: [(String, Double)] = []
    private(set) var checks: [(String, String)] = []

    init(quick: Bool, enabled: @escaping (String) -> Bool) {
        self.quick = quick
        self.enabled = enabled
    }

    /// Repetitions are multiplied by the environment variable DERIVEBENCH_REPEAT (for profiling).
    static let repeatFactor = ProcessInfo.processInfo.environment["DERIVEBENCH_REPEAT"].flatMap(Int.init) ?? 1

    /// Best wall time of `body` over `repetitions` runs.
    static func measure(_ repetitions: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<repetitions * repeatFactor {
            let d = clock.measure(body)
            best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        return best
    }

    /// "terms N, value V": the number of summands (the constant counts) and the exact value at `point`.
    static func describe(_ e: Expression, at point: [Symbol: Rational]?) -> String {
        let terms: Int
        if case .add(let a) = e.kind { terms = a.terms.count + (a.constant.isZero ? 0 : 1) } else { terms = e.isZero ? 0 : 1 }
        guard let point else { return "terms \(terms)" }
        switch e.exactValue(at: point) {
        case .rational(let r): return "terms \(terms), value \(r)"
        case .undefined: return "terms \(terms), value undefined"
        case .irrational: return "terms \(terms), value irrational"
        }
    }

    static func sym(_ name: String) -> Expression { Expression(Symbol(name)) }
    static func rational(_ p: Int, _ q: Int) -> Rational { Rational(Integer(p), Integer(q))! }

    /// x = 1/2, y = 1/3, z = 1/5, t = 1/7, u = 1/11.
    static let point5: [Symbol: Rational] = [
        Symbol("x"): rational(1, 2), Symbol("y"): rational(1, 3), Symbol("z"): rational(1, 5),
        Symbol("t"): rational(1, 7), Symbol("u"): rational(1, 11),
    ]

    mutating func record(_ name: String, _ time: Double, _ result: Expression, at point: [Symbol: Rational]?) {
        times.append((name, time))
        checks.append((name, PublicWorkloads.describe(result, at: point)))
    }

    mutating func run() {
        let (x, y, z) = (Self.sym("x"), Self.sym("y"), Self.sym("z"))
        let intPoint: [Symbol: Rational] = [Symbol("x"): Rational(2), Symbol("y"): Rational(3), Symbol("z"): Rational(1)]

        // SymEngine benchmarks/expand3: expand((x^y + y^x + z^x)^100).
        if enabled("expand3") {
            let e = (x.pow(y) + y.pow(x) + z.pow(x)).pow(quick ? 50 : 100)
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 5) { r = e.expanded() }
            record("expand3", t, r, at: intPoint)
        }

        // SymEngine benchmarks/expand6: e = expand((a0 + … + a_{N-1})^2), a0 -> -(a2 + … + a_{N-1}), expand.
        if enabled("expand6") || enabled("expand6_subs") {
            let n = quick ? 60 : 100
            let a = (0..<n).map { Self.sym("a\($0)") }
            let e = Expression.sum(a).pow(2).expanded()
            let f = Expression.sum(a[2...])
            let values: [Symbol: Expression] = [Symbol("a0"): -f]
            var point: [Symbol: Rational] = [:]
            for i in 0..<n { point[Symbol("a\(i)")] = Self.rational(1, i + 1) }
            var s = Expression.zero
            let ts = Self.measure(quick ? 3 : 5) { s = e.substituting(values) }
            record("expand6_subs", ts, s, at: point)
            var r = Expression.zero
            let te = Self.measure(quick ? 3 : 5) { r = s.expanded() }
            record("expand6", te, r, at: point)
        }

        // SymEngine benchmarks/diff_cache (with common subexpressions): 10 nested powers e^(cos √(log sin(v^w)) + e).
        if enabled("diff_cache") {
            let v = (1...10).map { Self.sym(String(repeating: "a", count: $0)) }
            var e = Expression(23)
            for i in 0..<10 {
                let inner = Expression.apply(.cos, Expression.apply(.log, Expression.apply(.sin, v[9 - i].pow(v[i]))).squareRoot)
                e = e.pow(inner + e)
            }
            e = e.expanded()
            let a = Symbol("a")
            var r = Expression.zero
            let t = Self.measure(quick ? 3 : 10) { r = e.derivative(with: a) }
            record("diff_cache", t, r, at: nil)
        }

        // The second x-derivative of Π_{k=1}^{50} sin(k x + y/k).
        if enabled("diff2_sinprod") {
            let n = quick ? 20 : 50
            let p = Expression.product((1...n).map { k in Expression.apply(.sin, Expression(k) * x + y / Expression(k)) })
            var r = Expression.zero
            let t = Self.measure(quick ? 3 : 5) { r = p.derivative(with: Symbol("x"), times: 2) }
            record("diff2_sinprod", t, r, at: nil)
        }

        // symbench S3: the x-derivative of expand((x^y + y^z + z^x)^50).
        if enabled("s3") {
            let f = (x.pow(y) + y.pow(z) + z.pow(x)).pow(50).expanded()
            var r = Expression.zero
            let t = Self.measure(quick ? 3 : 5) { r = f.derivative(with: Symbol("x")) }
            let point: [Symbol: Rational] = [Symbol("x"): Rational(2), Symbol("y"): Rational(1), Symbol("z"): Rational(1)]
            record("s3", t, r, at: point)
        }

        // Fateman with f left as a power: expand(p·(p + 1)), p = (1 + x + y + z + t)^k.
        if enabled("fateman_pow") {
            let k = quick ? 12 : 20
            let p = (Expression(1) + x + y + z + Self.sym("t")).pow(k)
            let g = p * (p + .one)
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 1) { r = g.expanded() }
            record("fateman_pow", t, r, at: Self.point5)
        }

        // Sparse: f = (1 + x + y + 2z² + 3t³ + 5u⁵)^k, g = (1 + u + t + 2z² + 3y³ + 5x⁵)^k expanded, then f·g.
        if enabled("sparse5") {
            let k = quick ? 5 : 8
            let (t, u) = (Self.sym("t"), Self.sym("u"))
            let f = (Expression(1) + x + y + 2 * z.pow(2) + 3 * t.pow(3) + 5 * u.pow(5)).pow(k).expanded()
            let g = (Expression(1) + u + t + 2 * z.pow(2) + 3 * y.pow(3) + 5 * x.pow(5)).pow(k).expanded()
            let fg = f * g
            // First with every term read as an expression node (a large expansion's terms stay
            // packed until they are read; SymEngine and SymPy always build them).
            var count = 0
            let read = Self.measure(quick ? 2 : 3) {
                if case .add(let a) = fg.expanded().kind { count = a.terms.count }
            }
            precondition(count > 0)
            var r = Expression.zero
            let time = Self.measure(quick ? 2 : 3) { r = fg.expanded() }
            record("sparse5", time, r, at: Self.point5)
            times.append(("sparse5_read", read))
        }

        // Rational coefficients in four variables: f = expand((x/2 + y/3 + z/5 + t/7 + 1/11)^10), f·(f + 1).
        if enabled("rational4") {
            let t = Self.sym("t")
            let f = (x / 2 + y / 3 + z / 5 + t / 7 + Expression(Self.rational(1, 11))).pow(10).expanded()
            let g = f * (f + .one)
            var r = Expression.zero
            let time = Self.measure(quick ? 2 : 3) { r = g.expanded() }
            record("rational4", time, r, at: Self.point5)
        }
        runSymbench()
    }
}
