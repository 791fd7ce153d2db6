/// A deal with many counterparts: one centre (the buyer sending a request for quotation, or a seller in a sales
/// variant) negotiating with several edges (suppliers, or customers), each edge in its own bilateral
/// alternating-offers session under its own issues, deadline and profiles.
///
/// The centre's preferences over the combination of deals it ends with are its ``Need``: one supplier (single
/// sourcing), quantities that add up to a total (a split order), or a table of the combinations it may end with.
/// The sessions run at once (``Mode/parallel``) or one after another (``Mode/sequential``); the rules of both are
/// ``MultiDealRules``.
///
/// ```json
/// {"kind": "multi-deal", "id": "rfq", "name": "Pumps from three suppliers", "centre": "buyer", "mode": "parallel",
///  "need": {"type": "single"}, "reservation": 0.2,
///  "edges": [{"id": "acme", "scenario": {…a scenario file with both profiles…}}, …]}
/// ```
public struct MultiDealScenario: Sendable, Hashable {
    /// Whether the edge sessions run at once or one after another.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every session runs at once; the centre's moves in one may depend on the others' state.
        case parallel
        /// One session after another, each known before the next starts (as in ANAC 2025's league).
        case sequential
    }

    /// One counterpart and its session's scenario.
    public struct Edge: Sendable, Hashable, Codable {
        /// The edge's identifier, unique in the scenario, such as `acme`.
        public var id: String
        /// The session's scenario: its issues and deadline, the centre's profile for this deal, and the edge's.
        public var scenario: ScenarioFile

        /// An edge.
        public init(id: String, scenario: ScenarioFile) {
            self.id = id
            self.scenario = scenario
        }
    }

    /// The value `kind` has in a multi-deal scenario file.
    public static let kind = "multi-deal"

    /// The identifier.
    public var id: String
    /// The display name.
    public var name: String
    /// The centre's side in every session; the edges play the other.
    public var centre: Role
    /// Parallel or sequential.
    public var mode: Mode
    /// What the centre needs, and how it values the combination of deals it ends with.
    public var need: Need
    /// The centre's utility with no deal at all, from 0 to 1.
    public var reservation: Double
    /// The counterparts, in order (the order of a sequential scenario).
    public var edges: [Edge]

    /// A multi-deal scenario.
    public init(id: String, name: String, centre: Role, mode: Mode, need: Need, reservation: Double, edges: [Edge]) {
        self.id = id
        self.name = name
        self.centre = centre
        self.mode = mode
        self.need = need
        self.reservation = reservation
        self.edges = edges
    }

    /// The edges' side in every session.
    public var edgeRole: Role { centre.opponent }
}

extension MultiDealScenario: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, id, name, centre, mode, need, reservation, edges
    }

    /// Decodes a scenario whose `kind` is `multi-deal`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        guard kind == Self.kind else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "a multi-deal scenario has \"kind\": \"\(Self.kind)\"")
        }
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            centre: try container.decode(Role.self, forKey: .centre), mode: try container.decode(Mode.self, forKey: .mode),
            need: try container.decode(Need.self, forKey: .need), reservation: try container.decodeIfPresent(Double.self, forKey: .reservation) ?? 0,
            edges: try container.decode([Edge].self, forKey: .edges)
        )
    }

    /// Encodes the scenario with its `kind`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(centre, forKey: .centre)
        try container.encode(mode, forKey: .mode)
        try container.encode(need, forKey: .need)
        try container.encode(reservation, forKey: .reservation)
        try container.encode(edges, forKey: .edges)
    }
}
