/// The functions the engine knows, plus user-defined ones (`f(x)`), which stay opaque.
public enum Function: Hashable, Sendable {
    case exp, log
    case sin, cos, tan, cot, sec, csc
    case asin, acos, atan
    case sinh, cosh, tanh
    case sigmoid, relu
    /// The unit step `H(x)`: 1 for x > 0, 0 otherwise (the derivative of ReLU, with `H(0) = 0`).
    case heaviside
    case abs
    /// A function the engine knows nothing about, applied to any number of arguments.
    case undefined(String)

    /// The name used by the plain printer and parser.
    public var name: String {
        switch self {
        case .exp: "exp"; case .log: "log"
        case .sin: "sin"; case .cos: "cos"; case .tan: "tan"; case .cot: "cot"; case .sec: "sec"; case .csc: "csc"
        case .asin: "asin"; case .acos: "acos"; case .atan: "atan"
        case .sinh: "sinh"; case .cosh: "cosh"; case .tanh: "tanh"
        case .sigmoid: "sigmoid"; case .relu: "relu"; case .heaviside: "heaviside"; case .abs: "abs"
        case .undefined(let n): n
        }
    }

    /// The known function with this plain name (`ln` is `log`), or nil.
    public static func named(_ name: String) -> Function? {
        switch name {
        case "exp": .exp; case "log", "ln": .log
        case "sin": .sin; case "cos": .cos; case "tan": .tan; case "cot": .cot; case "sec": .sec; case "csc": .csc
        case "asin", "arcsin": .asin; case "acos", "arccos": .acos; case "atan", "arctan": .atan
        case "sinh": .sinh; case "cosh": .cosh; case "tanh": .tanh
        case "sigmoid": .sigmoid; case "relu", "ReLU": .relu; case "heaviside": .heaviside; case "abs": .abs
        default: nil
        }
    }

    /// True for a function the engine knows nothing about.
    var isUndefined: Bool { if case .undefined = self { return true } else { return false } }

    /// The trigonometric functions, periodic with period 2π (or π).
    var isPeriodic: Bool {
        switch self { case .sin, .cos, .tan, .cot, .sec, .csc: true; default: false }
    }

    /// Functions with `f(-x) = -f(x)`.
    var isOdd: Bool {
        switch self { case .sin, .tan, .cot, .csc, .asin, .atan, .sinh, .tanh: true; default: false }
    }

    /// Functions with `f(-x) = f(x)`.
    var isEven: Bool {
        switch self { case .cos, .sec, .cosh, .abs: true; default: false }
    }
}

extension Expression {
    /// `f(args)` in canonical form: exact values at numbers (`sin(π/6) = 1/2`, `log 1 = 0`),
    /// parity (`sin(-x) = -sin x`, `cos(-x) = cos x`) and inverse pairs (`log(exp u) = u`,
    /// `exp(log u) = u`, which holds wherever the left side is defined).
    public static func apply(_ f: Function, _ args: [Expression]) -> Expression {
        if args.contains(where: { if case .undefined = $0.kind { return true } else { return false } }) { return .undefined }
        guard args.count == 1 else { return Expression(.function(f, args)) }
        let u = args[0]
        if (f.isOdd || f.isEven) && u.hasNegativeSign {
            // The rule recurses once: exactly one of `u` and `-u` reads as negated. Should both
            // ever do (an ordering bug), the argument is kept as it is rather than looping.
            let v = -u
            if !v.hasNegativeSign { return f.isOdd ? -apply(f, [v]) : apply(f, [v]) }
        }
        if let v = FunctionValues.exactValue(f, u) { return v }
        return Expression(.function(f, [u]))
    }

    /// `f(u)` for a one-argument function.
    public static func apply(_ f: Function, _ u: Expression) -> Expression { apply(f, [u]) }

    /// True when the expression reads as negated: a negative number, a product with a
    /// negative coefficient, or a sum whose first term has a negative coefficient.
    /// Exactly one of `e` and `-e` has a negative sign (unless `e` is zero).
    var hasNegativeSign: Bool {
        switch kind {
        case .number(let r): return r.isNegative
        case .mul(let m): return m.coefficient.isNegative
        case .add(let a): return a.terms[0].coefficient.isNegative
        default: return false
        }
    }
}
