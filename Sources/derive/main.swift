import Symbolic
for a in CommandLine.arguments.dropFirst() {
    do {
        let e = try PlainParser.parse(a)
        print(e, "|", e.latex, "|", e.expanded())
    } catch { print("error", error) }
}
