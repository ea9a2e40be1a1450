import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct TeXLogTests {
    @Test func fileLineErrorsNameTheLine() {
        let log = """
        This is pdfTeX, Version 3.141592653
        (./report.tex
        ./report.tex:42: Undefined control sequence.
        l.42 \\foo
                  {x}
        """
        #expect(TeXLog.firstError(log) == "line 42 of the generated .tex: Undefined control sequence. (at \\foo)")
    }

    @Test func classicErrorsFindTheirLine() {
        let log = "(./report.tex\n! Missing $ inserted.\n<inserted text>\n                $\nl.17 a_\n"
        #expect(TeXLog.firstError(log) == "line 17 of the generated .tex: Missing $ inserted.")
    }

    @Test func aCleanLogHasNoError() {
        #expect(TeXLog.firstError("Output written on report.pdf (2 pages, 1234 bytes).\n") == nil)
    }
}
