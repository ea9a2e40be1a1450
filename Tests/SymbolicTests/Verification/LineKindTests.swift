import Testing
@testable import Symbolic

/// Every recorded step says in `method` which kind of line it was taken for.
@Suite struct LineKindTests {
    func methods(_ text: String) -> [String] { Verifier().verify(text, file: "t.md").steps.map(\.method) }

    func kind(_ method: String) -> String { String(method.prefix { $0 != ":" }) }

    @Test func eachKindIsNamed() {
        let doc = """
        $$ (x + 1)^2 = x^2 + 2x + 1 $$

        $$ s = 3 $$
        $$ s = 4 $$

        $$ y = \\frac{1}{x} \\quad \\text{if } x \\neq 0 $$

        $$ x^2 - 5x + 6 = 0 \\rightarrow x_1 = 2, x_2 = 3 $$

        $$ 2x - 6 = x - 6 $$
        $$ \\Rightarrow x = 0 $$

        $$ z \\sim \\mathcal{N}(0, 1) $$

        $$ 2z \\sim \\mathcal{N}(0, 4) $$
        """
        #expect(methods(doc).map(kind) == [
            "identity claim", "redefinition", "conditional statement", "solving claim",
            "equation to solve", "equation step", "distribution claim",
        ])
    }

    @Test func definitionsAndAssumptionsAreNotes() {
        let report = Verifier().verify("Let $y = 2x$ and $a = b$.", file: "t.md")
        #expect(report.steps.isEmpty)
        #expect(report.notes.map(\.reason).contains { $0.hasPrefix("definition of y") })
        #expect(report.notes.map(\.reason).contains { $0.hasPrefix("assumption a = b") })
    }
}
