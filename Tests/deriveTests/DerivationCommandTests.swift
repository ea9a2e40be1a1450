import Foundation
import Testing

/// The derivation commands as a user runs them.
@Suite struct DerivationCommandTests {
    @Test func listNamesEveryDerivationCommand() throws {
        let r = try CLI.run(["list"])
        #expect(r.status == 0)
        for name in ["lstm-backward", "gru-backward", "rnn-backward", "rnn-gradient", "pe-rotation", "dot-variance", "least-squares"] {
            #expect(r.out.contains(name + " "), "\(name) missing from derive list")
            let h = try CLI.run([name, "--help"])
            #expect(h.status == 0 && h.out.contains("USAGE"), "\(name) --help")
        }
    }

    @Test func rnnGradientPrintsThePolynomialInEveryFormat() throws {
        let text = try CLI.run(["rnn-gradient", "--steps", "3"])
        #expect(text.status == 0)
        // u_3 + 2 w u_2 + 3 w^2 (u_1 + h_0), worked out by hand.
        #expect(text.out.contains("2*u_2*w + u_3 + 3*w^2*(h_0 + u_1)"), "\(text.out)")
        let latex = try CLI.run(["rnn-gradient", "--steps", "3", "--latex"])
        #expect(latex.out.hasPrefix("\\begin{align*}") && latex.out.contains("\\boxed{"))
        let json = try CLI.run(["rnn-gradient", "--steps", "3", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["verdict"] as? String) == "valid" })
        #expect(!steps.contains { ($0["verdict"] as? String) == "invalid" })
        // The closed form for every T is checked at instances, not proved: never called valid.
        let general = try #require(steps.first { ($0["check"] as? String)?.hasPrefix("instances") == true })
        #expect(general["verdict"] as? String == "unchecked")
        #expect(!steps.contains { ($0["verdict"] as? String) == "unchecked" && ($0["check"] as? String)?.hasPrefix("instances") != true })
    }

    @Test func answerKeyTakesEachDerivationsOwnOptions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tex = dir.appendingPathComponent("key.tex").path
        let r = try CLI.run(["answer-key", "rnn-gradient", "--steps", "4", "--activation", "tanh", "pe-rotation", "--dims", "4",
                             "backward", "Examples/models/relu-network.txt",
                             "-o", dir.appendingPathComponent("key.pdf").path, "--tex", tex])
        let text = try String(contentsOfFile: tex, encoding: .utf8)
        #expect(text.contains("h_4 &= \\tanh"), "the --steps 4 --activation tanh section")
        #expect(text.contains("M_{4}"), "the --dims 4 section")
        #expect(text.contains("w_1"), "the model file's section")
        _ = r
        // A bad option names its derivation; a word that is no derivation is refused before any work.
        let bad = try CLI.run(["answer-key", "rnn-gradient", "--steps", "99", "-o", dir.appendingPathComponent("k.pdf").path])
        #expect(bad.status == 2 && bad.err.contains("rnn-gradient"), "\(bad.err)")
        let unknown = try CLI.run(["answer-key", "no-such", "-o", dir.appendingPathComponent("k.pdf").path])
        #expect(unknown.status == 2 && unknown.err.contains("no derivation named no-such"), "\(unknown.err)")
    }

    /// `--notation gates` names every output in i_t, f_t, o_t, h_t, not only the LaTeX.
    @Test func gatesNotationReachesEveryFormat() throws {
        let text = try CLI.run(["lstm-backward", "--notation", "gates"])
        #expect(text.out.contains("do = dh * tanh(c)") && text.out.contains("dh_prev = W_oh^T @ dz_o"), "\(text.out)")
        #expect(!text.out.contains("Gamma"))
        let json = try CLI.run(["lstm-backward", "--notation", "gates", "--json"])
        #expect(json.out.contains("\"name\" : \"dW_i\"") && !json.out.contains("Gamma"))
        let numpy = try CLI.run(["lstm-backward", "--notation", "gates", "--format", "numpy"])
        #expect(numpy.out.contains("dW_i") && !numpy.out.contains("Gamma"))
        let course = try CLI.run(["lstm-backward"])
        #expect(course.out.contains("dGamma_o = da * tanh(c)"))
    }

    @Test func peRotationGivesTheRotationMatrix() throws {
        let r = try CLI.run(["pe-rotation"])
        #expect(r.status == 0)
        #expect(r.out.contains("M = [cos(omega*phi), sin(omega*phi); -sin(omega*phi), cos(omega*phi)]"), "\(r.out)")
        let t = try CLI.run(["pe-rotation", "--order", "cos-sin", "--dims", "4"])
        #expect(t.out.contains("M = [cos(omega*phi), -sin(omega*phi); sin(omega*phi), cos(omega*phi)]"), "\(t.out)")
    }

    @Test func outOfRangeOptionsAreOneLineErrors() throws {
        for args in [["rnn-gradient", "--steps", "0"], ["rnn-gradient", "--steps", "99"], ["rnn-gradient", "--activation", "relu"],
                     ["pe-rotation", "--dims", "3"], ["pe-rotation", "--order", "up-down"]] {
            let r = try CLI.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.err.hasPrefix("error: ") && r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
        }
    }
}

@Suite struct DotVarianceCommandTests {
    @Test func dotVarianceGivesD() throws {
        let r = try CLI.run(["dot-variance", "--scaled"])
        #expect(r.status == 0)
        #expect(r.out.contains("* E[(a^T b)^2] = D"), "\(r.out)")
        let s = try CLI.run(["dot-variance", "--variance", "s^2", "--json"])
        #expect(s.out.contains("D*s^4") && !s.out.contains("\"verdict\":\"unchecked\"") && !s.out.contains("\"verdict\":\"invalid\""))
        let bad = try CLI.run(["dot-variance", "--variance", "s^"])
        #expect(bad.status == 2 && bad.err.hasPrefix("error: "))
    }

    @Test func theGapsOfTheExistingDerivations() throws {
        // A variance that is not positive is refused; inputs numbered from 0 state the recurrence
        // the steps use; least squares shows its normal equations as a 2 × 2 system.
        let negative = try CLI.run(["dot-variance", "--variance=-1"])
        #expect(negative.status == 2 && negative.err.contains("positive"), "\(negative.err)")
        let zeroBased = try CLI.run(["rnn-gradient", "--steps", "3", "--first-input", "0"])
        #expect(zeroBased.out.contains("h_t = w(u_{t-1} + h_{t-1})"), "\(zeroBased.out)")
        let ls = try CLI.run(["least-squares"])
        #expect(ls.out.contains("the normal equations as a 2 × 2 system") && ls.out.contains("X^\\top X w = X^\\top y"), "\(ls.out)")
    }
}
