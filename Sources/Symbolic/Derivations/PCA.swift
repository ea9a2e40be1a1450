import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
/// Principal component analysis by hand (../shared/seeds 000): the mean, the centred data, the
/// covariance (1/n or 1/(n−1)), its characteristic polynomial, the eigenvalues exactly (rational,
/// or a square root from a quadratic factor), unit eigenvectors, the component PCA keeps, the
/// projections onto it and the share of the variance kept. Every value is exact, and each step
/// is checked by the verifier's checks.
public enum PCA {
    /// The covariance's normalisation.
    public enum Convention: String, Sendable, CaseIterable {
        case n = "n"
        case nMinusOne = "n-1"
    }

    /// An error in the data or beyond what is derived exactly, in one line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The example an answer key shows when no data file is given (five points in the plane,
    /// whose covariance has irrational eigenvalues).
    public static let exampleData = "2 0\n0 1\n-2 0\n0 -1\n1 1\n"

    /// The most rows and columns of the data.
    public static let maximumRows = 10_000
    public static let maximumColumns = 6

    /// Rows of numbers (separated by spaces or commas; `#` starts a comment), all of one length.
    public static func parse(_ text: String) throws(Failure) -> [[Rational]] {
        var rows: [[Rational]] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let fields = line.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" || $0 == "\r" }
            if fields.isEmpty { continue }
            var row: [Rational] = []
            for f in fields {
                guard let r = Rational(String(f)) else { throw Failure(description: "line \(k + 1): '\(f)' is not a number") }
                row.append(r)
            }
            if let first = rows.first, first.count != row.count {
                throw Failure(description: "line \(k + 1): \(row.count) numbers, but the first row has \(first.count)")
            }
            rows.append(row)
            guard rows.count <= maximumRows else { throw Failure(description: "more than \(maximumRows) rows") }
        }
        guard rows.count >= 2 else { throw Failure(description: "at least two rows of data are needed") }
        guard let d = rows.first?.count, d >= 1, d <= maximumColumns else {
            throw Failure(description: "between 1 and \(maximumColumns) columns are derived exactly")
        }
        return rows
    }

    /// The eigenvalues of the covariance, largest first, with their unit eigenvectors.
    public static func eigenpairs(data: [[Rational]], convention: Convention) throws(Failure) -> [(Expression, Matrix)] {
        let C = try covariance(data, convention).covariance
        let e = try eigen(C)
        return Array(zip(e.values, e.vectors))
    }

    /// The mean (a column), the centred data, X̃ᵀX̃ and the covariance.
    static func covariance(_ data: [[Rational]], _ convention: Convention) throws(Failure) -> (mean: [Expression], centred: Matrix, gram: Matrix, covariance: Matrix) {
        let n = data.count, d = data[0].count
        let X = Matrix(rows: n, columns: d, entries: data.flatMap { $0.map { Expression($0) } })
        let mean = (0..<d).map { j in Expression.sum((0..<n).map { X[$0, j] }) / Expression(n) }
        let centred = Matrix(rows: n, columns: d, entries: (0..<(n * d)).map { k in X.entries[k] - mean[k % d] })
        guard let gram = centred.transposed * centred else { throw Failure(description: "the covariance could not be formed") }
        let divisor = convention == .n ? Expression(n) : Expression(n - 1)
        return (mean, centred, gram, gram.map { $0 / divisor })
    }

    static let lambda = Symbol("lambda")

    /// det(C − λI) as computed, the characteristic polynomial it expands to, its roots largest
    /// first and unit eigenvectors (the first nonzero entry positive).
    static func eigen(_ C: Matrix) throws(Failure) -> (determinant: Expression, polynomial: Expression, values: [Expression], vectors: [Matrix]) {
        let d = C.rows
        let L = Expression(lambda)
        let shifted = Matrix(rows: d, columns: d, entries: (0..<(d * d)).map { k in k / d == k % d ? C.entries[k] - L : C.entries[k] })
        guard let det = shifted.determinant, let p = det.expanded(maxTerms: 10_000) else { throw Failure(description: "the characteristic polynomial could not be formed") }
        var sorted: [Expression] = []
        for value in try roots(p, lambda) {
            var at = sorted.count
            for (k, other) in sorted.enumerated() where try greater(value, other) { at = k; break }
            sorted.insert(value, at: at)
        }
        var vectors: [Matrix] = []
        for value in sorted {
            let M = Matrix(rows: d, columns: d, entries: (0..<(d * d)).map { i in i / d == i % d ? C.entries[i] - value : C.entries[i] })
            guard let v = try nullVector(M) else { throw Failure(description: "no eigenvector found for λ = \(PlainPrinter.string(value))") }
            // The squared length expanded (√241² is 241), so the unit vector has one radical in it.
            let squared = Expression.sum(v.entries.map { $0 * $0 })
            let norm = Expression.power(squared.expanded(maxTerms: 1_000) ?? squared, Expression(Rational(1, 2)!))
            var unit = v.map { ($0 / norm).simplified() }
            // The sign that makes the first nonzero entry positive (either sign is a unit eigenvector).
            if let lead = unit.entries.first(where: { !$0.isZero }), case .value(let i) = IntervalEvaluator(point: [:]).evaluate(lead), i.isNegative {
                unit = unit.map { (-$0).simplified() }
            }
            vectors.append(unit)
        }
        return (det, p, sorted, vectors)
    }

    public static func derivation(data: [[Rational]], convention: Convention) throws(Failure) -> Derivation {
        let n = data.count, d = data[0].count
        let X = Matrix(rows: n, columns: d, entries: data.flatMap { $0.map { Expression($0) } })
        let scale = convention == .n ? "\\frac{1}{n}" : "\\frac{1}{n-1}"
        var der = Derivation(name: "pca", title: "Principal components by hand",
                             statement: "For the \(n) × \(d) data matrix $X$ (one sample per row), find the principal directions (unit eigenvectors of the covariance $C = \(scale) \\tilde{X}^\\top \\tilde{X}$), the one PCA keeps, and the projections onto it.")
        der.persianStatement = "برای ماتریس داده‌ی $\(n) \\times \(d)$ به نام $X$ (هر سطر یک نمونه)، جهت‌های مؤلفه‌ی اصلی (بردارهای ویژه‌ی یکه‌ی کوواریانس $C = \(scale) \\tilde{X}^\\top \\tilde{X}$)، مؤلفه‌ای که \\lr{PCA} نگه می‌دارد و تصویر داده‌ها روی آن را بیابید."
        der.steps.append(.init(.matrix(X), .equal, .matrix(X), "the data", check: .definition, lhsLatex: "X"))
        let (mean, centred, gram, C) = try covariance(data, convention)
        let nE = Expression(n)
        let sums = Matrix(rows: d, columns: 1, entries: (0..<d).map { j in Expression.sum((0..<n).map { X[$0, j] }) })
        der.steps.append(.init(.matrix((.one / nE) * sums), .equal, .matrix(Matrix(rows: d, columns: 1, entries: mean)), "the mean of each column",
                               lhsLatex: "\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i"))
        // The centred data, each entry written as the difference it is.
        let differences = Matrix(rows: n, columns: d, entries: (0..<(n * d)).map { k in X.entries[k] - mean[k % d] })
        der.steps.append(.init(.matrix(differences), .equal, .matrix(centred), "each row minus the mean", lhsLatex: "\\tilde{X} = X - \\mathbf{1} \\bar{x}^\\top"))
        let divisor = convention == .n ? nE : Expression(n - 1)
        der.steps.append(.init(.matrix(gram.map { $0 / divisor }), .equal, .matrix(C), "the covariance, \(convention == .n ? "with 1/n" : "with 1/(n−1)")",
                               lhsLatex: "C = \(scale) \\tilde{X}^\\top \\tilde{X}"))
        let (determinant, p, sorted, vectors) = try eigen(C)
        der.steps.append(.init(determinant, p, "the determinant of $C - \\lambda I$, expanded", lhsLatex: "\\det(C - \\lambda I)"))
        for (k, value) in sorted.enumerated() {
            der.steps.append(.init(p.substituting([lambda: value]), .zero, "a root of the characteristic polynomial",
                                   lhsLatex: "\\det(C - \\lambda_{\(k + 1)} I)", rhsLatex: "0 \\quad (\\lambda_{\(k + 1)} = \(value.latex))", isResult: true))
        }
        for (k, (value, unit)) in zip(sorted, vectors).enumerated() {
            let M = Matrix(rows: d, columns: d, entries: (0..<(d * d)).map { i in i / d == i % d ? C.entries[i] - value : C.entries[i] })
            guard let product = M * unit else { continue }
            der.steps.append(.init(.matrix(product), .equal, .matrix(Matrix(rows: d, columns: 1, entries: Array(repeating: .zero, count: d))),
                                   "$v_{\(k + 1)}$ spans the null space of $C - \\lambda_{\(k + 1)} I$",
                                   lhsLatex: "(C - \\lambda_{\(k + 1)} I) v_{\(k + 1)}", rhsLatex: "0, \\quad v_{\(k + 1)} = \(unit.latex)", isResult: true))
            der.steps.append(.init(Expression.sum(unit.entries.map { $0 * $0 }), .one, "a unit vector", lhsLatex: "v_{\(k + 1)}^\\top v_{\(k + 1)}"))
        }
        der.steps.append(.init(sorted[0], sorted[0], "PCA keeps $v_1$, of the largest eigenvalue", check: .remark, lhsLatex: "\\lambda_{\\max}"))
        if let z = centred * vectors[0] {
            der.steps.append(.init(.matrix(z), .equal, .matrix(z.map { $0.simplified() }), "the centred data projected on $v_1$", lhsLatex: "z = \\tilde{X} v_1", isResult: true))
        }
        let trace = Expression.sum((0..<d).map { C[$0, $0] })
        der.steps.append(.init(Expression.sum(sorted), trace, "the eigenvalues add up to the trace of $C$", lhsLatex: "\\sum_k \\lambda_k", rhsLatex: "\\operatorname{tr} C = \(trace.latex)"))
        if !trace.isZero {
            der.steps.append(.init(sorted[0] / trace, (sorted[0] / trace).simplified(), "the first component's share of the variance",
                                   lhsLatex: "\\frac{\\lambda_1}{\\operatorname{tr} C}", isResult: true))
        }
        return der
    }

    /// The real roots of p in λ (with multiplicity), exactly: rational roots, then the two roots
    /// of a quadratic factor left; anything else is beyond what is derived exactly.
    static func roots(_ p: Expression, _ lambda: Symbol) throws(Failure) -> [Expression] {
        guard var poly = UnivariateDivision.poly(p, lambda) else { throw Failure(description: "the characteristic polynomial is not a polynomial with rational coefficients") }
        var out: [Expression] = []
        while poly.count > 1 {
            let degree = poly.count - 1
            if degree == 1 { out.append(Expression(-(poly[0] / poly[1])!)); break }
            if degree == 2 {
                let (a, b, c) = (poly[2], poly[1], poly[0])
                let disc = b * b - Rational(4) * a * c
                guard disc.signum >= 0 else { throw Failure(description: "complex eigenvalues (a covariance has none: the data are not read as a covariance)") }
                let root = Expression.power(Expression(disc), Expression(Rational(1, 2)!))
                let twoA = Expression(Rational(2) * a)
                out.append(((Expression(-b) + root) / twoA).simplified())
                out.append(((Expression(-b) - root) / twoA).simplified())
                break
            }
            // A rational root, divided out.
            guard let points = RealRoots.isolate(poly), let r = points.compactMap({ p -> Rational? in if case .rational(let r) = p { return r }; return nil }).first else {
                throw Failure(description: "an eigenvalue that is neither rational nor the root of a quadratic factor (a characteristic polynomial of degree \(degree))")
            }
            out.append(Expression(r))
            poly = deflated(poly, by: r)
        }
        return out
    }

    /// p / (x − r) for a root r (synthetic division).
    static func deflated(_ p: [Rational], by r: Rational) -> [Rational] {
        var out = [Rational](repeating: .zero, count: p.count - 1)
        var carry = Rational.zero
        for k in stride(from: p.count - 1, through: 1, by: -1) {
            carry = p[k] + carry * r
            out[k - 1] = carry
        }
        return out
    }

    /// True when a is certainly greater than b (by intervals); equal values are not ordered.
    static func greater(_ a: Expression, _ b: Expression) throws(Failure) -> Bool {
        if (a - b).expanded(maxTerms: 100)?.isZero == true {
            throw Failure(description: "a repeated eigenvalue \(PlainPrinter.string(a)): the principal directions are not unique")
        }
        guard case .value(let i) = IntervalEvaluator(point: [:]).evaluate(a - b), i.excludesZero else {
            throw Failure(description: "two eigenvalues could not be ordered")
        }
        return i.isPositive
    }

    /// A nonzero vector v with M v = 0, from a nonzero column of the adjugate of M (M singular
    /// of rank d − 1, as for a simple eigenvalue); nil when every column is 0.
    static func nullVector(_ M: Matrix) throws(Failure) -> Matrix? {
        let d = M.rows
        if d == 1 { return Matrix(rows: 1, columns: 1, entries: [.one]) }
        func cofactor(_ i: Int, _ j: Int) -> Expression {
            var minor: [Expression] = []
            for r in 0..<d where r != i { for c in 0..<d where c != j { minor.append(M[r, c]) } }
            let det = Matrix(rows: d - 1, columns: d - 1, entries: minor).determinant ?? .undefined
            return (i + j) % 2 == 0 ? det : -det
        }
        let checker = EquivalenceChecker()
        // Column j of the adjugate is the cofactors of row j.
        for j in 0..<d {
            let column = (0..<d).map { i in cofactor(j, i).simplified() }
            let nonzero = column.contains { e in if case .different = checker.check(e, .zero) { return true }; return false }
            if nonzero { return Matrix(rows: d, columns: 1, entries: column) }
        }
        return nil
    }
}
