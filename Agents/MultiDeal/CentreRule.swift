public import ParleyProtocol

/// How a ``RuledCentre`` turns one bilateral strategy per edge into a centre: the floor below which it neither
/// offers nor accepts in an edge's session, on top of keeping every move within the need.
///
/// In every rule the bilateral strategy moves as it would alone; then an offer worth less than the floor becomes the
/// centre's terms nearest at or above the floor, an acceptance of terms worth less becomes that offer, and (for a
/// split order) an offer or acceptance of more units than are still needed becomes the same terms with the largest
/// quantity that fits, or walking away when none does.
public enum CentreRule: String, Sendable, Hashable, CaseIterable {
    /// The floor is the centre's reservation value in that edge's profile: each session as the strategy alone
    /// would play it, kept within the need. The stated rule for wrapping any bilateral strategy.
    case perEdge = "per-edge"
    /// Parallel sessions: the floor rises to the best standing offer in any other open session (its utility to the
    /// centre, when it fits the need), so the centre never settles for less than it could already have elsewhere.
    /// After the coordinator of concurrent negotiation threads in Williams, Robu, Gerding and Jennings, "Negotiating
    /// concurrently with unknown opponents in complex, real-time domains" (ECAI 2012), which sets each thread's
    /// reservation value from the others; here simply from their standing offers.
    case bestStanding = "best-standing"
    /// Sequential sessions: the floor is the expected value of going on to the edges not yet met, by backward
    /// induction (the optimal stopping rule of dynamic programming): with no deal after the last edge worth the
    /// scenario's reservation value, and each later edge's deal assumed uniform between the centre's reservation
    /// value and its best utility in that edge, V = E[max(U, V_next)].
    case remainingEdges = "remaining-edges"

    /// The floor in the view's edge session, from 0 to 1.
    public func floor(_ view: CentreView, maxima: [Double], reservations: [Double], utilities: [UtilityFunction]) -> Double {
        let edge = view.edge
        switch self {
        case .perEdge:
            return reservations[edge]
        case .bestStanding:
            var best = reservations[edge]
            for other in utilities.indices where other != edge && view.rules.state(of: other) == .open {
                guard let offer = view.rules.sessions[other].standingOffer, offer.proposer != view.rules.scenario.centre,
                    view.rules.fits(offer.terms, edge: other), let utility = utilities[other].utility(of: offer.terms)
                else { continue }
                best = max(best, utility)
            }
            return best
        case .remainingEdges:
            var value = view.scenario.reservation
            for later in (edge + 1..<view.scenario.edges.count).reversed() {
                value = Self.expectedMaximum(low: reservations[later], high: maxima[later], above: value)
            }
            return max(reservations[edge], value)
        }
    }

    /// E[max(U, v)] for U uniform on [low, high].
    static func expectedMaximum(low: Double, high: Double, above v: Double) -> Double {
        guard high > low else { return max(low, v) }
        if v >= high { return v }
        if v <= low { return (low + high) / 2 }
        return (v - low) / (high - low) * v + (high * high - v * v) / (2 * (high - low))
    }
}
