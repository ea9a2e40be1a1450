import Synchronization

/// Decisions of `EquivalenceChecker.check` kept for later calls with the same arguments, shared
/// by the checks of one process (the checker in the browser re-checks a document at every edit:
/// a claim it has decided before, under the same conditions, is not decided again).
///
/// A decision is a function of its arguments and the checker's limits only, so a kept one is the
/// one a new call would make. At most `capacity` decisions are kept; past that the older half
/// is dropped, so memory stays bounded however long the process runs.
public final class EquivalenceMemo: Sendable {
    struct Key: Hashable {
        let a: Expression
        let b: Expression
        let domain: Domain
        let termLimit: Int
        let samples: Int
    }

    public let capacity: Int
    /// The decisions of the current generation and of the one before (looked up second, and
    /// moved to the current one when used).
    private let table = Mutex<(current: [Key: EquivalenceResult], older: [Key: EquivalenceResult])>(([:], [:]))

    public init(capacity: Int = 20_000) {
        self.capacity = max(2, capacity)
    }

    func decision(_ key: Key) -> EquivalenceResult? {
        table.withLock { t in
            if let r = t.current[key] { return r }
            guard let r = t.older[key] else { return nil }
            t.current[key] = r
            return r
        }
    }

    func keep(_ key: Key, _ result: EquivalenceResult) {
        table.withLock { t in
            if t.current.count >= capacity / 2 {
                t.older = t.current
                t.current = [:]
            }
            t.current[key] = result
        }
    }

    /// The number of decisions kept.
    public var count: Int { table.withLock { t in t.current.count + t.older.keys.filter { t.current[$0] == nil }.count } }
}
