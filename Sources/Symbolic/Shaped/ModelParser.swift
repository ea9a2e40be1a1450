import SymbolicCore
import SymbolicLaTeX
/// Reads a model file: forward equations over named vectors and matrices.
///
/// ```
/// model RNN cell                                  # a title
/// dimensions n_a, n_x, n_y
/// input a_prev : n_a            "a^{<t-1>}"      # name : shape, optional LaTeX in quotes
/// input x : n_x                 "x^{<t>}"
/// input y : n_y                 "y^{<t>}"
/// parameter W_a : n_a x (n_a + n_x)
/// parameter b_a : n_a
/// split W_a : W_aa "W_{aa}", W_ax "W_{ax}"        # column blocks, widths from [a_prev; x]
/// a = tanh(W_a [a_prev; x] + b_a)  "a^{<t>}"
/// z = W_y a + b_y
/// yhat = softmax(z)             "\hat{y}^{<t>}"
/// loss L = cross_entropy(y, yhat)
/// carry a : da_next "da_{next}"                   # gradient arriving from the next step
/// ```
/// In equations, juxtaposition and `*` are matrix products, `∘` and `.*` elementwise products,
/// `^T` (or `'`) a transpose, `^2` an elementwise power, `[a; x]` a concatenation; functions:
/// sigmoid, tanh, exp, log, relu, softmax, softmax_rows, cross_entropy, transpose, sum, mean, tr,
/// inv, det, and sqrt of a dimension; `/` divides by a number or a scalar, and a scalar beside a
/// vector or matrix scales it (`g v`, `v g`). A number next to a vector
/// is filled to its shape (`1 - Gamma_u`).
public struct ModelParser {
    /// An error with its line and column in the model file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    public static func parse(_ text: String) throws(Failure) -> Model {
        var model = Model()
        var pendingSplits: [(line: Int, parameter: Quantity, blocks: [Quantity])] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = LineReader(String(raw), line: lineNumber)
            line.stripComment()
            guard let first = line.peekWord() else { continue }
            switch first {
            case "model":
                line.skipWord()
                model.title = line.rest.trimmingCharacters()
            case "dimensions":
                line.skipWord()
                for name in line.rest.split(separator: ",") {
                    let n = String(name).trimmingCharacters()
                    guard !n.isEmpty else { continue }
                    model.dimensions.append(PlainParser.symbol(from: n))
                }
            case "input", "parameter":
                line.skipWord()
                let name = try line.name()
                try line.expect(":")
                let (shapeText, latex) = line.restAndLatex()
                let shape = try ModelParser.shape(shapeText, line: lineNumber, column: line.column)
                guard model.shape(of: Quantity(name)) == nil else { throw line.failure("\(name) is declared twice") }
                model.declarations.append(.init(quantity: Quantity(name, latex: latex ?? name), shape: shape, isParameter: first == "parameter"))
            case "split":
                line.skipWord()
                let name = try line.name()
                guard let d = model.declarations.first(where: { $0.quantity.plain == name }) else { throw line.failure("split of an undeclared \(name)") }
                try line.expect(":")
                var blocks: [Quantity] = []
                repeat {
                    let b = try line.name()
                    blocks.append(Quantity(b, latex: line.quoted() ?? b))
                } while line.accept(",")
                pendingSplits.append((lineNumber, d.quantity, blocks))
            case "carry":
                line.skipWord()
                let name = try line.name()
                guard let q = model.equations.first(where: { $0.quantity.plain == name })?.quantity else { throw line.failure("carry of \(name), which no equation defines") }
                try line.expect(":")
                let incoming = try line.name()
                model.carries.append(.init(quantity: q, incoming: Quantity(incoming, latex: line.quoted() ?? incoming)))
            default:
                let isLoss = first == "loss"
                if isLoss { line.skipWord() }
                let name = try line.name()
                guard model.shape(of: Quantity(name)) == nil else { throw line.failure("\(name) is defined twice") }
                try line.expect("=")
                let (exprText, latex) = line.restAndLatex()
                var reader = ShapedExpressionReader(exprText, line: lineNumber, column: line.column, model: model)
                let value = try reader.readAll()
                if isLoss {
                    guard value.shape.isScalar else { throw line.failure("the loss \(name) is a \(value.shape) quantity, not a scalar") }
                    model.loss = Quantity(name, latex: latex ?? name)
                }
                model.equations.append(.init(quantity: Quantity(name, latex: latex ?? name), value: value))
            }
        }
        for s in pendingSplits { try ModelParser.resolveSplit(s.parameter, s.blocks, line: s.line, &model) }
        return model
    }

    /// The widths of a split parameter's blocks: the rows of the concatenation it multiplies.
    static func resolveSplit(_ w: Quantity, _ blocks: [Quantity], line: Int, _ model: inout Model) throws(Failure) {
        for eq in model.equations {
            var found: [Expression]? = nil
            func walk(_ e: ShapedExpression) {
                if found != nil { return }
                if case .operation(is MatrixProduct, let ab) = e.kind, case .quantity(w) = ab[0].kind,
                   case .operation(is Concatenation, let parts) = ab[1].kind, parts.count == blocks.count {
                    found = parts.map(\.shape.rows)
                }
                e.children.forEach(walk)
            }
            walk(eq.value)
            if let widths = found {
                model.splits[w] = Array(zip(blocks, widths)).map { ($0.0, $0.1) }
                return
            }
        }
        throw Failure(line: line, column: 1, message: "\(w.plain) never multiplies a concatenation of \(blocks.count) parts, so its blocks have no widths")
    }

    /// `n_a`, `n_a x (n_a + n_x)`, `1`.
    static func shape(_ text: String, line: Int, column: Int) throws(Failure) -> Shape {
        var depth = 0, cut: String.Index? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            else if depth == 0, c == "x" || c == "×", i > text.startIndex, text[text.index(before: i)] == " ",
                    text.index(after: i) < text.endIndex, text[text.index(after: i)] == " " { cut = i }
            i = text.index(after: i)
        }
        func dim(_ s: Substring) throws(Failure) -> Expression {
            do { return try PlainParser.parse(String(s)) } catch { throw Failure(line: line, column: column + error.column - 1, message: "in the shape: \(error.message)") }
        }
        guard let cut else { return Shape(try dim(Substring(text)), .one) }
        return Shape(try dim(text[..<cut]), try dim(text[text.index(after: cut)...]))
    }
}

