/// One side of a bilateral negotiation.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The party that buys.
    case buyer
    /// The party that sells.
    case seller

    /// The other side.
    public var opponent: Role { self == .buyer ? .seller : .buyer }

    /// The role's name as it appears on the wire (`buyer`, `seller`).
    public var description: String { rawValue }
}
