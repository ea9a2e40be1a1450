import Foundation
import SymbolicCore
import SymbolicLaTeX

/// The backward pass as LaTeX, text, JSON and a NumPy module.
extension BackwardPass {
    /// An `align*` block: one line per gradient, with the rule that gave it.
    public var latex: String {
        var lines = gradients.map { g in "\(g.name.latex) &= \(g.value.latex) && \\text{\(g.justification)}" }
        if !model.declarations.filter(\.isParameter).isEmpty {
            lines.append("&\\text{over a sequence, each parameter's gradient is the sum of these over } t")
        }
        return "\\begin{align*}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{align*}\n"
    }

    /// One line per gradient: `dz = yhat - y`.
    public var text: String {
        gradients.map { "\($0.name.plain) = \($0.value.description)\n" }.joined()
    }

    struct JSONForm: Encodable {
        struct Input: Encodable { let name: String; let shape: String }
        struct Item: Encodable { let name: String; let of: String; let shape: String; let latex: String; let plain: String }
        let model: String
        let inputs: [Input]
        let gradients: [Item]
    }

    /// `{"model", "inputs": [{"name", "shape"}], "gradients": [{"name", "of", "shape", "latex", "plain"}]}`.
    public var json: String {
        let incoming = model.carries.compactMap { c in model.shape(of: c.quantity).map { JSONForm.Input(name: c.incoming.plain, shape: $0.description) } }
        let form = JSONForm(
            model: model.title,
            inputs: model.declarations.map { .init(name: $0.quantity.plain, shape: $0.shape.description) } + incoming,
            gradients: gradients.map { .init(name: $0.name.plain, of: $0.of.plain, shape: $0.value.shape.description, latex: $0.value.latex, plain: $0.value.description) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: (try? encoder.encode(form)) ?? Data(), as: UTF8.self)
    }

    /// A self-contained Python module (NumPy only) with `loss(**values)` and `gradients(**values)`.
    /// For a cell with incoming gradients, `loss` adds `sum(da_next * a) + …`, so that
    /// `gradients` is exactly its gradient.
    public var numpy: String {
        var out = """
        \"\"\"\(model.title): loss and gradients, derived by derive's reverse mode. Generated code.\"\"\"
        import numpy as np


        def _sigmoid(x):
            return 1.0 / (1.0 + np.exp(-x))


        def _softmax(z):
            e = np.exp(z - np.max(z, axis=0, keepdims=True))
            return e / np.sum(e, axis=0, keepdims=True)


        def _softmax_rows(z):
            e = np.exp(z - np.max(z, axis=1, keepdims=True))
            return e / np.sum(e, axis=1, keepdims=True)


        def _forward(v):

        """
        for d in model.declarations { out += "    \(d.quantity.python) = np.asarray(v[\"\(d.quantity.python)\"], dtype=float)\n" }
        for c in model.carries { out += "    \(c.incoming.python) = np.asarray(v[\"\(c.incoming.python)\"], dtype=float)\n" }
        // Dimensions, from the first declaration whose rows are exactly that dimension.
        for s in model.dimensions {
            if let d = model.declarations.first(where: { $0.shape.rows == SymbolicCore.Expression(s) }) {
                out += "    \(Quantity(PlainPrinter.name(s)).python) = \(d.quantity.python).shape[0]\n"
            } else if let d = model.declarations.first(where: { $0.shape.columns == SymbolicCore.Expression(s) }) {
                out += "    \(Quantity(PlainPrinter.name(s)).python) = \(d.quantity.python).shape[1]\n"
            }
        }
        for (w, blocks) in model.splits.sorted(by: { $0.key.plain < $1.key.plain }) {
            var offset = SymbolicCore.Expression.zero
            for (b, width) in blocks {
                let end = offset + width
                out += "    \(b.python) = \(w.python)[:, \(python(offset)):\(python(end))]\n"
                offset = end
            }
        }
        for eq in model.equations {
            out += "    \(eq.quantity.python) = \(ShapedPrinter.string(eq.value, .python))\n"
        }
        out += "    return locals()\n\n\n"
        out += "def loss(**values):\n    f = _forward(values)\n"
        let carried = model.carries.map { " + np.sum(f[\"\($0.incoming.python)\"] * f[\"\($0.quantity.python)\"])" }.joined()
        // np.sum: a loss computed as a 1 × 1 array (`r^T r`) is a number too.
        out += "    return float(np.sum(f[\"\(model.loss?.python ?? "L")\"])\(carried))\n\n\n"
        out += "def gradients(**values):\n    f = _forward(values)\n"
        var names = model.declarations.map(\.quantity.python) + model.carries.map(\.incoming.python)
        names += model.splits.values.flatMap { $0.map(\.block.python) } + model.equations.map(\.quantity.python)
        names += model.dimensions.filter { d in model.declarations.contains { $0.shape.rows == SymbolicCore.Expression(d) || $0.shape.columns == SymbolicCore.Expression(d) } }.map { Quantity(PlainPrinter.name($0)).python }
        for n in names.sorted() { out += "    \(n) = f[\"\(n)\"]\n" }
        for g in gradients { out += "    \(g.name.python) = \(ShapedPrinter.string(g.value, .python))\n" }
        out += "    return {" + gradients.map { "\"\($0.name.python)\": \($0.name.python)" }.joined(separator: ", ") + "}\n"
        return out
    }

    private func python(_ e: SymbolicCore.Expression) -> String { PlainPrinter.string(e).replacingOccurrences(of: "^", with: "**") }
}
