import Foundation
import Testing
import Symbolic
@testable import SymbolicCore
@testable import SymbolicLaTeX
@testable import SymbolicShaped
@testable import SymbolicVerification
@testable import SymbolicDerivations
@testable import SymbolicReports

/// Every derived gradient against an independent computation: the loss expanded into scalars at
/// small sizes and differentiated entry by entry with the scalar engine, compared with certified
/// intervals of width below 2^-200.
@Suite struct BackwardPassTests {
    static let sizes: [Symbol: Int] = [Symbol("n", subscriptText: "a"): 3, Symbol("n", subscriptText: "x"): 2, Symbol("n", subscriptText: "y"): 2]

    func pass(_ name: String) throws -> BackwardPass {
        try #require(try ModelCatalog.backwardPass(name))
    }

    /// Small random rationals; a target y that sums to 1 (softmax then cross-entropy needs it).
    func randomValues(_ model: Model, seed: UInt64) throws -> ShapedEvaluator {
        var rng = SplitMix64(seed: seed)
        func number() -> Rational { Rational(Integer(Int(rng.next() % 19) - 9), Integer(Int(rng.next() % 5) + 3))! }
        var ev = ShapedEvaluator(sizes: BackwardPassTests.sizes)
        let named = model.declarations.map { ($0.quantity, $0.shape) } + model.carries.map { ($0.incoming, model.shape(of: $0.quantity)!) }
        for (q, shape) in named {
            let (r, c) = try #require(shape.instantiated(BackwardPassTests.sizes))
            if q.plain == "y" {
                let weights = (0..<r).map { _ in Rational(Int(rng.next() % 5) + 1) }
                let total = Rational.sum(weights)
                ev.values[q] = Matrix(rows: r, columns: c, entries: weights.map { Symbolic.Expression(($0 / total)!) })
            } else {
                ev.values[q] = Matrix(rows: r, columns: c, entries: (0..<(r * c)).map { _ in Symbolic.Expression(number()) })
            }
        }
        return ev
    }

    /// The cell's loss plus Σ da_next ∘ a + Σ dc_next ∘ c: what the gradients are gradients of.
    func totalLoss(_ model: Model, _ ev: ShapedEvaluator) throws -> Symbolic.Expression {
        let forward = try #require(model.forward(ev))
        let loss = try #require(model.loss)
        var total = try #require(forward.values[loss]).entries[0]
        for c in model.carries {
            let a = try #require(forward.values[c.quantity]), g = try #require(forward.values[c.incoming])
            total = total + Symbolic.Expression.sum(zip(a.entries, g.entries).map { $0 * $1 })
        }
        return total
    }

    func agree(_ a: Symbolic.Expression, _ b: Symbolic.Expression) -> Bool {
        let e = IntervalEvaluator(point: [:], precision: 320)
        guard case .value(let ia) = e.evaluate(a), case .value(let ib) = e.evaluate(b) else { return false }
        let bound = Interval(Rational(Integer(1), Integer(2).power(200))!, precision: 320)
        let d = ia - ib
        return (bound - d).isNonNegative && (bound + d).isNonNegative
    }

