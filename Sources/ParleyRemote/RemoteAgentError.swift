public import ParleyHTTPClient
public import ParleyProtocol

/// Why a call to a remote agent failed. Each names the URL it called, so a transcript says which agent and which
/// step went wrong; the details of its kind come with it (the transport failure, the status and API error).
public struct RemoteAgentError: CodedError, Hashable {
    /// Stable codes: `invalid_url`, `transport`, `rejected`, `unexpected_status`, `unreadable_reply`, `mismatched_reply`.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The URL is not an absolute `http://` or `https://` URL with a host.
        public static let invalidURL = Code(rawValue: "invalid_url")
        /// No complete HTTP answer: refused, unresolvable, timed out, TLS, a broken connection, or a body too large.
        public static let transport = Code(rawValue: "transport")
        /// The agent answered with an API error.
        public static let rejected = Code(rawValue: "rejected")
        /// The agent answered with a status that is not 2xx and a body that is not an API error.
        public static let unexpectedStatus = Code(rawValue: "unexpected_status")
        /// The agent answered 2xx with a body that is not the expected message.
        public static let unreadableReply = Code(rawValue: "unreadable_reply")
        /// The agent answered for another session or turn than the one asked.
        public static let mismatchedReply = Code(rawValue: "mismatched_reply")
    }

    /// What kind of failure.
    public var code: Code
    /// The URL called.
    public var url: String
    /// For people and transcripts.
    public var message: String
    /// The transport's failure, for ``Code/transport``.
    public var transportFailure: HTTPClientError?
    /// The HTTP status, for ``Code/rejected`` and ``Code/unexpectedStatus``.
    public var status: Int?
    /// The agent's API error, for ``Code/rejected``.
    public var apiError: APIError?

    private init(
        _ code: Code, url: String, _ message: String, transportFailure: HTTPClientError? = nil, status: Int? = nil, apiError: APIError? = nil
    ) {
        self.code = code
        self.url = url
        self.message = message
        self.transportFailure = transportFailure
        self.status = status
        self.apiError = apiError
    }

    /// `url` is not a remote agent URL.
    public static func invalidURL(_ url: String) -> Self {
        Self(.invalidURL, url: url, "'\(url)' is not a remote agent URL; write http://HOST:PORT or https://HOST[:PORT][/PREFIX]")
    }

    /// No complete HTTP answer from `url`.
    public static func transport(url: String, _ failure: HTTPClientError) -> Self {
        Self(.transport, url: url, "remote agent at \(url): \(failure)", transportFailure: failure)
    }

    /// The agent at `url` answered `status` with an API error.
    public static func rejected(url: String, status: Int, _ error: APIError) -> Self {
        Self(.rejected, url: url, "remote agent at \(url) answered \(status) \(error)", status: status, apiError: error)
    }

    /// The agent at `url` answered `status` with a body that is not an API error.
    public static func unexpectedStatus(url: String, status: Int, body: String) -> Self {
        Self(.unexpectedStatus, url: url, "remote agent at \(url) answered \(status)" + (body.isEmpty ? "" : ": \(body)"), status: status)
    }

    /// The agent at `url` answered 2xx with a body that is not the expected message.
    public static func unreadableReply(url: String, _ error: WireError) -> Self {
        Self(.unreadableReply, url: url, "remote agent at \(url) sent an unreadable reply: \(error)")
    }

    /// The agent at `url` answered for another session or turn: `detail` says which.
    public static func mismatchedReply(url: String, _ detail: String) -> Self {
        Self(.mismatchedReply, url: url, "remote agent at \(url) sent a reply for \(detail)")
    }

    /// The message.
    public var description: String { message }
}
