import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// The solving argument in progress in a document: its first line, the line the next step
/// starts from, and where the blocks are (plain succession links lines of adjacent display
/// blocks only when nothing but a connective word stands between them).
struct EquationArgument {
    /// A line of the argument, read as a condition.
    struct Line {
        let condition: Condition
        /// The document line, the source text and the value as printed.
        let line: Int
        let latex: String
        let plain: String
        let typeset: String
        /// Serial of its block, the index after its statement(s) there, and whether it ended the block.
        let block: Int
        let end: Int
        let lastInBlock: Bool
        /// It was reached by an arrow.
        let followsArrow: Bool
        /// The line is a task's equation (`Solve $…$`), stated in prose rather than derived.
        var isTask = false
    }

    var first: Line?
    var last: Line?
    /// The equations read in the previous block that held any, and in the current one (a line
    /// may rewrite a row of the block before it).
    var previousBlock: [Condition] = []
    var currentBlock: [Condition] = []
    /// In an argument about a linear system in several unknowns: the conjunction of its lines so far.
    var system: Condition?
    /// Equation steps recorded in this argument, and the record of the latest.
    var steps = 0
    var lastStepRecord: Int?
    /// The last line may be a condition of the problem rather than a step (its answer is not checked).
    var lastMayBeCondition = false
    /// The argument's steps, held until it closes (when its answer is compared with its first line).
    var pending: [StepResult] = []
    /// Values the text rejects after the last line (`$x = -1$ is excluded`): not part of the answer.
    var rejected: [Expression] = []

    /// The current block's serial, and facts about the previous block.
    private(set) var block = 0
    private var previousDisplay = false
    /// Both this block and the previous one are display math.
    private var displayAfterDisplay = false
    /// Only whitespace or a connective word lies between the previous display block and this one.
    private(set) var joinedToPrevious = false
    private(set) var statementCount = 0

    init() {}

    /// Words that may stand between two lines of one argument.
    static let connectives: Set<String> = [
        "", "so", "then", "thus", "hence", "therefore", "which gives", "this gives", "we get", "giving",
        "so that", "and so", "i.e.", "that is", "it follows that", "or", "and", "or equivalently", "equivalently",
        "پس", "بنابراین", "در نتیجه", "یعنی", "داریم",
    ]

    /// Forgets the argument (its lines, steps and last record), keeping the block positions.
    mutating func reset() {
        first = nil
        last = nil
        system = nil
        steps = 0
        lastStepRecord = nil
        lastMayBeCondition = false
        pending = []
        rejected = []
    }

    /// The words between two blocks, lower-cased, without delimiters and punctuation.
    static func gapWords(_ prose: String) -> String {
        var gap = ProseCues.withoutComments(prose)
        for delimiter in ["$$", "\\[", "\\]", "$", "*", ":", ",", ".", ";"] { gap = gap.replacing(delimiter, with: " ") }
        return gap.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    mutating func enter(_ b: MathBlock, statements: Int) {
        block += 1
        if !currentBlock.isEmpty { previousBlock = currentBlock }
        currentBlock = []
        statementCount = statements
        defer { previousDisplay = b.display }
        joinedToPrevious = false
        displayAfterDisplay = previousDisplay && b.display
        // After a display block, or after a task's equation written inline, only connective
        // words (or nothing) may stand before the next line of the argument.
        let afterTask = last?.isTask == true && last?.block == block - 1
        guard displayAfterDisplay || (afterTask && b.display), b.proseBefore.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }) <= 6 else { return }
        joinedToPrevious = EquationArgument.connectives.contains(EquationArgument.gapWords(b.proseBefore))
    }

    /// True when statement k of the current block comes right after the argument's last line.
    func continues(at k: Int, _ s: Statement) -> Bool {
        guard let last else { return false }
        if last.block == block { return last.end == k }
        return last.block == block - 1 && last.lastInBlock && k == 0 && (joinedToPrevious || (s.followsArrow && (displayAfterDisplay || last.isTask)))
    }
}
