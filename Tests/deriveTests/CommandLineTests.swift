import Foundation
import Testing

/// Runs the built `derive` executable as a user would.
struct CLI {
    static let executable: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("derive").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("derive")
    }()

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let s = stdin { input.fileHandleForWriting.write(Data(s.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

@Suite struct CommandLineTests {
    /// `derive grade`: a folder of submissions, a key, the files a grader needs, nothing pasted run.
    @Test func gradeWritesTheClassFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-grade-\(UUID().uuidString)")
        let subs = dir.appendingPathComponent("subs"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: subs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = "## Q1\n\n$$2 + 2 = 4$$\n\n## Q2\n\n$$(x+1)^2 = x^2 + 2x + 1$$\n"
        try Data(key.utf8).write(to: dir.appendingPathComponent("key.md"))
        try Data(key.utf8).write(to: subs.appendingPathComponent("ana.md"))
        try Data("## Q1\n\n$$2 + 2 = 5$$\n\n## Q2\n\n$$(x+1)^2 = x^2 + 1$$\n<script>alert(1)</script>\n".utf8).write(to: subs.appendingPathComponent("ben.md"))
        let r = try CLI.run(["grade", subs.path, "--key", dir.appendingPathComponent("key.md").path, "-o", out.path, "--no-pdf"])
        #expect(r.status == 0, "\(r.err)")
        let csv = try String(contentsOf: out.appendingPathComponent("grades.csv"), encoding: .utf8)
        #expect(csv.contains("ana,2,0,0,0,,1,0,0,yes,1,0,0,yes") && csv.contains("ben,0,2,0,0,3,0,1,0,no,0,1,0,no"), "\(csv)")
        for f in ["verify.json", "report.html", "results.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("ben/\(f)").path), "\(f)")
        }
        let html = try String(contentsOf: out.appendingPathComponent("ben/report.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("katex/render.js").path))
    }

    /// An empty file says so (status 2); a folder is checked document by document.
    @Test func emptyFilesAndFolders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data().write(to: dir.appendingPathComponent("a-empty.md"))
        try Data("$$x + x = 2x$$\n".utf8).write(to: dir.appendingPathComponent("b.md"))
        try Data("$$2 + 2 = 5$$\n".utf8).write(to: dir.appendingPathComponent("c.tex"))
        try Data("not a document".utf8).write(to: dir.appendingPathComponent("d.png"))
        let empty = try CLI.run(["verify", dir.appendingPathComponent("a-empty.md").path])
        #expect(empty.status == 2 && empty.err.contains("the file is empty"), "\(empty.err)")
        let folder = try CLI.run(["verify", dir.path])
        #expect(folder.out.contains("b.md:1  valid") && folder.out.contains("c.tex:1  invalid") && !folder.out.contains("d.png"), "\(folder.out)")
        #expect(folder.status == 1 && folder.err.contains("a-empty.md: the file is empty"))
    }

    @Test func helpListsSubcommands() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for sub in ["expand", "diff", "simplify", "eval", "equivalent", "verify"] { #expect(r.out.contains(sub)) }
        for sub in ["expand", "diff", "simplify", "eval", "equivalent", "verify"] {
            let h = try CLI.run([sub, "--help"])
            #expect(h.status == 0 && h.out.contains("USAGE"))
        }
    }

    @Test func gradOfAQuadraticForm() throws {
        let r = try CLI.run(["grad", "x^T A x", "--wrt", "x", "--shape", "A=n,n", "--shape", "x=n"])
        #expect(r.status == 0)
        #expect(r.out == "dx = A @ x + A^T @ x\n")
        let ls = try CLI.run(["grad", "-", "--wrt", "w", "--shape", "X=n,d", "--shape", "w=d", "--shape", "y=n", "--json"], stdin: "(X w - y)^T (X w - y)")
        #expect(ls.status == 0 && ls.out.contains("\"plain\" : \"2*X^T @ (X @ w - y)\""), "\(ls.out)")
        // Not a scalar, or a name without a shape: one line, status 2.
        let bad = try CLI.run(["grad", "x", "--shape", "x=n"])
        #expect(bad.status == 2 && bad.err.split(separator: "\n").count == 1, "\(bad.err)")
        let unknown = try CLI.run(["grad", "x^T B", "--shape", "x=n"])
        #expect(unknown.status == 2 && unknown.err.contains("B"))
    }

    @Test func backpropagationByNumbers() throws {
        let at = ["x1=1", "x2=2", "x3=-1", "x4=0", "y=1", "w1=1", "w2=-0.25", "w3=0", "w4=1", "w5=2", "w6=-1"].flatMap { ["--at", $0] }
        let r = try CLI.run(["backward", "Examples/models/relu-network.txt"] + at)
        #expect(r.status == 0 && r.out.contains("  dw1 = -3/2\n"), "\(r.out) \(r.err)")
        let missing = try CLI.run(["backward", "Examples/models/relu-network.txt", "--at", "x1=1"])
        #expect(missing.status == 2 && missing.err.split(separator: "\n").count == 1, "\(missing.err)")
    }

    @Test func pcaOfTheSeedsData() throws {
        let r = try CLI.run(["pca", "--data", "-", "--convention", "n"], stdin: "4 1\n2 3\n5 4\n1 0\n")
        #expect(r.status == 0 && r.out.contains("\\lambda_{1} = 4)") && r.out.contains("\\lambda_{2} = 1)"), "\(r.out)")
        let bad = try CLI.run(["pca", "--data", "-"], stdin: "1 2\n3\n")
        #expect(bad.status == 2 && bad.err.contains("line 2"), "\(bad.err)")
    }

    @Test func hessianOfAQuadraticForm() throws {
        let r = try CLI.run(["hessian", "x^T A x", "--wrt", "x", "--shape", "A=n,n", "--shape", "x=n"])
        #expect(r.status == 0 && r.out == "H = A + A^T\n", "\(r.out)")
        let ls = try CLI.run(["hessian", "-", "--wrt", "w", "--shape", "X=n,d", "--shape", "w=d", "--shape", "y=n", "--json"], stdin: "(X w - y)^T (X w - y)")
        #expect(ls.status == 0 && ls.out.contains("\"hessian\" : \"2*X^T @ X\""), "\(ls.out)")
        let matrix = try CLI.run(["hessian", "x^T A x", "--wrt", "A", "--shape", "A=n,n", "--shape", "x=n"])
        #expect(matrix.status == 2 && matrix.err.split(separator: "\n").count == 1, "\(matrix.err)")
    }

    @Test func expandDiffSimplify() throws {
        #expect(try CLI.run(["expand", "(x+y)^2"]).out == "x^2 + 2*x*y + y^2\n")
        #expect(try CLI.run(["expand", "(x+y)^2", "--latex"]).out == "x^{2} + 2 x y + y^{2}\n")
        #expect(try CLI.run(["diff", "tanh(x)", "--wrt", "x", "--latex"]).out == "1 - \\tanh^{2}(x)\n")
        #expect(try CLI.run(["diff", "x^5", "--wrt", "x", "--times", "2"]).out == "20*x^3\n")
        #expect(try CLI.run(["simplify", "sin(x)^2 + cos(x)^2"]).out == "1\n")
        #expect(try CLI.run(["expand", "-"], stdin: "(a-b)*(a+b)\n").out == "a^2 - b^2\n")
        #expect(try CLI.run(["expand", "-x^2", "--latex"]).out == "-x^{2}\n")
        #expect(try CLI.run(["expand", "1/(1+exp(-x))", "--latex"]).out == "\\frac{1}{1 + e^{-x}}\n")
    }

    @Test func evalAndEquivalent() throws {
        #expect(try CLI.run(["eval", "x^2 + y", "--at", "x=1/2", "--at", "y=3"]).out == "13/4\n")
        #expect(try CLI.run(["eval", "cos(x)", "--at", "x=pi/3"]).out == "1/2\n")
        let equal = try CLI.run(["equivalent", "tanh(x)", "2*sigmoid(2*x) - 1"])
        #expect(equal.status == 0 && equal.out.hasPrefix("equal"))
        let different = try CLI.run(["equivalent", "sqrt(x^2)", "x"])
        #expect(different.status == 1 && different.out.hasPrefix("different"))
        let bad = try CLI.run(["eval", "x", "--at", "x"])
        #expect(bad.status == 2 && bad.err == "error: --at x: expected name=value\n")
    }

    @Test func jsonOutput() throws {
        let r = try CLI.run(["expand", "(x+1)^2", "--json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: String])
        #expect(obj["result"] == "x^2 + 2*x + 1")
        #expect(obj["latex"] == "x^{2} + 2 x + 1")
    }

    @Test func badInputIsOneLineWithColumnAndStatus2() throws {
        let r = try CLI.run(["expand", "(x+"])
        #expect(r.status == 2)
        #expect(r.err == "error: column 4: expression ends too early\n")
        let missing = try CLI.run(["expand"])
        #expect(missing.status == 2 && missing.err.split(separator: "\n").count == 1)
        let wrt = try CLI.run(["diff", "x", "--wrt", "x+1"])
        #expect(wrt.status == 2 && wrt.err.hasPrefix("error: "))
        let file = try CLI.run(["verify", "/nonexistent/file.md"])
        #expect(file.status == 2 && file.err.hasPrefix("error: cannot read /nonexistent/file.md"))
    }

    @Test func verifyManyFilesAsJSONLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.md"), b = dir.appendingPathComponent("b.md")
        try "$$1 + 1 = 2$$".write(to: a, atomically: true, encoding: .utf8)
        try "$$2 + 2 = 5$$".write(to: b, atomically: true, encoding: .utf8)
        let r = try CLI.run(["verify", a.path, b.path, "--format", "json"])
        #expect(r.status == 1)
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect((second["summary"] as? [String: Int])?["invalid"] == 1)
    }

    @Test func verifyExitStatus() throws {
        let bad = try CLI.run(["verify", "-"], stdin: "$$2 + 2 = 5$$")
        #expect(bad.status == 1)
        #expect(bad.out.contains("<stdin>:1  invalid"))
        let good = try CLI.run(["verify", "-", "--format", "json"], stdin: "$$2 + 2 = 4$$")
        #expect(good.status == 0)
        #expect(good.out.contains("\"verdict\" : \"valid\""))
        let notes = try CLI.run(["verify", "-", "--notes"], stdin: "$$x = 2$$\n\n$$2 + 2 = 4$$")
        #expect(notes.out.hasPrefix("<stdin>:1  note  definition of x\n<stdin>:3  valid"))
        let latex = try CLI.run(["verify", "-", "--format", "latex"], stdin: "$$2 + 2 = 4$$")
        #expect(latex.out.contains("\\checkmark"))
    }

    @Test func canonicalFormsDoNotDependOnTheHashSeed() throws {
        // cos(sinh(x)) overflowed the stack in about one run in ten: the order of a sum came
        // from a hash map, and the parity rule then looped between u and -u.
        for expression in ["cos(sinh(x))", "sin(sinh(x))", "sec(sinh(x))"] {
            var outputs = Set<String>()
            for _ in 0..<12 {
                let r = try CLI.run(["simplify", expression])
                #expect(r.status == 0, "\(expression): \(r.err)")
                outputs.insert(r.out)
            }
            #expect(outputs == [expression + "\n"])
        }
        #expect(try CLI.run(["diff", "cos(sinh(x))", "--wrt", "x"]).out == "-cosh(x)*sin(sinh(x))\n")
        #expect(try CLI.run(["eval", "sin(sinh(x))", "--at", "x=1"]).out == "sin(sinh(1))\n")
    }

    @Test func hugePowersStayPowers() throws {
        let expand = try CLI.run(["expand", "(2*x)^100000000000"])
        #expect(expand.status == 2 && expand.err == "error: the expansion could have more than 1000000 terms, a degree above 1048576 or more than 2147483648 bits of coefficients; not attempted\n")
        #expect(try CLI.run(["simplify", "(2*x)^100000000000"]).out == "(2*x)^100000000000\n")
        #expect(try CLI.run(["eval", "(4*z)^(10^10)", "--at", "z=3"]).out == "12^10000000000\n")
        let root = try CLI.run(["simplify", "sqrt(2^(2^20))"])
        #expect(root.status == 0 && root.out.hasPrefix("25963705678310007761") && root.out.hasSuffix("14364528226185773056\n"))
        for e in ["(x + y)^10000000", "(x + 1)^1000000", "(2^1000*x + 1)^3000", "(x + y + z + 1)^300", "(2^100000*x)^1000"] {
            let expansion = try CLI.run(["expand", e])
            #expect(expansion.status == 2 && expansion.err.hasPrefix("error: the expansion could have more than 1000000 terms"), "\(e)")
        }
        #expect(try CLI.run(["expand", "(x + 1)^3"]).out == "x^3 + 3*x^2 + 3*x + 1\n")
        // A function's argument too large to expand stays as it is.
        #expect(try CLI.run(["expand", "sin((x + 1)^1000000) + (x + 1)^2"]).out == "x^2 + 2*x + sin((x + 1)^1000000) + 1\n")
    }

    @Test func negativeExpressionsAreArguments() throws {
        let r = try CLI.run(["equivalent", "x", "-x"])
        #expect(r.status == 1 && r.out.hasPrefix("different"))
        let same = try CLI.run(["equivalent", "-x", "-(x)", "--json"])
        #expect(same.status == 0 && same.out.contains("\"equal\""))
        let one = try CLI.run(["equivalent", "-x"])
        #expect(one.status == 2 && one.err.contains("give two expressions"))
        let option = try CLI.run(["equivalent", "x", "x", "--jsn"])
        #expect(option.status == 2 && option.err.contains("unknown option '--jsn'"))
    }

    @Test func nonUTF8FilesNameTheFirstBadByte() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("latin1.md")
        var bytes = Array("$$1 + 1 = 2$$\ncaf".utf8)
        bytes.append(0xE9)  // é in Latin-1
        bytes += Array(" $$x$$\n".utf8)
        try Data(bytes).write(to: file)
        let r = try CLI.run(["verify", file.path])
        #expect(r.status == 2)
        #expect(r.err == "error: \(file.path): not UTF-8 text: invalid byte 0xE9 at offset 17 (line 2)\n")
        let piped = try CLI.run(["verify", "-"], stdin: "ok")
        #expect(piped.status == 0)
    }

    @Test func derivativesThatGrowTooLargeAreReported() throws {
        // The first derivative of a product of 460 factors has about 460² nodes.
        let product = (1...460).map { "sin(\($0)*x)" }.joined(separator: "*")
        let r = try CLI.run(["diff", product, "--wrt", "x", "--times", "2"])
        #expect(r.status == 2 && r.err == "error: the derivative of order 1 has more than 200000 nodes; order 2 not computed\n")
        #expect(try CLI.run(["diff", "f(x)", "--wrt", "x", "--times", "1000"]).out == "diff(f(x), x, 1000)\n")
        #expect(try CLI.run(["diff", "x^3", "--wrt", "x", "--times", "1000"]).out == "0\n")
    }
}
