import SymbolicLaTeX

/// What a run of the verifier keeps so that an edited version of its document is checked again
/// only from the first block the edit touched: the document's blocks and their readings, and the
/// verifier's state before some of its blocks.
///
/// The state before block `i` is a function of the blocks before it, of their macros and of what
/// those blocks looked ahead at (`DocumentState.lookedAhead`) and summarised from their section
/// (`DocumentState.functionLetters`). When an edited text has the same blocks up to `c`, a
/// state before `i ≤ c` whose blocks looked no further than `c − 1`, and whose section summary
/// is the same for the new text, is the state a fresh run would reach: the run goes on from it.
struct VerifierRun: @unchecked Sendable {
    // @unchecked: the states hold only values and immutable shared nodes.

    /// A state before a block, with the section counter and the number of steps emitted by then
    /// (the steps themselves are the first ones of `steps`).
    struct Checkpoint {
        let block: Int
        let section: Int
        let steps: Int
        let state: Verifier.DocumentState
    }

    /// At most about this many checkpoints are kept per run.
    static let checkpointsKept = 64

    let text: String
    let blocks: [MathBlock]
    let blockMacros: [LaTeXMacros]
    let preread: [[Statement]]
    let checkpoints: [Checkpoint]
    /// The steps emitted by the blocks (before the plain-text tables are placed among them).
    let steps: [StepResult]
    let report: VerificationReport
    /// The block this run went on from (0 when it started afresh).
    let resumedAt: Int

    init(text: String, blocks: [MathBlock], blockMacros: [LaTeXMacros], preread: [[Statement]],
         checkpoints: [Checkpoint], steps: [StepResult], report: VerificationReport, resumedAt: Int = 0) {
        self.text = text
        self.blocks = blocks
        self.blockMacros = blockMacros
        self.preread = preread
        self.checkpoints = checkpoints
        self.steps = steps
        self.report = report
        self.resumedAt = resumedAt
        var index: [BlockKey: Int] = [:]
        for (i, b) in blocks.enumerated() { index[BlockKey(b)] = i }
        self.index = index
    }

    /// A run that keeps nothing for the next one.
    init(report: VerificationReport) {
        self.init(text: "", blocks: [], blockMacros: [], preread: [], checkpoints: [], steps: [], report: report)
    }

    /// How many leading blocks (with the macros in force at each) the new text shares with this run's.
    func unchangedBlocks(_ newBlocks: [MathBlock], _ newMacros: [LaTeXMacros]) -> Int {
        var i = 0
        while i < min(blocks.count, newBlocks.count), blocks[i] == newBlocks[i], blockMacros[i] == newMacros[i] { i += 1 }
        return i
    }

    /// This run's reading of a block with the same text, place and macros (a block after the
    /// edit that did not move), if there is one.
    func reading(of block: MathBlock, _ macros: LaTeXMacros) -> [Statement]? {
        guard let i = index[BlockKey(block)], blockMacros[i] == macros else { return nil }
        return preread[i]
    }

    /// The latest checkpoint the new text may go on from: before a block among the first
    /// `unchanged`, looked ahead no further than them, with the same section summary.
    func resumable(before unchanged: Int, blockSections: [Int], preread: [[Statement]]) -> Checkpoint? {
        checkpoints.last { c in
            guard c.block <= unchanged, c.state.lookedAhead < unchanged else { return false }
            // At a section's first block the summary is made again; inside a section it is carried.
            guard c.block > 0, c.block < blockSections.count, blockSections[c.block] == blockSections[c.block - 1] else { return true }
            var probe = c.state
            probe.preread = preread
            probe.blockSections = blockSections
            return Verifier.differentiatedTwice(probe, section: blockSections[c.block]) == c.state.functionLetters
        }
    }

    private struct BlockKey: Hashable {
        let latex: String
        let line: Int
        let column: Int
        init(_ b: MathBlock) { latex = b.latex; line = b.line; column = b.column }
    }

    /// The blocks by text and place.
    private let index: [BlockKey: Int]
}
