public import ParleyProtocol

/// Why a side of a session could not be set up.
public enum SessionSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario file has no profile for a side that needs one.
    case missingProfile(Role)
    /// The scenario file has problems.
    case invalidScenario([ValidationProblem])

    /// For people.
    public var description: String {
        switch self {
        case .missingProfile(let role): "the scenario file has no \(role) profile ($.profiles.\(role)); in-process agents need one"
        case .invalidScenario(let problems): "the scenario file is invalid:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
