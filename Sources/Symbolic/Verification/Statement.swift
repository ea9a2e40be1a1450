import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// A relation between two consecutive items of a chain.
public enum Relation: String, Sendable {
    case equal = "="
    case approximately = "≈"
    case notEqual = "≠"
    case less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥"
    case member = "∈"
    case distributed = "∼"
    case equivalent = "≡"
    case proportional = "∝"

    /// The LaTeX for the relation.
    public var latex: String {
        switch self {
        case .equal: "="
        case .approximately: "\\approx"
        case .notEqual: "\\neq"
        case .less: "<"
        case .lessOrEqual: "\\leq"
        case .greater: ">"
        case .greaterOrEqual: "\\geq"
        case .member: "\\in"
        case .distributed: "\\sim"
        case .equivalent: "\\equiv"
        case .proportional: "\\propto"
        }
    }
}

/// One side of a relation as read from the document.
public struct ChainItem: Sendable {
    /// The value, or why it could not be read.
    public var value: Result<MathValue, ReaderError>
    /// The source text of the item.
    public let latex: String
    public let line: Int
    public let column: Int
    /// True when the item is only prose in `\text{…}` (a claim in words).
    public let isProse: Bool
    /// The tokens, for reading again once earlier definitions (matrices) are known.
    public var tokens: [LaTeXToken] = []
    /// Where the item as written is defined (see `DomainRules`).
    public var domain = Domain()
    /// The parts of a tuple `(a, b, c)`, each readable on its own; nil for other items.
    public var tupleParts: [[LaTeXToken]]? = nil
    /// The letters the document defines as functions when the item was read.
    public var functionNames: Set<Character> = []

    /// The item read again with names that stand for matrices and vectors, and with the
    /// document's functions known inside limits and integrals (which are computed when read).
    public func reread(matrices: [Symbol: Matrix], vectors: [Symbol: Expression] = [:],
                       functions: [String: (parameters: [Symbol], body: Expression)] = [:], families: Set<Symbol> = []) -> ChainItem {
        let bounded = !functions.isEmpty && tokens.contains { $0.kind == .command("lim") || $0.kind == .command("int") }
        let derivative = !families.isEmpty && tokens.contains { $0.kind == .command("partial") || $0.kind == .command("frac") }
        guard !tokens.isEmpty, !matrices.isEmpty || !vectors.isEmpty || bounded || derivative else { return self }
        var reader = LaTeXReader(tokens: tokens)
        reader.matrices = matrices
        reader.vectors = vectors
        reader.families = families
        if bounded { reader.functionBodies = functions }
        reader.functionNames = functionNames
        var copy = self
        do { copy.value = .success(try reader.readWhole()) } catch { copy.value = .failure(error) }
        copy.domain = reader.domain
        return copy
    }

    /// The item as LaTeX for reports: the printer's form of the value read, or the source as
    /// escaped verbatim text when it could not be read.
    public var typeset: String {
        switch value {
        case .success(let v): v.latex
        case .failure: LaTeXText.verbatim(latex)
        }
    }

    /// True for the empty right side of a relation that ends a block (`… =` before a line break).
    public var isEmpty: Bool { tokens.isEmpty && latex.isEmpty }
}

/// A chain `a = b = c` (or with other relations), as written in one part of a math block.
public struct Statement: Sendable {
    public var items: [ChainItem]
    public var relations: [Relation]
    /// The line began with a relation (`= c` on its own line): the chain continues the previous one.
    public var continuesPrevious = false
    /// The statement began with an operator (`\times 8 \rightarrow 18874368`): it applies to the previous value.
    public var leadingOperator: Character? = nil
    /// The statement follows an arrow (`\Rightarrow`, `\rightarrow`) from the previous statement.
    public var followsArrow = false
    /// The arrow command before the statement (`Rightarrow`, `iff`, `therefore`), when it follows one.
    public var arrow: String? = nil
    /// The statement opens a line of its block (the block's start, or after `\\`); statements after a
    /// separator on the same line (`x > 0, \quad y = 2`) do not.
    public var startsRow = true
    /// The statement is followed by `\leftarrow` (its justification or assumption comes next).
    public var endsWithBackwardArrow = false
    /// The statement is followed by a condition (`\quad \text{if } x > 0`).
    public var conditional = false
    /// A construct at the statement level that makes it unreadable (a `cases` tail, say).
    public var failure: ReaderError? = nil
}
