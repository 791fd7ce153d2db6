public import ParleyProtocol
import Foundation

/// Nice Tit-for-Tat (Baarslag, Hindriks and Jonker, "A tit for tat negotiation strategy for real-time bilateral
/// negotiations", in Complex Automated Negotiations: Theories, Models, and Software Competitions, 2013), as its
/// description has it: mirror the opponent's concession, measured in the opponent's own utility, toward the Nash
/// point, and never retaliate.
///
/// A Bayesian model (``BayesianModel``) estimates the opponent's utility û. The opponent has conceded the share
/// `ρ = (û(first bid) − û(its most generous bid)) / (û(first bid) − û(N))` of the way from its first bid to the
/// estimated Nash point N (the acceptable outcome that maximizes `(u − reservation) · û`, over an even sample of
/// ``nashSample`` outcomes, re-estimated every ``nashInterval`` offers). Its most generous bid so far counts, not its
/// last, so a selfish step is never answered in kind. The agent concedes the same share of the way from its best
/// utility to its own utility at N, and offers, among the outcomes just above that target, the one the model rates
/// best for the opponent. It accepts by AC_combi(0.98, MAX^W).
///
/// Parley's one addition: the share conceded is at least ``patience``'s Boulware curve `t^(1/e)`, so that two
/// mirrors (or a mirror and an agent that waits for concessions, such as MiCRO) do not stall at their best outcomes
/// until the deadline, but meet near the Nash point.
public struct NiceTitForTat: Strategy, ModelCarrying {
    /// How many outcomes the Nash point is estimated over.
    public static let nashSample = 256
    /// How many offers pass between two estimates of the Nash point.
    public static let nashInterval = 8

    private let utility: UtilityFunction
    private let index: BiddingIndex
    private var model: BayesianModel
    private var firstBid: Int?
    private var mostGenerous: Int?
    private var nashUtility: (own: Double, opponent: Double)?
    private var offersSinceEstimate = 0
    private var received: [NegotiationState.Received] = []
    private var lastObservedTurn = 0
    private var lastBid: (rank: Int, terms: Terms)?
    private let offering = TimeOffering(exponent: 1, band: 0.02, candidates: 64)
    private let acceptance = AcceptanceConditions.Combined(time: 0.98, window: .max)
    /// The exponent e of the Boulware curve the concession never falls behind.
    public let patience = 0.2

    /// Nice Tit-for-Tat for an agent.
    public init(context: AgentContext) throws(BiddingIndexError) {
        utility = context.utility
        index = try context.biddingIndex()
        model = BayesianModel(issues: index.space.issues)
    }

    /// The Bayesian model, as learned so far.
    public var opponentModel: (any OpponentModel)? { model }

    /// The share of the way to the Nash point the opponent has conceded, in [0, 1].
    public var opponentConcession: Double {
        guard let firstBid, let mostGenerous, let nash = nashUtility else { return 0 }
        let start = model.estimatedUtility(of: firstBid, in: index.space)
        guard start > nash.opponent else { return 1 }
        return min(1, max(0, (start - model.estimatedUtility(of: mostGenerous, in: index.space)) / (start - nash.opponent)))
    }

    /// Learns from the offer, mirrors the opponent's concession, and accepts or offers.
    public mutating func respond(to view: TurnView) -> Action {
        guard utility.reservation <= index.maximum else { return .walkAway(reason: "no terms are acceptable") }
        if let new = view.newStandingOffer(since: &lastObservedTurn), let ordinal = index.space.ordinal(of: new) {
            received.append(.init(progress: view.progress, utility: utility.utility(of: new) ?? 0))
            model.observe(offer: ordinal, in: index.space, at: view.progress)
            if firstBid == nil { firstBid = ordinal }
            offersSinceEstimate += 1
            if nashUtility == nil || offersSinceEstimate >= Self.nashInterval {
                estimateNash()
                offersSinceEstimate = 0
            }
            if let current = mostGenerous {
                if model.estimatedUtility(of: ordinal, in: index.space) < model.estimatedUtility(of: current, in: index.space) { mostGenerous = ordinal }
            } else {
                mostGenerous = ordinal
            }
        }
        let ownAtNash = nashUtility?.own ?? index.maximum
        let share = max(opponentConcession, pow(view.progress, 1 / patience))
        let target = index.maximum - share * (index.maximum - max(ownAtNash, utility.reservation))
        let state = NegotiationState(
            view: view, utility: utility, index: index, received: received, lastOwnOffer: nil, model: model
        )
        let rank = offering.rank(in: state, target: target)
        return state.acceptOrOffer(rank: rank, acceptance: acceptance, lastBid: &lastBid)
    }

    /// The acceptable sampled outcome maximizing `(u − reservation) · û`.
    private mutating func estimateNash() {
        let low = index.rank(nearestAtOrAbove: utility.reservation)
        let span = index.count - low
        var best: (product: Double, own: Double, opponent: Double)?
        for step in 0..<min(Self.nashSample, span) {
            let rank = low + step * span / min(Self.nashSample, span)
            let own = index.utilities[rank]
            let opponent = model.estimatedUtility(of: Int(index.ordinals[rank]), in: index.space)
            let product = (own - utility.reservation) * opponent
            if best == nil || product > best!.product { best = (product, own, opponent) }
        }
        nashUtility = best.map { ($0.own, $0.opponent) }
    }
}