    @Test(arguments: ["lstm", "gru", "rnn"])
    func gradientsMatchScalarDifferentiation(_ name: String) throws {
        let p = try pass(name)
        let model = p.model
        let base = try randomValues(model, seed: 42)
        var reverse = try #require(model.forward(base))
        for g in p.gradients {
            let value: Matrix = try #require(reverse.evaluate(g.value), "\(g.name.plain) could not be evaluated")
            reverse.values[g.name] = value
        }
        var checked = 0
        for d in model.declarations where d.quantity.plain != "y" {
            let gradient = try #require(reverse.values[d.quantity.gradient], "no gradient for \(d.quantity.plain)")
            let m = try #require(base.values[d.quantity])
            for k in m.entries.indices {
                let s = Symbol("\u{1}entry")
                var entries = m.entries
                entries[k] = Symbolic.Expression(s)
                var ev = base
                ev.values[d.quantity] = Matrix(rows: m.rows, columns: m.columns, entries: entries)
                let derivative = try totalLoss(model, ev).derivative(with: s).substituting([s: m.entries[k]])
                #expect(agree(derivative, gradient.entries[k]), "\(name): ∂L/∂\(d.quantity.plain)[\(k)]: scalar \(derivative.description.prefix(80)) vs reverse mode \(gradient.entries[k].description.prefix(80))")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    @Test(arguments: ["lstm", "gru", "rnn"])
    func everyGradientHasItsQuantitysShape(_ name: String) throws {
        let p = try pass(name)
        for g in p.gradients {
            #expect(g.value.shape == p.model.shape(of: g.of), "\(g.name.plain)")
        }
    }

    @Test func lstmInTextbookForm() throws {
        let p = try pass("lstm")
        func plain(_ n: String) -> String? { p.gradients.first { $0.name.plain == n }?.value.description }
        for n in ["dz", "da", "dc", "dctilde", "dpctilde", "dgamma_u", "dgamma_f", "dgamma_o", "dc_prev", "da_prev", "dx",
                  "dW_f", "dW_u", "dW_c", "dW_o", "dW_y", "db_f", "db_u", "db_c", "db_o", "db_y"] {
            #expect(plain(n) != nil, "missing \(n)")
        }
        #expect(plain("dz") == "yhat - y")                                   // softmax then cross-entropy
        #expect(plain("dc_prev") == "dc * Gamma_f")
        #expect(plain("dgamma_u") == "dGamma_u * Gamma_u * (1 - Gamma_u)")    // σ' through the gate's value
        #expect(plain("dpctilde") == "dctilde * (1 - ctilde^2)")             // tanh' through c̃
        #expect(plain("dW_y") == "dz @ a^T")
        #expect(plain("da_prev")?.contains("W_fa^T @ dgamma_f") == true)      // the block of W_f that meets a_prev
        #expect(plain("dc")?.contains("dc_next") == true)
    }

    @Test func modelFileErrorsHaveLineAndColumn() {
        do {
            _ = try ModelParser.parse("dimensions n\ninput x : n\nparameter W : n x n\nh = W y")
            Issue.record("an undefined name was accepted")
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("y is not declared"))
        }
        do {
            _ = try ModelParser.parse("dimensions n, m\ninput x : n\nparameter W : m x m\nh = W x")
            Issue.record("a shape mismatch was accepted")
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("inner dimensions"))
        }
    }

    /// The emitted NumPy module against central finite differences of its own loss.
    @Test(arguments: ["lstm", "gru", "rnn"])
    func numpyModuleMatchesFiniteDifferences(_ name: String) throws {
        guard Self.numpyAvailable else {
            print("skipped: python3 with numpy is not available")
            return
        }
        let p = try pass(name)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-numpy-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try p.numpy.write(to: dir.appendingPathComponent("cell.py"), atomically: true, encoding: .utf8)
        let inputs = p.model.declarations.map { "\"\($0.quantity.python)\": \(pythonShape($0.shape))" }
            + p.model.carries.map { "\"\($0.incoming.python)\": \(pythonShape(p.model.shape(of: $0.quantity)!))" }
        let script = """
        import numpy as np, cell
        rng = np.random.default_rng(7)
        shapes = {\(inputs.joined(separator: ", "))}
        v = {k: rng.normal(size=s) for k, s in shapes.items()}
        v["y"] = np.abs(v["y"]); v["y"] /= v["y"].sum()
        g = cell.gradients(**v)
        worst = 0.0
        for k in shapes:
            if k == "y" or "d" + k not in g: continue
            num = np.zeros(shapes[k])
            for i in np.ndindex(*shapes[k]):
                h = 1e-6
                up = dict(v); up[k] = v[k].copy(); up[k][i] += h
                dn = dict(v); dn[k] = v[k].copy(); dn[k][i] -= h
                num[i] = (cell.loss(**up) - cell.loss(**dn)) / (2 * h)
            worst = max(worst, float(np.max(np.abs(num - g["d" + k]))))
        print(worst)
        """
        let worst = try Self.largestDifference(script, in: dir)
        #expect(worst < 1e-6, "largest difference from finite differences: \(worst)")
    }

    /// Every model of `Examples/models/`: its NumPy module's gradients against central finite
    /// differences computed here (each dimension a different small size).
    @Test func exampleModelsMatchFiniteDifferences() throws {
        guard Self.numpyAvailable else {
            print("skipped: python3 with numpy is not available")
            return
        }
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Examples/models")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let pass = try BackwardPass(ModelParser.parse(text))
            var sizes: [Symbol: Symbolic.Expression] = [:]
            for (k, d) in pass.model.dimensions.enumerated() { sizes[d] = Symbolic.Expression(2 + k) }
            func shape(_ s: Shape) -> String {
                "(\(PlainPrinter.string(s.rows.substituting(sizes))), \(PlainPrinter.string(s.columns.substituting(sizes))))"
            }
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-model-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try pass.numpy.write(to: dir.appendingPathComponent("model.py"), atomically: true, encoding: .utf8)
            let inputs = pass.model.declarations.map { "\"\($0.quantity.python)\": \(shape($0.shape))" }
            let script = """
            import numpy as np, model
            rng = np.random.default_rng(11)
            shapes = {\(inputs.joined(separator: ", "))}
            v = {k: rng.normal(size=s) for k, s in shapes.items()}
            g = model.gradients(**v)
            worst = 0.0
            for k in shapes:
                if "d" + k not in g: continue
                num = np.zeros(shapes[k])
                for i in np.ndindex(*shapes[k]):
                    h = 1e-6
                    up = dict(v); up[k] = v[k].copy(); up[k][i] += h
                    dn = dict(v); dn[k] = v[k].copy(); dn[k][i] -= h
                    num[i] = (model.loss(**up) - model.loss(**dn)) / (2 * h)
                worst = max(worst, float(np.max(np.abs(num - g["d" + k]))))
            print(worst)
            """
            let worst = try Self.largestDifference(script, in: dir)
            #expect(worst < 1e-6, "\(file): largest difference from finite differences \(worst)")
        }
    }

