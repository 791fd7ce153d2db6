import Foundation
import Hummingbird
import Logging
import NIOCore
@testable import ParleyHTTPClient
import ParleyServer
import Testing

/// The client's request type; Hummingbird, imported for the test server below, has one of the same name.
private typealias HTTPRequest = ParleyHTTPClient.HTTPRequest

@Suite("HTTP client over a real loopback server")
struct HTTPClientTests {
    @Test("GET and POST round trips carry method, headers and body")
    func roundTrips() async throws {
        try await TestServer.with { server in
            let client = HTTPClient()
            let hello = try await client.send(HTTPRequest(method: .get, url: server.url + "/hello"))
            #expect(hello.status == 200)
            #expect(String(decoding: hello.body, as: UTF8.self) == "hello")

            let body = Data(#"{"a":1}"#.utf8)
            let echo = try await client.send(
                HTTPRequest(method: .post, url: server.url + "/echo", headers: [HTTPHeaderField(name: "Authorization", value: "Bearer t0k")], body: body)
            )
            #expect(echo.status == 200)
            #expect(String(decoding: echo.body, as: UTF8.self) == "POST\napplication/json\nBearer t0k\n" + #"{"a":1}"#)
            #expect(echo.header("content-type") == "text/plain; charset=utf-8")
            #expect(echo.header("CONTENT-LENGTH") == "\(echo.body.count)")

            let deleted = try await client.send(HTTPRequest(method: .delete, url: server.url + "/thing"))
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
        }
    }

    /// A process that exits right after its client is gone must not race the transfer thread's clean-up (libcurl and
    /// OpenSSL torn down by exit handlers while the thread frees its handles crashed one `parley conformance` run in
    /// about a hundred): by the time the client's deinit returns, its thread has ended.
    @Test("A client's transfer thread has ended when the client is gone")
    func theThreadEndsWithTheClient() async throws {
        try await TestServer.with { server in
            var client: HTTPClient? = HTTPClient()
            let hello = try await client?.send(HTTPRequest(method: .get, url: server.url + "/hello"))
            #expect(hello?.status == 200)
            let loop = try #require(client?.loop)
            #expect(!loop.hasEnded)
            client = nil
            #expect(loop.hasEnded)
        }
    }

    @Test("One kept-alive connection serves many sequential requests")
    func reusesConnections() async throws {
        try await TestServer.with { server in
            let client = HTTPClient()
            var opened = 0
            for _ in 0..<200 {
                opened += try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/hello")).connectionsOpened
            }
            #expect(opened == 1)
        }
    }

    @Test("Requests run concurrently: eight requests that each wait for all eight complete")
    func concurrentRequests() async throws {
        try await TestServer.with(gathering: 8) { server in
            let client = HTTPClient()
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/gather", timeout: .seconds(10)))
                        return String(decoding: response.body, as: UTF8.self)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(bodies == Array(repeating: "together", count: 8))
        }
    }

    @Test("A non-2xx status comes back as a response, and as a typed error when checked")
    func statusErrors() async throws {
        try await TestServer.with { server in
            let client = HTTPClient()
            let response = try await client.send(HTTPRequest(method: .get, url: server.url + "/status/503"))
            #expect(response.status == 503)
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/status/500"))
            }
            #expect(error == .status(500, body: "status body 500"))
            #expect(error?.code.rawValue == "http_status" && error?.status == 500)
        }
    }

