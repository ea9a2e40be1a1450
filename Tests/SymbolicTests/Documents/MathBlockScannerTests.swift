import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

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

    @Test func kramdownEscapedDelimiters() {
        // Markdown eats one backslash, so kramdown authors write \\( … \\) and \\[ … \\].
        let blocks = MathBlockScanner.blocks(in: "Let \\\\(x = 1\\\\) and\n\\\\[ y = 2 \\\\]\n")
        #expect(blocks.map(\.latex) == ["x = 1", " y = 2 "])
        #expect(blocks.map(\.display) == [false, true])
        #expect(blocks.map(\.line) == [1, 2])
    }

    @Test func unmatchedDollarIsText() {
        #expect(MathBlockScanner.blocks(in: "price $5 and more\n\nnext $x$").map(\.latex) == ["x"])
    }

    @Test func windowsLineEndsCountAsLines() {
        let blocks = MathBlockScanner.blocks(in: "a\r\nb\r\n$$1+1=3$$\r\n\r\n$$2+2=5$$\r\n")
        #expect(blocks.map(\.line) == [3, 5])
        #expect(MathBlockScanner.blocks(in: "price $5\r\n\r\nnext $x$").map(\.latex) == ["x"])
    }

    @Test func columnsCountCharacters() {
        let blocks = MathBlockScanner.blocks(in: "متن‌ها $a$ و $b$\nxy $$c$$")
        #expect(blocks.map(\.column) == [8, 14, 6])  // ن‌ with its zero-width non-joiner is one character
        #expect(blocks.map(\.line) == [1, 1, 2])
    }

    @Test func longProseIsScannedInLinearTime() {
        let line = String(repeating: "Lorem ipsum dolor sit amet, نیم‌فاصله \\alpha ", count: 20) + "\n"
        let text = String(repeating: line, count: 5_000) + "$$x = 1$$"
        let blocks = MathBlockScanner.blocks(in: text)
        #expect(blocks.map(\.latex) == ["x = 1"])
        #expect(blocks.first?.line == 5_001)
    }
}
