import ArgumentParser
import Foundation
import Symbolic

struct AnswerKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer-key",
        abstract: "Typeset derivations as an answer key PDF: the problem, every step with its rule, the boxed result.",
        discussion: """
        Names are those of `derive list` (lstm-backward, pe-rotation, …); --all takes every one. \
        Example: derive answer-key --all -o key.pdf --lang fa
        """
    )

    @Argument(help: "The derivations to include, by name (see derive list).")
    var names: [String] = []

    @Flag(name: .long, help: "Include every derivation.")
    var all = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PDF to write.", valueName: "key.pdf"))
    var output: String

    @Option(name: .long, help: "The title on the first page.")
    var title: String?

    @OptionGroup var tex: TeXOptions

    func validate() throws {
        guard all || !names.isEmpty else { throw ValidationError("name the derivations to include, or give --all") }
        let known = DerivationCatalog.entries.map(\.name)
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw ValidationError("no derivation named \(unknown); derive list shows them: \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        let chosen = all ? DerivationCatalog.entries.map(\.name) : names
        var sections: [AnswerKey.Section] = []
        for name in chosen {
            guard let s = DerivationCatalog.answerKeySection(name) else { throw InputError(description: "the \(name) derivation could not be built") }
            sections.append(s)
        }
        let key = AnswerKey(sections: sections, title: title)
        let language = tex.lang ?? .en
        try tex.typeset(key.latex(language), language: language, pdf: output)
    }
}
