public import ParleyProtocol
import Foundation

/// AgentK, the winner of ANAC 2010 (Kawaguchi, Fujita and Ito, "Compromising strategy based on estimated maximum
/// utility for automated negotiating agents", in New Trends in Agent-Based Complex Automated Negotiations, 2012), as
/// its description has it.
///
/// From the utilities μ and spread σ of the offers received so far it estimates the best it can expect from the
/// opponent, `emax = μ + (1 − μ) · d` with `d = √3 · σ` (the half-width of a uniform distribution with that spread),
/// and sets its target to `max − (max − emax) · t^α` (never below its reservation value). It accepts an offer worth
/// at least the target, and otherwise with probability `t⁵ / 5 + (u − emax) + (u − target)` (drawn from its seeded
/// generator). It offers an outcome drawn from those worth between the target and the target plus ``spread``.
public struct AgentK: Strategy {
    /// The concession exponent α of the target.
    public let alpha: Double
    /// How far above the target an offer may be worth to the agent.
    public let spread: Double
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private var random: SeededGenerator
    private var statistics = (count: 0, mean: 0.0, squares: 0.0)
    private var lastObservedTurn = 0

    /// AgentK for an agent.
    public init(context: AgentContext, alpha: Double = 3, spread: Double = 0.05) throws(BiddingIndexError) {
        self.alpha = alpha
        self.spread = spread
        utility = context.utility
        index = try context.biddingIndex()
        random = SeededGenerator(seed: context.seed)
    }

    /// The estimated best utility the opponent will give, from the offers received so far (0 before any).
    public var expectedMaximum: Double {
        guard statistics.count > 0 else { return 0 }
        let deviation = statistics.count > 1 ? (statistics.squares / Double(statistics.count)).squareRoot() : 0
        let mean = statistics.mean
        return min(1, mean + (1 - mean) * min(1, 3.0.squareRoot() * deviation))
    }

    /// The target utility at relative time `t`.
    public func targetUtility(at t: Double) -> Double {
        let floor = max(utility.reservation, min(index.maximum, expectedMaximum))
        return max(utility.reservation, index.maximum - (index.maximum - floor) * pow(t, alpha))
    }

    /// Learns from the offer, then accepts it (surely above the target, perhaps near it) or offers.
    public mutating func respond(to view: TurnView) -> Action {
        guard utility.reservation <= index.maximum else { return .walkAway(reason: "no terms are acceptable") }
        if let new = view.newStandingOffer(since: &lastObservedTurn), let value = utility.utility(of: new) {
            statistics.count += 1
            let delta = value - statistics.mean
            statistics.mean += delta / Double(statistics.count)
            statistics.squares += delta * (value - statistics.mean)
        }
        let offered = view.standingOffer.flatMap(utility.utility(of:))
        let t = view.progress
        let target = targetUtility(at: t)
        if let offered, offered >= utility.reservation {
            if offered >= target { return .accept }
            let chance = pow(t, 5) / 5 + (offered - expectedMaximum) + (offered - target)
            if chance > 0, Double.random(in: 0..<1, using: &random) < chance { return .accept }
        }
        let low = index.rank(nearestAtOrAbove: target)
        let ceiling = index.utilities[low] + spread
        let high = index.maximum < ceiling ? index.count - 1 : max(low, index.rank(nearestAtOrAbove: ceiling) - 1)
        return .offer(index.terms(atRank: Int.random(in: low...high, using: &random)))
    }
}