/// A cursor over one line of a model file.
struct LineReader {
    let chars: [Character]
    let line: Int
    var pos = 0

    init(_ text: String, line: Int) {
        chars = Array(text)
        self.line = line
    }

    var column: Int { pos + 1 }
    var rest: String { String(chars[pos...]) }

    func failure(_ message: String) -> ModelParser.Failure { .init(line: line, column: column, message: message) }

    mutating func stripComment() {
        var inQuote = false
        for (k, c) in chars.enumerated() {
            if c == "\"" { inQuote.toggle() }
            if c == "#" && !inQuote {
                self = LineReader(String(chars[..<k]), line: line)
                return
            }
        }
    }

    mutating func skipSpace() { while pos < chars.count, chars[pos].isWhitespace { pos += 1 } }

    mutating func peekWord() -> String? {
        skipSpace()
        var j = pos, w = ""
        while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { w.append(chars[j]); j += 1 }
        return w.isEmpty && pos >= chars.count ? nil : w
    }

    mutating func skipWord() {
        skipSpace()
        while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" { pos += 1 }
    }

    mutating func name() throws(ModelParser.Failure) -> String {
        skipSpace()
        let start = pos
        while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" { pos += 1 }
        guard pos > start, chars[start].isLetter else { throw failure("expected a name") }
        return String(chars[start..<pos])
    }

    mutating func expect(_ c: Character) throws(ModelParser.Failure) {
        guard accept(c) else { throw failure("expected '\(c)'") }
    }

    mutating func accept(_ c: Character) -> Bool {
        skipSpace()
        guard pos < chars.count, chars[pos] == c else { return false }
        pos += 1
        return true
    }

    /// A quoted LaTeX name, if one comes next.
    mutating func quoted() -> String? {
        skipSpace()
        guard pos < chars.count, chars[pos] == "\"", let end = chars[(pos + 1)...].firstIndex(of: "\"") else { return nil }
        defer { pos = end + 1 }
        return String(chars[(pos + 1)..<end])
    }

    /// The rest of the line, and a trailing quoted LaTeX name split off.
    mutating func restAndLatex() -> (String, String?) {
        skipSpace()
        let text = rest
        if text.hasSuffix("\""), let open = text.dropLast().lastIndex(of: "\"") {
            return (String(text[..<open]).trimmingCharacters(), String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        }
        return (text.trimmingCharacters(), nil)
    }
}
