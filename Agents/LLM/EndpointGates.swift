import Synchronization

/// One ``EndpointGate`` per model endpoint URL, so every agent on an endpoint shares its limit and its 429 pauses:
/// the agent factory holds one set for everything it builds.
public final class EndpointGates: Sendable {
    private let clock: any Clock<Duration>
    private let gates = Mutex<[String: EndpointGate]>([:])

    /// Gates whose pauses are measured on `clock`.
    public init(clock: any Clock<Duration>) {
        self.clock = clock
    }

    /// The gate of the endpoint at `url` (its chat-completions URL), made on first use.
    public func gate(for url: String) -> EndpointGate {
        gates.withLock { gates in
            if let gate = gates[url] { return gate }
            let gate = EndpointGate(clock: clock)
            gates[url] = gate
            return gate
        }
    }
}
