import SymbolicCore
import SymbolicLaTeX

/// Backpropagation by numbers (`derive backward FILE --at x1=1 --at w1=1 …`): the forward pass
/// and every gradient of a backward pass evaluated exactly at given values of the inputs and
/// parameters. A ReLU (or any step) met exactly at its kink is reported: its derivative there is
/// the convention H(0) = 0, not a derivative.
public struct BackwardValues: Sendable {
    /// Each forward quantity with its value, in the order of the equations.
    public let forward: [(Quantity, Matrix)]
    /// Each gradient with its value, in the order of the pass.
    public let gradients: [(Quantity, Matrix)]
    /// The gradients whose value used a step function at exactly 0.
    public let atKinks: [Quantity]

    /// An error in the values, in one line.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// `1/2`, `-0.25`, `[1, 2; 3, 4]` (rows separated by `;`), `[1; 2]` (a column).
    public static func parseValue(_ text: String) -> Matrix? {
        let t = text.trimmingCharacters()
        if let r = Rational(t) { return Matrix(rows: 1, columns: 1, entries: [Expression(r)]) }
        guard t.hasPrefix("["), t.hasSuffix("]") else { return nil }
        let rows = t.dropFirst().dropLast().split(separator: ";", omittingEmptySubsequences: false).map { row in
            row.split(whereSeparator: { $0 == "," || $0 == " " }).map { Rational(String($0)) }
        }
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width && !$0.contains(nil) }) else { return nil }
        return Matrix(rows: rows.count, columns: width, entries: rows.flatMap { $0.map { Expression($0!) } })
    }

    /// The pass evaluated at `values` (by the plain names of the model's inputs and parameters).
    public init(_ pass: BackwardPass, at values: [String: Matrix]) throws(Failure) {
        let model = pass.model
        var sizes: [Symbol: Int] = [:]
        var given: [Quantity: Matrix] = [:]
        // A gradient arriving from outside the model (`carry a : da_next`) may be given too.
        let incoming = Dictionary(model.carries.map { ($0.incoming.plain, $0) }, uniquingKeysWith: { a, _ in a })
        for name in values.keys where !model.declarations.contains(where: { $0.quantity.plain == name }) && incoming[name] == nil {
            throw Failure(description: "--at \(name): the model has no input, parameter or incoming gradient of that name")
        }
        for d in model.declarations {
            guard let m = values[d.quantity.plain] else {
                throw Failure(description: "no value for \(d.quantity.plain) (give --at \(d.quantity.plain)=…)")
            }
            // Dimensions that are letters take their size from the value.
            for (dim, n) in [(d.shape.rows, m.rows), (d.shape.columns, m.columns)] {
                if case .symbol(let s) = dim.kind {
                    if let known = sizes[s], known != n { throw Failure(description: "\(d.quantity.plain): \(PlainPrinter.name(s)) is \(known) elsewhere, \(n) here") }
                    sizes[s] = n
                }
            }
            given[d.quantity] = m
        }
        for d in model.declarations {
            guard let (r, c) = d.shape.instantiated(sizes), let m = given[d.quantity], r == m.rows, c == m.columns else {
                throw Failure(description: "\(d.quantity.plain) is declared \(d.shape), and its value does not have that shape")
            }
        }
        for (name, carry) in incoming {
            guard let m = values[name] else { continue }
            given[carry.incoming] = m
        }
        guard var ev = model.forward(ShapedEvaluator(sizes: sizes, values: given)) else {
            throw Failure(description: "the forward pass could not be evaluated at these values")
        }
        forward = model.equations.compactMap { eq in ev.values[eq.quantity].map { (eq.quantity, $0) } }
        var grads: [(Quantity, Matrix)] = [], kinks: [Quantity] = []
        for g in pass.gradients {
            guard let v = ev.evaluate(g.value) else { throw Failure(description: "\(g.name.plain) could not be evaluated") }
            ev.values[g.name] = v
            grads.append((g.name, v))
            // At a kink, or through a gradient taken at one.
            if Self.stepAtZero(g.value, ev) || g.value.quantities.contains(where: kinks.contains) { kinks.append(g.name) }
        }
        gradients = grads
        atKinks = kinks
    }

    /// True when a step function (the derivative of ReLU) in `e` has an argument with an entry 0.
    static func stepAtZero(_ e: ShapedExpression, _ ev: ShapedEvaluator) -> Bool {
        if case .operation(let op as Elementwise, let xs) = e.kind, op.function == .heaviside,
           let v = ev.evaluate(xs[0]), v.entries.contains(where: { $0.isZero }) { return true }
        return e.children.contains { stepAtZero($0, ev) }
    }

    /// One line per quantity: `s1 = 1/2`, then `dw1 = -3/2`.
    public var text: String {
        func show(_ m: Matrix) -> String {
            if m.rows * m.columns == 1 { return PlainPrinter.string(m.entries[0]) }
            return "[" + (0..<m.rows).map { i in (0..<m.columns).map { j in PlainPrinter.string(m[i, j]) }.joined(separator: ", ") }.joined(separator: "; ") + "]"
        }
        var lines = ["Forward pass:"] + forward.map { "  \($0.0.plain) = \(show($0.1))" }
        lines += ["Gradients:"] + gradients.map { q, m in
            "  \(q.plain) = \(show(m))" + (atKinks.contains(q) ? "    (through a ReLU at its kink: H(0) = 0 taken; the derivative does not exist there)" : "")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
