import Symbolic
@testable import SymbolicVerification

extension StepChecker.Outcome {
    /// Valid, or a general form that holds at the derivation's own instance (`Derivation.Check.instances`:
    /// checked there, not proved for every value, so unchecked).
    var holds: Bool { verdict == .valid || (verdict == .unchecked && method == "instances") }
}
