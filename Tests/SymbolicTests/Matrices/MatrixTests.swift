import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct MatrixTests {
    @Test func productTransposeDeterminant() {
        let a = Matrix([[1, 2], [3, 4]].map { $0.map { Expression($0) } })!
        let b = Matrix([[0, 1], [1, 0]].map { $0.map { Expression($0) } })!
        #expect((a * b)! == Matrix([[2, 1], [4, 3]].map { $0.map { Expression($0) } })!)
        #expect(a.transposed == Matrix([[1, 3], [2, 4]].map { $0.map { Expression($0) } })!)
        #expect(a.determinant == Expression(-2))
        // A 3×3 determinant by hand: 2(3·1 - 0) - 0 + 1(1·0 - 3·4) = 6 - 12 = -6
        let c = Matrix([[2, 0, 1], [1, 3, 0], [4, 0, 1]].map { $0.map { Expression($0) } })!
        #expect(c.determinant == Expression(-6))
        #expect((a * Matrix([[1, 2, 3]].map { $0.map { Expression($0) } })!) == nil)
    }
}
