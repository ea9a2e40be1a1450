import ArgumentParser
import Foundation
import Synchronization
import SymbolicServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A checker in the browser: paste or drop a derivation and see each step marked as you type; POST /api/verify for tools.",
        discussion: """
        Serves http://HOST:PORT/ (127.0.0.1 unless --host says otherwise). POST /api/verify with the \
        document as the body (text/markdown or text/plain) answers with the verify --format json \
        schema; ?format=pdf gives the annotated PDF, ?lang=en|fa its language. Limits: 1 MB a \
        request, 4 checks at once (others wait), 10 s a check. Math is typeset in the page by KaTeX \
        from Debian's libjs-katex when it is installed (no CDN).
        """
    )

    @Option(name: .long, help: "The port (default 8080; 0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to bind (default 127.0.0.1: this machine only).")
    var host: String = "127.0.0.1"

    func run() throws {
        guard (0...65535).contains(port) else { throw InputError(description: "--port must be between 0 and 65535") }
        let server = CheckerServer(host: host, port: port)
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let katex = server.hasKaTeX
        Task {
            do {
                try await server.run { port in
                    let line = "derive serve: http://\(host):\(port)/\(katex ? "" : " (KaTeX not found: apt install libjs-katex for typeset math)") (Ctrl-C stops it)\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) { throw InputError(description: "serve: \(message)") }
    }
}
