import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// An `EquivalenceResult` for people and tools: `equal`, `different` or `unknown`, with details.
public struct EquivalenceVerdict: Codable, Sendable {
    public let result: String
    /// The method of proof (equal) or the reason (unknown).
    public let detail: String
    public let counterexample: CounterexampleReport?

    public init(_ r: EquivalenceResult) {
        switch r {
        case .equal(let method):
            result = "equal"; detail = method; counterexample = nil
        case .different(let ce):
            result = "different"
            detail = "the sides differ at " + (ce.point.isEmpty ? "every point" : ce.point.map { "\(PlainPrinter.name($0.symbol)) = \($0.value)" }.joined(separator: ", "))
            var point: [String: String] = [:]
            for (s, v) in ce.point { point[PlainPrinter.name(s)] = v.description }
            counterexample = CounterexampleReport(point: point, lhs: ce.lhs.description, rhs: ce.rhs.description, correct: nil)
        case .unknown(let reason):
            result = "unknown"; detail = reason; counterexample = nil
        }
    }

    /// `equal  canonical forms agree …`, or `different  … (left 1, right 2)`.
    public var text: String {
        var s = "\(result)  \(detail)"
        if let c = counterexample { s += " (left \(c.lhs), right \(c.rhs))" }
        return s
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
