import Foundation
import ParleyProtocol

/// Time-dependent offering (Faratin, Sierra and Jennings, "Negotiation decision functions for autonomous agents",
/// 1998): the target utility falls from the best outcome's utility to the floor (the highest of the reservation
/// value, the worst outcome and ``minimumUtility``, but never above the best outcome) as
/// `max − (max − floor) · t^(1/e)`.
///
/// Without an opponent model it offers the terms nearest at or above the target, as the `boulware`, `linear` and
/// `conceder` built-ins do. With one it looks at the ``candidates`` outcomes nearest at or above the target that are
/// worth at most ``band`` more to the agent, and offers the one the model rates best for the opponent (the first of
/// equals): the bids stop zig-zagging across the opponent's utility, at a cost per turn that does not depend on the
/// size of the outcome space.
public struct TimeOffering: OfferingPolicy, Hashable {
    /// The concession exponent e: below 1 holds firm (Boulware), 1 concedes linearly, above 1 concedes early.
    public let exponent: Double
    /// How far above the target an outcome may be worth to the agent and still be offered.
    public let band: Double
    /// How many outcomes at or above the target the model is asked about, at most.
    public let candidates: Int
    /// A utility the offers never go below, above the reservation value (0: none).
    public let minimumUtility: Double

    /// Time-dependent offering with concession exponent `exponent`.
    public init(exponent: Double, band: Double = 0.05, candidates: Int = 256, minimumUtility: Double = 0) {
        self.exponent = exponent
        self.band = band
        self.candidates = max(1, candidates)
        self.minimumUtility = minimumUtility
    }

    /// The target utility at relative time `t` for an index whose best outcome is worth `maximum`, above `floor`.
    public func targetUtility(at t: Double, maximum: Double, floor: Double) -> Double {
        maximum - (maximum - floor) * pow(t, 1 / exponent)
    }

    /// The rank nearest at or above the target or, with a model, the best-rated for the opponent in the band.
    public func rank(in state: NegotiationState) -> Int {
        let index = state.index
        let floor = min(index.maximum, max(state.utility.reservation, index.minimum, minimumUtility))
        return rank(in: state, target: targetUtility(at: state.progress, maximum: index.maximum, floor: floor))
    }

    /// The rank nearest at or above `target` or, with a model, the best-rated for the opponent in the band above it:
    /// the selection alone, for strategies that set their own target.
    public func rank(in state: NegotiationState, target: Double) -> Int {
        let index = state.index
        let first = index.rank(nearestAtOrAbove: target)
        guard let model = state.model else { return first }
        let ceiling = index.utilities[first] + band
        var (best, bestRating) = (first, -Double.infinity)
        var rank = first
        while rank < min(index.count, first + candidates), index.utilities[rank] <= ceiling {
            let rating = model.estimatedUtility(of: Int(index.ordinals[rank]), in: index.space)
            if rating > bestRating { (best, bestRating) = (rank, rating) }
            rank += 1
        }
        return best
    }
}
