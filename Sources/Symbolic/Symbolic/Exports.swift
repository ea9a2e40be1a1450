/// The library as one module: every layer, re-exported, for the command line and for users who
/// `import Symbolic`. The layers are SwiftPM targets of their own, so the compiler keeps them
/// apart: the core engine (numbers, expressions, algebra, calculus, polynomials, simplification,
/// domain, intervals, printing, parsing), the LaTeX reader and documents, shaped expressions and
/// models, verification, derivations, and reports.
@_exported import SymbolicCore
@_exported import SymbolicLaTeX
@_exported import SymbolicShaped
@_exported import SymbolicVerification
@_exported import SymbolicDerivations
@_exported import SymbolicReports
