// The rest of SymEngine's benchmarks folder that derive can express: symbench (R2, R7, R8, S1, S2,
// S3a; R1 needs complex numbers, R3 and R5 time an equality test and a set of 11 expressions),
// expand1, expand7, and the dense matrix sums and products (matrix_add1/2, matrix_mul1/2). R7 and R8 substitute exact rationals where symbench substitutes floating
// point numbers (bench/peers.py does the same in SymEngine and SymPy). The same definitions are in
// bench/peers.py; each result is described by its number of summands and exact value at a point.
import Symbolic

extension PublicWorkloads {
    mutating func runSymbench() {
        let (x, y, z, w) = (Self.sym("x"), Self.sym("y"), Self.sym("z"), Self.sym("w"))
        let point4: [Symbol: Rational] = [
            Symbol("x"): Self.rational(1, 2), Symbol("y"): Self.rational(1, 3), Symbol("z"): Self.rational(1, 5), Symbol("w"): Self.rational(1, 7),
        ]

        // SymEngine benchmarks/expand1: expand((x + y + z + w)^60), 39,711 terms.
        if enabled("expand1") {
            let e = (x + y + z + w).pow(quick ? 30 : 60)
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 3) { r = e.expanded() }
            record("expand1", t, r, at: point4)
        }

        // SymEngine benchmarks/expand7: e = (1 + √3·x + √5·y)^20, expand(e·(e + √7)).
        if enabled("expand7") {
            let root = { (k: Int) in Expression(k).squareRoot }
            let e = (Expression.one + root(3) * x + root(5) * y).pow(quick ? 10 : 20)
            let f = e * (e + root(7))
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 3) { r = f.expanded() }
            record("expand7", t, r, at: nil)
        }

        // symbench R2: the Hermite polynomial H_15(y) by its recurrence, expanding at each step.
        if enabled("symbench_r2") {
            func hermite(_ n: Int, _ y: Expression) -> Expression {
                if n == 1 { return y * Expression(2) }
                if n == 0 { return .one }
                return (Expression(2) * y * hermite(n - 1, y) - Expression(2) * Expression(n - 1) * hermite(n - 2, y)).expanded()
            }
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 5) { r = hermite(15, y) }
            record("symbench_r2", t, r, at: point4)
        }

        // symbench R7: a polynomial of degree 24 at x = 1/2, 10,000 times (exact).
        if enabled("symbench_r7") {
            let f = x.pow(24) + 34 * x.pow(12) + 45 * x.pow(3) + 9 * x.pow(18) + 34 * x.pow(10) + 32 * x.pow(21)
            let half: [Symbol: Expression] = [Symbol("x"): Expression(Self.rational(1, 2))]
            let n = quick ? 1000 : 10000
            var values: [Expression] = []
            let t = Self.measure(quick ? 2 : 3) {
                values = []
                values.reserveCapacity(n)
                for _ in 0..<n { values.append(f.substituting(half)) }
            }
            record("symbench_r7", t, values.last ?? .zero, at: [:])
        }

        // symbench R8: the right Riemann sum of x^2 on [0, 5] with 10,000 rectangles, by substitution (exact).
        if enabled("symbench_r8") {
            let f = x.pow(2), n = quick ? 1000 : 10000
            let dx = Self.rational(5, n)
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 3) {
                var c = Rational.zero, estimate = Expression.zero
                for _ in 0..<n {
                    c = c + dx
                    estimate = estimate + f.substituting([Symbol("x"): Expression(c)])
                }
                r = estimate * Expression(dx)
            }
            record("symbench_r8", t, r, at: [:])
        }

        // symbench S1: e = (x + y + z + 1)^7, expand(e·(e + 1)).
        if enabled("symbench_s1") {
            let e = (x + y + z + .one).pow(7)
            let f = e * (e + .one)
            var r = Expression.zero
            let t = Self.measure(quick ? 3 : 10) { r = f.expanded() }
            record("symbench_s1", t, r, at: point4)
        }

        // symbench S2: expand((x^sin x + y^cos y + z^(x + y))^100).
        if enabled("symbench_s2") {
            let e = (x.pow(.apply(.sin, x)) + y.pow(.apply(.cos, y)) + z.pow(x + y)).pow(quick ? 30 : 100)
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 3) { r = e.expanded() }
            record("symbench_s2", t, r, at: nil)
        }

        // SymEngine benchmarks/matrix_add1, matrix_mul1 (4×4 integer matrices) and matrix_add2,
        // matrix_mul2 (3×3 matrices of distinct symbols), 10,000 times each. The check is the sum of
        // the last result's entries (at 1/2, 1/3, … for the symbols a, b, …, i, x, y, z, p, q, r, u, v, w).
        let integersA = Matrix(rows: 4, columns: 4, entries: [-23, 67, 3, 4, 54, 61, 7, 8, 32, 15, 12, 13, 100, 17, 15, 178].map { Expression($0) })
        let integersB = Matrix(rows: 4, columns: 4, entries: [12, 22, 30, 40, 45, 6, 37, 80, 91, 10, 16, 52, 45, 14, 2, 6].map { Expression($0) })
        let counting = Matrix(rows: 4, columns: 4, entries: (1...16).map { Expression($0) })
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "x", "y", "z", "p", "q", "r", "u", "v", "w"]
        let symbolsA = Matrix(rows: 3, columns: 3, entries: names[0..<9].map(Self.sym))
        let symbolsB = Matrix(rows: 3, columns: 3, entries: names[9..<18].map(Self.sym))
        var namePoint: [Symbol: Rational] = [:]
        for (k, name) in names.enumerated() { namePoint[Symbol(name)] = Self.rational(1, k + 2) }
        let matrixCases: [(String, Matrix, Matrix, Bool)] = [
            ("matrix_add1", counting, counting, false), ("matrix_mul1", integersA, integersB, true),
            ("matrix_add2", symbolsA, symbolsB, false), ("matrix_mul2", symbolsA, symbolsB, true),
        ]
        for (name, a, b, multiply) in matrixCases where enabled(name) {
            let n = quick ? 1000 : 10000
            var last: Matrix? = nil
            let t = Self.measure(quick ? 2 : 3) {
                for _ in 0..<n { last = multiply ? a * b : a + b }
            }
            record(name, t, Expression.sum(last?.entries ?? []), at: namePoint)
        }

        // symbench S3a: S3 with the power 500 (125,751 terms before the derivative).
        if enabled("symbench_s3a") {
            let f = (x.pow(y) + y.pow(z) + z.pow(x)).pow(quick ? 100 : 500).expanded()
            var r = Expression.zero
            let t = Self.measure(quick ? 2 : 3) { r = f.derivative(with: Symbol("x")) }
            let point: [Symbol: Rational] = [Symbol("x"): Rational(2), Symbol("y"): Rational(1), Symbol("z"): Rational(1)]
            record("symbench_s3a", t, r, at: point)
        }
    }
}
