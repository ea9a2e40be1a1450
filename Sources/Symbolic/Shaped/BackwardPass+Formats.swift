import Foundation
import SymbolicCore
import SymbolicLaTeX

/// The backward pass as LaTeX, text, JSON and a NumPy module.
extension BackwardPass {
    /// An `align*` block: one row per gradient with the rule that gave it, long ones broken to an
    /// article's text width (as an answer key sets them).
    public var latex: String {
        let rows = gradients.map { g in
            AlignedSteps.Row(left: g.name.latex, relation: "=", right: g.value.latex, rule: LaTeXText.escape(g.justification), isResult: false)
        }
        let (lead, block) = AlignedSteps.block(rows, result: "Result", width: EquationLayout.articleWidth)
        let sequence = !model.carries.isEmpty && model.declarations.contains(where: \.isParameter)
            ? "Over a sequence, each parameter's gradient is the sum of these over $t$.\n" : ""
        return lead + block + sequence
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
        \"\"\"\(model.title): loss and gradients, derived by derive's reverse mode. Generated code.

        Conventions: a vector is a column, given as a 1-D array (n,) or as (n, 1); a batch of m
        examples is given as the columns of an (n, m) array, and then a bias's gradient is summed
        over the batch. Every gradient has the shape of the value it was given; `loss` is a float.
        `check(**values)` returns the largest difference between `gradients` and central finite
        differences of `loss`.
        \"\"\"
        import numpy as np


        def _sigmoid(x):
            return 1.0 / (1.0 + np.exp(-x))


        def _softmax(z):
            e = np.exp(z - np.max(z, axis=0, keepdims=True))
            return e / np.sum(e, axis=0, keepdims=True)


        def _softmax_rows(z):
            e = np.exp(z - np.max(z, axis=1, keepdims=True))
            return e / np.sum(e, axis=1, keepdims=True)


        def _input(a, columns_one):
            a = np.asarray(a, dtype=float)
            if a.ndim == 0:
                return a.reshape(1, 1)
            if a.ndim == 1 and columns_one:
                return a.reshape(-1, 1)
            return a


        def _conform(g, given):
            \"\"\"The gradient in the shape of the value given: summed over a batch, 1-D for a 1-D input.\"\"\"
            g = np.asarray(g, dtype=float)
            given = np.asarray(given, dtype=float)
            if given.ndim <= 1:
                if g.ndim == 2 and given.ndim == 1 and g.shape[1] > 1 and g.shape[0] == given.shape[0]:
                    g = g.sum(axis=1)
                if g.size != given.size:
                    g = np.sum(g) * np.ones(given.shape)
                return g.reshape(given.shape)
            if g.shape != given.shape and g.ndim == 2 and g.shape[0] == given.shape[0] and given.shape[1] == 1:
                g = g.sum(axis=1, keepdims=True)
            return g


        def _forward(_values):

        """
        for d in model.declarations {
            out += "    \(d.quantity.python) = _input(_values[\"\(d.quantity.python)\"], \(d.shape.columns.isOne ? "True" : "False"))\n"
        }
        for c in model.carries {
            let one = model.shape(of: c.quantity)?.columns.isOne ?? true
            out += "    \(c.incoming.python) = _input(_values[\"\(c.incoming.python)\"], \(one ? "True" : "False"))\n"
        }
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
        // The module's own names start with _ so that no name of the model can shadow them.
        out += "def loss(**_values):\n    _f = _forward(_values)\n"
        let carried = model.carries.map { " + np.sum(_f[\"\($0.incoming.python)\"] * _f[\"\($0.quantity.python)\"])" }.joined()
        // np.sum: a loss computed as a 1 × 1 array (`r^T r`) is a number too.
        out += "    return float(np.sum(_f[\"\(model.loss?.python ?? "L")\"])\(carried))\n\n\n"
        out += "def gradients(**_values):\n    _f = _forward(_values)\n"
        var names = model.declarations.map(\.quantity.python) + model.carries.map(\.incoming.python)
        names += model.splits.values.flatMap { $0.map(\.block.python) } + model.equations.map(\.quantity.python)
        names += model.dimensions.filter { d in model.declarations.contains { $0.shape.rows == SymbolicCore.Expression(d) || $0.shape.columns == SymbolicCore.Expression(d) } }.map { Quantity(PlainPrinter.name($0)).python }
        for n in names.sorted() { out += "    \(n) = _f[\"\(n)\"]\n" }
        for g in gradients { out += "    \(g.name.python) = \(ShapedPrinter.string(g.value, .python))\n" }
        // The gradients of the values given come back in their shapes (a batch summed for a bias).
        let given = Set(model.declarations.map(\.quantity) + model.carries.map(\.incoming))
        let returned = gradients.map { g in
            given.contains(g.of) ? "\"\(g.name.python)\": _conform(\(g.name.python), _values[\"\(g.of.python)\"])" : "\"\(g.name.python)\": \(g.name.python)"
        }
        out += "    return {" + returned.joined(separator: ", ") + "}\n\n\n"
        let declared = model.declarations.map { "\"\($0.quantity.python)\"" }.joined(separator: ", ")
        out += """
        def check(_step=1e-6, **_values):
            \"\"\"The largest difference between `gradients` and central finite differences of `loss`.\"\"\"
            g = gradients(**_values)
            worst = 0.0
            for k in [\(declared)]:
                if "d" + k not in g:
                    continue
                x = np.asarray(_values[k], dtype=float)
                num = np.zeros(x.shape)
                for i in np.ndindex(*x.shape):
                    up = dict(_values); up[k] = x.copy(); up[k][i] += _step
                    dn = dict(_values); dn[k] = x.copy(); dn[k][i] -= _step
                    num[i] = (loss(**up) - loss(**dn)) / (2 * _step)
                worst = max(worst, float(np.max(np.abs(num - g["d" + k]))))
            return worst

        """
        return out
    }

    private func python(_ e: SymbolicCore.Expression) -> String { PlainPrinter.string(e).replacingOccurrences(of: "^", with: "**") }
}
