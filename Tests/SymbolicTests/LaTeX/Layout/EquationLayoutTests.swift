import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

@Suite struct EquationLayoutTests {
    @Test func shortEquationsStayOnOneLine() {
        #expect(EquationLayout.display("x^{2} = x \\cdot x") == "x^{2} = x \\cdot x")
    }

    @Test func longSumsBreakBetweenTermsUnderTheRelation() {
        let terms = (1...12).map { "W_{\($0)}^{T} d\\gamma_{\($0)}^{<t>}" }
        let latex = "da^{<t-1>} = " + terms.joined(separator: " + ")
        let out = EquationLayout.display(latex)
        #expect(out.hasPrefix("\\begin{aligned}\nda^{<t-1>} &= W_{1}^{T}"))
        #expect(out.hasSuffix("\\end{aligned}"))
        let rows = out.dropFirst("\\begin{aligned}\n".count).dropLast("\n\\end{aligned}".count).components(separatedBy: " \\\\\n")
        #expect(rows.count >= 2)
        for row in rows.dropFirst() { #expect(row.hasPrefix("&\\quad + W_")) }
        for row in rows { #expect(EquationLayout.estimatedWidth(row) <= EquationLayout.lineWidth + 12, "\(row)") }
        // Every term is still there, once, in order.
        let joined = rows.joined(separator: " ")
        var from = joined.startIndex
        for t in terms {
            let r = joined.range(of: t, range: from..<joined.endIndex)
            #expect(r != nil, "\(t)")
            if let r { from = r.upperBound }
        }
    }

    @Test func neverBreaksInsideBracesOrLeftRight() {
        let inner = (1...30).map { "x_{\($0)}" }.joined(separator: " + ")
        let latex = "y = \\left(\(inner)\\right) + \\frac{\(inner)}{2} - z"
        let cuts = EquationLayout.topLevelCuts(Array(latex))
        // The relation, and the + before \frac and the - before z: nothing inside.
        #expect(cuts.count == 3)
        #expect(cuts.filter { $0.kind == .term }.count == 2)
    }

    @Test func aSignAfterAnOperatorIsNotABreak() {
        let cuts = EquationLayout.topLevelCuts(Array("y = -x \\cdot -z + (-w)"))
        #expect(cuts.filter { $0.kind == .term }.count == 1)
    }
}
