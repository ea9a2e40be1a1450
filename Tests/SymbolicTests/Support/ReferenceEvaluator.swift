import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// An evaluator of plain syntax straight from the text, written independently of the engine's
/// canonical forms, for checking verdicts: exact rationals, `undefined` where the written form
/// is undefined under the real-domain semantics, `unknown` where the value is irrational or the
/// construct is not covered.
///
/// Semantics (the same as `DomainRules`, restated on purpose): division by zero, even roots and
/// logs of negatives, `0` to a negative power and `u^v` with a letter in `v` and `u ≤ 0` are undefined.
enum ReferenceValue: Equatable {
    case value(Rational)
    case undefined
    case unknown
}

struct ReferenceEvaluator {
    let chars: [Character]
    let point: [String: Rational]
    var pos = 0

    static func evaluate(_ text: String, at point: [String: Rational]) -> ReferenceValue {
        var e = ReferenceEvaluator(chars: Array(text.filter { !$0.isWhitespace }), point: point)
        let v = e.sum()
        return e.pos == e.chars.count ? v : .unknown
    }

    private var peek: Character? { pos < chars.count ? chars[pos] : nil }

    private mutating func sum() -> ReferenceValue {
        var acc = product()
        while let c = peek, c == "+" || c == "-" {
            pos += 1
            let rhs = product()
            acc = combine(acc, rhs) { .value(c == "+" ? $0 + $1 : $0 - $1) }
        }
        return acc
    }

    private mutating func product() -> ReferenceValue {
        var acc = unary()
        while let c = peek, c == "*" || c == "/" {
            pos += 1
            let rhs = unary()
            acc = combine(acc, rhs) { a, b in
                if c == "*" { return .value(a * b) }
                guard let q = a / b else { return .undefined }
                return .value(q)
            }
        }
        return acc
    }

    private mutating func unary() -> ReferenceValue {
        if peek == "-" {
            pos += 1
            if case .value(let v) = unary() { return .value(-v) }
            return unary()
        }
        return power()
    }

    private mutating func power() -> ReferenceValue {
        let base = atom()
        guard peek == "^" else { return base }
        pos += 1
        let start = pos
        let exponent = unary()
        let variable = chars[start..<pos].contains { $0.isLetter }
        return ReferenceEvaluator.power(base, exponent, variableExponent: variable)
    }

    static func power(_ base: ReferenceValue, _ exponent: ReferenceValue, variableExponent: Bool) -> ReferenceValue {
        if base == .undefined || exponent == .undefined { return .undefined }
        guard case .value(let b) = base else { return .unknown }
        if variableExponent && b.signum <= 0 { return .undefined }
        guard case .value(let x) = exponent else { return .unknown }
        if b.isZero { return x.signum < 0 ? .undefined : (x.isZero ? .value(.one) : .value(.zero)) }
        guard let q = x.denominator.intValue, let p = x.numerator.intValue, abs(p) <= 64, q <= 64 else { return .unknown }
        if b.isNegative && q % 2 == 0 { return .undefined }
        guard let bp = b.power(p) else { return .undefined }
        if q == 1 { return .value(bp) }
        // The real q-th root of bp, when it is rational.
        let magnitude = bp.magnitude
        guard let n = magnitude.numerator.exactRoot(q), let d = magnitude.denominator.exactRoot(q) else { return .unknown }
        let root = Rational(n, d)!
        return .value(bp.isNegative ? -root : root)
    }

    private mutating func atom() -> ReferenceValue {
        guard let c = peek else { return .unknown }
        if c == "(" {
            pos += 1
            let v = sum()
            guard peek == ")" else { return .unknown }
            pos += 1
            return v
        }
        if c.isNumber {
            var s = ""
            while let d = peek, d.isNumber { s.append(d); pos += 1 }
            return .value(Rational(Integer(s)!))
        }
        guard c.isLetter else { return .unknown }
        var name = ""
        while let d = peek, d.isLetter || d.isNumber || d == "_" { name.append(d); pos += 1 }
        if peek == "(" {
            pos += 1
            let arg = sum()
            guard peek == ")" else { return .unknown }
            pos += 1
            return ReferenceEvaluator.apply(name, arg)
        }
        guard let v = point[name] else { return .unknown }
        return .value(v)
    }

    static func apply(_ f: String, _ arg: ReferenceValue) -> ReferenceValue {
        guard case .value(let u) = arg else { return arg }
        switch f {
        case "sqrt": return power(.value(u), .value(Rational(1, 2)!), variableExponent: false)
        case "abs": return .value(u.magnitude)
        case "log": return u.signum <= 0 ? .undefined : (u.isOne ? .value(.zero) : .unknown)
        case "exp": return u.isZero ? .value(.one) : .unknown
        case "sin": return u.isZero ? .value(.zero) : .unknown
        case "cos": return u.isZero ? .value(.one) : .unknown
        default: return .unknown
        }
    }

    private func combine(_ a: ReferenceValue, _ b: ReferenceValue, _ f: (Rational, Rational) -> ReferenceValue) -> ReferenceValue {
        if a == .undefined || b == .undefined { return .undefined }
        guard case .value(let x) = a, case .value(let y) = b else { return .unknown }
        return f(x, y)
    }
}

/// Random plain-syntax text with divisions, roots, variable exponents, logs and absolute values,
/// decoded from integer arrays so that PropertyBased can generate and shrink it.
struct WrittenTextDecoder {
    var codes: [Int]
    var position = 0
    init(_ codes: [Int]) { self.codes = codes }

    private mutating func next() -> Int {
        defer { position += 1 }
        return position < codes.count ? abs(codes[position]) : 0
    }

    mutating func text(depth: Int = 3) -> String {
        let c = next()
        if depth == 0 || c % 11 == 0 { return leaf() }
        let a = text(depth: depth - 1)
        switch c % 11 {
        case 1: return "(\(a)) + (\(text(depth: depth - 1)))"
        case 2: return "(\(a)) - (\(text(depth: depth - 1)))"
        case 3: return "(\(a)) * (\(text(depth: depth - 1)))"
        case 4: return "(\(a)) / (\(text(depth: depth - 1)))"
        case 5: return "(\(a))^\(["2", "3", "(-1)", "(1/2)", "(1/3)", "(2/3)", "(-1/2)"][next() % 7])"
        case 6: return "sqrt(\(a))"
        case 7: return "(\(a))^(\(leafSymbol()))"
        case 8: return "abs(\(a))"
        case 9: return "log(\(a))"
        default: return "exp(\(a))"
        }
    }

    private mutating func leaf() -> String {
        let c = next()
        if c % 3 == 0 { return "(\(c % 7 - 3)/\(c % 4 + 1))" }
        return leafSymbol(c)
    }

    private mutating func leafSymbol(_ c: Int? = nil) -> String { ["x", "y", "z"][(c ?? next()) % 3] }
}
