import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
/// Reads vector notation as documents write it into a shaped expression over a model's quantities:
/// `W_y^T \times (\bar{y} - y) + da_{next}`, `\Gamma_o * (1 - \tanh^2 c)`, `W_f \cdot [h_{t-1}, x_t]`,
/// `\frac{\partial L}{\partial W_c}`, `\begin{bmatrix} a \\ x \end{bmatrix}^T`, `\sigma'(z)`.
///
/// `*`, `\odot`, `\circ`, `\otimes` are elementwise products; `\times`, `\cdot` and juxtaposition
/// matrix products; `^T`, `^\top` transposes; `^2` an elementwise power; `\oplus` a sum.
struct ShapedLaTeXReader {
    enum Value {
        case shaped(ShapedExpression)
        case number(Rational)
        /// `c I`: a multiple of the identity, which takes its size from the matrix it meets.
        case identity(Rational)
    }

    /// Why a side could not be read, in words.
    struct Failure: Error {
        let reason: String
        /// Dimensions that would have to be equal (from the shape rule that failed).
        var unequal: [(Expression, Expression)] = []
    }

    /// What names mean: quantities, their gradients and the Jacobians between them.
    struct Context {
        var names: QuantityNames
        /// The gradient of the loss with respect to a quantity (`dQ`), if the model has one.
        var gradient: (Quantity) -> ShapedExpression?
        /// `∂A/∂B` as an elementwise factor (a diagonal Jacobian) or a matrix, if it is one.
        var jacobian: (Quantity, Quantity) -> ShapedExpression?
        /// When true, a letter no name covers is a number (a 1 × 1 constant), not a failure.
        var scalarLetters = false
    }

    let ts: [LaTeXToken]
    var pos: Int
    let end: Int
    let context: Context
    var depth = 0
    /// Norm bars open (`\|x\|`): inside one, a bar closes it rather than starting a factor.
    var normDepth = 0

    init(_ ts: [LaTeXToken], _ range: Range<Int>, context: Context) {
        self.ts = ts
        pos = range.lowerBound
        end = range.upperBound
        self.context = context
    }

    /// The whole range as a value: shaped, a number, or a multiple of the identity.
    mutating func readWholeValue() throws(Failure) -> Value {
        let v = try sum()
        guard pos == end else { throw Failure(reason: "cannot read \(describe(ts[pos])) in vector notation") }
        return v
    }

    /// The whole range as one shaped expression.
    mutating func readWhole() throws(Failure) -> ShapedExpression {
        let v = try sum()
        guard pos == end else { throw Failure(reason: "cannot read \(describe(ts[pos])) in vector notation") }
        if case .identity = v { throw Failure(reason: "an identity matrix whose size nothing fixes") }
        guard case .shaped(let e) = v else { throw Failure(reason: "a number where a vector was expected") }
        return e
    }

    // MARK: Tokens

    var peek: LaTeXToken.Kind? { pos < end ? ts[pos].kind : nil }
    func peek(_ k: Int) -> LaTeXToken.Kind? { pos + k < end ? ts[pos + k].kind : nil }
    func isSymbol(_ c: Character) -> Bool { peek == .symbol(c) }
    func isCommand(_ names: Set<String>) -> Bool {
        if case .command(let c) = peek { return names.contains(c) }
        return false
    }

    mutating func skipSpacing() {
        while case .command(let c) = peek, ["quad", "qquad", ",", ";", "!", " ", "displaystyle", "limits"].contains(c) { pos += 1 }
    }

    func describe(_ t: LaTeXToken) -> String {
        switch t.kind {
        case .command(let c): return "\\" + c
        case .letter(let l): return String(l)
        case .number(let r): return r.description
        case .symbol(let c): return "'\(c)'"
        case .prose: return "words"
        }
    }

    func fail(_ reason: String) -> Failure { Failure(reason: reason) }

    func wrap(_ body: () throws(ShapeError) -> ShapedExpression) throws(Failure) -> Value {
        do { return .shaped(try body()) } catch { throw Failure(reason: "shapes do not fit: \(error.description)", unequal: error.unequal) }
    }

