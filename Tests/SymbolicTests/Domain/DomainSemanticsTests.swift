import PropertyBased
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// The real-domain semantics: verdicts only where both written sides are defined.
@Suite struct DomainSemanticsTests {
    func verdict(_ latex: String) -> StepVerdict? {
        Verifier().verify("$$\(latex)$$", file: "t.md").steps.first?.verdict
    }

    func written(_ s: String) -> WrittenExpression {
        do { return try PlainParser.read(s) } catch { fatalError("\(s): \(error)") }
    }

    @Test(arguments: [
        // Power laws that hold only for a positive base: never valid.
        "\\sqrt{x^{2n}} = x^n", "(x^{n})^{m} = x^{nm}", "(x^2)^{n} = x^{2n}",
        // Sides defined nowhere: never valid.
        "e^{\\ln(-1-x^2)} = -1-x^2", "(\\sqrt{-1-x^2})^2 = -1-x^2", "\\log(-1-x^2) = \\log(-1-x^2)",
        "\\frac{1}{x - x} = \\frac{1}{x - x}",
        // ≈ with the tolerance of the rounded numeral only.
        "\\pi \\approx e", "0.9 \\approx \\frac{1}{2}", "\\sqrt{2} \\approx \\frac{3}{2}", "\\pi \\approx 3.15",
    ])
    func neverValid(_ latex: String) {
        #expect(verdict(latex) != .valid, "\(latex)")
    }

    @Test(arguments: [
        // Equal wherever both sides are defined (x ≥ 0 or x > 0): never refuted at x < 0.
        "\\sqrt{x}\\sqrt{x} = |x|", "e^{\\log x} = |x|", "(\\sqrt{x})^2 = \\sqrt{x^2}", "e^{\\log x} = x",
        "x^a x^b = x^{a+b}", "e^{n \\log x} = x^n", "\\log(x^2) = 2\\log x", "\\frac{x}{x} = 1",
        "\\pi \\approx 3", "e^{10} \\approx 22026", "\\pi \\approx 3.14", "\\frac{1}{\\sqrt{2}} = 0.707",
    ])
    func validWhereDefined(_ latex: String) {
        #expect(verdict(latex) == .valid, "\(latex)")
    }

    @Test func roundedNumeralsOfAnyLength() {
        let threes = String(repeating: "3", count: 77)
        #expect(verdict("\\frac{1}{3} = 0.\(threes)") == .valid)
        #expect(verdict("\\frac{1}{3} = 0.\(threes.dropLast())") == .valid)
        #expect(verdict("\\frac{1}{3} = 0.\(threes.dropLast())4") == .invalid)
    }

    @Test func stillRefuted() {
        #expect(verdict("\\sqrt{x^2 y^2} = xy") == .invalid)
        #expect(verdict("\\sqrt{x^2} = x") == .invalid)
        #expect(verdict("\\frac{x^2 - 1}{x - 1} = x") == .invalid)
    }

    @Test func definitionsCarryTheirConditions() {
        // y = √x: y² = |x| holds wherever y is defined, so it is never refuted at x < 0.
        let report = Verifier().verify("$$y = \\sqrt{x}$$\n\n$$y^2 = |x|$$", file: "t.md")
        #expect(report.steps.first?.verdict == .valid)
    }

    @Test func equivalentOfPowersWithVariableExponents() {
        guard case .unknown(let reason) = written("(x^2)^(n/2)").equivalent(to: written("x^n")) else {
            Issue.record("(x^2)^(n/2) and x^n called equal or different")
            return
        }
        #expect(reason.contains("x = -"))
    }

    @Test func writtenFormsAreUndefinedWhereTheyAre() {
        #expect(written("x/x").substituting([Symbol("x"): .zero]).value.isUndefined)
        #expect(!written("x/x").substituting([Symbol("x"): .one]).value.isUndefined)
        #expect(written("exp(log(x))").substituting([Symbol("x"): Expression(-2)]).value.isUndefined)
        #expect(written("x^n").substituting([Symbol("x"): Expression(-1), Symbol("n"): .one]).value.isUndefined)
        #expect(written("(-8)^(1/3)").value == Expression(-2))
    }

    /// Pairs whose equality depends on the domain, built around a random written expression.
    static let pairTemplates: [(String, String)] = [
        ("sqrt((A)^2)", "A"), ("(sqrt(A))^2", "A"), ("exp(log(A))", "A"), ("(A)/(A)", "1"),
        ("(A)^y*(A)^z", "(A)^(y+z)"), ("((A)^y)^z", "(A)^(y*z)"), ("abs(A)", "A"), ("log((A)^2)", "2*log(A)"),
        ("((A)^2)^(1/2)", "abs(A)"), ("(A)^(1/3)*(A)^(2/3)", "A"), ("sqrt(A)*sqrt(A)", "A"), ("1/(1/(A))", "A"),
    ]

    /// Grid points for x, y, z, with negatives, zero and fractions.
    static let grid: [[String: Rational]] = {
        let values: [Rational] = [-2, -1, Rational(-1, 2)!, 0, Rational(1, 3)!, 1, 2, 4]
        var out: [[String: Rational]] = []
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() where (i + j) % 2 == 0 {
                out.append(["x": a, "y": b, "z": values[(i * 3 + j) % values.count]])
            }
        }
        return out
    }()

    /// Never equal when the sides evaluate differently at a point where both are defined; never
    /// different at a point where one side is undefined (checked by `ReferenceEvaluator`).
    @Test func verdictsAgreeWithAnIndependentEvaluator() async {
        await propertyCheck(input: codeArrays, Gen.int(in: 0...11)) { codes, k in
            var decoder = WrittenTextDecoder(codes)
            let a = decoder.text()
            let (lt, rt) = DomainSemanticsTests.pairTemplates[k]
            let lhs = lt.replacingOccurrences(of: "A", with: a), rhs = rt.replacingOccurrences(of: "A", with: a)
            guard let l = try? PlainParser.read(lhs), let r = try? PlainParser.read(rhs) else { return }
            switch l.equivalent(to: r) {
            case .equal:
                for p in DomainSemanticsTests.grid {
                    let (vl, vr) = (ReferenceEvaluator.evaluate(lhs, at: p), ReferenceEvaluator.evaluate(rhs, at: p))
                    if case .value(let x) = vl, case .value(let y) = vr {
                        #expect(x == y, "\(lhs) = \(rhs) called equal, but at \(p) the sides are \(x) and \(y)")
                    }
                }
            case .different(let ce):
                var p: [String: Rational] = [:]
                for (s, v) in ce.point { p[s.name] = v }
                let (vl, vr) = (ReferenceEvaluator.evaluate(lhs, at: p), ReferenceEvaluator.evaluate(rhs, at: p))
                #expect(vl != .undefined && vr != .undefined, "\(lhs) vs \(rhs) refuted at \(p), where a side is undefined")
                if case .value(let x) = vl, case .value(let y) = vr { #expect(x != y, "\(lhs) vs \(rhs) refuted at \(p) with equal values") }
            case .unknown:
                break
            }
        }
    }
}
