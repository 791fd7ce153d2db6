import Hummingbird
import Logging
import ParleyServer

/// The floor of a turn over HTTP: a Hummingbird server that only echoes the body it gets, on the same server setup as
/// Parley's agent server. `../shared/FACTS.md` measured about 150 µs per request for this.
enum BareEchoServer {
    static func start(logger: Logger) async throws -> RunningServer {
        let router = Router()
        router.post("/echo") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
        }
        return try await RunningServer.start(router: router, logger: logger)
    }
}
