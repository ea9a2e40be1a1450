import Foundation
import SymbolicCore
import SymbolicLaTeX
import SymbolicShaped
import SymbolicVerification
import SymbolicDerivations

/// The JSON form of a command's result: input and result, in plain syntax and LaTeX.
public struct ExpressionReport: Codable, Sendable {
    public let input: String
    public let result: String
    public let latex: String

    public init(input: SymbolicCore.Expression, result: SymbolicCore.Expression) {
        self.input = input.description
        self.result = result.description
        self.latex = result.latex
    }

    /// Compact JSON with keys in a fixed order.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
