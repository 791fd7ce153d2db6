public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore

/// A Hummingbird server running in the background on a bound port, until ``stop()``.
///
/// `RunningServer.start(router:host:port:)` returns once the port is bound, so a caller that asked for port 0
/// learns the port the system chose. Tests start servers this way on free loopback ports.
public final class RunningServer: Sendable {
    /// The host the server listens on.
    public let host: String
    /// The port it is bound to.
    public let port: Int
    private let task: Task<Void, any Error>

    private init(host: String, port: Int, task: Task<Void, any Error>) {
        self.host = host
        self.port = port
        self.task = task
    }

    /// `http://host:port`.
    public var url: String { "http://\(host):\(port)" }

    /// Starts serving a router; port 0 picks a free port. With `handlingSignals`, SIGINT and SIGTERM stop the
    /// server gracefully (for `parley serve`). Throws when the address cannot be bound. `limits` bound the
    /// connections: how many are open at once, and how long each may take to send a request.
    ///
    /// Each connection is handled on its own event loop, not on Swift's cooperative pool (``EventLoopBoundChannel``).
    public static func start(
        router: Router<BasicRequestContext>, host: String = "127.0.0.1", port: Int = 0, limits: ConnectionLimits = ConnectionLimits(),
        handlingSignals: Bool = false, logger: Logger
    ) async throws -> RunningServer {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let channel = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                RequestReadDeadline(first: limits.requestTimeout, between: limits.keepAliveTimeout), MalformedRequestAnswer(),
            ]
        )
        let application = Application(
            router: router,
            server: HTTPServerBuilder { responder in EventLoopBoundChannel(inner: HTTP1Channel(responder: responder, configuration: channel)) },
            configuration: .init(
                address: .hostname(host, port: port), serverName: nil, availableConnectionsDelegate: MaximumAvailableConnections(limits.maximumConnections)
            ),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? port)
            },
            logger: logger
        )
        let task = Task {
            defer { portSink.finish() }
            if handlingSignals {
                try await application.runService()
            } else {
                try await application.run()
            }
        }
        for await bound in ports {
            return RunningServer(host: host, port: bound, task: task)
        }
        // The stream ended without a port: the server failed to start.
        try await task.value
        throw CancellationError()
    }

    /// Stops accepting, closes connections, and waits for the server to finish.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Runs `body` with this server, then stops the server, whether `body` returns or throws.
    public func stopping<T>(after body: (RunningServer) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }

    /// Waits until the server stops (by a signal when it handles them, or by ``stop()``).
    public func wait() async throws {
        try await task.value
    }
}
