import Foundation
import Hummingbird
import Logging
import NIOCore
import ParleyServer
import Synchronization

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
