import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// What a statement of a derivation is taken for.
///
/// The verifier decides the kind from the document before any check runs
/// (`Verifier.elaborate`): from the statement's shape and from what the section has defined,
/// assumed and declared before it, and the arrows and words around it. Each kind has its own
/// checker, and the report's `method` names the kind a step was taken for. A solving argument in
/// progress is elaborated first (`Verifier.equationStep`): a line reached from an equation by an
/// arrow or by plain succession is a step between equations; the document's vector-notation model
/// (forward equations, shapes, gradient claims) is elaborated alongside by `gradientStatement`.
enum LineKind {
    /// `… \quad \text{if } x > 0`, `… \leftarrow …`: holds under a condition stated with it; not checked.
    case conditional
    /// A side could not be read.
    case unreadable(ReaderError)
    /// `= c` with no chain before it to continue.
    case orphanContinuation
    /// `x \sim \mathcal{N}(0, 1)`: a declaration of random quantities, or a claim about a distribution.
    case distribution(Verifier.DistributionLine)
    /// `\times 8 \rightarrow 18874368`: an operator applied to the previous value, and its stated
    /// result; `corrected` is the operator applied to the correct value when the previous line's
    /// written result was wrong (the student may have carried either one forward).
    case operatorResult(ChainItem, result: ChainItem, corrected: ChainItem?)
    /// `p(x) = 0 \rightarrow x_1 = 2, x_2 = 3`: claimed roots of a polynomial equation.
    case solvingClaim(Verifier.SolvingClaim)
    /// A definition (or an assumption); the rest of the chain, if any, is claims.
    case definition(DefinitionKind)
    /// `$a \neq 0$`, `$0 < p < 1$`, `$n \in \mathbb{N}$` inline in prose: a condition on names
    /// that the section assumes from here on (it restricts the parameter values tried), not a claim.
    case statedCondition([Condition.Atom])
    /// `at the point $x = 4$`, `for $x = 2$`: a value at which something is looked at, inline in
    /// prose; it defines nothing for the rest of the section.
    case point
    /// Claims: each relation of the chain is an identity to prove, or an equation in unknowns
    /// that a solving argument may go on from once the checker finds it is no identity.
    case claims
}

/// How a statement defines names.
enum DefinitionKind {
    /// `(x_1, x_2) = (1, 2)`: each name gets its value; the statement has no claim.
    case tuple([(Symbol, MathValue, Domain)])
    /// `f(x) = body`: a function of the parameters.
    case function(name: String, parameters: [Symbol], body: Expression)
    /// `name = value` with a name that already has another numeric value: a new part of the
    /// document reusing the name, recorded as unchecked with the reason.
    case redefinition(Symbol, MathValue, StepChecker.Outcome)
    /// `f(x) = body` for a function already defined with a body that certainly differs: a new
    /// part of the document reusing the name (`Now let f(x) = x^3`), unchecked with the reason.
    case functionRedefinition(name: String, parameters: [Symbol], body: Expression, StepChecker.Outcome)
    /// `name = value` with a fresh name, for the rest of the section.
    case value(Symbol, MathValue, Domain)
    /// `a = b` between fresh names: an assumption; the lines after it are steps under it.
    case assumption(Symbol, equalTo: Symbol)
    /// `H = \text{Softmax}[…] V` or `\text{Attention}(Q, K, V) = …`: a fresh name (or a function
    /// of fresh name) given a value the reader cannot read. A definition still (it claims nothing),
    /// but the name's value is unknown: a later claim about it may be proved, never refuted.
    case opaque(name: Symbol?, function: String?, reason: String, matrix: Bool)
}
