/// The acceptance conditions of Baarslag, Hindriks and Jonker, "Effective acceptance conditions in multi-issue
/// negotiation" (AAMAS 2012). `u(x)` is the agent's own utility, `t` the relative time (``TurnView/progress``).
public enum AcceptanceConditions {
    /// AC_next(α, β) and AC_prev(α, β): accept when `α · u(x) + β ≤ u(offered)`, where x is the agent's next offer
    /// (valued a round later under a discounting profile) or its own previous offer (never before it has offered).
    public struct Relative: AcceptanceCondition, Hashable {
        /// Which of the agent's own offers the standing offer is compared with.
        public enum Reference: String, Sendable, Hashable {
            /// The offer it would make now: AC_next.
            case next
            /// The offer it made last: AC_prev.
            case previous
        }

        /// The offer compared with.
        public let reference: Reference
        /// The factor α.
        public let alpha: Double
        /// The margin β.
        public let beta: Double

        /// AC_next(α, β) or AC_prev(α, β); with α = 1 and β = 0, what is worth at least that offer is accepted.
        public init(_ reference: Reference, alpha: Double = 1, beta: Double = 0) {
            self.reference = reference
            self.alpha = alpha
            self.beta = beta
        }

        /// `α · u(x) + β ≤ u(offered)`.
        public func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool {
            switch reference {
            case .next: return state.isWorthAtLeast(offered, alpha * next + beta)
            case .previous:
                guard let previous = state.lastOwnOffer else { return false }
                return alpha * previous + beta <= offered
            }
        }
    }

    /// AC_const(c): accept any offer worth at least `c`.
    public struct Constant: AcceptanceCondition, Hashable {
        /// The threshold c.
        public let threshold: Double
        /// AC_const(c).
        public init(threshold: Double) { self.threshold = threshold }
        /// `u(offered) ≥ c`.
        public func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool { offered >= threshold }
    }

    /// AC_time(T): accept any offer from relative time `T` on.
    public struct Time: AcceptanceCondition, Hashable {
        /// The time T.
        public let time: Double
        /// AC_time(T).
        public init(time: Double) { self.time = time }
        /// `t ≥ T`.
        public func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool { state.progress >= time }
    }

    /// AC_combi(T, MAX^W) or AC_combi(T, AVG^W): AC_next, or, from time `T` on, an offer at least as good as the
    /// best (or the average) of the offers received in the previous window of time `W = [t − (1 − t), t)`, as long
    /// as the time that remains, and never shorter than the one offer before the standing one (at t = 1 the window
    /// would be empty). The paper's best performer is AC_combi(0.98, MAX^W).
    public struct Combined: AcceptanceCondition, Hashable {
        /// How the window's offers are summarized.
        public enum Window: String, Sendable, Hashable, CaseIterable {
            /// The best offer in the window.
            case max
            /// The average of the window's offers.
            case avg
        }

        /// The time T after which the window rule applies.
        public let time: Double
        /// How the window is summarized.
        public let window: Window

        /// AC_combi(T, window).
        public init(time: Double = 0.98, window: Window = .max) {
            self.time = time
            self.window = window
        }

        /// AC_next, or from `T` on, at least the window's best (or average) offer.
        public func accepts(_ offered: Double, next: Double, in state: NegotiationState) -> Bool {
            if state.isWorthAtLeast(offered, next) { return true }
            let t = state.progress
            guard t >= time else { return false }
            // The offers before the standing one, from the start of the window.
            var (best, sum, count) = (-Double.infinity, 0.0, 0)
            for received in state.received.dropLast().reversed() {
                guard received.progress >= t - (1 - t) || count == 0 else { break }
                best = Swift.max(best, received.utility)
                sum += received.utility
                count += 1
            }
            guard count > 0 else { return false }
            return offered >= (window == .max ? best : sum / Double(count))
        }
    }
}