    /// The NumPy module's conventions: 1-D vectors, a batch in the columns (a bias's gradient
    /// summed over it), a 1 × 1 loss as a float, an input named `v`, and its own `check`.
    @Test func numpyModuleTakesVectorsAndBatches() throws {
        guard Self.numpyAvailable else {
            print("skipped: python3 with numpy is not available")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-numpy-conventions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try pass("lstm").numpy.write(to: dir.appendingPathComponent("lstm.py"), atomically: true, encoding: .utf8)
        let dot = try GradientRequest(expression: "u^T v", shapes: [("u", "n"), ("v", "n")], variables: []).derive()
        try dot.numpy.write(to: dir.appendingPathComponent("dot.py"), atomically: true, encoding: .utf8)
        let script = """
        import numpy as np, lstm, dot
        rng = np.random.default_rng(3)
        na, nx, ny, m = 3, 2, 2, 4
        v = dict(a_prev=rng.normal(size=(na, m)), c_prev=rng.normal(size=(na, m)), x=rng.normal(size=(nx, m)),
                 y=np.abs(rng.normal(size=(ny, m))), da_next=rng.normal(size=(na, m)), dc_next=rng.normal(size=(na, m)),
                 W_y=rng.normal(size=(ny, na)), b_y=rng.normal(size=(ny, 1)))
        for gate in "fuco":
            v["W_" + gate] = rng.normal(size=(na, na + nx)); v["b_" + gate] = rng.normal(size=(na, 1))
        v["y"] /= v["y"].sum(axis=0, keepdims=True)
        g = lstm.gradients(**v)
        assert g["db_f"].shape == (na, 1) and g["dW_f"].shape == (na, na + nx) and g["dx"].shape == (nx, m)
        batch = lstm.check(**v)
        one = {k: (a[:, 0] if a.shape[1] == m else a[:, 0] if k.startswith("b_") else a) for k, a in v.items()}
        g1 = lstm.gradients(**one)
        assert g1["dx"].shape == (nx,) and g1["db_f"].shape == (na,)
        single = lstm.check(**one)
        u, w = rng.normal(size=3), rng.normal(size=3)
        assert isinstance(dot.loss(u=u, v=w), float)
        print(max(batch, single, dot.check(u=u, v=w)))
        """
        let worst = try Self.largestDifference(script, in: dir)
        #expect(worst < 1e-6)
    }

    /// Whether python3 with NumPy runs here (the NumPy tests are skipped otherwise).
    static let numpyAvailable: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import numpy"]
        probe.standardError = FileHandle.nullDevice
        do { try probe.run(); probe.waitUntilExit() } catch { return false }
        return probe.terminationStatus == 0
    }()

    /// Runs `script` (which prints one number, a largest difference) in `dir`; the number.
    static func largestDifference(_ script: String, in dir: URL) throws -> Double {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", script]
        run.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        run.standardOutput = out
        run.standardError = err
        try run.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "the Python script failed: \(errors)")
        return try #require(Double(text), "unexpected output: \(text) \(errors)")
    }

    func pythonShape(_ s: Shape) -> String {
        let sizes = BackwardPassTests.sizes.mapValues { Symbolic.Expression($0) }
        let r = PlainPrinter.string(s.rows.substituting(sizes)), c = PlainPrinter.string(s.columns.substituting(sizes))
        return "(\(r), \(c))"
    }
}
