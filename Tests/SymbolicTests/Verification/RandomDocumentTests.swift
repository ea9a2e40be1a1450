import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Random documents built from pieces whose verdicts are known by hand: identities true and
/// false, premises that make a false identity true, tasks with right and wrong answers, solving
/// arguments with and without a planted error, in random letters, order and prose. No step may
/// get a false verdict: a true claim or a correct step never `invalid`, a false one never `valid`.
@Suite struct RandomDocumentTests {
    /// What a line's verdicts may not be.
    enum Expect { case notInvalid, notValid, any }

    /// A piece: lines of a document (with `{x}`, `{a}`, `{b}` for letters), the expectation for
    /// the steps on each line, and whether it needs a section of its own (premises, tasks).
    struct Piece {
        let lines: [(String, Expect)]
        var ownSection = false
    }

    static let pieces: [Piece] = [
        // Identities, true and false.
        Piece(lines: [("$$({a} + {b})^2 = {a}^2 + 2{a}{b} + {b}^2$$", .notInvalid)]),
        Piece(lines: [("$$({a} + {b})^2 = {a}^2 + {b}^2$$", .notValid)]),
        Piece(lines: [("$$({a} - {b})({a} + {b}) = {a}^2 - {b}^2$$", .notInvalid)]),
        Piece(lines: [("$$({a} - {b})^2 = {a}^2 - {b}^2$$", .notValid)]),
        Piece(lines: [("$$\\sin^2 {x} + \\cos^2 {x} = 1$$", .notInvalid)]),
        Piece(lines: [("$$\\sin 2{x} = 2 \\sin {x}$$", .notValid)]),
        Piece(lines: [("$$\\sin 2{x} = 2 \\sin {x} \\cos {x}$$", .notInvalid)]),
        Piece(lines: [("$$\\frac{{x}^2 - 1}{{x} - 1} = {x} + 1$$", .notInvalid)]),
        Piece(lines: [("$$\\frac{{x}^2 + 1}{{x} + 1} = {x} + 1$$", .notValid)]),
        Piece(lines: [("$$\\sqrt{{x}^2} = {x}$$", .notValid)]),
        Piece(lines: [("$$\\sqrt{{x}^2} = |{x}|$$", .notInvalid)]),
        Piece(lines: [("$$e^{{a} + {b}} = e^{{a}} e^{{b}}$$", .notInvalid)]),
        Piece(lines: [("$$e^{{a} {b}} = e^{{a}} e^{{b}}$$", .notValid)]),
        Piece(lines: [("$$\\ln({a} {b}) = \\ln {a} + \\ln {b}$$", .notInvalid)]),
        Piece(lines: [("$$({x}^{a})^{b} = {x}^{{a}{b}}$$", .notValid)]),
        Piece(lines: [("$$\\frac{1}{{a}} + \\frac{1}{{b}} = \\frac{1}{{a} + {b}}$$", .notValid)]),
        Piece(lines: [("$$3 \\cdot 4 + 4 = 16$$", .notInvalid)]),
        Piece(lines: [("$$3 \\cdot 4 + 4 = 17$$", .notValid)]),
        // A restated slip, each line its own claim.
        Piece(lines: [("A common slip is $\\cos 2{x} = 2\\cos {x}$. Equivalently", .notValid), ("", .any),
                      ("$$2\\cos {x} = \\cos 2{x}$$", .notValid)]),
        // Premises that make the false identity true.
        Piece(lines: [("Assume ${x} > 0$.", .any), ("", .any), ("$$\\sqrt{{x}^2} = {x}$$", .notInvalid), ("", .any),
                      ("$$\\frac{|{x}|}{{x}} = 1$$", .notInvalid)], ownSection: true),
        Piece(lines: [("Here ${x}$ is positive.", .any), ("", .any), ("$$|{x}| = {x}$$", .notInvalid)], ownSection: true),
        Piece(lines: [("Let ${x} > 1$.", .any), ("", .any), ("$$|{x} - 2| = {x} - 2$$", .notValid)], ownSection: true),
        Piece(lines: [("Assume ${a} + {b} = 1$.", .any), ("", .any), ("$$({a} + {b})^2 = 1$$", .notInvalid), ("", .any),
                      ("$${a}^2 + {b}^2 = 1 - 2{a}{b}$$", .notInvalid)], ownSection: true),
        // Tasks, answered right and wrong.
        Piece(lines: [("Solve ${x}^2 - 5{x} + 6 = 0$.", .any), ("", .any), ("$$({x} - 2)({x} - 3) = 0$$", .notInvalid),
                      ("$${x} = 2 \\text{ or } {x} = 3$$", .notInvalid)], ownSection: true),
        Piece(lines: [("Solve ${x}^2 - 5{x} + 6 = 0$.", .any), ("", .any), ("$$({x} - 2)({x} - 3) = 0$$", .notInvalid),
                      ("$${x} = 2$$", .notValid)], ownSection: true),
        // Solving arguments.
        Piece(lines: [("$${x}^2 - 4 = 0 \\Rightarrow ({x} - 2)({x} + 2) = 0 \\Rightarrow {x} = \\pm 2$$", .notInvalid)]),
        Piece(lines: [("$$2{x} + 1 = 7$$", .any), ("$$2{x} = 6$$", .notInvalid), ("$${x} = 3$$", .notInvalid)]),
        Piece(lines: [("$$5{x} - 4 = 2{x} + 8$$", .any), ("$$3{x} = 12$$", .notInvalid), ("$${x} = 3$$", .notValid)]),
        Piece(lines: [("$${x}^3 = 4{x}$$", .any), ("$$\\Rightarrow {x}^2 = 4$$", .notValid)]),
        Piece(lines: [("$$\\sqrt{{x} + 2} = {x}$$", .any), ("$$\\Rightarrow {x} + 2 = {x}^2$$", .notInvalid),
                      ("$$\\Rightarrow {x} = 2 \\text{ or } {x} = -1$$", .notValid)]),
        Piece(lines: [("Let ${x} > 0$.", .any), ("", .any), ("$${x}^2 = 16 \\Rightarrow {x} = 4$$", .notInvalid)], ownSection: true),
        Piece(lines: [("$$\\sqrt{{x}} = {x} - 2 \\Rightarrow {x} = {x}^2 - 4{x} + 4 \\Rightarrow {x} = 1 \\text{ or } {x} = 4$$", .notInvalid),
                      ("", .any), ("Here ${x} = 1$ is rejected.", .any)]),
        // Matrices and Kronecker deltas.
        Piece(lines: [("Let $A, B \\in \\mathbb{R}^{n \\times n}$.", .any), ("", .any), ("$$A B = B A$$", .notValid), ("", .any),
                      ("$$(A + B)^2 = A^2 + 2AB + B^2$$", .notValid), ("", .any), ("$$A + B = B + A$$", .notInvalid)], ownSection: true),
        Piece(lines: [("$$\\delta_{ij}^2 = \\delta_{ij}$$", .notInvalid)]),
        Piece(lines: [("$$2\\delta_{ij} = \\delta_{ij}$$", .notValid)]),
    ]

