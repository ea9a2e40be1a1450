/// Reads the plain expression syntax of the command line: `(x+y)^3*sigmoid(x)`,
/// `W_ua*a + b`, `2x`, `x**2`, `3/4`, `1.5`, `pi`, `e`, `f(x, y)`.
///
/// A Pratt parser over characters. Known function names call the engine's functions;
/// any other name followed by `(` is a user-defined function. `e` alone is `exp(1)`.
public struct PlainParser {
    private let chars: [Character]
    private var pos = 0
    private var depth = 0
    /// Where the expression as written is defined (the conditions its divisions, roots and
    /// functions impose, which canonical forms such as `x/x = 1` drop).
    private(set) var domain = Domain()
    /// Nesting deeper than this is rejected rather than risking the stack.
    public static var maximumDepth: Int { Limits.default.maximumPlainNestingDepth }

    public init(_ text: String) { chars = Array(text) }

    /// Parses `text` as one expression.
    public static func parse(_ text: String) throws(ParseError) -> Expression {
        var p = PlainParser(text)
        return try p.parseAll()
    }

    /// Parses `text` as one expression with the domain of its written form.
    public static func read(_ text: String) throws(ParseError) -> WrittenExpression {
        var p = PlainParser(text)
        let e = try p.parseAll()
        return WrittenExpression(e, domain: p.domain)
    }

    mutating func parseAll() throws(ParseError) -> Expression {
        skipSpace()
        if pos >= chars.count { throw error("empty expression") }
        let e = try parseExpression(0)
        skipSpace()
        if pos < chars.count { throw error("unexpected '\(chars[pos])'") }
        return e
    }

    private func error(_ message: String) -> ParseError { ParseError(message, column: pos + 1) }

    private mutating func skipSpace() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    private func peek() -> Character? { pos < chars.count ? chars[pos] : nil }

    private static func bindingPower(_ c: Character, next: Character?) -> (Int, Int)? {
        switch c {
        case "+", "-": return (10, 11)
        case "*" where next == "*": return (31, 30)
        case "*", "/": return (20, 21)
        case "^": return (31, 30)
        default: return nil
        }
    }

    private mutating func parseExpression(_ minPower: Int) throws(ParseError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > PlainParser.maximumDepth { throw error("expression nested too deeply") }
        var lhs = Chain(try parsePrefix())
        while true {
            skipSpace()
            guard let c = peek() else { break }
            let next = pos + 1 < chars.count ? chars[pos + 1] : nil
            if let (l, r) = PlainParser.bindingPower(c, next: next) {
                if l < minPower { break }
                let isPow = c == "^" || (c == "*" && next == "*")
                pos += isPow && c == "*" ? 2 : 1
                let rhs = try parseExpression(r)
                switch c {
                case "+": lhs.add(rhs, times: .one)
                case "-": lhs.add(rhs, times: .minusOne)
                case "/":
                    for c in DomainRules.quotient(by: rhs) { domain.insert(c) }
                    lhs.multiply(rhs, power: -1)
                default:
                    if isPow {
                        let base = lhs.value
                        for c in DomainRules.power(base, rhs) { domain.insert(c) }
                        lhs = Chain(base.pow(rhs))
                    } else {
                        lhs.multiply(rhs, power: 1)
                    }
                }
            } else if c.isLetter || c == "(" {
                // Implicit multiplication: `2x`, `3(x+1)`, `x y`.
                if 20 < minPower { break }
                lhs.multiply(try parseExpression(21), power: 1)
            } else {
                break
            }
        }
        return lhs.value
    }

    private mutating func parsePrefix() throws(ParseError) -> Expression {
        skipSpace()
        guard let c = peek() else { throw error("expression ends too early") }
        if c == "-" { pos += 1; return -(try parseExpression(25)) }
        if c == "+" { pos += 1; return try parseExpression(25) }
        if c == "(" {
            pos += 1
            let e = try parseExpression(0)
            skipSpace()
            guard peek() == ")" else { throw error("expected ')'") }
            pos += 1
            return e
        }
        if c.isNumber || c == "." { return try parseNumber() }
        if c.isLetter { return try parseName() }
        throw error("unexpected '\(c)'")
    }

    private mutating func parseNumber() throws(ParseError) -> Expression {
        let start = pos
        while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber || chars[pos] == "." { pos += 1 }
        let text = String(chars[start..<pos])
        guard let r = Rational(text) else { pos = start; throw error("malformed number '\(text)'") }
        return Expression(r)
    }

    private mutating func parseName() throws(ParseError) -> Expression {
        let start = pos
        while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" || chars[pos] == "'" { pos += 1 }
        let name = String(chars[start..<pos])
        skipSpace()
        if peek() == "(" {
            let open = pos
            pos += 1
            var args: [Expression] = []
            skipSpace()
            if peek() != ")" {
                while true {
                    args.append(try parseExpression(0))
                    skipSpace()
                    if peek() == "," { pos += 1; continue }
                    break
                }
            }
            guard peek() == ")" else { throw error("expected ')' to close the call opened at column \(open + 1)") }
            pos += 1
            if name == "sqrt" {
                guard args.count == 1 else { pos = start; throw error("sqrt takes one argument") }
                for c in DomainRules.power(args[0], Expression(Rational(1, 2)!)) { domain.insert(c) }
                return args[0].squareRoot
            }
            if let f = Function.named(name) {
                guard args.count == 1 else { pos = start; throw error("\(name) takes one argument") }
                for c in DomainRules.application(f, args) { domain.insert(c) }
                return Expression.apply(f, args)
            }
            guard !args.isEmpty else { pos = start; throw error("\(name)() needs an argument") }
            return Expression.apply(.undefined(name), args)
        }
        if Function.named(name) != nil || name == "sqrt" {
            pos = start
            throw error("\(name) needs its argument in parentheses: \(name)(…)")
        }
        switch name {
        case "pi": return .pi
        case "e": return Expression.apply(.exp, .one)
        default: return Expression(PlainParser.symbol(from: name))
        }
    }

    /// `W_ua` is `W` with subscript `ua`; trailing primes count as primes.
    package static func symbol(from name: String) -> Symbol {
        var base = Substring(name)
        var primes = 0
        while base.hasSuffix("'") { base = base.dropLast(); primes += 1 }
        if let u = base.firstIndex(of: "_"), u != base.startIndex {
            return Symbol(String(base[..<u]), subscriptText: String(base[base.index(after: u)...]), primes: primes)
        }
        return Symbol(String(base), primes: primes)
    }
}

/// The operands of a left-associative chain (`a + b - c …`, `a*b/c …`) collected in one
/// builder: combining them one at a time would rebuild the growing result each time
/// (quadratic in the length of the chain).
private struct Chain {
    private var single: Expression
    private var sum: AddBuilder? = nil
    private var product: MulBuilder? = nil

    init(_ e: Expression) { single = e }

    /// The value of the chain so far.
    var value: Expression { sum?.build() ?? product?.build() ?? single }

    mutating func add(_ e: Expression, times sign: Rational) {
        if sum == nil {
            var b = AddBuilder()
            b.add(value)
            sum = b
            product = nil
        }
        sum?.add(e, times: sign)
    }

    mutating func multiply(_ e: Expression, power: Int) {
        if product == nil {
            var b = MulBuilder()
            b.multiply(value)
            product = b
            sum = nil
        }
        product?.multiply(e, power: power)
    }
}
