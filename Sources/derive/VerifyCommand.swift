import ArgumentParser
struct VerifyCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check a pasted derivation step by step.") }
