/// The answer to `GET /health`: `{"protocol": "parley/1", "status": "ok"}` while the server runs.
public struct Health: Sendable, Hashable, Codable {
    /// `ok`.
    public var status: String

    /// Creates the message.
    public init(status: String = "ok") { self.status = status }
}
