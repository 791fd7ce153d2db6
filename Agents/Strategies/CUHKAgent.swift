public import ParleyProtocol
import Foundation

/// CUHKAgent, the winner of ANAC 2012 (Hao and Leung, "CUHKAgent: an adaptive negotiation strategy for bilateral
/// negotiations over multiple items", in Novel Insights in Agent-based Complex Automated Negotiation, 2014), as the
/// strategy it is built on, ABiNeS, is described (Hao and Leung, "ABiNeS: an adaptive bilateral negotiating strategy
/// over multiple items", IAT 2012): exploit the opponent until a *non-exploitation point* λ, then stop conceding,
/// and put λ later the more the opponent concedes.
///
/// - **Acceptance threshold.** `ℓ(t) = max − (max − rest) · min(1, t/λ)^α`, where `rest = max · δ^(1−λ)` (never
///   below the reservation value): it falls from the best outcome's utility to `rest` at λ and no further. The
///   threshold never rises again once it has fallen.
/// - **Non-exploitation point.** `λ = λ₀ + w · (1 − λ₀) · σ`, with `λ₀ = λmin + (1 − λmin) · δ^β` and σ the
///   opponent's concession degree: the share of its offers that were new (a hardliner's σ tends to 0, an agent that
///   makes a new offer every turn has σ = 1).
/// - **Offers.** If the best offer the opponent has made is worth at least ℓ, it offers that again; otherwise, with
///   probability 1 − ε the outcome a frequency model (``FrequencyModel``) rates best for the opponent among those
///   just above ℓ, and with probability ε one of them at random (from its seeded generator).
/// - **Acceptance.** An offer worth at least ℓ, or at least its own next offer.
///
/// δ is the profile's discount factor. ABiNeS's threshold does not fall at all without one (`δ^(1−λ) = 1`), so with
/// an undiscounted profile Parley's version takes δ to be ``assumedDiscount``: its one departure from the description.
public struct CUHKAgent: Strategy, ModelCarrying {
    /// The parameters the description leaves open, with Parley's defaults.
    public struct Parameters: Sendable, Hashable {
        /// The shape α of the concession before λ: above 1 holds firm early.
        public var alpha: Double = 2
        /// The earliest non-exploitation point λmin.
        public var earliest: Double = 0.5
        /// How strongly the discount factor postpones λ₀ (β).
        public var beta: Double = 1.5
        /// How far the opponent's concession degree postpones λ (w).
        public var weight: Double = 0.5
        /// The share ε of offers drawn at random from the band above the threshold.
        public var exploration: Double = 0.1
        /// δ for a profile that does not discount.
        public var assumedDiscount: Double = 0.2
        /// How far above the threshold an offer may be worth to the agent.
        public var band: Double = 0.05

        /// The defaults.
        public init() {}
    }

    /// The agent's parameters.
    public let parameters: Parameters
    private let utility: UtilityFunction
    private let index: BiddingIndex
    private let delta: Double
    private var model: FrequencyModel
    private var random: SeededGenerator
    private var received: [NegotiationState.Received] = []
    private var distinct: Set<Int> = []
    private var best: (utility: Double, terms: Terms)?
    private var lowestThreshold: Double
    private var lastObservedTurn = 0

    /// CUHKAgent for an agent.
    public init(context: AgentContext, parameters: Parameters = Parameters()) throws(BiddingIndexError) {
        self.parameters = parameters
        utility = context.utility
        index = try context.biddingIndex()
        delta = context.utility.discount ?? parameters.assumedDiscount
        model = FrequencyModel(radices: index.space.radices)
        random = SeededGenerator(seed: context.seed)
        lowestThreshold = index.maximum
    }

    /// The frequency model, as learned so far.
    public var opponentModel: (any OpponentModel)? { model }

    /// The opponent's concession degree σ: the share of its offers that were new, 0 before any.
    public var concessionDegree: Double { received.isEmpty ? 0 : Double(distinct.count) / Double(received.count) }

    /// The non-exploitation point λ, as the opponent's concession degree sets it now.
    public var nonExploitationPoint: Double {
        let initial = parameters.earliest + (1 - parameters.earliest) * pow(delta, parameters.beta)
        return min(1, initial + parameters.weight * (1 - initial) * concessionDegree)
    }

    /// The threshold's resting level for a non-exploitation point `lambda`: `max · δ^(1−λ)`, at least the reservation value.
    public func restingLevel(lambda: Double) -> Double {
        min(index.maximum, max(utility.reservation, index.maximum * pow(delta, 1 - lambda)))
    }

    /// `max − (max − rest) · min(1, t/λ)^α`, before the rule that the threshold never rises.
    public func threshold(at t: Double, lambda: Double) -> Double {
        let rest = restingLevel(lambda: lambda)
        return index.maximum - (index.maximum - rest) * pow(min(1, t / max(lambda, .ulpOfOne)), parameters.alpha)
    }

    /// Learns from a new offer, moves λ, then accepts or offers.
    public mutating func respond(to view: TurnView) -> Action {
        guard utility.reservation <= index.maximum else { return .walkAway(reason: "no terms are acceptable") }
        if let new = view.newStandingOffer(since: &lastObservedTurn), let ordinal = index.space.ordinal(of: new) {
            let value = utility.utility(of: new) ?? 0
            received.append(.init(progress: view.progress, utility: value))
            distinct.insert(ordinal)
            model.observe(offer: ordinal, in: index.space, at: view.progress)
            if best.map({ value > $0.utility }) ?? true { best = (value, new) }
        }
        lowestThreshold = min(lowestThreshold, threshold(at: view.progress, lambda: nonExploitationPoint))
        let state = NegotiationState(view: view, utility: utility, index: index, received: received, lastOwnOffer: nil, model: model)
        let (nextUtility, nextTerms) = nextOffer(in: state)
        if view.standingOffer != nil, let offered = received.last?.utility, offered >= utility.reservation,
            offered >= lowestThreshold || state.isWorthAtLeast(offered, nextUtility)
        {
            return .accept
        }
        return .offer(nextTerms)
    }

    /// The opponent's best offer if it clears the threshold; else the model's pick above the threshold, or a random one.
    private mutating func nextOffer(in state: NegotiationState) -> (Double, Terms) {
        if let best, best.utility >= lowestThreshold { return best }
        let offering = TimeOffering(exponent: 1, band: parameters.band, candidates: 256)
        var rank = offering.rank(in: state, target: lowestThreshold)
        if parameters.exploration > 0, Double.random(in: 0..<1, using: &random) < parameters.exploration {
            let first = index.rank(nearestAtOrAbove: lowestThreshold)
            var last = first
            while last + 1 < min(index.count, first + offering.candidates), index.utilities[last + 1] <= index.utilities[first] + parameters.band { last += 1 }
            rank = Int.random(in: first...last, using: &random)
        }
        return (index.utilities[rank], index.terms(atRank: rank))
    }
}
