public import Foundation

/// A complete HTTP response, whatever its status.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code, such as 200.
    public var status: Int
    /// The header fields of the final response, in order, names as sent.
    public var headers: [HTTPHeaderField]
    /// The body.
    public var body: Data
    /// How many new connections the exchange opened: 0 when it reused a kept-alive connection.
    public var connectionsOpened: Int

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeaderField] = [], body: Data = Data(), connectionsOpened: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.connectionsOpened = connectionsOpened
    }

    /// The first value of a header field, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The response itself when its status is 2xx; otherwise ``HTTPClientError/status(_:body:)`` with the start of the body.
    public func checked() throws(HTTPClientError) -> HTTPResponse {
        guard isSuccess else { throw .status(status, body: HTTPClientError.excerpt(of: body)) }
        return self
    }
}

/// One header field of a request or a response.
public struct HTTPHeaderField: Sendable, Hashable {
    /// The name, as the server sent it.
    public var name: String
    /// The value, without surrounding whitespace.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `Authorization: Bearer TOKEN`, or no field for no token.
    public static func bearer(_ token: String?) -> [HTTPHeaderField] {
        token.map { [HTTPHeaderField(name: "Authorization", value: "Bearer \($0)")] } ?? []
    }
}