    /// Prose that links nothing, between two pieces of one section.
    static let neutral = ["Another fact:", "Next we look at something else.", "در ادامه:", "We also note the following."]
    static let letters = ["x", "y", "t", "u", "v", "p", "q", "r", "s", "z", "w"]

    @Test(arguments: 0..<150) func randomDocumentsGetNoFalseVerdict(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9e37_79b9_7f4a_7c15 &+ 1)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var lines: [String] = ["# Notes"]
        var expect: [Int: Expect] = [:]
        var section = 0
        for n in 0..<(4 + Int(rng.next() % 5)) {
            let piece = pick(Self.pieces)
            var pool = Self.letters
            var names: [String: String] = [:]
            for key in ["x", "a", "b"] {
                let i = Int(rng.next() % UInt64(pool.count))
                names[key] = pool.remove(at: i)
            }
            if piece.ownSection || section == 0 || rng.next() % 3 == 0 {
                section += 1
                lines += ["", "## Part \(section)", ""]
            } else if n > 0 {
                lines += ["", pick(Self.neutral), ""]
            }
            for (text, e) in piece.lines {
                var t = text
                for (k, v) in names { t = t.replacingOccurrences(of: "{\(k)}", with: v) }
                lines.append(t)
                expect[lines.count] = e
            }
        }
        let text = lines.joined(separator: "\n")
        let report = Verifier().verify(text, file: "random.md")
        // The document's claims are checked (not all unread or skipped).
        #expect(report.steps.filter { expect[$0.line] != nil && $0.verdict != .unchecked }.count >= 2, "\(text)")
        for step in report.steps {
            switch expect[step.line] ?? .any {
            case .notInvalid: #expect(step.verdict != .invalid, "line \(step.line) \(step.latex): \(step.reason)\n\(text)")
            case .notValid: #expect(step.verdict != .valid, "line \(step.line) \(step.latex): \(step.reason)\n\(text)")
            case .any: break
            }
        }
    }
}
