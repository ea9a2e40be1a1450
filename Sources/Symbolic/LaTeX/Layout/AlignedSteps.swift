/// Steps of a derivation as the rows of one `align*` block that stays inside an article's text
/// width: each step `left rel right` aligned at its relation, a long right side broken at its terms
/// (`EquationLayout`), its rule beside it when both fit on the line and above it otherwise, and a
/// result boxed when it fits on one line (labelled instead when it does not).
///
/// The rule beside a step is a `\tag*`, not a third alignment column: a column is as wide as its
/// widest entry over all rows, so one long step would push every rule past the margin, while
/// amsmath sets a tag at the margin and moves it below its step when they do not fit together.
package enum AlignedSteps {
    /// One step: the rule in text-mode LaTeX.
    package struct Row {
        package var left: String
        package var relation: String
        package var right: String
        package var rule: String
        package var isResult: Bool

        package init(left: String, relation: String, right: String, rule: String, isResult: Bool) {
            self.left = left
            self.relation = relation
            self.right = right
            self.rule = rule
            self.isResult = isResult
        }
    }

    /// The block, `\begin{align*} … \end{align*}`; `result` is the word that labels a result too
    /// long to box; `width` is the line's, in `EquationLayout`'s characters. A rule that cannot sit above the first row (`\shortintertext` needs a row
    /// before it) is returned as `lead`, a paragraph to print before the block.
    package static func block(_ rows: [Row], result: String, width: Int = EquationLayout.lineWidth) -> (lead: String, body: String) {
        var lead = "", body = ""
        for (k, line) in rows.enumerated() {
            let why = line.rule.isEmpty ? "" : "{\\small\\itshape " + line.rule + "}"
            let boxed = line.isResult && EquationLayout.estimatedWidth(line.left + line.right) < width - 4
            let right = boxed ? "\\boxed{" + line.right + "}" : line.right
            let label = line.isResult && !boxed ? "\\textbf{\(result):} " : ""
            let row = Self.row(left: line.left, relation: line.relation, right: right, width: width)
            let beside = label.isEmpty && !row.contains("\\\\")
                && EquationLayout.estimatedWidth(row) + EquationLayout.estimatedWidth(line.rule) * 3 / 4 <= width + 6
            if k > 0 { body += " \\\\\n" }
            if beside || (why.isEmpty && label.isEmpty) {
                body += row + (why.isEmpty ? "" : " \\tag*{" + why + "}")
            } else {
                if k > 0 { body += "\\shortintertext{\(label)\(why)}\n" } else { lead = label + why + "\n" }
                body += row
            }
        }
        return (lead, "\\begin{align*}\n" + body + "\n\\end{align*}\n")
    }

    /// `left &rel right`, with a long right side broken at its terms onto `&\quad` lines.
    package static func row(left: String, relation: String, right: String, width: Int = EquationLayout.lineWidth) -> String {
        let laid = EquationLayout.display("\(left) \(relation) \(right)", width: width)
        // Inside align* the aligned block's rows become the alignment's own rows.
        return laid.hasPrefix("\\begin{aligned}") ? alignedAtRelation(laid) : "\(left) &\(relation) \(right)"
    }

    /// `lhs = rhs` (or an `aligned` block) with `&` before its first relation, for one row of `align*`.
    package static func alignedAtRelation(_ latex: String) -> String {
        if latex.hasPrefix("\\begin{aligned}") {
            return String(latex.dropFirst("\\begin{aligned}\n".count).dropLast("\n\\end{aligned}".count))
        }
        let chars = Array(latex)
        guard let r = EquationLayout.topLevelCuts(chars).first(where: { $0.kind == .relation }) else { return latex }
        return String(chars[..<r.at]) + "&" + String(chars[r.at...])
    }
}
