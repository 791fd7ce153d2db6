public import Foundation

/// One HTTP request for ``HTTPClient``.
public struct HTTPRequest: Sendable, Hashable {
    /// The request method.
    public struct Method: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The method's name, such as `POST`.
        public let rawValue: String
        /// Wraps a method name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `GET`.
        public static let get = Method(rawValue: "GET")
        /// `POST`.
        public static let post = Method(rawValue: "POST")
        /// `PUT`.
        public static let put = Method(rawValue: "PUT")
        /// `DELETE`.
        public static let delete = Method(rawValue: "DELETE")

        /// The method's name.
        public var description: String { rawValue }
    }

    /// The method.
    public var method: Method
    /// The absolute `http://` or `https://` URL.
    public var url: String
    /// Header fields, in order. `Content-Type` is set for you when there is a body and none is given.
    public var headers: [HTTPHeaderField]
    /// The body, if any.
    public var body: Data?
    /// The whole transfer's time limit; `nil` uses the client's ``HTTPClient/Configuration/requestTimeout``.
    public var timeout: Duration?

    /// Creates a request.
    public init(method: Method, url: String, headers: [HTTPHeaderField] = [], body: Data? = nil, timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
