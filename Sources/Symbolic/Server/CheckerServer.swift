import Foundation
import Hummingbird
import SymbolicCore
import SymbolicVerification
import SymbolicReports

/// `derive serve`: one page where a derivation is pasted and checked as it is typed, and
/// `POST /api/verify`, which answers with the `verify --format json` schema (or the annotated
/// PDF with `?format=pdf`).
///
/// Safe by construction: it binds to 127.0.0.1 unless told otherwise; a request body is at most
/// `Limits.maximumBody` bytes; at most `Limits.concurrentChecks` checks run at once and a check
/// past `Limits.checkSeconds` is answered 503; pasted text is only ever data (JSON out, escaped by
/// the page, KaTeX with `trust: false`); the only files it reads are KaTeX's, chosen from a list
/// made at start, never from a name in a request.
public struct CheckerServer: Sendable {
    public struct Limits: Sendable {
        public var maximumBody = 1 << 20
        public var concurrentChecks = 4
        public var checkSeconds = 10.0
        /// What is kept to check an edit again from the block it touched (`IncrementalVerifier`):
        /// the runs of this many recent documents, each of at most `keptDocumentBytes`, and this
        /// many decisions of claims.
        public var keptRuns = 8
        public var keptDocumentBytes = 256 << 10
        public var keptDecisions = 4_096
        public init() {}
    }

    public let host: String
    public let port: Int
    public var limits = Limits()
    /// KaTeX's files by the path the page asks for (`katex.min.js`, `fonts/KaTeX_Main-Regular.woff2`).
    let katex: [String: String]

    public init(host: String = "127.0.0.1", port: Int = 8080, katexFolder: String = VerificationReport.katexFolder) {
        self.host = host
        self.port = port
        var files: [String: String] = [:]
        let kinds: Set<String> = ["js", "css", "woff2", "woff", "ttf"]
        for name in (FileManager.default.enumerator(atPath: katexFolder)?.allObjects as? [String]) ?? [] where kinds.contains((name as NSString).pathExtension) {
            files[name] = (katexFolder as NSString).appendingPathComponent(name)
        }
        katex = files
    }

    /// Whether KaTeX was found (the page then typesets math; without it, it shows the LaTeX).
    public var hasKaTeX: Bool { katex["katex.min.js"] != nil }

    /// Serves until the process is stopped (SIGINT, SIGTERM).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "derive"),
                              onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let gate = CheckGate(limit: limits.concurrentChecks)
        let limits = self.limits
        // One verifier for every request: an edit is checked again from the block it touched.
        let verifier = IncrementalVerifier(runsKept: limits.keptRuns, maximumKeptLength: limits.keptDocumentBytes, decisionsKept: limits.keptDecisions)
        let katex = self.katex
        router.get("/") { _, _ in Self.response(CheckerPage.html, type: "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in Self.response(CheckerPage.script, type: "text/javascript; charset=utf-8") }
        router.get("/katex/**") { request, context -> Response in
            let name = context.parameters.getCatchAll().joined(separator: "/")
            guard let path = katex[name], let data = FileManager.default.contents(atPath: path) else { return Response(status: .notFound) }
            let type = name.hasSuffix(".js") ? "text/javascript" : name.hasSuffix(".css") ? "text/css" : "font/" + (name as NSString).pathExtension
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=86400"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.post("/api/verify") { request, _ -> Response in
            var request = request
            let body: ByteBuffer
            do { body = try await request.collectBody(upTo: limits.maximumBody) } catch {
                return Self.error(.contentTooLarge, "the document is larger than \(limits.maximumBody) bytes")
            }
            let text = String(buffer: body)
            let query = request.uri.queryParameters
            let pdf = query["format"] == "pdf"
            let language = query["lang"].flatMap { ReportLanguage(rawValue: String($0)) } ?? ReportLanguage.detect(text)
            guard await gate.enter() else { return Self.error(.serviceUnavailable, "too many checks at once; try again") }
            defer { Task { await gate.leave() } }
            let work = Task.detached { () -> Result<Data, CheckFailure> in
                let report = verifier.verify(text, file: "pasted")
                guard pdf else { return .success(Data(report.json.utf8)) }
                do {
                    return .success(try TeXEngine(language.engine, timeLimit: 60).pdf(from: report.annotatedLaTeX(source: text, language: language)))
                } catch {
                    return .failure(CheckFailure(message: "the PDF could not be made: \(error)"))
                }
            }
            let seconds = pdf ? 90.0 : limits.checkSeconds
            let result = await withTaskGroup(of: Result<Data, CheckFailure>?.self) { group in
                group.addTask { await work.value }
                group.addTask { try? await Task.sleep(for: .seconds(seconds)); return nil }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
            switch result {
            case .success(let data)?:
                return Response(status: .ok, headers: [.contentType: pdf ? "application/pdf" : "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(bytes: data)))
            case .failure(let f)?: return Self.error(.internalServerError, f.message)
            case nil: return Self.error(.serviceUnavailable, "the check took longer than \(Int(seconds)) s")
            }
        }
        return router
    }

    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .init("Content-Security-Policy")!: CheckerPage.contentSecurityPolicy],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let json = "{\"error\":\"" + message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"}"
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

struct CheckFailure: Error, Sendable { let message: String }

/// At most `limit` checks at once; others wait their turn, up to `maximumWaiting` of them (past
/// that a request is answered 503 at once, so memory stays bounded under load).
actor CheckGate {
    let limit: Int
    let maximumWaiting = 256
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []
    init(limit: Int) { self.limit = limit }
    func enter() async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        guard waiting.count < maximumWaiting else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }
    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
