import Foundation

/// An HTTP/1.1 client on libcurl, for talking to remote agents and model endpoints.
///
/// One client drives all its transfers from one dedicated thread through a libcurl multi handle, so blocking
/// network work never runs on Swift's cooperative thread pool, any number of requests can be in flight, and
/// connections are kept alive and reused per host. Create one client and share it; it is `Sendable`.
///
/// ```swift
/// let client = HTTPClient()
/// let response = try await client.send(HTTPRequest(method: .get, url: "http://127.0.0.1:8081/health"))
/// ```
///
/// HTTPS uses libcurl's normal certificate and host-name checks against the system's trust store. A response of
/// any status is returned; call ``HTTPResponse/checked()`` to turn a non-2xx status into an error. Cancelling
/// the waiting task aborts the transfer.
public final class HTTPClient: Sendable {
    /// Limits that apply to every request.
    public struct Configuration: Sendable, Hashable {
        /// How long establishing a connection (TCP and TLS) may take.
        public var connectTimeout: Duration
        /// How long a whole transfer may take, unless the request sets its own limit.
        public var requestTimeout: Duration
        /// The largest response body accepted, in bytes.
        public var maximumResponseBytes: Int
        /// How many idle connections are kept open for reuse, across all hosts.
        public var maximumIdleConnections: Int
        /// The `User-Agent` header.
        public var userAgent: String

        /// Creates a configuration; the defaults suit agents on a local network.
        public init(
            connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(30),
            maximumResponseBytes: Int = 8 << 20, maximumIdleConnections: Int = 64, userAgent: String = "parley/1"
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maximumResponseBytes = maximumResponseBytes
            self.maximumIdleConnections = maximumIdleConnections
            self.userAgent = userAgent
        }
    }

    /// The limits.
    public let configuration: Configuration
    /// The transfer thread (internal, for tests).
    let loop: CurlLoop

    /// Creates a client. Its thread starts with the first request.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.loop = CurlLoop(configuration: configuration)
    }

    deinit {
        loop.stop()
    }

    /// The transfer thread, as a task executor.
    ///
    /// A task that makes request after request can prefer this executor (`withTaskExecutorPreference`): each
    /// response then resumes it on the transfer thread itself, and its next request starts there, without waking
    /// another thread. Work in between runs on that thread too, so keep it short. Like every task executor, it is a
    /// preference: Swift's runtime may still run some of the task's work on its global executor. Once the client is
    /// gone and its thread has ended, the executor runs what it is given on Dispatch's global queue.
    public var executor: any TaskExecutor { loop }

    /// Sends a request and waits for the complete response, of any status.
    ///
    /// Throws ``HTTPClientError`` when no complete response arrived: refused, unresolvable, timed out, TLS
    /// failure, a broken connection, a body over the limit, or cancellation.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        guard request.url.hasPrefix("http://") || request.url.hasPrefix("https://") else { throw .invalidURL(request.url) }
        let loop = loop
        let id = loop.nextID()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) in
                loop.submit(PendingTransfer(id: id, request: request, continuation: continuation))
                if Task.isCancelled { loop.cancel(id) }
            }
        } onCancel: {
            loop.cancel(id)
        }
        return try result.get()
    }

    /// Sends a request and returns the response if its status is 2xx; otherwise throws ``HTTPClientError/status(_:body:)``.
    public func sendChecked(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        try await send(request).checked()
    }
}
