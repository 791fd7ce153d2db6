public import ParleyProtocol

/// The limit an agent may not cross on its principal's behalf: it never offers, and never accepts, terms worth
/// less to its principal than walking away (the profile's reservation value).
///
/// The framework enforces it, not a prompt: ``LLMAgent`` checks every reply of its model with ``breach(of:standingOffer:)``
/// and plays a mandate-keeping move when the model cannot give one. Walking away is always within the mandate.
public struct Mandate: Sendable {
    /// The principal's utility function; its reservation value is the floor.
    public let utility: UtilityFunction

    /// The mandate of a principal's compiled profile.
    public init(utility: UtilityFunction) { self.utility = utility }

    /// The lowest utility an offer or an acceptance may be worth: the reservation value.
    public var floor: Double { utility.reservation }

    /// Whether terms are worth at least the floor; terms outside the scenario are not.
    public func allows(_ terms: Terms) -> Bool {
        guard let value = utility.utility(of: terms) else { return false }
        return value >= floor
    }

    /// How an action would break the mandate, or `nil` when it keeps it.
    ///
    /// - Parameter standingOffer: the opponent's offer an `accept` would agree to.
    public func breach(of action: Action, standingOffer: Terms?) -> MandateBreach? {
        switch action.move {
        case .offer(let terms):
            allows(terms) ? nil : .offerBelowReservation
        case .accept:
            standingOffer.map(allows) == true ? nil : .acceptanceBelowReservation
        case .walkAway:
            nil
        }
    }
}

/// How an action breaks a ``Mandate``. The messages say what is wrong without quoting the profile's values.
public struct MandateBreach: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The offered terms are worth less to the principal than walking away.
        public static let offerBelowReservation = Code(rawValue: "offer_below_reservation")
        /// The accepted offer is worth less to the principal than walking away, or there is none to accept.
        public static let acceptanceBelowReservation = Code(rawValue: "acceptance_below_reservation")
    }

    /// What kind of breach.
    public var code: Code
    /// For the model and for people.
    public var message: String

    /// The offered terms are worth less to the principal than walking away.
    public static let offerBelowReservation = Self(
        code: .offerBelowReservation,
        message: "the offered terms are worth less to your principal than walking away; offer terms worth more to your side"
    )

    /// The accepted offer is worth less to the principal than walking away, or there is none to accept.
    public static let acceptanceBelowReservation = Self(
        code: .acceptanceBelowReservation,
        message: "accepting would agree to terms worth less to your principal than walking away; make a counter-offer instead"
    )

    /// The message.
    public var description: String { message }
}
