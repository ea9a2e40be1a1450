import ArgumentParser
import Symbolic

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every derivation derive prints, one line each.")

    func run() {
        let width = DerivationCatalog.entries.map(\.name.count).max() ?? 0
        for e in DerivationCatalog.entries {
            print(e.name + String(repeating: " ", count: width - e.name.count + 2) + e.summary)
        }
    }
}
