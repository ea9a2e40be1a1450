import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The verdict on one step of a derivation.
public enum StepVerdict: String, Sendable, Codable {
    /// Proved: canonical forms agree, exact arithmetic agrees, or a stated probabilistic bound.
    case valid
    /// Refuted by a certain counterexample.
    case invalid
    /// Neither: the reason says why.
    case unchecked
}

/// A point where the two sides of a step differ, with both values and the correct one.
public struct CounterexampleReport: Sendable, Codable, Equatable {
    /// Symbol (in plain syntax) -> value; empty for pure arithmetic.
    public let point: [String: String]
    public let lhs: String
    public let rhs: String
    /// The value the right side should have had (the left side's value), for arithmetic steps.
    public let correct: String?
    /// The point as exact values, for the checks after the one that found it (not in the JSON).
    public internal(set) var values: [Symbol: Rational]? = nil

    enum CodingKeys: String, CodingKey { case point, lhs, rhs, correct }

    public init(point: [String: String], lhs: String, rhs: String, correct: String?) {
        self.point = point
        self.lhs = lhs
        self.rhs = rhs
        self.correct = correct
    }
}

/// One checked step: `lhs relation rhs` with its verdict.
public struct StepResult: Sendable, Codable {
    /// Line where the step's math block starts, and the column of the step.
    public let line: Int
    public let column: Int
    /// The step as written: `lhs = rhs`.
    public let latex: String
    /// Both sides as read, in plain syntax (empty when unreadable).
    public let lhs: String
    public let rhs: String
    public let verdict: StepVerdict
    /// How the verdict was reached (empty for unchecked).
    public let method: String
    /// Why, in words.
    public let reason: String
    public let counterexample: CounterexampleReport?
    /// The step as LaTeX for reports, never from its source text: each side as the printer
    /// writes the value read (escaped verbatim source where a side could not be read), joined
    /// by the relation's symbol. Not part of the JSON; nil when unknown (a decoded report).
    public internal(set) var typeset: String? = nil
    /// The end of `reason` that states the correction (`; the left side is x^2`), for reports
    /// that typeset the correction apart. Not part of the JSON; nil when there is none.
    public internal(set) var correction: String? = nil
    /// For a wrong step that only carries forward an earlier wrong result (`12 × 2357296` after
    /// the slip `4 × 768 × 768 = 2357296`): the line of that result. With the correct value in its
    /// place the step holds, so a grader deducts once. In the JSON as `carried_from` when set.
    public internal(set) var carriedFrom: Int? = nil
    /// Under a wrong polynomial identity, the terms in which its sides differ (`TermDifference`).
    /// In the JSON as `terms` when set.
    public internal(set) var terms: [TermDifference]? = nil

    /// The reason without its correction.
    public var reasonWithoutCorrection: String {
        guard let c = correction, reason.hasSuffix(c) else { return reason }
        return String(reason.dropLast(c.count))
    }

    enum CodingKeys: String, CodingKey {
        case line, column, latex, lhs, rhs, verdict, method, reason, counterexample
        case carriedFrom = "carried_from"
        case terms
    }

    /// Always writes `counterexample` (null when there is none), so the schema is fixed.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(latex, forKey: .latex)
        try c.encode(lhs, forKey: .lhs)
        try c.encode(rhs, forKey: .rhs)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(method, forKey: .method)
        try c.encode(reason, forKey: .reason)
        try c.encode(counterexample, forKey: .counterexample)
        try c.encodeIfPresent(carriedFrom, forKey: .carriedFrom)
        try c.encodeIfPresent(terms, forKey: .terms)
    }
}

/// A math block with no step in it, and why.
public struct BlockNote: Sendable, Codable {
    public let line: Int
    public let reason: String
}

/// The verification of a whole document.
public struct VerificationReport: Sendable, Codable {
    public struct Summary: Sendable, Codable, Equatable {
        public var valid = 0, invalid = 0, unchecked = 0
    }
    public let file: String
    public let steps: [StepResult]
    public let summary: Summary
    /// Math blocks that yielded no step, with the reason (definitions, bare expressions).
    public let notes: [BlockNote]

    public init(file: String, steps: [StepResult], notes: [BlockNote]) {
        self.file = file
        self.steps = steps
        self.notes = notes
        var s = Summary()
        for step in steps {
            switch step.verdict {
            case .valid: s.valid += 1
            case .invalid: s.invalid += 1
            case .unchecked: s.unchecked += 1
            }
        }
        summary = s
    }
}
