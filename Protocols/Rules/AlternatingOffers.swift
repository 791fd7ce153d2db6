/// The alternating-offers protocol as a pure state machine: a state, and the actions that move it on.
///
/// ``apply(_:by:elapsed:)`` takes an action and either advances the state or throws a ``ProtocolViolation``
/// and leaves the state unchanged. It does no I/O and reads no clock: the caller passes the elapsed session time.
/// The arbiter, the HTTP transport and the tests all use this one machine.
///
/// The rules:
/// - The scenario's opener moves first; then the sides alternate. Turn *t* (from 0) belongs to the opener when
///   *t* is even. A round is one action by each side.
/// - The side to move may offer terms (every issue, each inside its domain, nothing else), accept the opponent's
///   standing offer, or walk away. Accepting needs a standing offer; the agreement is exactly that offer.
/// - Agreement and walking away close the session. So does the last turn of the last round, if it is an offer;
///   a deadline of wall-clock time alone has a last round too, ``Limits/maximumRounds``.
/// - Acting after the wall-clock deadline, or after the rounds ran out, is ``ViolationCode/pastDeadline``;
///   acting after any other close is ``ViolationCode/sessionClosed``.
public struct AlternatingOffers: Sendable, Hashable {
    /// Whether the session is still open, or how it ended.
    public enum Phase: Sendable, Hashable {
        /// Actions are accepted.
        case open
        /// The session ended.
        case closed(Outcome)
    }

    /// An offer that can still be accepted.
    public struct StandingOffer: Sendable, Hashable {
        /// The offered terms.
        public var terms: Terms
        /// The side that offered them.
        public var proposer: Role
    }

    /// The scenario whose rules apply.
    public let scenario: Scenario
    /// Open, or closed with an outcome.
    public private(set) var phase: Phase = .open
    /// The number of actions applied so far.
    public private(set) var turns = 0
    /// The last offer, which the side to move may accept.
    public private(set) var standingOffer: StandingOffer?

    /// A new session under a scenario.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// The side whose turn it is.
    public var sideToMove: Role { scenario.mover(atTurn: turns) }

    /// The current round, from 1.
    public var round: Int { turns / 2 + 1 }

    /// The outcome, once the session has closed.
    public var outcome: Outcome? {
        if case .closed(let outcome) = phase { outcome } else { nil }
    }

    /// Checks an action without applying it.
    public func check(_ action: Action, by role: Role, elapsed: Duration? = nil) throws(ProtocolViolation) {
        if case .closed(let outcome) = phase {
            if outcome == .deadline {
                throw ProtocolViolation(.pastDeadline, role: role, message: "the deadline has passed")
            }
            throw ProtocolViolation(.sessionClosed, role: role, message: "the session has closed")
        }
        if let limit = scenario.deadline.duration, let elapsed, elapsed > limit {
            throw ProtocolViolation(.pastDeadline, role: role, message: "the session's time limit has passed")
        }
        guard role == sideToMove else {
            throw ProtocolViolation(.outOfTurn, role: role, message: "it is the \(sideToMove)'s turn")
        }
        if let note = action.note, note.count > Action.maximumNoteLength {
            throw ProtocolViolation(.noteTooLong, role: role, message: "a note has at most \(Action.maximumNoteLength) characters")
        }
        switch action.move {
        case .offer(let terms):
            try checkTerms(terms, by: role)
        case .accept:
            guard standingOffer != nil else {
                throw ProtocolViolation(.noStandingOffer, role: role, message: "there is no standing offer to accept")
            }
        case .walkAway(let reason):
            if let reason, reason.count > Action.maximumNoteLength {
                throw ProtocolViolation(.noteTooLong, role: role, message: "a reason has at most \(Action.maximumNoteLength) characters")
            }
        }
    }

    /// Applies an action, or throws the violation and leaves the state as it was.
    public mutating func apply(_ action: Action, by role: Role, elapsed: Duration? = nil) throws(ProtocolViolation) {
        try check(action, by: role, elapsed: elapsed)
        turns += 1
        switch action.move {
        case .offer(let terms):
            standingOffer = StandingOffer(terms: terms, proposer: role)
            if turns >= scenario.deadline.maximumTurns {
                phase = .closed(.deadline)
            }
        case .accept:
            let offer = standingOffer!
            phase = .closed(.agreement(Agreement(terms: offer.terms, proposer: offer.proposer, turns: turns)))
        case .walkAway(let reason):
            phase = .closed(.walkAway(by: role, reason: reason))
        }
    }

    /// Ends an open session for a cause the rules cannot see: wall-clock deadline, time-out, failure or violation.
    /// Does nothing if the session has already closed.
    public mutating func close(_ outcome: Outcome) {
        guard case .open = phase else { return }
        phase = .closed(outcome)
    }

    private func checkTerms(_ terms: Terms, by role: Role) throws(ProtocolViolation) {
        // Terms built from the scenario's own outcome space are an outcome of it by construction.
        if terms.ordinal(in: scenario.issues) != nil { return }
        for issue in scenario.issues {
            guard let value = terms[issue.name] else {
                throw ProtocolViolation(.missingIssue, role: role, issue: issue.name, message: "the offer has no value for '\(issue.name)'")
            }
            guard issue.domain.accepts(kindOf: value) else {
                throw ProtocolViolation(.wrongValueType, role: role, issue: issue.name, message: "'\(issue.name)' takes a \(issue.domain.kindName) value")
            }
            guard issue.domain.index(of: value) != nil else {
                throw ProtocolViolation(.valueOutOfDomain, role: role, issue: issue.name, message: "the value of '\(issue.name)' is outside its domain")
            }
        }
        if terms.count != scenario.issues.count {
            let extra = terms.values.keys.filter { scenario.issue(named: $0) == nil }.sorted().first ?? ""
            throw ProtocolViolation(.unknownIssue, role: role, issue: extra, message: "the scenario has no issue '\(extra)'")
        }
    }
}
