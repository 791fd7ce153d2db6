public import ParleyProtocol

/// Everything about a scenario's outcome space that does not depend on the session: both sides' utilities,
/// the Pareto frontier, and the Nash, Kalai–Smorodinsky and egalitarian points.
///
/// Building it enumerates the space once, O(n log n); analysing a settlement afterwards costs O(frontier).
/// Build one per scenario and pair of profiles, and share it between sessions.
public struct OutcomeLandscape: Sendable {
    /// The buyer's compiled profile.
    public let buyer: UtilityFunction
    /// The seller's compiled profile.
    public let seller: UtilityFunction
    /// The outcome space.
    public let space: OutcomeSpace
    /// The Pareto frontier.
    public let frontier: ParetoFrontier
    /// The Nash point, if any outcome is rational for both sides.
    public let nash: OutcomePoint?
    /// The Kalai–Smorodinsky point, if any outcome is rational for both sides.
    public let kalaiSmorodinsky: OutcomePoint?
    /// The egalitarian point, if any outcome is rational for both sides.
    public let egalitarian: OutcomePoint?
    /// The scenario's deadline, which sets the time at which discounted utilities are taken.
    public let deadline: Deadline

    /// Analyses a scenario under both profiles.
    public init(scenario: Scenario, buyer: Profile, seller: Profile) throws(LandscapeError) {
        guard let space = OutcomeSpace(scenario) else { throw .outcomeSpaceTooLarge(limit: OutcomeSpace.maximumCount) }
        let buyerUtility: UtilityFunction
        let sellerUtility: UtilityFunction
        do {
            buyerUtility = try UtilityFunction(profile: buyer, scenario: scenario)
            sellerUtility = try UtilityFunction(profile: seller, scenario: scenario)
        } catch {
            throw .invalidProfile(error)
        }
        let frontier = ParetoFrontier(buyer: buyerUtility.utilities(over: space), seller: sellerUtility.utilities(over: space))
        let (rb, rs) = (buyerUtility.reservation, sellerUtility.reservation)
        let nashPoint = frontier.best(reservations: rb, rs) { ($0.buyer - rb) * ($0.seller - rs) }
        let kalaiPoint = frontier.kalaiSmorodinsky(reservations: rb, rs)
        let egalitarianPoint = frontier.best(reservations: rb, rs) { min($0.buyer - rb, $0.seller - rs) }
        func outcome(_ point: ParetoFrontier.Point?) -> OutcomePoint? {
            point.map { OutcomePoint(terms: space.terms(at: $0.ordinal), buyer: $0.buyer, seller: $0.seller) }
        }
        self.buyer = buyerUtility
        self.seller = sellerUtility
        self.space = space
        self.frontier = frontier
        nash = outcome(nashPoint)
        kalaiSmorodinsky = outcome(kalaiPoint)
        egalitarian = outcome(egalitarianPoint)
        deadline = scenario.deadline
    }

    /// The distance in utility space from (1, 1) to the nearest outcome (see ``ScenarioStatistics/opposition``). The
    /// nearest outcome is on the frontier: an outcome that dominates another is at least as near.
    public var opposition: Double { frontier.distance(buyer: 1, seller: 1) }

    /// Both sides' utilities of terms, or `nil` when the terms are not an outcome of the scenario.
    public func utilities(of terms: Terms) -> (buyer: Double, seller: Double)? {
        guard let b = buyer.utility(of: terms), let s = seller.utility(of: terms) else { return nil }
        return (b, s)
    }

    /// Judges how a session ended after `rounds` rounds begun and `elapsed` seconds; the two set the time at which a
    /// discounting profile's utility is taken (``Deadline/discountTime(round:elapsed:)``).
    public func analyze(_ outcome: Outcome, rounds: Int, elapsed: Double) -> SettlementAnalysis {
        let agreed = outcome.agreement.flatMap { utilities(of: $0.terms) }
        let (b, s) = agreed ?? (buyer.reservation, seller.reservation)
        let (gainB, gainS) = (b - buyer.reservation, s - seller.reservation)
        let discounts = buyer.discount != nil || seller.discount != nil
        let t = discounts ? deadline.discountTime(round: rounds, elapsed: elapsed) : nil
        func discounted(_ utility: Double, by function: UtilityFunction) -> Double? {
            guard let t, function.discount != nil else { return nil }
            return function.discounted(utility, at: t)
        }
        return SettlementAnalysis(
            buyer: .init(utility: b, reservation: buyer.reservation, maximum: buyer.maximum, discountedUtility: discounted(b, by: buyer)),
            seller: .init(utility: s, reservation: seller.reservation, maximum: seller.maximum, discountedUtility: discounted(s, by: seller)),
            agreed: agreed != nil,
            individuallyRational: gainB >= 0 && gainS >= 0,
            socialWelfare: b + s,
            nashProduct: gainB >= 0 && gainS >= 0 ? gainB * gainS : 0,
            paretoOptimal: agreed != nil && frontier.isOptimal(buyer: b, seller: s),
            distanceToPareto: frontier.distance(buyer: b, seller: s),
            distanceToNash: nash?.distance(toBuyer: b, seller: s),
            distanceToKalaiSmorodinsky: kalaiSmorodinsky?.distance(toBuyer: b, seller: s),
            distanceToEgalitarian: egalitarian?.distance(toBuyer: b, seller: s),
            nash: nash,
            kalaiSmorodinsky: kalaiSmorodinsky,
            egalitarian: egalitarian,
            frontierSize: frontier.points.count,
            outcomeCount: space.count,
            discountTime: t
        )
    }
}

/// Why a landscape could not be built.
public struct LandscapeError: CodedError {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The outcome space is larger than Parley enumerates.
        public static let outcomeSpaceTooLarge = Code(rawValue: "outcome_space_too_large")
        /// A profile does not fit the scenario.
        public static let invalidProfile = Code(rawValue: "invalid_profile")
    }

    /// What kind of failure.
    public var code: Code
    /// The largest outcome space enumerated, for ``Code/outcomeSpaceTooLarge``.
    public var limit: Int?
    /// The profile's problems, for ``Code/invalidProfile``.
    public var failure: ValidationFailure?

    /// The outcome space has more than `limit` outcomes.
    public static func outcomeSpaceTooLarge(limit: Int) -> Self {
        Self(code: .outcomeSpaceTooLarge, limit: limit, failure: nil)
    }

    /// A profile does not fit the scenario.
    public static func invalidProfile(_ failure: ValidationFailure) -> Self {
        Self(code: .invalidProfile, limit: nil, failure: failure)
    }

    /// For people.
    public var message: String {
        if let failure { return "a profile does not fit the scenario:\n\(failure)" }
        return "the outcome space has more than \(limit ?? 0) outcomes"
    }

    /// The message.
    public var description: String { message }
}
