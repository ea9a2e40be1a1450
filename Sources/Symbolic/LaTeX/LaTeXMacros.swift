import SymbolicCore
/// Macros an author defines in a document (`\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}`,
/// `\renewcommand`, `\providecommand`, `\def\th{\theta}`, `\DeclareMathOperator{\tr}{tr}`), and
/// their expansion in the document's math.
///
/// Expansion is substitution of tokens only: no TeX primitive is executed, nothing reaches TeX.
/// It is bounded in nesting depth and in output size, so a macro that calls itself or doubles at
/// every level (`\def\a{\b\b}`, `\def\b{\c\c}`, …) gives an error naming it, never a hang.
public struct LaTeXMacros: Sendable, Equatable {
    /// One macro: its parameter count, the default of an optional first parameter, and its body.
    struct Macro: Sendable, Equatable {
        var parameters: Int
        var optionalDefault: [LaTeXToken]?
        var body: [LaTeXToken]
    }

    var table: [String: Macro] = [:]
    /// Compound names the document uses (`ptildec` for `p\tilde{c}`, see `CompoundName`): each
    /// is read as one name wherever it is written, as a macro would be.
    public var compoundNames: Set<String> = []
    /// Tokens produced by expansions so far in the current `expand`.
    private var produced = 0
    /// Nesting of macros in macros beyond this is reported.
    public static let maximumDepth = 32
    /// An expansion longer than this (in tokens) is reported.
    public static let maximumTokens = 20_000

    public init() {}

    public var isEmpty: Bool { table.isEmpty }

    /// Commands that define a macro.
    static let definers: Set<String> = ["newcommand", "renewcommand", "providecommand", "def", "DeclareMathOperator", "DeclareRobustCommand"]

    /// The definitions in `text` (prose or math), in order, each with the 1-based line where it
    /// starts. The text is lexed once (prose becomes tokens the definitions never use).
    public static func definitions(in text: String) -> [(line: Int, macros: LaTeXMacros)] {
        guard definers.contains(where: { text.contains("\\" + $0) }) else { return [] }
        let ts = LaTeXLexer.tokens(text)
        var out: [(Int, LaTeXMacros)] = []
        var k = 0
        while k < ts.count {
            guard case .command(let c) = ts[k].kind, definers.contains(c) else { k += 1; continue }
            var macros = LaTeXMacros()
            let next = macros.define(ts[...], at: k)
            if !macros.isEmpty { out.append((ts[k].line, macros)) }
            k = max(next, k + 1)
        }
        return out
    }

    /// Adds (or replaces) the macros of `other`.
    public mutating func merge(_ other: LaTeXMacros) {
        table.merge(other.table) { _, new in new }
    }

    /// The tokens with every known macro expanded and every definition recorded and removed.
    public mutating func expand(_ tokens: [LaTeXToken]) -> Result<[LaTeXToken], ReaderError> {
        // Most blocks use no macro: they are returned as they are.
        let used = tokens.contains { t in
            if case .command(let c) = t.kind { return table[c] != nil || LaTeXMacros.definers.contains(c) }
            return false
        }
        guard used else { return .success(mergingCompoundNames(tokens)) }
        var out: [LaTeXToken] = []
        out.reserveCapacity(tokens.count)
        produced = 0
        do throws(ReaderError) {
            try expand(tokens[...], depth: 0, into: &out)
            return .success(mergingCompoundNames(out))
        } catch {
            return .failure(error)
        }
    }