    /// The index of the brace closing the one at `i`.
    func closing(_ i: Int) -> Int? {
        var d = 0
        for k in i..<end {
            if ts[k].kind == .symbol("{") { d += 1 }
            if ts[k].kind == .symbol("}") { d -= 1; if d == 0 { return k } }
        }
        return nil
    }

    /// A `{…}` group's inner range (or the single next token), consumed.
    mutating func group() throws(Failure) -> Range<Int> {
        guard pos < end else { throw fail("an expression that ends too early") }
        if isSymbol("{") {
            guard let c = closing(pos) else { throw fail("an unbalanced brace") }
            defer { pos = c + 1 }
            return (pos + 1)..<c
        }
        pos += 1
        return (pos - 1)..<pos
    }

    // MARK: Grammar

    mutating func sum() throws(Failure) -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth < 60 else { throw fail("an expression nested too deeply") }
        skipSpacing()
        var acc: Value
        if isSymbol("-") { pos += 1; acc = try negate(try term()) }
        else { if isSymbol("+") { pos += 1 }; acc = try term() }
        while true {
            skipSpacing()
            let minus = isSymbol("-")
            guard minus || isSymbol("+") || isCommand(["oplus"]) else { return acc }
            pos += 1
            let rhs = try term()
            acc = try add(acc, minus ? try negate(rhs) : rhs)
        }
    }

    func negate(_ v: Value) throws(Failure) -> Value {
        switch v {
        case .number(let r): return .number(-r)
        case .identity(let r): return .identity(-r)
        case .shaped(let e): return try wrap { () throws(ShapeError) in try .scaled(e, .minusOne) }
        }
    }

    func add(_ a: Value, _ b: Value) throws(Failure) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(x + y)
        case let (.number(x), .shaped(e)): return try wrap { () throws(ShapeError) in try .sum([.filled(Expression(x), e.shape), e]) }
        case let (.shaped(e), .number(y)): return try wrap { () throws(ShapeError) in try .sum([e, .filled(Expression(y), e.shape)]) }
        case let (.shaped(e), .shaped(f)): return try wrap { () throws(ShapeError) in try .sum([e, f]) }
        case let (.identity(x), .identity(y)): return .identity(x + y)
        case let (.identity(x), .shaped(e)), let (.shaped(e), .identity(x)):
            guard e.shape.rows == e.shape.columns else {
                throw Failure(reason: "the identity added to a \(e.shape) matrix, which is not square", unequal: [(e.shape.rows, e.shape.columns)])
            }
            return try wrap { () throws(ShapeError) in try .sum([.scaled(.identity(e.shape), x), e]) }
        case (.identity, .number), (.number, .identity):
            throw fail("a number added to the identity matrix")
        }
    }

    static let elementwiseProducts: Set<String> = ["odot", "circ", "otimes", "ast"]
    static let matrixProducts: Set<String> = ["times", "cdot"]

    mutating func term() throws(Failure) -> Value {
        var acc = try factor()
        while true {
            skipSpacing()
            var hadamard = false
            if isSymbol("*") || isCommand(Self.elementwiseProducts) { pos += 1; hadamard = true }
            else if isCommand(Self.matrixProducts) { pos += 1 }
            else if !startsFactor() { return acc }
            let rhs = try factor()
            acc = try multiply(acc, rhs, hadamard: hadamard)
        }
    }

    func multiply(_ a: Value, _ b: Value, hadamard: Bool) throws(Failure) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(x * y)
        case let (.number(x), .shaped(e)), let (.shaped(e), .number(x)):
            return try wrap { () throws(ShapeError) in try .scaled(e, x) }
        case let (.number(x), .identity(y)), let (.identity(y), .number(x)): return .identity(x * y)
        case let (.identity(x), .identity(y)): return .identity(x * y)
        case let (.identity(x), .shaped(e)), let (.shaped(e), .identity(x)):
            return try wrap { () throws(ShapeError) in try .scaled(e, x) }
        case let (.shaped(x), .shaped(y)):
            return try wrap { () throws(ShapeError) in try .juxtaposed(x, y, hadamard: hadamard) }
        }
    }

    func startsFactor() -> Bool {
        guard let k = peek else { return false }
        switch k {
        case .letter, .number: return true
        case .symbol(let c): return c == "(" || c == "["
        case .command(let c):
            if normDepth > 0, Self.normClosers.contains(c) { return false }
            return !["right", "end", "\\", "quad", "qquad", "text"].contains(c) && !Self.matrixProducts.contains(c) && !Self.elementwiseProducts.contains(c) && c != "oplus"
        case .prose: return false
        }
    }

    mutating func factor() throws(Failure) -> Value {
        skipSpacing()
        if isSymbol("-") { pos += 1; return try negate(try factor()) }
        return try postfix(try primary())
    }

    mutating func postfix(_ base: Value) throws(Failure) -> Value {
        var v = base
        while isSymbol("^") {
            pos += 1
            let g = try group()
            let inner = ts[g]
            if inner.count == 1, inner.first!.kind == .letter("T") || inner.first!.kind == .command("top") || inner.first!.kind == .command("intercal") {
                if case .shaped(let e) = v { v = try wrap { () throws(ShapeError) in try .transpose(e) } }
                continue
            }
            // `^{-T}`, `^{-\top}`: the inverse of the transpose.
            if inner.count == 2, inner.first!.kind == .symbol("-"), inner.last!.kind == .letter("T") || inner.last!.kind == .command("top") {
                guard case .shaped(let e) = v else { throw fail("an inverse transpose of a number") }
                v = try wrap { () throws(ShapeError) in try .inverse(.transpose(e)) }
                continue
            }
            // `^{-1}`: the inverse of a square matrix (of a number, its reciprocal).
            if inner.count == 2, inner.first!.kind == .symbol("-"), inner.last!.kind == .number(1) {
                switch v {
                case .number(let x), .identity(let x):
                    guard let r = x.inverse else { throw fail("1/0") }
                    v = { if case .identity = v { return .identity(r) }; return .number(r) }()
                case .shaped(let e): v = try wrap { () throws(ShapeError) in try .inverse(e) }
                }
                continue
            }
            guard inner.count == 1, case .number(let r) = inner.first!.kind, r.isInteger, let k = r.numerator.intValue, abs(k) <= 8 else {
                throw fail(inner.first?.kind == .symbol("*") ? "a starred name" : "an exponent that is not T or a small integer")
            }
            switch v {
            case .number(let x):
                guard let p = x.power(k) else { throw fail("0 to a negative power") }
                v = .number(p)
            case .shaped(let e): v = try wrap { () throws(ShapeError) in try .elementwisePower(e, k) }
            case .identity(let x):
                guard let p = x.power(k) else { throw fail("0 to a negative power") }
                v = .identity(p)
            }
        }
        return v
    }

    mutating func primary() throws(Failure) -> Value {
        skipSpacing()
        guard let k = peek else { throw fail("an expression that ends too early") }
        switch k {
        case .number(let r):
            pos += 1
            return .number(r)
        case .symbol("("):
            pos += 1
            return try bracketed(close: .symbol(")"))
        case .symbol("["):
            pos += 1
            return try bracketed(close: .symbol("]"))
        case .command("left"):
            pos += 1
            guard let open = peek else { throw fail("\\left at the end") }
            pos += 1
            let close: LaTeXToken.Kind = open == .symbol("[") ? .symbol("]") : open == .symbol("(") ? .symbol(")") : .command("}")
            guard close != .command("}") else { throw fail("a \\left delimiter other than ( or [") }
            return try bracketed(close: close, right: true)
        case .command("begin"):
            return try environment()
        case .command("sqrt"):
            pos += 1
            return try squareRoot()
        case .command("|"), .command("lVert"), .command("Vert"):
            pos += 1
            return try norm()
        case .command("det"):
            // `\det X`, `\det(A B)`: the determinant of a square matrix.
            pos += 1
            skipSpacing()
            let arg: Value = isSymbol("(") || isCommand(["left"]) ? try primary() : try postfix(try primary())
            guard case .shaped(let x) = arg, !x.shape.isScalar else { throw fail("the determinant of a number") }
            return try wrap { () throws(ShapeError) in try .apply(Determinant(), [x]) }
        case .command("left") where [.command("|"), .command("lVert"), .command("Vert")].contains(peek(1)):
            pos += 2
            return try norm(right: true)
        case .command("frac"), .command("dfrac"), .command("tfrac"):
            pos += 1
            return try fraction()
        case .command("sum"), .command("prod"), .command("int"):
            throw fail("a \\sum, \\prod or \\int of matrices")
        case .command("text"), .command("mathrm"), .command("operatorname"):
            return try namedFunction()
        case .command(let c) where Self.functions[c] != nil:
            pos += 1
            return try function(c)
        default:
            return try name()
        }
    }

    /// `( … )`, `[ … ]`, with `;` or `,` separating the parts of a concatenation `[a; x]`.
    mutating func bracketed(close: LaTeXToken.Kind, right: Bool = false) throws(Failure) -> Value {
        var parts: [Value] = []
        var commas = false
        while true {
            // `\left[ \frac{a}{x} \right]`: a stacked pair typed as a fraction (OCR of a column vector).
            if close == .symbol("]"), isCommand(["frac"]), let pair = try stackedPair() { parts += pair } else { parts.append(try sum()) }
            skipSpacing()
            if isSymbol(",") { commas = true }
            if isSymbol(";") || isSymbol(",") { pos += 1; continue }
            break
        }
        if right {
            guard isCommand(["right"]) else { throw fail("a \\left without its \\right") }
            pos += 1
        }
        guard peek == close else { throw fail("an unclosed bracket") }
        pos += 1
        if parts.count == 1 { return parts[0] }
        // Numbers listed: `(a, b)` and `[a; b]` are columns, `[a, b]` a row (`[w_0, w_1]^T`).
        let numbers = parts.allSatisfy { p in
            switch p { case .number: return true; case .shaped(let e): return e.shape.isScalar; case .identity: return false }
        }
        if numbers && commas && close == .symbol("]") {
            let column = try concatenation(parts)
            guard case .shaped(let c) = column else { return column }
            return try wrap { () throws(ShapeError) in try .transpose(c) }
        }
        return try concatenation(parts)
    }

    func concatenation(_ parts: [Value]) throws(Failure) -> Value {
        var xs: [ShapedExpression] = []
        for p in parts {
            switch p {
            case .shaped(let e): xs.append(e)
            case .number(let r): xs.append(.filled(Expression(r), .scalar))
            case .identity: throw fail("the identity inside a concatenation")
            }
        }
        return try wrap { () throws(ShapeError) in try .apply(Concatenation(), xs) }
    }

    /// `\frac{a}{x}` whose parts are both vectors, read as the column `[a; x]`; nil for a real fraction.
    mutating func stackedPair() throws(Failure) -> [Value]? {
        let save = pos
        pos += 1
        let num = try group(), den = try group()
        var a = ShapedLaTeXReader(ts, num, context: context), b = ShapedLaTeXReader(ts, den, context: context)
        (a.depth, b.depth) = (depth, depth)
        if let x = try? a.readWhole(), let y = try? b.readWhole(), !x.shape.isScalar, !y.shape.isScalar, skipsToClose() {
            return [.shaped(x), .shaped(y)]
        }
        pos = save
        return nil
    }

    func skipsToClose() -> Bool { isCommand(["right"]) || isSymbol("]") }

    /// `\begin{bmatrix} a \\ x \end{bmatrix}`: a column of vectors.
    mutating func environment() throws(Failure) -> Value {
        pos += 1
        let nameRange = try group()
        let env = ts[nameRange].map { t -> String in if case .letter(let l) = t.kind { return String(l) }; return "" }.joined()
        guard ["bmatrix", "pmatrix", "matrix", "Bmatrix", "vmatrix"].contains(env), env != "vmatrix" else { throw fail("a \\begin{\(env)} in vector notation") }
        var parts: [Value] = []
        while true {
            parts.append(try sum())
            skipSpacing()
            if isCommand(["\\"]) { pos += 1; continue }
            if isSymbol("&") { throw fail("a matrix written entry by entry") }
            break
        }
        guard isCommand(["end"]) else { throw fail("an unclosed \\begin{\(env)}") }
        pos += 1
        _ = try group()
        return parts.count == 1 ? parts[0] : try concatenation(parts)
    }
}
