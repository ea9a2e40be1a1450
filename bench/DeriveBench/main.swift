// Benchmarks for the engine, the same workloads as bench/peers.py runs in SymEngine and SymPy.
// Prints one JSON object: workload name -> best time in seconds over the repetitions.
// Usage: DeriveBench [--quick]
import Foundation
import Symbolic
typealias Expression = Symbolic.Expression

let quick = CommandLine.arguments.contains("--quick")
/// `--only NAME` runs one workload (for profiling).
let only: String? = CommandLine.arguments.firstIndex(of: "--only").map { CommandLine.arguments[$0 + 1] }
func enabled(_ name: String) -> Bool { only == nil || only == name }
let clock = ContinuousClock()

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

/// Best wall time of `body` over `repetitions` runs (after `setup`, which is not timed).
func measure(_ repetitions: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let t = clock.measure(body)
        best = min(best, seconds(t))
    }
    return best
}

func parse(_ s: String) -> Expression { try! PlainParser.parse(s) }

var results: [(String, Double)] = []
/// Workload name -> "terms N, value V": checked against the peers by run.sh.
var checks: [(String, String)] = []

// `--scaling`: expand2 with exponents 10, 15, 20 (time and number of terms), for the growth check.
if CommandLine.arguments.contains("--scaling") {
    for n in [10, 15, 20] {
        let e = parse("(x+y+z+w)^\(n)")
        let f = e * (e + parse("w"))
        var terms = 0
        let t = measure(3) { if case .add(let a) = f.expanded().kind { terms = a.terms.count } }
        print("expand2 exponent \(n): \(terms) terms, \(String(format: "%.2f", t * 1000)) ms, \(String(format: "%.1f", t * 1e9 / Double(terms))) ns per output term")
    }
    // Fateman's f·(f+1) from expanded f = (1+x+y+z+t)^k, and the square of Σ_{i<n} x_i y_i.
    for k in [8, 12, 16, 20] {
        let f = parse("(1+x+y+z+t)^\(k)").expanded()
        let g = f * (f + .one)
        var terms = 0
        let t = measure(k < 20 ? 3 : 2) { if case .add(let a) = g.expanded().kind { terms = a.terms.count + 1 } }
        print("fateman k = \(k): \(terms) terms, \(String(format: "%.2f", t * 1000)) ms")
    }
    for n in [250, 500, 1000] {
        let s = Expression.sum((0..<n).map { Expression(Symbol("x\($0)")) * Expression(Symbol("y\($0)")) })
        var terms = 0
        let t = measure(2) { if case .add(let a) = (s * s).expanded().kind { terms = a.terms.count } }
        print("sumsq n = \(n): \(terms) terms, \(String(format: "%.2f", t * 1000)) ms")
    }
    exit(0)
}
let reps = quick ? 3 : 10

// expand2: e = (x+y+z+w)^15; expand(e*(e+w))
if enabled("expand2") {
    let e = parse("(x+y+z+w)^15")
    let f = e * (e + parse("w"))
    var terms = 0
    let t = measure(quick ? 2 : 5) {
        let r = f.expanded()
        if case .add(let a) = r.kind { terms = a.terms.count }
    }
    precondition(terms == 6272, "expand2 produced \(terms) terms")
    results.append(("expand2", t))
}

// expand((x+y+z+1)^20)
let p20 = parse("(x+y+z+1)^20")
var expanded20 = Expression.zero
if enabled("expand_pow20") || enabled("diff5") {
    results.append(("expand_pow20", measure(reps * 5) { expanded20 = p20.expanded() }))
    // The same with its 1,771 terms read as expression nodes (they stay packed until read).
    var count = 0
    results.append(("expand_pow20_read", measure(reps * 5) {
        if case .add(let a) = p20.expanded().kind { count = a.terms.count }
    }))
    precondition(count == 1770, "expand_pow20 produced \(count) terms besides its constant")
}

