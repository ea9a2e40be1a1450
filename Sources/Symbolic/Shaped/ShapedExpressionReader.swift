import SymbolicCore
import SymbolicLaTeX
/// Reads the right side of a model equation into a shaped expression, against the quantities the
/// model has declared or defined so far (see `ModelParser` for the syntax).
struct ShapedExpressionReader {
    /// A number waits for a shaped operand to give it a shape.
    enum Value {
        case shaped(ShapedExpression)
        case number(Rational)
    }

    let chars: [Character]
    let line: Int
    let column: Int
    let model: Model
    var pos = 0
    var depth = 0

    init(_ text: String, line: Int, column: Int, model: Model) {
        chars = Array(text)
        self.line = line
        self.column = column
        self.model = model
    }

    func failure(_ message: String) -> ModelParser.Failure { .init(line: line, column: column + pos, message: message) }

    mutating func readAll() throws(ModelParser.Failure) -> ShapedExpression {
        let v = try sum()
        skipSpace()
        guard pos == chars.count else { throw failure("unexpected '\(chars[pos])'") }
        guard case .shaped(let e) = v else { throw failure("a number alone has no shape") }
        return e
    }

    private var peek: Character? { pos < chars.count ? chars[pos] : nil }

    private mutating func accept(_ c: Character) -> Bool {
        guard peek == c else { return false }
        pos += 1
        return true
    }
    private mutating func skipSpace() { while let c = peek, c.isWhitespace { pos += 1 } }

    private func wrap(_ body: () throws(ShapeError) -> ShapedExpression) throws(ModelParser.Failure) -> Value {
        do { return .shaped(try body()) } catch { throw failure(error.description) }
    }

