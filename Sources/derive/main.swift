import Symbolic
let args = Array(CommandLine.arguments.dropFirst())
var i = 0
while i + 1 < args.count {
    do {
        let a = try PlainParser.parse(args[i]), b = try PlainParser.parse(args[i+1])
        switch a.equivalent(to: b) {
        case .equal(let m): print("EQUAL", args[i], "=", args[i+1], "|", m)
        case .different(let c): print("DIFF ", args[i], "=", args[i+1], "|", c.point.map { "\($0.symbol.name)=\($0.value)" }, c.lhs, c.rhs)
        case .unknown(let r): print("UNK  ", args[i], "=", args[i+1], "|", r)
        }
    } catch { print("error", error) }
    i += 2
}