    @Test("Nothing listening: connection refused")
    func connectionRefused() async throws {
        let port = try await TestServer.closedPort()
        let error = await #expect(throws: HTTPClientError.self) {
            try await HTTPClient().send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/hello"))
        }
        guard error?.code == .connectionRefused else { Issue.record("expected connectionRefused, got \(String(describing: error))"); return }
        #expect(error?.isRetryable == true)
    }

    @Test("An unresolvable host: host not found")
    func hostNotFound() async throws {
        let error = await #expect(throws: HTTPClientError.self) {
            try await HTTPClient().send(HTTPRequest(method: .get, url: "http://parley-agent.invalid/health"))
        }
        guard error?.code == .hostNotFound else { Issue.record("expected hostNotFound, got \(String(describing: error))"); return }
    }

    @Test("A server that never answers: timed out at the request's limit")
    func timesOut() async throws {
        try await TestServer.with { server in
            let error = await #expect(throws: HTTPClientError.self) {
                try await HTTPClient().send(HTTPRequest(method: .get, url: server.url + "/hang", timeout: .milliseconds(200)))
            }
            #expect(error == .timedOut(.milliseconds(200)))
            #expect(error?.isRetryable == false)
        }
    }

    @Test("Cancelling the waiting task aborts the transfer")
    func cancellation() async throws {
        try await TestServer.with { server in
            let client = HTTPClient()
            let waiting = Task { try await client.send(HTTPRequest(method: .get, url: server.url + "/hang", timeout: .seconds(60))) }
            // Wait until the request is in flight on the server side is not observable; cancel at once and after a turn.
            await Task.yield()
            waiting.cancel()
            let result = await waiting.result
            #expect(throws: HTTPClientError.cancelled) { try result.get() }
            // The client still works after a cancelled transfer.
            let hello = try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/hello"))
            #expect(hello.status == 200)
        }
    }

    @Test("A body over the limit fails, with or without a Content-Length", arguments: ["/big", "/big-chunked"])
    func bodyTooLarge(path: String) async throws {
        try await TestServer.with { server in
            let client = HTTPClient(configuration: .init(maximumResponseBytes: 1000))
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(method: .get, url: server.url + path))
            }
            #expect(error == .bodyTooLarge(limit: 1000))
            let hello = try await client.sendChecked(HTTPRequest(method: .get, url: server.url + "/hello"))
            #expect(hello.body == Data("hello".utf8))
        }
    }

    @Test("HTTPS to a server that does not speak TLS fails as a TLS error")
    func tlsFailure() async throws {
        try await TestServer.with { server in
            let error = await #expect(throws: HTTPClientError.self) {
                try await HTTPClient().send(HTTPRequest(method: .get, url: "https://127.0.0.1:\(server.port)/hello", timeout: .seconds(5)))
            }
            guard error?.code == .tls else { Issue.record("expected tls, got \(String(describing: error))"); return }
        }
    }

    @Test("Only http and https URLs are accepted")
    func invalidURL() async throws {
        await #expect(throws: HTTPClientError.invalidURL("ftp://127.0.0.1/x")) {
            try await HTTPClient().send(HTTPRequest(method: .get, url: "ftp://127.0.0.1/x"))
        }
    }
}

/// A real Hummingbird server on a free loopback port, with routes for exercising the client.
enum TestServer {
    /// Starts the test routes; `arrivals` counts requests to `/gather`.
    static func start(gathering: Int = 8) async throws -> RunningServer {
        let router = Router()
        router.get("/hello") { _, _ in "hello" }
        router.post("/echo") { request, _ in
            // Echoes what arrived: method, content type, authorization and body, one per line.
            let body = try await request.body.collect(upTo: 1 << 20)
            let lines = ["\(request.method)", request.headers[.contentType] ?? "none", request.headers[.authorization] ?? "none", String(buffer: body)]
            return lines.joined(separator: "\n")
        }
        router.delete("/thing") { _, _ in Response(status: .noContent) }
        router.get("/status/:code") { _, context in
            let code = context.parameters.get("code", as: Int.self) ?? 500
            return Response(status: .init(code: code), body: ResponseBody(byteBuffer: ByteBuffer(string: "status body \(code)")))
        }
        router.get("/big") { _, _ in ByteBuffer(repeating: UInt8(ascii: "x"), count: 4096) }
        router.get("/big-chunked") { _, _ in
            Response(status: .ok, body: ResponseBody { writer in
                for _ in 0..<8 { try await writer.write(ByteBuffer(repeating: UInt8(ascii: "y"), count: 1024)) }
                try await writer.finish(nil)
            })
        }
        router.get("/hang") { _, _ in
            // A server that never answers: it waits until the server stops.
            try await Task.sleep(for: .seconds(3600))
            return "too late"
        }
        let barrier = Barrier(size: gathering)
        router.get("/gather") { _, _ in
            await barrier.arrive()
            return "together"
        }
        return try await RunningServer.start(router: router, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// Runs `body` against a started test server, and stops the server afterwards.
    static func with<T>(gathering: Int = 8, _ body: (RunningServer) async throws -> T) async throws -> T {
        try await start(gathering: gathering).stopping(after: body)
    }

    /// A port nothing listens on: bound by a server that is then stopped.
    static func closedPort() async throws -> Int {
        let server = try await RunningServer.start(router: Router(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        await server.stop()
        return server.port
    }
}

/// Holds every caller until `size` have arrived, then releases them all.
actor Barrier {
    private let size: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(size: Int) { self.size = size }

    func arrive() async {
        await withCheckedContinuation { continuation in
            waiting.append(continuation)
            if waiting.count >= size {
                for waiter in waiting { waiter.resume() }
                waiting.removeAll()
            }
        }
    }
}
