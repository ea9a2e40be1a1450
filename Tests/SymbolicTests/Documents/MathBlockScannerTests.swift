import Testing
@testable import Symbolic

@Suite struct MathBlockScannerTests {
    @Test func findsEveryDelimiterWithItsLine() {
        let text = """
        متن $a = 1$ و سپس
        $$x + y$$
        \\[ z \\]
        cost \\$5 is not math
        \\begin{align} p &= q \\end{align}
        \\(w\\)
        """
        let blocks = MathBlockScanner.blocks(in: text)
        #expect(blocks.map(\.latex) == ["a = 1", "x + y", " z ", " p &= q ", "w"])
        #expect(blocks.map(\.line) == [1, 2, 3, 5, 6])
        #expect(blocks.map(\.display) == [false, true, true, true, false])
    }

    @Test func unmatchedDollarIsText() {
        #expect(MathBlockScanner.blocks(in: "price $5 and more\n\nnext $x$").map(\.latex) == ["x"])
    }
}
