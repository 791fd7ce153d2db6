public import ParleyHTTPClient
public import ParleyProtocol

/// Why a call to a remote agent failed. Each names the URL it called, so a transcript says which agent and
/// which step went wrong.
public enum RemoteAgentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL is not an absolute `http://` or `https://` URL with a host.
    case invalidURL(String)
    /// No complete HTTP answer: refused, unresolvable, timed out, TLS, a broken connection, or a body too large.
    case transport(url: String, HTTPClientError)
    /// The agent answered with an API error (its ``APIError`` code and status).
    case rejected(url: String, status: Int, APIError)
    /// The agent answered with a status that is not 2xx and a body that is not an API error.
    case unexpectedStatus(url: String, status: Int, body: String)
    /// The agent answered 2xx with a body that is not the expected message.
    case unreadableReply(url: String, WireError)
    /// The agent answered for another session or turn than the one asked.
    case mismatchedReply(url: String, String)

    /// A stable code: `invalid_url`, `transport`, `rejected`, `unexpected_status`, `unreadable_reply` or `mismatched_reply`.
    public var code: String {
        switch self {
        case .invalidURL: "invalid_url"
        case .transport: "transport"
        case .rejected: "rejected"
        case .unexpectedStatus: "unexpected_status"
        case .unreadableReply: "unreadable_reply"
        case .mismatchedReply: "mismatched_reply"
        }
    }

    /// For people and transcripts.
    public var description: String {
        switch self {
        case .invalidURL(let url): "'\(url)' is not a remote agent URL; write http://HOST:PORT or https://HOST[:PORT][/PREFIX]"
        case .transport(let url, let error): "remote agent at \(url): \(error)"
        case .rejected(let url, let status, let error): "remote agent at \(url) answered \(status) \(error)"
        case .unexpectedStatus(let url, let status, let body): "remote agent at \(url) answered \(status)" + (body.isEmpty ? "" : ": \(body)")
        case .unreadableReply(let url, let error): "remote agent at \(url) sent an unreadable reply: \(error)"
        case .mismatchedReply(let url, let detail): "remote agent at \(url) sent a reply for \(detail)"
        }
    }
}
