/// A protocol message: a body with the protocol version beside its fields.
///
/// `{"protocol": "parley/1", …the body's fields…}`. Decoding checks the version first and throws
/// ``WireError/Code/unsupportedVersion`` for any other.
public struct WireMessage<Body: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    private enum CodingKeys: String, CodingKey { case `protocol` }

    /// The protocol version.
    public var version: ProtocolVersion
    /// The message itself.
    public var body: Body

    /// Wraps a body in the current version.
    public init(_ body: Body, version: ProtocolVersion = .current) {
        self.body = body
        self.version = version
    }

    /// Decodes the version, then the body from the same object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(ProtocolVersion.self, forKey: .protocol)
        guard version == .current else {
            throw WireError(.unsupportedVersion, path: "$.protocol", message: "unsupported protocol '\(version)'; this build speaks \(ProtocolVersion.current)")
        }
        body = try Body(from: decoder)
    }

    /// Encodes the body's fields and the version in one object.
    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .protocol)
    }
}
