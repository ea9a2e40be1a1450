import ArgumentParser
import Foundation
import Symbolic

struct AnswerKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer-key",
        abstract: "Typeset derivations as an answer key PDF: the problem, every step with its rule, the boxed result.",
        discussion: """
        Names are those of `derive list` (lstm-backward, pe-rotation, …) and `backward FILE`; the \
        options after a name are that command's own and shape its section. --all takes every \
        derivation with its default options (one named with options replaces its default). \
        Examples:
          derive answer-key --all -o key.pdf --lang fa
          derive answer-key rnn-gradient --steps 4 --activation tanh pe-rotation --dims 4 -o key.pdf
          derive answer-key backward Examples/models/relu-network.txt lstm-backward --notation gates -o key.pdf
        """
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The derivations to include, by name (see derive list), each followed by its own options.", valueName: "name [options]"))
    var items: [String] = []

    @Flag(name: .long, help: "Include every derivation.")
    var all = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PDF to write.", valueName: "key.pdf"))
    var output: String

    @Option(name: .long, help: "The title on the first page.")
    var title: String?

    @OptionGroup var tex: TeXOptions

    /// The named derivations, each with the arguments that follow it.
    func requested() throws -> [(name: String, arguments: [String])] {
        var out: [(name: String, arguments: [String])] = []
        for item in items {
            if AnswerKeySources.byName[item] != nil {
                out.append((item, []))
            } else if out.isEmpty {
                let known = DerivationCatalog.entries.map(\.name) + ["backward"]
                throw ValidationError("no derivation named \(item); derive list shows them: \(known.joined(separator: ", "))")
            } else {
                out[out.count - 1].arguments.append(item)
            }
        }
        return out
    }

    func validate() throws {
        guard all || !items.isEmpty else { throw ValidationError("name the derivations to include, or give --all") }
        _ = try requested()
    }

    func run() throws {
        let named = try requested()
        var chosen = named
        if all {
            chosen = DerivationCatalog.entries.map { entry in named.first { $0.name == entry.name } ?? (entry.name, []) }
            chosen += named.filter { n in !DerivationCatalog.entries.contains { $0.name == n.name } }
        }
        let sections = try chosen.map { try AnswerKeySources.section($0.name, $0.arguments) }
        let key = AnswerKey(sections: sections, title: title)
        let language = tex.lang ?? .en
        try tex.typeset(key.latex(language), language: language, pdf: output)
    }
}