    /// `p\tilde{c}` of a compound name as `\mathit{ptildec}`, one name, spanning the same source.
    func mergingCompoundNames(_ tokens: [LaTeXToken]) -> [LaTeXToken] {
        guard !compoundNames.isEmpty else { return tokens }
        var out: [LaTeXToken] = []
        var i = 0
        while i < tokens.count {
            if let name = LaTeXMacros.compoundName(tokens, at: i), compoundNames.contains(name) {
                let first = tokens[i], last = tokens[i + 4]
                func token(_ kind: LaTeXToken.Kind, space: Bool = false) -> LaTeXToken {
                    LaTeXToken(kind: kind, line: first.line, column: first.column, spaceBefore: space, start: first.start, end: last.end)
                }
                out.append(token(.command("mathit"), space: first.spaceBefore))
                out.append(token(.symbol("{")))
                for c in name { out.append(token(.letter(c))) }
                out.append(token(.symbol("}")))
                i += 5
                continue
            }
            out.append(tokens[i])
            i += 1
        }
        return out
    }

    /// The compound name written at tokens[i] (`p`, `\tilde`, `{`, `c`, `}`, the accent right
    /// against a letter that does not end a longer word), or nil.
    static func compoundName(_ ts: [LaTeXToken], at i: Int) -> String? {
        guard i + 4 < ts.count, case .letter(let prefix) = ts[i].kind, case .command(let accent) = ts[i + 1].kind,
              CompoundName.accents.contains(accent), !ts[i + 1].spaceBefore, ts[i + 2].kind == .symbol("{"),
              case .letter(let letter) = ts[i + 3].kind, ts[i + 4].kind == .symbol("}") else { return nil }
        if i > 0, case .letter = ts[i - 1].kind, !ts[i].spaceBefore { return nil }
        return "\(prefix)\(accent)\(letter)"
    }

    /// The compound names a document shows to be names: written right after `\partial` (a
    /// derivative with respect to it) or as the left side of a definition that opens a block, a
    /// row or an environment (`p\tilde{c}^{<t>} = W_c … + b_c`). Elsewhere a letter against an
    /// accented letter is a product (`u\tilde{c}^{<t>} + (1 - u) c^{<t-1>}`).
    public static func compoundNames(in blocks: [MathBlock]) -> Set<String> {
        var out = Set<String>()
        for block in blocks where CompoundName.accents.contains(where: { block.latex.contains("\\" + $0 + "{") }) {
            let ts = LaTeXLexer.tokens(block.latex)
            var braces: [Int] = []
            for i in ts.indices {
                guard let name = compoundName(ts, at: i) else { continue }
                let previous: LaTeXToken.Kind? = i > 0 ? ts[i - 1].kind : nil
                if previous == .command("partial") { out.insert(name); continue }
                guard opensRow(ts, before: i) else { continue }
                // After the name and its scripts (`^{<t>}`, `_t`), an equals sign.
                if braces.isEmpty { braces = LaTeXReader.matchingBraces(ts) }
                var j = i + 5
                while j + 1 < ts.count, ts[j].kind == .symbol("^") || ts[j].kind == .symbol("_") {
                    guard ts[j + 1].kind == .symbol("{") else { j += 2; continue }
                    guard braces[j + 1] > j + 1 else { j = ts.count; break }
                    j = braces[j + 1] + 1
                }
                if j < ts.count, ts[j].kind == .symbol("=") { out.insert(name) }
            }
        }
        return out
    }

    /// True when tokens[i] starts a block, a row (after `\\` or `&`) or an environment (after `\begin{cases}`).
    private static func opensRow(_ ts: [LaTeXToken], before i: Int) -> Bool {
        guard i > 0 else { return true }
        switch ts[i - 1].kind {
        case .command("\\"), .symbol("&"): return true
        case .symbol("}"):
            // `\begin{name}`: the brace closes the environment's name.
            var k = i - 2
            while k >= 0, case .letter = ts[k].kind { k -= 1 }
            return k >= 1 && ts[k].kind == .symbol("{") && ts[k - 1].kind == .command("begin")
        default: return false
        }
    }

