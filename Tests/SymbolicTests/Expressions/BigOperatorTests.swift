import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The canonical form of sums over an index, against sums written out term by term.
@Suite struct BigOperatorTests {
    func read(_ latex: String) throws -> Expression {
        guard case .scalar(let e) = try LaTeXReader.read(latex) else { Issue.record("not a scalar"); return .zero }
        return e
    }

    @Test func boundIndexNamesDoNotMatter() throws {
        #expect(try read("\\sum_{i=1}^{n} x_i") == read("\\sum_{k=1}^{n} x_k"))
        #expect(try read("\\sum_{i} \\sum_{j} w_{ij}") == read("\\sum_{a} \\sum_{b} w_{ab}"))
        #expect(try read("\\sum_{i=1}^{n} x_i") != read("\\sum_{i=1}^{m} x_i"))
        #expect(try read("\\prod_{t=2}^{k} x_t") == read("\\prod_{s=2}^{k} x_s"))
    }

    @Test func linearityAndFactorsFreeOfTheIndex() throws {
        #expect(try read("\\sum_{i=1}^{n} (3 x_i + c y_i)") == read("3\\sum_{i=1}^{n} x_i + c \\sum_{j=1}^{n} y_j"))
    }

    @Test func closedFormsAgreeWithTheSumWrittenOut() throws {
        // For n = 1…5 the closed forms (applied when a step is checked) equal the explicit sums.
        let n = Symbol("n")
        for (body, power) in [("1", 0), ("i", 1), ("i^2", 2)] {
            let sum = IndexedNormalForm.normalize(try read("\\sum_{i=1}^{n} " + body))
            for k in 1...5 {
                var explicit = Rational.zero
                for i in 1...k { explicit += Rational(i).power(power)! }
                #expect(sum.substituting([n: Expression(k)]) == Expression(explicit))
            }
        }
        let geometric = IndexedNormalForm.normalize(try read("\\sum_{i=0}^{n} 2^i"))
        for k in 0...5 { #expect(geometric.substituting([n: Expression(k)]) == Expression(Rational((1 << (k + 1)) - 1))) }
    }

    @Test func numericBoundsAreWrittenOut() throws {
        #expect(try read("\\sum_{i=1}^{3} x_i") == read("x_1 + x_2 + x_3"))
        #expect(try read("\\sum_{j=1}^{2} w_{ij}") == read("w_{i1} + w_{i2}"))
        #expect(try read("\\sum_{t=2}^{3} x_{t-1}") == read("x_1 + x_2"))
    }

    @Test func readsExpectations() throws {
        #expect(try read("\\mathbb{E}[2X + 3]") == read("2 E[X] + 3"))
        #expect(try read("\\operatorname{Var}(X)") == read("\\mathbb{E}[X^2] - \\mathbb{E}[X]^2"))
    }
}
