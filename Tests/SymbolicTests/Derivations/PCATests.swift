import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations

/// `derive pca`: the seed's numbers, every step checked, and eigenpairs against NumPy's `eigh`.
@Suite struct PCATests {
    static let seed = "4 1\n2 3\n5 4\n1 0\n"

    @Test func theSeedsExampleInBothConventions() throws {
        // Seed 000: C = [5/2, 3/2; 3/2, 5/2] with 1/n (λ = 4, 1), [10/3, 2; 2, 10/3] with 1/(n−1) (16/3, 4/3).
        for (convention, expected) in [(PCA.Convention.n, ["4", "1"]), (.nMinusOne, ["\\frac{16}{3}", "\\frac{4}{3}"])] {
            let d = try PCA.derivation(data: try PCA.parse(Self.seed), convention: convention)
            let roots = d.steps.filter { $0.justification == "a root of the characteristic polynomial" }.compactMap(\.rhsLatex)
            #expect(roots.count == 2)
            for (r, e) in zip(roots, expected) { #expect(r.hasSuffix("= \(e))"), "\(r)") }
            // v_1 = (1/√2)(1, 1): the direction of the larger eigenvalue.
            let v1 = try #require(d.steps.first { $0.lhsLatex == "(C - \\lambda_{1} I) v_{1}" }?.rhsLatex)
            #expect(v1.contains("\\frac{\\sqrt{2}}{2} \\\\ \\frac{\\sqrt{2}}{2}"), "\(v1)")
            for o in d.verification().compactMap({ $0 }) { #expect(o.holds, "\(o.reason)") }
        }
    }

    @Test func badDataIsAOneLineError() {
        #expect(throws: PCA.Failure.self) { try PCA.parse("1 2\n3\n") }
        #expect(throws: PCA.Failure.self) { try PCA.parse("1 2\n") }
        #expect(throws: PCA.Failure.self) { try PCA.parse("1 x\n2 3\n") }
        // A repeated eigenvalue has no unique principal direction.
        #expect(throws: PCA.Failure.self) { try PCA.derivation(data: try PCA.parse("1 0\n-1 0\n0 1\n0 -1\n"), convention: .n) }
    }

    static let datasets = [
        "4 1\n2 3\n5 4\n1 0\n",
        "1 0 0\n-1 0 0\n0 1 1\n0 -1 -1\n0 2 0\n",
        "2 0\n0 1\n-2 0\n0 -1\n1 1\n",
        "1 2\n2 4\n3 7\n4 9\n5 12\n",
    ]

    /// The exact eigenvalues and unit eigenvectors against numpy.linalg.eigh of the covariance
    /// NumPy computes from the same data (an independent reference).
    @Test(arguments: datasets) func eigenpairsMatchNumPy(_ data: String) throws {
        guard Self.numpyAvailable else { print("skipped: python3 with numpy is not available"); return }
        let d = try PCA.derivation(data: try PCA.parse(data), convention: .nMinusOne)
        for o in d.verification().compactMap({ $0 }) { #expect(o.holds, "\(o.reason)") }
        func value(_ e: SymbolicCore.Expression) throws -> Double {
            guard case .value(let i) = IntervalEvaluator(point: [:]).evaluate(e) else { throw PCA.Failure(description: "no value") }
            return try #require(Double(i.decimalString(digits: 15)))
        }
        var lambdas: [Double] = [], vectors: [[Double]] = []
        let values = try PCA.eigenpairs(data: try PCA.parse(data), convention: .nMinusOne)
        for (lambda, v) in values {
            lambdas.append(try value(lambda))
            vectors.append(try v.entries.map(value))
        }
        let rows = data.split(separator: "\n").map { "[" + $0.split(separator: " ").joined(separator: ", ") + "]" }.joined(separator: ", ")
        let script = """
        import numpy as np, json
        X = np.array([\(rows)], dtype=float)
        w, V = np.linalg.eigh(np.cov(X, rowvar=False, ddof=1).reshape(X.shape[1], X.shape[1]))
        ours = json.loads('\(jsonArray(lambdas))')
        vecs = json.loads('\(jsonMatrix(vectors))')
        order = np.argsort(-w)
        err = max(abs(w[order][k] - ours[k]) for k in range(len(ours)))
        err = max([err] + [abs(abs(np.dot(V[:, order[k]], vecs[k])) - 1.0) for k in range(len(ours))])
        print(err)
        """
        let dir = FileManager.default.temporaryDirectory
        #expect(try BackwardPassTests.largestDifference(script, in: dir) < 1e-9)
    }

    func jsonArray(_ xs: [Double]) -> String { "[" + xs.map { "\($0)" }.joined(separator: ", ") + "]" }
    func jsonMatrix(_ xs: [[Double]]) -> String { "[" + xs.map(jsonArray).joined(separator: ", ") + "]" }

    static var numpyAvailable: Bool { BackwardPassTests.numpyAvailable }
}
