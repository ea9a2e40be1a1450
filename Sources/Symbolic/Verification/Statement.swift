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
}

/// One side of a relation as read from the document.
public struct ChainItem: Sendable {
    /// The value, or why it could not be read.
    public let value: Result<MathValue, ReaderError>
    /// The source text of the item.
    public let latex: String
    public let line: Int
    public let column: Int
    /// True when the item is only prose in `\text{…}` (a claim in words).
    public let isProse: Bool
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
    /// A construct at the statement level that makes it unreadable (a `cases` tail, say).
    public var failure: ReaderError? = nil
}
