/// A memo from expression nodes to results, for one traversal: shared subexpressions (a DAG
/// such as an unrolled recurrence) are visited once. A reference, so traversals stay values.
final class NodeMemo<Value> {
    /// Unchecked exclusivity: each access is a single read or write of the table, never held
    /// across `compute`, and a memo belongs to one traversal on one thread; a run-time check on
    /// every lookup would cost more than the lookup's own work on the differentiator's path.
    @exclusivity(unchecked) private var values: [Expression: Value] = [:]

    /// The result for `e`, computed once; leaves are cheap and not stored.
    func value(_ e: Expression, _ compute: (Expression) -> Value) -> Value {
        switch e.kind {
        case .number, .symbol, .constant, .undefined: return compute(e)
        default: break
        }
        if let v = values[e] { return v }
        let v = compute(e)
        values[e] = v
        return v
    }
}