    private mutating func expand(_ ts: ArraySlice<LaTeXToken>, depth: Int, into out: inout [LaTeXToken]) throws(ReaderError) {
        var i = ts.startIndex
        while i < ts.endIndex {
            let t = ts[i]
            guard case .command(let name) = t.kind else {
                try append(t, to: &out, depth: depth)
                i += 1
                continue
            }
            if LaTeXMacros.definers.contains(name) {
                i = define(ts, at: i)
                continue
            }
            guard let macro = table[name] else {
                try append(t, to: &out, depth: depth)
                i += 1
                continue
            }
            guard depth < LaTeXMacros.maximumDepth else {
                throw ReaderError("\\\(name) (macros nested more than \(LaTeXMacros.maximumDepth) deep)", line: t.line, column: t.column)
            }
            var k = i + 1
            var arguments: [ArraySlice<LaTeXToken>] = []
            if let d = macro.optionalDefault {
                if k < ts.endIndex, ts[k].kind == .symbol("["), let close = LaTeXMacros.closer(ts, k, open: "[", close: "]") {
                    arguments.append(ts[(k + 1)..<close])
                    k = close + 1
                } else {
                    arguments.append(d[...])
                }
            }
            while arguments.count < macro.parameters {
                guard k < ts.endIndex, ts[k].kind != .symbol("}") else {
                    throw ReaderError("\\\(name) without its \(macro.parameters) arguments", line: t.line, column: t.column)
                }
                if ts[k].kind == .symbol("{") {
                    guard let close = LaTeXMacros.closer(ts, k, open: "{", close: "}") else {
                        throw ReaderError("\\\(name) with an unclosed argument", line: t.line, column: t.column)
                    }
                    arguments.append(ts[(k + 1)..<close])
                    k = close + 1
                } else {
                    arguments.append(ts[k...k])
                    k += 1
                }
            }
            // The expansion stands where the call was written: its tokens carry the call's span.
            let span = (start: t.start, end: ts[k - 1].end)
            var body: [LaTeXToken] = []
            for (n, b) in macro.body.enumerated() {
                if case .parameter(let p) = LaTeXMacros.role(b), p >= 1, p <= arguments.count {
                    body += arguments[p - 1].map { a in
                        var c = a
                        (c.start, c.end) = span
                        return c
                    }
                } else {
                    var c = LaTeXToken(kind: b.kind, line: t.line, column: t.column, spaceBefore: n == 0 ? t.spaceBefore : b.spaceBefore)
                    (c.start, c.end) = span
                    body.append(c)
                }
                if body.count > LaTeXMacros.maximumTokens { throw tooLong(name, t) }
            }
            try expand(body[...], depth: depth + 1, into: &out)
            i = k
        }
    }

    /// Appends a token; those a macro produced (`depth > 0`) count towards the bound.
    private mutating func append(_ t: LaTeXToken, to out: inout [LaTeXToken], depth: Int) throws(ReaderError) {
        out.append(t)
        guard depth > 0 else { return }
        produced += 1
        if produced > LaTeXMacros.maximumTokens {
            throw ReaderError("a macro expansion longer than \(LaTeXMacros.maximumTokens) tokens", line: t.line, column: t.column)
        }
    }

    private func tooLong(_ name: String, _ t: LaTeXToken) -> ReaderError {
        ReaderError("\\\(name) (its expansion is longer than \(LaTeXMacros.maximumTokens) tokens)", line: t.line, column: t.column)
    }

    /// A token of a macro body: `#k` was lexed as `#` followed by a number.
    enum Role { case parameter(Int), other }
    static func role(_ t: LaTeXToken) -> Role {
        if case .command(let c) = t.kind, c.hasPrefix("#"), let n = Int(c.dropFirst()) { return .parameter(n) }
        return .other
    }

