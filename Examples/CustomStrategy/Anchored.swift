import ParleyAgents
import ParleyProtocol

/// A custom strategy in about twenty lines: it concedes linearly with time, but never asks for less than the
/// best offer the opponent has already made, and accepts any offer at least as good as its own next bid.
struct Anchored: Strategy {
    let utility: UtilityFunction
    let index: BiddingIndex
    var bestOffered = 0.0

    init(context: AgentContext) throws {
        utility = context.utility
        index = try context.biddingIndex()
    }

    mutating func respond(to view: TurnView) -> Action {
        if let offer = view.standingOffer, let value = utility.utility(of: offer) {
            bestOffered = max(bestOffered, value)
        }
        let conceded = index.maximum - (index.maximum - utility.reservation) * view.progress
        let target = max(conceded, bestOffered, utility.reservation)
        if let offer = view.standingOffer, let value = utility.utility(of: offer), value >= target {
            return .accept(note: "deal")
        }
        return .offer(index.terms(nearestAtOrAbove: target), note: view.isLastTurn ? "final offer" : nil)
    }
}
