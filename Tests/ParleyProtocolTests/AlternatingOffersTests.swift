import ParleyProtocol
import Testing

@Suite("Alternating-offers rules")
struct AlternatingOffersTests {
    let scenario = Fixtures.reference.scenario
    let fair = Fixtures.terms(price: 15000, quantity: 50, days: 5)

    /// Applies an action that must break a rule and returns the violation; checks that the state did not move.
    func violation(_ action: Action, by role: Role, in state: AlternatingOffers, elapsed: Duration? = nil) throws -> ProtocolViolation {
        var copy = state
        let error = try #require(throws: ProtocolViolation.self) { try copy.apply(action, by: role, elapsed: elapsed) }
        #expect(copy == state, "a refused action leaves the state unchanged")
        #expect(error.role == role)
        return error
    }

    @Test func openerMovesFirstAndSidesAlternate() throws {
        var rules = AlternatingOffers(scenario: scenario)
        #expect(rules.sideToMove == .buyer)
        try rules.apply(.offer(fair), by: .buyer)
        #expect(rules.sideToMove == .seller)
        #expect(rules.standingOffer?.proposer == .buyer)
        #expect(rules.round == 1)
        try rules.apply(.offer(fair), by: .seller)
        #expect(rules.sideToMove == .buyer)
        #expect(rules.round == 2)
    }

    @Test func outOfTurn() throws {
        let rules = AlternatingOffers(scenario: scenario)
        #expect(try violation(.offer(fair), by: .seller, in: rules).code == .outOfTurn)
    }

    @Test func acceptWithoutStandingOffer() throws {
        let rules = AlternatingOffers(scenario: scenario)
        #expect(try violation(.accept, by: .buyer, in: rules).code == .noStandingOffer)
    }

    @Test(arguments: [
        Fixtures.terms(price: 9900, quantity: 50, days: 5),   // below the range
        Fixtures.terms(price: 15050, quantity: 50, days: 5),  // off the step
        Fixtures.terms(price: 15000, quantity: 110, days: 5), // above the range
    ])
    func valueOutOfDomain(terms: Terms) throws {
        let error = try violation(.offer(terms), by: .buyer, in: AlternatingOffers(scenario: scenario))
        #expect(error.code == .valueOutOfDomain)
        #expect(error.issue != nil)
    }

    @Test func unknownOptionIsOutOfDomain() throws {
        let options = Scenario(
            id: "o", name: "o", issues: [Issue(name: "payment", domain: .options(["prepaid", "net30"]))],
            opener: .seller, deadline: Deadline(rounds: 3)
        )
        let error = try violation(.offer(["payment": .option("net90")]), by: .seller, in: AlternatingOffers(scenario: options))
        #expect(error.code == .valueOutOfDomain)
        #expect(error.issue == "payment")
    }

    @Test func wrongValueType() throws {
        var terms = fair
        terms["quantity"] = .option("lots")
        let error = try violation(.offer(terms), by: .buyer, in: AlternatingOffers(scenario: scenario))
        #expect(error.code == .wrongValueType)
        #expect(error.issue == "quantity")
    }

    @Test func missingIssue() throws {
        var terms = fair
        terms["delivery_days"] = nil
        let error = try violation(.offer(terms), by: .buyer, in: AlternatingOffers(scenario: scenario))
        #expect(error.code == .missingIssue)
        #expect(error.issue == "delivery_days")
    }

    @Test func unknownIssue() throws {
        var terms = fair
        terms["warranty"] = .integer(12)
        let error = try violation(.offer(terms), by: .buyer, in: AlternatingOffers(scenario: scenario))
        #expect(error.code == .unknownIssue)
        #expect(error.issue == "warranty")
    }

    @Test func actingAfterCloseIsSessionClosed() throws {
        var rules = AlternatingOffers(scenario: scenario)
        try rules.apply(.walkAway(reason: "no"), by: .buyer)
        #expect(rules.outcome == .walkAway(by: .buyer, reason: "no"))
        #expect(try violation(.offer(fair), by: .seller, in: rules).code == .sessionClosed)
    }

    @Test func actingAfterTheRoundsRunOutIsPastDeadline() throws {
        var short = scenario
        short.deadline = Deadline(rounds: 1)
        var rules = AlternatingOffers(scenario: short)
        try rules.apply(.offer(fair), by: .buyer)
        try rules.apply(.offer(fair), by: .seller)
        #expect(rules.outcome == .deadline)
        #expect(try violation(.accept, by: .buyer, in: rules).code == .pastDeadline)
    }

    @Test func actingAfterTheTimeRunsOutIsPastDeadline() throws {
        var timed = scenario
        timed.deadline = Deadline(seconds: 10)
        let rules = AlternatingOffers(scenario: timed)
        #expect(try violation(.offer(fair), by: .buyer, in: rules, elapsed: .seconds(11)).code == .pastDeadline)
        var open = rules
        try open.apply(.offer(fair), by: .buyer, elapsed: .seconds(9))
        #expect(open.turns == 1)
    }

    @Test func longNoteIsRefused() throws {
        let long = String(repeating: "x", count: Action.maximumNoteLength + 1)
        let rules = AlternatingOffers(scenario: scenario)
        #expect(try violation(.offer(fair, note: long), by: .buyer, in: rules).code == .noteTooLong)
        #expect(try violation(.walkAway(reason: long), by: .buyer, in: rules).code == .noteTooLong)
        var fine = rules
        try fine.apply(.offer(fair, note: String(repeating: "x", count: Action.maximumNoteLength)), by: .buyer)
        #expect(fine.turns == 1)
    }

    @Test func agreementIsExactlyTheStandingOffer() throws {
        var rules = AlternatingOffers(scenario: scenario)
        let counter = Fixtures.terms(price: 18000, quantity: 20, days: 9)
        try rules.apply(.offer(fair), by: .buyer)
        try rules.apply(.offer(counter), by: .seller)
        try rules.apply(.accept, by: .buyer)
        #expect(rules.outcome == .agreement(Agreement(terms: counter, proposer: .seller, turns: 3)))
    }

    @Test func closeRecordsAnExternalEndOnce() {
        var rules = AlternatingOffers(scenario: scenario)
        rules.close(.turnTimeout(by: .buyer))
        rules.close(.deadline)
        #expect(rules.outcome == .turnTimeout(by: .buyer))
    }
}
