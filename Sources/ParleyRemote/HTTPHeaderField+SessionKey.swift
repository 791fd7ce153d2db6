public import ParleyHTTPClient
import ParleyProtocol

extension HTTPHeaderField {
    /// `Parley-Session-Key: KEY` (``ParleyProtocol/AgentAPI/sessionKeyHeader``), or no field for no key.
    public static func sessionKey(_ key: String?) -> [HTTPHeaderField] {
        key.map { [HTTPHeaderField(name: AgentAPI.sessionKeyHeader, value: $0)] } ?? []
    }
}
