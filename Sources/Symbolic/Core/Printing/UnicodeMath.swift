/// Unicode characters that stand for LaTeX math (`α`, `≤`, `²`) and the digits of other scripts:
/// the tables the LaTeX lexer reads with and the printer writes with, kept here, below both.
package enum UnicodeMath {
    /// Characters that stand for one LaTeX command (`α` is `\alpha`).
    package static let commands: [Character: String] = {
        let pairs: [(Character, String)] = [
            ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "epsilon"), ("ζ", "zeta"), ("η", "eta"),
            ("θ", "theta"), ("ι", "iota"), ("κ", "kappa"), ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"),
            ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"), ("τ", "tau"), ("υ", "upsilon"), ("φ", "phi"), ("χ", "chi"),
            ("ψ", "psi"), ("ω", "omega"), ("Γ", "Gamma"), ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"),
            ("Σ", "Sigma"), ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
            ("≤", "leq"), ("≥", "geq"), ("≠", "neq"), ("≈", "approx"), ("→", "rightarrow"), ("⇒", "Rightarrow"),
            ("∂", "partial"), ("∞", "infty"), ("∈", "in"), ("∑", "sum"), ("∏", "prod"), ("√", "sqrt"), ("±", "pm"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs)
    }()

    /// Superscript digits (`²` is `^2`).
    package static let superscripts: [Character: Int] = ["²": 2, "³": 3]

    /// The value of an ASCII, Persian (U+06F0…) or Arabic-Indic (U+0660…) digit.
    package static func digitValue(_ c: Character) -> Int? {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0x6F0...0x6F9: return Int(s.value - 0x6F0)
        case 0x660...0x669: return Int(s.value - 0x660)
        default: return nil
        }
    }
}