    private mutating func sum() throws(ModelParser.Failure) -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw failure("an expression nested too deeply") }
        skipSpace()
        var acc: Value
        if peek == "-" { pos += 1; acc = try negate(try product()) } else { acc = try product() }
        while true {
            skipSpace()
            guard let c = peek, c == "+" || c == "-" else { return acc }
            pos += 1
            let rhs = try product()
            acc = try combine(acc, c == "+" ? rhs : try negate(rhs), sum: true)
        }
    }

    private mutating func negate(_ v: Value) throws(ModelParser.Failure) -> Value {
        switch v {
        case .number(let r): return .number(-r)
        case .shaped(let e): return try wrap { () throws(ShapeError) in try .scaled(e, .minusOne) }
        }
    }

    private mutating func combine(_ a: Value, _ b: Value, sum: Bool) throws(ModelParser.Failure) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(x + y)
        case let (.number(x), .shaped(e)): return try wrap { () throws(ShapeError) in try .sum([.filled(Expression(x), e.shape), e]) }
        case let (.shaped(e), .number(y)): return try wrap { () throws(ShapeError) in try .sum([e, .filled(Expression(y), e.shape)]) }
        case let (.shaped(e), .shaped(f)): return try wrap { () throws(ShapeError) in try .sum([e, f]) }
        }
    }

    private mutating func product() throws(ModelParser.Failure) -> Value {
        var acc = try postfix()
        while true {
            skipSpace()
            guard let c = peek else { return acc }
            var hadamard = false
            if c == "/" {
                // Division by a number or by a 1 × 1 quantity (`/ 2`, `/ sqrt(d)` is a number only when d is one).
                pos += 1
                let rhs = try postfix()
                switch (acc, rhs) {
                case let (.number(x), .number(y)):
                    guard !y.isZero else { throw failure("division by 0") }
                    acc = .number((x / y)!)
                case let (.shaped(e), .number(y)):
                    guard let inv = y.inverse else { throw failure("division by 0") }
                    acc = try wrap { () throws(ShapeError) in try .scaled(e, inv) }
                case let (_, .shaped(d)):
                    guard d.shape.isScalar else { throw failure("division by a \(d.shape) matrix (only by a number or a scalar)") }
                    let inverse = try wrap { () throws(ShapeError) in try .elementwisePower(d, -1) }
                    acc = try multiplyValues(acc, inverse, hadamard: false)
                }
                continue
            }
            if c == "∘" || c == "⊙" { pos += 1; hadamard = true }
            else if c == ".", pos + 1 < chars.count, chars[pos + 1] == "*" { pos += 2; hadamard = true }
            else if c == "*" || c == "@" { pos += 1 }
            else if !(c.isLetter || c == "(" || c == "[" || c.isNumber) { return acc }
            let rhs = try postfix()
            acc = try multiplyValues(acc, rhs, hadamard: hadamard)
        }
    }

    /// `a b`: numbers scale, a 1 × 1 quantity beside a vector or matrix is a scalar multiple
    /// (`g v` and `v g` alike), otherwise a matrix (or, with `hadamard`, elementwise) product.
    private func multiplyValues(_ a: Value, _ b: Value, hadamard: Bool) throws(ModelParser.Failure) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(x * y)
        case let (.number(x), .shaped(e)), let (.shaped(e), .number(x)):
            return try wrap { () throws(ShapeError) in try .scaled(e, x) }
        case let (.shaped(x), .shaped(y)):
            return try wrap { () throws(ShapeError) in try .juxtaposed(x, y, hadamard: hadamard) }
        }
    }

    private mutating func postfix() throws(ModelParser.Failure) -> Value {
        var v = try atom()
        while true {
            if peek == "'" { pos += 1; v = try transpose(v); continue }
            guard peek == "^" else { return v }
            pos += 1
            if peek == "T" { pos += 1; v = try transpose(v); continue }
            let start = pos
            if peek == "-" { pos += 1 }
            while let c = peek, c.isNumber { pos += 1 }
            guard let k = Int(String(chars[start..<pos])) else { throw failure("expected T or an integer exponent after ^") }
            switch v {
            case .number(let r):
                guard let p = r.power(k) else { throw failure("0 to a negative power") }
                v = .number(p)
            case .shaped(let e): v = try wrap { () throws(ShapeError) in try .elementwisePower(e, k) }
            }
        }
    }

    private mutating func transpose(_ v: Value) throws(ModelParser.Failure) -> Value {
        guard case .shaped(let e) = v else { return v }
        return try wrap { () throws(ShapeError) in try .transpose(e) }
    }

    private mutating func atom() throws(ModelParser.Failure) -> Value {
        skipSpace()
        guard let c = peek else { throw failure("an expression that ends too early") }
        if c == "(" {
            pos += 1
            let v = try sum()
            skipSpace()
            guard peek == ")" else { throw failure("expected ')'") }
            pos += 1
            return v
        }
        if c == "[" {
            pos += 1
            var parts: [ShapedExpression] = []
            repeat {
                guard case .shaped(let e) = try sum() else { throw failure("a number inside a concatenation") }
                parts.append(e)
                skipSpace()
            } while accept(";")
            guard peek == "]" else { throw failure("expected ']'") }
            pos += 1
            return try wrap { () throws(ShapeError) in try .apply(Concatenation(), parts) }
        }
        if c.isNumber {
            let start = pos
            while let d = peek, d.isNumber || d == "." || d == "/" { pos += 1 }
            guard let r = Rational(String(chars[start..<pos])) else { throw failure("a malformed number") }
            return .number(r)
        }
        guard c.isLetter else { throw failure("unexpected '\(c)'") }
        let start = pos
        while let d = peek, d.isLetter || d.isNumber || d == "_" { pos += 1 }
        let name = String(chars[start..<pos])
        if peek == "(" { return try call(name) }
        guard let leaf = model.leaf(named: name) else {
            pos = start
            throw failure("\(name) is not declared or defined before this line")
        }
        return .shaped(leaf)
    }

    private mutating func call(_ name: String) throws(ModelParser.Failure) -> Value {
        let open = pos
        // `sqrt(d)` of a dimension: a scalar (the scale of attention scores).
        if name == "sqrt" {
            var k = pos + 1
            while k < chars.count, chars[k] == " " { k += 1 }
            let start = k
            while k < chars.count, chars[k].isLetter || chars[k].isNumber || chars[k] == "_" { k += 1 }
            let word = String(chars[start..<k])
            while k < chars.count, chars[k] == " " { k += 1 }
            if k < chars.count, chars[k] == ")", let d = model.dimensions.first(where: { PlainPrinter.name($0) == word }) {
                pos = k + 1
                return .shaped(.filled(Expression.power(Expression(d), Expression(Rational(1, 2)!)), .scalar))
            }
            throw failure("sqrt of something other than a dimension")
        }
        pos += 1
        var args: [ShapedExpression] = []
        repeat {
            guard case .shaped(let e) = try sum() else { throw failure("a number as the argument of \(name)") }
            args.append(e)
            skipSpace()
        } while accept(",")
        guard peek == ")" else { throw failure("expected ')' to close \(name)( at column \(column + open)") }
        pos += 1
        let op: any ShapedOperation
        switch name {
        case "sigmoid", "σ": op = Elementwise(.sigmoid)
        case "tanh": op = Elementwise(.tanh)
        case "exp": op = Elementwise(.exp)
        case "log": op = Elementwise(.log)
        case "relu", "ReLU": op = Elementwise(.relu)
        case "softmax": op = Softmax()
        case "softmax_rows": op = SoftmaxRows()
        case "cross_entropy": op = CrossEntropy()
        case "transpose": op = Transpose()
        case "tr", "trace": op = Trace()
        case "inv", "inverse": op = Inverse()
        case "det": op = Determinant()
        case "sum":
            guard args.count == 1 else { throw failure("sum takes 1 argument") }
            return try wrap { () throws(ShapeError) in try .entrySum(args[0]) }
        case "mean":
            guard args.count == 1 else { throw failure("mean takes 1 argument") }
            let count = args[0].shape.rows * args[0].shape.columns
            return try wrap { () throws(ShapeError) in try .product(.filled(Expression.one / count, .scalar), .entrySum(args[0])) }
        default: throw failure("unknown function \(name)")
        }
        let arity = name == "cross_entropy" ? 2 : 1
        guard args.count == arity else { throw failure("\(name) takes \(arity) argument\(arity == 1 ? "" : "s")") }
        return try wrap { () throws(ShapeError) in try .apply(op, args) }
    }
}
