import Foundation

/// Why an HTTP exchange failed, with a stable ``code`` for each kind.
public enum HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing accepted the connection: the server is not running on that port, or a firewall refused it.
    case connectionRefused(String)
    /// The host name could not be resolved.
    case hostNotFound(String)
    /// The transfer did not finish within its time limit.
    case timedOut(Duration)
    /// The TLS handshake failed or the server's certificate did not verify.
    case tls(String)
    /// The connection broke while sending or receiving, or the server closed it without answering.
    case connectionLost(String)
    /// The response body exceeded the client's limit, in bytes.
    case bodyTooLarge(limit: Int)
    /// The server answered with a status that is not 2xx; the body's first bytes come with it.
    case status(Int, body: String)
    /// The URL is not an absolute `http://` or `https://` URL.
    case invalidURL(String)
    /// The task waiting for the response was cancelled, or the client was shut down.
    case cancelled
    /// Any other transfer failure, with libcurl's error number and message.
    case transport(code: Int, message: String)

    /// A stable code: `connection_refused`, `host_not_found`, `timed_out`, `tls`, `connection_lost`,
    /// `body_too_large`, `http_status`, `invalid_url`, `cancelled` or `transport`.
    public var code: String {
        switch self {
        case .connectionRefused: "connection_refused"
        case .hostNotFound: "host_not_found"
        case .timedOut: "timed_out"
        case .tls: "tls"
        case .connectionLost: "connection_lost"
        case .bodyTooLarge: "body_too_large"
        case .status: "http_status"
        case .invalidURL: "invalid_url"
        case .cancelled: "cancelled"
        case .transport: "transport"
        }
    }

    /// Whether repeating an idempotent request may succeed: the connection failed before or while it was used.
    /// A timeout is not retried (the time is spent), nor is any answer the server gave.
    public var isRetryable: Bool {
        switch self {
        case .connectionLost, .connectionRefused: true
        default: false
        }
    }

    /// For people.
    public var description: String {
        switch self {
        case .connectionRefused(let detail): "connection refused (\(detail))"
        case .hostNotFound(let detail): "host not found (\(detail))"
        case .timedOut(let limit): "no complete answer within \(limit)"
        case .tls(let detail): "TLS failed (\(detail))"
        case .connectionLost(let detail): "connection lost (\(detail))"
        case .bodyTooLarge(let limit): "the response body is larger than \(limit) bytes"
        case .status(let status, let body): "HTTP \(status)" + (body.isEmpty ? "" : ": \(body)")
        case .invalidURL(let url): "'\(url)' is not an http:// or https:// URL"
        case .cancelled: "cancelled"
        case .transport(let code, let message): "transfer failed (curl \(code): \(message))"
        }
    }

    /// The first 500 bytes of a body as text, for error messages.
    static func excerpt(of body: Data) -> String {
        let text = String(decoding: body.prefix(500), as: UTF8.self)
        return body.count > 500 ? text + "…" : text
    }
}