// five x-derivatives of that expansion
if enabled("diff5") {
    let x = Symbol("x")
    results.append(("diff5", measure(reps * 2) { _ = expanded20.derivative(with: x, times: 5) }))
}

// exact sum of 1/k, k = 1..5000
if enabled("harmonic5000") {
    let terms = (1...5000).map { Expression(Rational(Integer(1), Integer($0))!) }
    results.append(("harmonic5000", measure(reps) { _ = Expression.sum(terms) }))
}

// substitute x=1/2, y=1/3, z=1/5 into expand((x+y+z+1)^15)
if enabled("subs3") {
    let e = parse("(x+y+z+1)^15").expanded()
    let values: [Symbol: Expression] = [
        Symbol("x"): Expression(Rational(Integer(1), Integer(2))!),
        Symbol("y"): Expression(Rational(Integer(1), Integer(3))!),
        Symbol("z"): Expression(Rational(Integer(1), Integer(5))!),
    ]
    var value = Expression.zero
    results.append(("subs3", measure(reps * 5) { value = e.substituting(values) }))
    // (1/2 + 1/3 + 1/5 + 1)^15 = (61/30)^15
    precondition(value == Expression(Rational(Integer(61).power(15), Integer(30).power(15))!), "subs3 gave \(value)")
}

// Public workloads beyond our own (issue 18). Inputs are expanded before timing, as in the peers.
// sumsq: (Σ_{i<n} x_i y_i)^2 with n = 200 (quick) or 1000: many generators, a sparse square.
if enabled("sumsq") {
    let n = quick ? 200 : 1000
    let s = Expression.sum((0..<n).map { Expression(Symbol("x\($0)")) * Expression(Symbol("y\($0)")) })
    var terms = 0
    var r = Expression.zero
    let t = measure(quick ? 2 : 3) { r = (s * s).expanded(); if case .add(let a) = r.kind { terms = a.terms.count } }
    precondition(terms == n * (n + 1) / 2, "sumsq produced \(terms) terms")
    results.append(("sumsq", t))
    var point: [Symbol: Rational] = [:]
    for i in 0..<n { point[Symbol("x\(i)")] = Rational(Integer(1), Integer(i + 2))!; point[Symbol("y\(i)")] = Rational(Integer(1), Integer(i + 3))! }
    checks.append(("sumsq", PublicWorkloads.describe(r, at: point)))
}

// fateman: f = expand((1+x+y+z+t)^k) with k = 12 (quick) or 20; expand(f*(f+1)) from expanded f.
if enabled("fateman") {
    let k = quick ? 12 : 20
    let f = parse("(1+x+y+z+t)^\(k)").expanded()
    let g = f * (f + .one)
    var terms = 0
    var r = Expression.zero
    let t = measure(quick ? 2 : 1) { r = g.expanded(); if case .add(let a) = r.kind { terms = a.terms.count + (a.constant.isZero ? 0 : 1) } }
    let expected = [12: 20475, 20: 135751][k]!
    precondition(terms == expected, "fateman produced \(terms) terms")
    results.append(("fateman", t))
    checks.append(("fateman", PublicWorkloads.describe(r, at: PublicWorkloads.point5)))
}

// rational: (x/2 + y/3 + z/5 + 1/7)^14 times itself plus one, expanded (rational coefficients).
if enabled("rational") {
    let f = parse("(x/2 + y/3 + z/5 + 1/7)^14").expanded()
    let g = f * (f + .one)
    var r = Expression.zero
    results.append(("rational", measure(quick ? 2 : 3) { r = g.expanded() }))
    checks.append(("rational", PublicWorkloads.describe(r, at: PublicWorkloads.point5)))
}

var publicWorkloads = PublicWorkloads(quick: quick, enabled: enabled)
publicWorkloads.run()
results += publicWorkloads.times
checks += publicWorkloads.checks

let body = results.map { "\"\($0.0)\": \(String(format: "%.6f", $0.1))" }.joined(separator: ", ")
print("{" + body + "}")
let checkBody = checks.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ")
print("{" + checkBody + "}")
