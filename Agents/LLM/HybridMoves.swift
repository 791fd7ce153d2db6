import ParleyAgents
import ParleyProtocol

/// The moves a model in ``HybridMode/choose`` picks from: the strategy's own move first, then other offers within
/// the band of its utility, spread evenly from the best to the worst of them, and accepting the standing offer when
/// it is worth at least the band's low end. Every one keeps the mandate; notes are left to the model.
enum HybridMoves {
    /// The moves around `proposal`, at most `count`; the proposal alone when it is not an offer or no index is at hand.
    static func around(
        _ proposal: Action, view: TurnView, index: BiddingIndex?, mandate: Mandate, band: Double, count: Int
    ) -> [Action] {
        guard case .offer(let proposed) = proposal.move, let index, let target = mandate.utility.utility(of: proposed) else { return [proposal] }
        let low = max(target - band, mandate.floor)
        var moves = [Action.offer(proposed, note: nil)]
        if let standing = view.standingOffer, let worth = mandate.utility.utility(of: standing), worth >= low, mandate.allows(standing) {
            moves.append(.accept(note: nil))
        }
        let first = index.rank(nearestAtOrAbove: low)
        var last = index.rank(nearestAtOrAbove: target + band)
        if (mandate.utility.utility(of: index.terms(atRank: last)) ?? 0) > target + band { last -= 1 }
        guard first <= last else { return moves }
        let wanted = count - moves.count
        let span = last - first
        var seen: Set<Terms> = [proposed]
        // Evenly spaced ranks from the best down, so the picks cover the band rather than crowd one end.
        for step in 0..<max(wanted, 0) where moves.count < count {
            let rank = wanted == 1 ? last : last - span * step / max(wanted - 1, 1)
            let terms = index.terms(atRank: rank)
            guard mandate.allows(terms), seen.insert(terms).inserted else { continue }
            moves.append(.offer(terms, note: nil))
        }
        return moves
    }
}
