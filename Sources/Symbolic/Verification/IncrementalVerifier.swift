import Synchronization
import SymbolicCore

/// Verifies successive versions of documents, checking again only what an edit can have changed
/// (the checker in the browser sends the whole document at every pause in typing).
///
/// Three things are reused, each only where it is the value a fresh run would compute:
/// - the verifier's state before the first block the edit touched (`VerifierRun`): the blocks
///   before it are not processed again;
/// - the readings of blocks after it whose text, place and macros did not change;
/// - the decisions of claims already decided under the same conditions (`EquivalenceMemo`).
/// So the verdicts are those of `Verifier.verify` on the same text, whatever came before.
public final class IncrementalVerifier: Sendable {
    /// The number of recent runs kept (one per document being edited, across clients).
    public let runsKept: Int
    /// Documents longer than this, in bytes, are checked from the start every time (and not kept).
    public let maximumKeptLength: Int
    let verifier: Verifier
    private let runs = Mutex<[VerifierRun]>([])

    /// Memory stays bounded by `runsKept` runs of at most `maximumKeptLength` bytes each, and
    /// `decisionsKept` decisions.
    public init(_ verifier: Verifier = Verifier(), runsKept: Int = 8, maximumKeptLength: Int = 256 << 10, decisionsKept: Int = 4_096) {
        var verifier = verifier
        verifier.checker.equivalence.memo = EquivalenceMemo(capacity: decisionsKept)
        self.verifier = verifier
        self.runsKept = max(1, runsKept)
        self.maximumKeptLength = maximumKeptLength
    }

    /// The report `Verifier.verify` gives for `text`.
    public func verify(_ text: String, file: String) -> VerificationReport {
        guard text.utf8.count <= maximumKeptLength else { return verifier.verify(text, file: file) }
        // The kept run sharing the longest prefix with the text (compared outside the lock).
        let kept = runs.withLock { $0 }
        let previous = kept.map { ($0, Self.sharedPrefix($0.text, text)) }.max { $0.1 < $1.1 }?.0
        let run = verifier.run(text, file: file, after: previous, checkpoints: true)
        runs.withLock { runs in
            runs.removeAll { $0.text == text }
            runs.append(run)
            if runs.count > runsKept { runs.removeFirst(runs.count - runsKept) }
        }
        return run.report
    }

    /// The length in bytes of the longest common prefix of two texts.
    static func sharedPrefix(_ a: String, _ b: String) -> Int {
        var n = 0
        for (x, y) in zip(a.utf8, b.utf8) {
            guard x == y else { break }
            n += 1
        }
        return n
    }
}
