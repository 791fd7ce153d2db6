public import ParleyAgents
public import ParleyProtocol

/// A strategy that returns the same action every turn, whatever happened: an offer outside the domain, an
/// acceptance with nothing to accept, a walk-away. The arbiter must judge each as the rules say.
public struct FixedStrategy: Strategy {
    /// The action it always takes.
    public let action: Action

    /// A strategy that always takes `action`.
    public init(_ action: Action) {
        self.action = action
    }

    /// The action.
    public func respond(to view: TurnView) -> Action { action }
}
