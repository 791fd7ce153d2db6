import Foundation
import ParleyProtocol
import ParleyHTTPClient

/// One OpenAI-compatible chat-completions endpoint, called through the libcurl client: sends a request and
/// sorts the answer into the cases the agent treats differently.
struct ChatEndpoint: Sendable {
    /// What one request came to.
    enum Answer: Sendable {
        /// A 2xx chat completion.
        case completion(ChatCompletions.Response)
        /// A 2xx body that is not a chat completion; its start.
        case unreadable(String)
        /// A non-2xx status, with the error's message (or the body's start) and `Retry-After`, if sent.
        case status(Int, message: String, retryAfter: Duration?)
        /// No complete answer within the time given.
        case timedOut
        /// No answer: the connection failed, or the request was cancelled.
        case unreachable(String)
    }

    /// `{base}/v1/chat/completions`.
    let url: String
    /// The API key sent as a bearer token, if any.
    let apiKey: String?
    /// The client; share one so connections are reused.
    let client: HTTPClient

    /// Sends one request, waiting at most `timeout`.
    func send(_ request: ChatCompletions.Request, timeout: Duration) async -> Answer {
        let body: Data
        do {
            body = try JSONEncoder().encode(request)
        } catch {
            return .unreachable("the request could not be encoded")
        }
        let headers = HTTPHeaderField.bearer(apiKey) + [HTTPHeaderField(name: "Accept", value: "application/json")]
        let response: HTTPResponse
        do {
            response = try await client.send(HTTPRequest(method: .post, url: url, headers: headers, body: body, timeout: timeout))
        } catch {
            return error.code == .timedOut ? .timedOut : .unreachable(error.description)
        }
        guard response.isSuccess else {
            let message = (try? JSONDecoder().decode(ChatCompletions.ErrorBody.self, from: response.body))?.error.message
            return .status(response.status, message: message ?? excerpt(response.body), retryAfter: Self.retryAfter(response.header("Retry-After")))
        }
        guard let completion = try? JSONDecoder().decode(ChatCompletions.Response.self, from: response.body) else {
            return .unreadable(excerpt(response.body))
        }
        return .completion(completion)
    }

    /// `Retry-After` in seconds (`2`, `0.5`), saturated to ``Limits/maximumSeconds``; an HTTP date or anything
    /// else counts as absent.
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value, let seconds = Double(value.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0 else { return nil }
        return .saturating(seconds: seconds)
    }

    /// The start of a body, as text, with the API key removed first: cutting first could keep part of an
    /// echoed key that redaction would then no longer recognize.
    func excerpt(_ body: Data) -> String {
        var text = String(decoding: body.prefix(64 << 10), as: UTF8.self)
        if let apiKey, apiKey.count >= 4 { text = text.replacingOccurrences(of: apiKey, with: "[API key]") }
        return String(text.prefix(500))
    }
}

extension ChatEndpoint.Answer {
    /// What the answer tells the endpoint's gate: a 429 asks every request to wait (`Retry-After`, else `wait`).
    func gateResult(wait: Duration) -> EndpointGate.Result {
        guard case .status(429, _, let retryAfter) = self else { return .answered }
        return .rateLimited(wait: retryAfter ?? wait)
    }
}
