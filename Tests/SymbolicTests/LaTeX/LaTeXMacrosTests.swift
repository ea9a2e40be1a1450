import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct LaTeXMacrosTests {
    /// `use` read after the definitions in `defs` (written in the same block).
    func read(_ defs: String, _ use: String) -> Result<Expression, ReaderError> {
        var macros = LaTeXMacros()
        switch macros.expand(LaTeXLexer.tokens(defs + " " + use)) {
        case .failure(let e): return .failure(e)
        case .success(let ts):
            var r = LaTeXReader(tokens: ts)
            do throws(ReaderError) {
                guard case .scalar(let e) = try r.readWhole() else { return .failure(ReaderError("matrix", line: 0, column: 0)) }
                return .success(e)
            } catch { return .failure(error) }
        }
    }

    func value(_ defs: String, _ use: String) -> Expression? { try? read(defs, use).get() }
    func failure(_ defs: String, _ use: String) -> String? {
        if case .failure(let e) = read(defs, use) { return e.construct }
        return nil
    }

    @Test func newcommandWithArguments() {
        let pd = "\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}"
        // ∂(x² y)/∂x = 2xy, worked by hand.
        #expect(value(pd, "\\pd{x^2 y}{x}") == parse("2*x*y"))
        #expect(value("\\newcommand{\\sq}[1]{\\left(#1\\right)^2}", "\\sq{a+1}") == parse("(a+1)^2"))
        // Without braces, an argument is one token: \sq x is (x)^2.
        #expect(value("\\newcommand\\sq[1]{(#1)^2}", "\\sq x + 1") == parse("x^2 + 1"))
    }

    @Test func optionalFirstArgumentWithDefault() {
        let lin = "\\newcommand{\\lin}[2][b]{w #2 + #1}"
        #expect(value(lin, "\\lin{x}") == parse("w*x + b"))
        #expect(value(lin, "\\lin[c]{x}") == parse("w*x + c"))
    }

    @Test func defRenewcommandAndOperators() {
        #expect(value("\\def\\th{\\theta}", "2\\th") == parse("2*theta"))
        #expect(value("\\def\\f#1#2{#1 - #2}", "\\f{a}{b}") == parse("a - b"))
        // The later definition wins.
        #expect(value("\\newcommand{\\c}{2} \\renewcommand{\\c}{3}", "\\c") == Expression(3))
        // \providecommand does not replace a macro already defined.
        #expect(value("\\newcommand{\\c}{2} \\providecommand{\\c}{3}", "\\c") == Expression(2))
        // An operator name reads like \operatorname: tr(A) is the function tr at A.
        #expect(value("\\DeclareMathOperator{\\tr}{tr}", "\\tr(A) - \\tr(A)") == .zero)
        #expect(value("\\DeclareMathOperator*{\\argmin}{arg\\,min}", "1") == .one)
    }

    @Test func macrosInMacros() {
        let defs = "\\newcommand{\\half}{\\frac{1}{2}} \\newcommand{\\hsq}[1]{\\half #1^2}"
        #expect(value(defs, "\\hsq{4}") == Expression(8))
    }

    @Test func expansionIsBounded() {
        // A macro that calls itself stops at the nesting bound, naming itself.
        #expect(failure("\\def\\loop{\\loop}", "\\loop")?.contains("\\loop (macros nested more than 32 deep)") == true)
        // Doubling at every level would give 2^30 tokens: stopped by the size bound.
        let names = (0...30).map { "\\m" + String(repeating: "a", count: $0 + 1) }
        var defs = "\\def\(names[0]){x}"
        for k in 1..<names.count { defs += " \\def\(names[k]){\(names[k - 1])\(names[k - 1])}" }
        #expect(failure(defs, names.last!)?.contains("longer than 20000 tokens") == true)
        // Missing arguments.
        #expect(failure("\\newcommand{\\pd}[2]{#1/#2}", "\\pd{x}")?.contains("\\pd without its 2 arguments") == true)
    }

    @Test func definitionsAreFoundInProseWithTheirLines() {
        let text = "Notation.\n\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}\n\nText\n$$\\def\\th{\\theta}$$\n"
        let found = LaTeXMacros.definitions(in: text)
        #expect(found.map(\.line) == [2, 5])
    }

    @Test func verifierExpandsTheDocumentsMacrosInOrder() {
        let text = """
        \\newcommand{\\sq}[1]{\\left(#1\\right)^2}

        $$\\sq{u + 1} = u^2 + 2u + 1$$

        $$\\sq{2u} = 2u^2$$

        $$\\cube{u} = u^3$$
        """
        let r = Verifier().verify(text, file: "t")
        #expect(r.steps.map(\.verdict) == [.valid, .invalid, .unchecked])
        // The step shows the source as written, and an unknown command is named.
        #expect(r.steps[0].latex == "\\sq{u + 1} = u^2 + 2u + 1")
        #expect(r.steps[2].reason.contains("\\cube"))
        // A runaway macro gives an unchecked step with the reason, not a hang.
        let loop = Verifier().verify("$$\\def\\a{\\a x} \\a = 1$$", file: "t")
        #expect(loop.steps.map(\.verdict) == [.unchecked])
        #expect(loop.steps[0].reason.contains("\\a (macros nested more than 32 deep)"))
    }
}
