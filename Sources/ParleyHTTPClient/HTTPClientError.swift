import Foundation
public import ParleyProtocol

/// Why an HTTP exchange failed: a stable ``code`` for each kind, the details that kind has, and a message.
///
/// A struct with open codes, so a new kind of failure is a new code: match on ``code``, not on the message.
public struct HTTPClientError: CodedError, Hashable {
    /// Stable codes: `connection_refused`, `host_not_found`, `timed_out`, `tls`, `connection_lost`,
    /// `body_too_large`, `http_status`, `invalid_url`, `cancelled`, `transport`.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Nothing accepted the connection: the server is not running on that port, or a firewall refused it.
        public static let connectionRefused = Code(rawValue: "connection_refused")
        /// The host name could not be resolved.
        public static let hostNotFound = Code(rawValue: "host_not_found")
        /// The transfer did not finish within its time limit.
        public static let timedOut = Code(rawValue: "timed_out")
        /// The TLS handshake failed or the server's certificate did not verify.
        public static let tls = Code(rawValue: "tls")
        /// The connection broke while sending or receiving, or the server closed it without answering.
        public static let connectionLost = Code(rawValue: "connection_lost")
        /// The response body exceeded the client's limit.
        public static let bodyTooLarge = Code(rawValue: "body_too_large")
        /// The server answered with a status that is not 2xx.
        public static let status = Code(rawValue: "http_status")
        /// The URL is not an absolute `http://` or `https://` URL.
        public static let invalidURL = Code(rawValue: "invalid_url")
        /// The task waiting for the response was cancelled, or the client was shut down.
        public static let cancelled = Code(rawValue: "cancelled")
        /// Any other transfer failure.
        public static let transport = Code(rawValue: "transport")
    }

    /// What kind of failure.
    public var code: Code
    /// For people.
    public var message: String
    /// The limit that ran out, for ``Code/timedOut``.
    public var timeLimit: Duration?
    /// The HTTP status, for ``Code/status``.
    public var status: Int?

    private init(_ code: Code, _ message: String, timeLimit: Duration? = nil, status: Int? = nil) {
        self.code = code
        self.message = message
        self.timeLimit = timeLimit
        self.status = status
    }

    /// Nothing accepted the connection.
    public static func connectionRefused(_ detail: String) -> Self { Self(.connectionRefused, "connection refused (\(detail))") }
    /// The host name could not be resolved.
    public static func hostNotFound(_ detail: String) -> Self { Self(.hostNotFound, "host not found (\(detail))") }
    /// The transfer did not finish within `limit`.
    public static func timedOut(_ limit: Duration) -> Self { Self(.timedOut, "no complete answer within \(limit)", timeLimit: limit) }
    /// The TLS handshake failed or the certificate did not verify.
    public static func tls(_ detail: String) -> Self { Self(.tls, "TLS failed (\(detail))") }
    /// The connection broke.
    public static func connectionLost(_ detail: String) -> Self { Self(.connectionLost, "connection lost (\(detail))") }
    /// The response body exceeded `limit` bytes.
    public static func bodyTooLarge(limit: Int) -> Self { Self(.bodyTooLarge, "the response body is larger than \(limit) bytes") }
    /// The server answered `status`, with the first bytes of its body.
    public static func status(_ status: Int, body: String) -> Self {
        Self(.status, "HTTP \(status)" + (body.isEmpty ? "" : ": \(body)"), status: status)
    }
    /// The URL is not an absolute `http://` or `https://` URL.
    public static func invalidURL(_ url: String) -> Self { Self(.invalidURL, "'\(url)' is not an http:// or https:// URL") }
    /// The wait was cancelled.
    public static let cancelled = Self(.cancelled, "cancelled")
    /// Any other transfer failure, with libcurl's error number and message.
    public static func transport(code: Int, message: String) -> Self { Self(.transport, "transfer failed (curl \(code): \(message))") }

    /// Whether repeating an idempotent request may succeed: the connection failed before or while it was used.
    /// A timeout is not retried (the time is spent), nor is any answer the server gave.
    public var isRetryable: Bool { code == .connectionLost || code == .connectionRefused }

    /// The message.
    public var description: String { message }

    /// The first 500 bytes of a body as text, for error messages.
    static func excerpt(of body: Data) -> String {
        let text = String(decoding: body.prefix(500), as: UTF8.self)
        return body.count > 500 ? text + "…" : text
    }
}
