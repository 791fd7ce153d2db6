/// The version of the Parley wire protocol a message speaks, such as `parley/1`.
public struct ProtocolVersion: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The version string.
    public let rawValue: String

    /// Wraps a version string.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The version this build speaks.
    public static let current = ProtocolVersion(rawValue: "parley/1")

    /// The version string.
    public var description: String { rawValue }

    /// Decodes a bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
