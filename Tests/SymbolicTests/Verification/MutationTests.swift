import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Correct steps of ordinary derivations, mutated the way students slip (a coefficient, a sign,
/// a dropped term, an exponent, sin for cos): a mutated step that is false is never valid.
@Suite struct MutationTests {
    static let identities: [(String, String)] = [
        ("(a+b)^2", "a^2 + 2*a*b + b^2"),
        ("(a-b)^3", "a^3 - 3*a^2*b + 3*a*b^2 - b^3"),
        ("(x+1)*(x-2)", "x^2 - x - 2"),
        ("(x^2 - 1)/(x - 1)", "x + 1"),
        ("sin(x)^2 + cos(x)^2", "1"),
        ("sin(2*x)", "2*sin(x)*cos(x)"),
        ("cos(2*x)", "2*cos(x)^2 - 1"),
        ("sin(x + y)", "sin(x)*cos(y) + cos(x)*sin(y)"),
        ("cos(x + y)", "cos(x)*cos(y) - sin(x)*sin(y)"),
        ("tan(x)*cos(x)", "sin(x)"),
        ("exp(2*x)*exp(3*x)", "exp(5*x)"),
        ("log(x^3)", "3*log(x)"),
        ("sqrt(x)*sqrt(x)", "x"),
        ("sigmoid(x)*(1 - sigmoid(x))", "exp(-x)/(1 + exp(-x))^2"),
        ("1 - tanh(x)^2", "4/(exp(x) + exp(-x))^2"),
        ("(x*w + b - y)^2", "x^2*w^2 + 2*x*w*b - 2*x*w*y + b^2 - 2*b*y + y^2"),
        ("2*(w*x - y)*x", "2*w*x^2 - 2*x*y"),
        ("1/x - 1/(x+1)", "1/(x*(x+1))"),
        ("(x^3 + 3*x^2 + 3*x + 1)/(x+1)", "x^2 + 2*x + 1"),
        ("cosh(x)^2 - sinh(x)^2", "1"),
        ("x^2*x^3", "x^5"),
        ("(2*x)^3", "8*x^3"),
        ("abs(x)^2", "x^2"),
        ("sqrt(4*x^2)", "2*abs(x)"),
        ("exp(log(x) + 1)", "x*exp(1)"),
        ("sin(x)^2", "(1 - cos(2*x))/2"),
        ("(a + b)*(a - b)", "a^2 - b^2"),
        ("3*x^2 + 2*x + 1 + x^2", "4*x^2 + 2*x + 1"),
    ]

    /// Every single mutation of the right side: digits changed, signs flipped, a term dropped,
    /// an exponent raised, sin and cos swapped.
    static func mutations(_ s: String) -> [String] {
        var out: Set<String> = []
        let chars = Array(s)
        for (i, c) in chars.enumerated() {
            var m = chars
            if let d = c.wholeNumberValue {
                m[i] = Character(String((d + 1) % 10)); out.insert(String(m))
            } else if c == "+" || c == "-" {
                m[i] = c == "+" ? "-" : "+"; out.insert(String(m))
            } else if c == "^", i + 1 < chars.count, let d = chars[i + 1].wholeNumberValue {
                m[i + 1] = Character(String(d + 1)); out.insert(String(m))
            }
        }
        // A dropped top-level term.
        var depth = 0, starts: [Int] = [0]
        for (i, c) in chars.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if depth == 0 && (c == "+" || c == "-") && i > 0 { starts.append(i) }
        }
        starts.append(chars.count)
        if starts.count > 2 {
            for k in 0..<(starts.count - 1) {
                var m = chars
                m.removeSubrange(starts[k]..<starts[k + 1])
                let t = String(m).trimmingCharacters()
                if !t.isEmpty { out.insert(t.hasPrefix("+") ? String(t.dropFirst()) : t) }
            }
        }
        if s.contains("sin") || s.contains("cos") {
            out.insert(s.replacingOccurrences(of: "sin", with: "\u{1}").replacingOccurrences(of: "cos", with: "sin").replacingOccurrences(of: "\u{1}", with: "cos"))
        }
        out.remove(s)
        return out.sorted()
    }

    /// True when the two sides certainly differ at some sample point where both written forms
    /// are defined (certified intervals, outside the prover).
    static func certainlyFalse(_ l: WrittenExpression, _ r: WrittenExpression) -> Bool {
        let symbols = Array(Set(l.expression.freeSymbols + r.expression.freeSymbols))
        let values: [Rational] = [Rational(3, 2)!, Rational(-2, 3)!, Rational(5, 7)!, 2, Rational(7, 3)!, -3]
        let domain = l.domain.union(r.domain)
        for i in 0..<12 {
            var p: [Symbol: Rational] = [:]
            for (j, s) in symbols.enumerated() { p[s] = values[(i + 2 * j) % values.count] + Rational(i / values.count) }
            guard domain.truth(at: p) == .holds else { continue }
            let e = IntervalEvaluator(point: p)
            if case .value(let a) = e.evaluate(l.expression), case .value(let b) = e.evaluate(r.expression), a.isDisjoint(from: b) { return true }
        }
        return false
    }

    @Test func mutatedStepsAreNeverValid() throws {
        var tried = 0, falseOnes = 0
        for (lhs, rhs) in MutationTests.identities {
            let l = try PlainParser.read(lhs), r = try PlainParser.read(rhs)
            #expect(l.equivalent(to: r).isEqual, "the unmutated step \(lhs) = \(rhs) should be valid")
            for m in MutationTests.mutations(rhs) {
                guard let mr = try? PlainParser.read(m) else { continue }
                tried += 1
                guard MutationTests.certainlyFalse(l, mr) else { continue }
                falseOnes += 1
                if case .equal(let method) = l.equivalent(to: mr) {
                    Issue.record("mutated step \(lhs) = \(m) called equal (\(method))")
                }
            }
        }
        print("mutations: \(tried) tried, \(falseOnes) certainly false, checked never to be called equal")
        // The mutations must really exercise the checker.
        #expect(falseOnes >= 100, "only \(falseOnes) of \(tried) mutations were certainly false")
    }
}
