import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations
/// A pasted document cut into its prose and its math, in order, for a report that shows the
/// document itself.
struct DocumentPieces {
    enum Piece {
        /// Text between math blocks, as written.
        case prose(String)
        /// The math block `blocks[index]`.
        case math(index: Int)
    }

    let pieces: [Piece]
    let blocks: [MathBlock]

    /// Finds each block of `MathBlockScanner` in the text and takes its delimiters with it. A
    /// block that cannot be placed (it should not happen) stays in the prose, where it is escaped.
    init(_ text: String) {
        let chars = Array(text)
        blocks = MathBlockScanner.blocks(in: text)
        // Where each line starts, in characters; lines end at "\n" as in the scanner ("\r\n" is one Character).
        var lineStarts = [0]
        for (k, c) in chars.enumerated() where c == "\n" || c == "\r\n" { lineStarts.append(k + 1) }
        var out: [Piece] = []
        var cursor = 0
        for (index, block) in blocks.enumerated() {
            let content = Array(block.latex)
            guard block.line - 1 < lineStarts.count else { continue }
            var start = lineStarts[block.line - 1] + block.column - 1
            if !Self.matches(chars, content, at: start) {
                // A column counted differently (a combining mark): look for the content on its line.
                guard let found = Self.find(chars, content, from: max(cursor, lineStarts[block.line - 1])) else { continue }
                start = found
            }
            guard start >= cursor else { continue }
            let end = start + content.count
            let open = Self.delimiter(before: start, in: chars, floor: cursor)
            let close = Self.delimiter(after: end, in: chars)
            if open.lowerBound > cursor { out.append(.prose(String(chars[cursor..<open.lowerBound]))) }
            out.append(.math(index: index))
            cursor = close
        }
        if cursor < chars.count { out.append(.prose(String(chars[cursor...]))) }
        pieces = out
    }

    private static func matches(_ chars: [Character], _ s: [Character], at k: Int) -> Bool {
        k >= 0 && k + s.count <= chars.count && chars[k..<(k + s.count)].elementsEqual(s)
    }

    private static func find(_ chars: [Character], _ s: [Character], from k: Int) -> Int? {
        guard !s.isEmpty else { return nil }
        var i = k
        while i + s.count <= chars.count {
            if matches(chars, s, at: i) { return i }
            i += 1
        }
        return nil
    }

    static let openers = ["$$", "\\[", "\\(", "$"] + MathBlockScanner.environments.map { "\\begin{\($0)}" }
    static let closers = ["$$", "\\]", "\\)", "$"] + MathBlockScanner.environments.map { "\\end{\($0)}" }

    /// The range of the opening delimiter that ends at `k` (empty when none is recognised).
    private static func delimiter(before k: Int, in chars: [Character], floor: Int) -> Range<Int> {
        for o in openers.sorted(by: { $0.count > $1.count }) {
            let d = Array(o)
            if k - d.count >= floor, matches(chars, d, at: k - d.count) { return (k - d.count)..<k }
        }
        return k..<k
    }

    /// The offset just after the closing delimiter that starts at `k`.
    private static func delimiter(after k: Int, in chars: [Character]) -> Int {
        for c in closers.sorted(by: { $0.count > $1.count }) where matches(chars, Array(c), at: k) { return k + c.count }
        return k
    }
}
