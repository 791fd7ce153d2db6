import Foundation
import ParleyHTTPClient
import ParleyProtocol
import ParleyRemote
import Synchronization

/// Sends the suite's requests to one agent server, records every exchange, and checks answers.
final class ConformanceProbe: Sendable {
    let baseURL: String
    let token: String?
    let client: HTTPClient
    private let log = Mutex<[RecordedExchange]>([])
    /// The keys the server issued, by session id, sent with each later request of their session.
    private let keys = Mutex<[String: String]>([:])

    init(baseURL: String, token: String?, client: HTTPClient) {
        self.baseURL = baseURL
        self.token = token
        self.client = client
    }

    /// The exchanges so far.
    var exchanges: [RecordedExchange] { log.withLock { $0 } }

    /// Sends a request with the suite's token (or `token`, when given; `""` sends none) and, to a session's path,
    /// the session's key when the server issued one (unless `withKey` is false); records the exchange.
    func send(
        _ method: HTTPRequest.Method, _ path: String, body: Data? = nil, valid: Bool = true, token: String? = nil, withKey: Bool = true
    ) async throws -> HTTPResponse {
        let bearer = (token ?? self.token).flatMap { $0.isEmpty ? nil : $0 }
        let headers = HTTPHeaderField.bearer(bearer) + HTTPHeaderField.sessionKey(withKey ? key(forPath: path) : nil)
        let response = try await client.send(HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body))
        // Oversized bodies are sent, not kept.
        let kept = body.flatMap { $0.count <= 1 << 20 ? $0 : nil }
        let exchange = RecordedExchange(
            method: method.rawValue, path: path, request: kept, requestIsValid: valid && kept != nil, status: response.status, response: response.body
        )
        log.withLock { $0.append(exchange) }
        return response
    }

    /// Sends a message as the wire carries it.
    func send(_ method: HTTPRequest.Method, _ path: String, message: some Codable & Sendable & Hashable) async throws -> HTTPResponse {
        try await send(method, path, body: try WireCodec().encode(WireMessage(message)))
    }

    /// Decodes a successful answer with the given status; a session start's key is kept for its session.
    func expect<Body: Codable & Sendable & Hashable>(_ type: Body.Type, status: Int, from response: HTTPResponse) throws -> Body {
        try expect(status: status, from: response)
        let body: Body
        do {
            body = try WireCodec().decode(WireMessage<Body>.self, from: response.body).body
        } catch {
            throw ConformanceFailure("the \(response.status) answer is not a valid \(Body.self): \(error)")
        }
        if let started = body as? SessionStarted, let key = started.sessionKey {
            keys.withLock { $0[started.sessionID.rawValue] = key }
        }
        return body
    }

    /// The key the server issued for a session, if it issued one.
    func key(for id: SessionID) -> String? { keys.withLock { $0[id.rawValue] } }

    /// The key of the session a path addresses (`/v1/sessions/{id}/…`), if the server issued one.
    private func key(forPath path: String) -> String? {
        guard path.hasPrefix(AgentAPI.sessions + "/") else { return nil }
        let id = path.dropFirst(AgentAPI.sessions.count + 1).prefix { $0 != "/" }
        return keys.withLock { $0[String(id)] }
    }

    /// Checks an answer without a body, such as 204.
    func expect(status: Int, from response: HTTPResponse) throws {
        guard response.status == status else { throw ConformanceFailure("expected \(status), got \(Self.summary(response))") }
    }

    /// Checks an error answer: the code's status, an error body with the code, and the path where one is named.
    func expect(_ code: APIError.Code, path: String? = nil, from response: HTTPResponse) throws {
        guard response.status == code.status else {
            throw ConformanceFailure("expected \(code.status) \(code), got \(Self.summary(response))")
        }
        let error: APIError
        do {
            error = try WireCodec().decode(WireMessage<APIErrorBody>.self, from: response.body).body.error
        } catch {
            throw ConformanceFailure("the \(response.status) answer is not an error body: \(error)")
        }
        guard error.code == code else { throw ConformanceFailure("expected code \(code), got \(error)") }
        if let path, error.path != path {
            throw ConformanceFailure("expected the error at \(path), got \(error.path ?? "no path")")
        }
    }

    /// A status and the start of the body, for failure messages.
    static func summary(_ response: HTTPResponse) -> String {
        let text = String(decoding: response.body.prefix(200), as: UTF8.self)
        return "\(response.status)" + (text.isEmpty ? "" : " \(text)")
    }
}
