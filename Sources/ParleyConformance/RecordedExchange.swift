public import Foundation

/// One request the conformance suite sent and the answer it got, as the client saw them.
///
/// Tests check recorded exchanges against `Protocols/Spec/openapi.json`: the operation exists, the status is
/// declared, and the bodies fit the declared schemas.
public struct RecordedExchange: Sendable, Hashable {
    /// `GET`, `POST` or `DELETE`.
    public var method: String
    /// The path, such as `/v1/sessions/x/turns/3`.
    public var path: String
    /// The body sent, if any.
    public var request: Data?
    /// Whether the request body is a well-formed message that the schemas must accept (even if the server must
    /// refuse it for what it says, such as a turn out of order).
    public var requestIsValid: Bool
    /// The status answered.
    public var status: Int
    /// The body answered.
    public var response: Data

    /// Creates a record.
    public init(method: String, path: String, request: Data?, requestIsValid: Bool, status: Int, response: Data) {
        self.method = method
        self.path = path
        self.request = request
        self.requestIsValid = requestIsValid
        self.status = status
        self.response = response
    }
}

extension RecordedExchange {
    /// Exchanges as the JSON array `Protocols/Spec/validate.py --exchanges` reads: bodies that are JSON are
    /// embedded as JSON, others as strings.
    public static func json(_ exchanges: [RecordedExchange]) throws -> Data {
        func embedded(_ data: Data?) -> Any {
            guard let data, !data.isEmpty else { return NSNull() }
            return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) ?? String(decoding: data, as: UTF8.self)
        }
        let entries: [[String: Any]] = exchanges.map { exchange in
            [
                "method": exchange.method, "path": exchange.path, "status": exchange.status, "requestIsValid": exchange.requestIsValid,
                "request": embedded(exchange.request), "response": embedded(exchange.response),
            ]
        }
        return try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
    }
}
