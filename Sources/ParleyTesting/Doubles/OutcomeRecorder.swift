public import ParleyAgents
public import ParleyProtocol
import Synchronization

/// A strategy that walks away at once and records every outcome it is told about, so a test can check that both
/// sides hear how a session ended.
public struct OutcomeRecorder: Strategy {
    /// The outcomes heard, shared by every copy of this recorder.
    public final class Heard: Sendable {
        // A class, so the test keeps a reference while the arbiter owns the strategy; the mutex makes it Sendable.
        private let outcomes = Mutex<[Outcome]>([])

        /// Nothing heard yet.
        public init() {}

        /// Every outcome heard, in order.
        public var all: [Outcome] { outcomes.withLock { $0 } }

        func append(_ outcome: Outcome) { outcomes.withLock { $0.append(outcome) } }
    }

    /// Where outcomes are recorded.
    public let heard: Heard

    /// A recorder writing to `heard`.
    public init(heard: Heard) {
        self.heard = heard
    }

    /// Walks away with reason `done`.
    public func respond(to view: TurnView) -> Action { .walkAway(reason: "done") }

    /// Records the outcome.
    public func sessionEnded(with outcome: Outcome) async { heard.append(outcome) }
}