    /// Reads the definition at `ts[i]` into the table; returns the index after it. A form this
    /// does not understand (delimited parameters, `\def` with other text) is skipped: the macro
    /// stays unknown, and a step that uses it is unchecked with its name.
    mutating func define(_ ts: ArraySlice<LaTeXToken>, at i: Int) -> Int {
        guard case .command(let definer) = ts[i].kind else { return i + 1 }
        var k = i + 1
        if k < ts.endIndex, ts[k].kind == .symbol("*") { k += 1 }
        // The name: `{\pd}`, `\pd`.
        var name: String? = nil
        if k < ts.endIndex, case .command(let c) = ts[k].kind { name = c; k += 1 }
        else if k + 2 < ts.endIndex, ts[k].kind == .symbol("{"), case .command(let c) = ts[k + 1].kind, ts[k + 2].kind == .symbol("}") {
            name = c
            k += 3
        }
        guard let name, !LaTeXMacros.definers.contains(name) else { return k }
        var parameters = 0
        var optional: [LaTeXToken]? = nil
        if definer == "def" {
            // `\def\name#1#2{…}`: only undelimited parameters.
            while k + 1 < ts.endIndex, ts[k].kind == .symbol("#"), case .number(let r) = ts[k + 1].kind, r == Rational(parameters + 1) {
                parameters += 1
                k += 2
            }
        } else if definer != "DeclareMathOperator" {
            if k + 2 < ts.endIndex, ts[k].kind == .symbol("["), case .number(let r) = ts[k + 1].kind, ts[k + 2].kind == .symbol("]"),
               r.isInteger, let n = r.numerator.intValue, (0...9).contains(n) {
                parameters = n
                k += 3
                if k < ts.endIndex, ts[k].kind == .symbol("["), let close = LaTeXMacros.closer(ts, k, open: "[", close: "]") {
                    optional = Array(ts[(k + 1)..<close])
                    k = close + 1
                }
            }
        }
        guard k < ts.endIndex, ts[k].kind == .symbol("{"), let close = LaTeXMacros.closer(ts, k, open: "{", close: "}") else { return k }
        var body = LaTeXMacros.markParameters(ts[(k + 1)..<close])
        if definer == "DeclareMathOperator" {
            // The operator's name, set upright: read like `\operatorname{…}`.
            var op = LaTeXToken(kind: .command("operatorname"), line: ts[i].line, column: ts[i].column, spaceBefore: true)
            (op.start, op.end) = (ts[i].start, ts[i].end)
            body = [op, ts[k]] + body + [ts[close]]
        }
        if definer == "providecommand", table[name] != nil { return close + 1 }
        table[name] = Macro(parameters: parameters, optionalDefault: optional, body: body)
        return close + 1
    }

    /// The body with each `#k` (lexed as `#` and a number) made one parameter token.
    static func markParameters(_ ts: ArraySlice<LaTeXToken>) -> [LaTeXToken] {
        var out: [LaTeXToken] = []
        var k = ts.startIndex
        while k < ts.endIndex {
            let t = ts[k]
            if t.kind == .symbol("#"), k + 1 < ts.endIndex, case .number(let r) = ts[k + 1].kind, r.isInteger, !r.isNegative {
                // TeX takes one digit: `#12` is parameter 1, then 2.
                let digits = r.numerator.description
                out.append(LaTeXToken(kind: .command("#" + String(digits.first!)), line: t.line, column: t.column, spaceBefore: t.spaceBefore))
                if digits.count > 1, let rest = Integer(String(digits.dropFirst())) {
                    out.append(LaTeXToken(kind: .number(Rational(rest)), line: t.line, column: t.column + 2, spaceBefore: false))
                }
                k += 2
                continue
            }
            out.append(t)
            k += 1
        }
        return out
    }

    /// The index of the bracket closing the one at `open` (braces nest), or nil.
    static func closer(_ ts: ArraySlice<LaTeXToken>, _ start: Int, open: Character, close: Character) -> Int? {
        var depth = 0, braces = 0
        for k in start..<ts.endIndex {
            let kind = ts[k].kind
            if kind == .symbol("{") { braces += 1 }
            if kind == .symbol("}") { braces -= 1 }
            if kind == .symbol(open) && (open == "{" || braces == 0) { depth += 1 }
            if kind == .symbol(close) && (close == "}" || braces == 0) {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }
}
