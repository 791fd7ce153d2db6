import ParleyAgents
import ParleyProtocol
import Testing

@Suite("Agent sources: seats and in-process strategies")
struct AgentSourceTests {
    @Test("A seat in a session gets its side's profile, a seed of its own, and the session id with its side")
    func seatOfASession() throws {
        let file = try Support.scenarioFile("reference-supply")
        let session = SessionID(rawValue: "s-1")
        let buyer = Seat(file: file, role: .buyer, sessionSeed: 9, session: session)
        let seller = Seat(file: file, role: .seller, sessionSeed: 9, session: session)
        #expect(buyer.profile == file.profiles[.buyer])
        #expect(seller.profile == file.profiles[.seller])
        #expect(buyer.seed == SeededGenerator.derive(9, 1))
        #expect(seller.seed == SeededGenerator.derive(9, 2))
        #expect(buyer.seed != seller.seed)
        #expect(buyer.sessionID == SessionID(rawValue: "s-1-buyer"))
        #expect(seller.sessionID == SessionID(rawValue: "s-1-seller"))
    }

    @Test("A strategy source names itself by its spec or by the name it was given")
    func descriptors() throws {
        let spec = try AgentSpec(parsing: "boulware:e=0.1")
        #expect(try StrategySource(spec).descriptor == AgentDescriptor(strategy: "boulware", spec: "boulware:e=0.1"))
        #expect(try StrategySource(spec, name: "patient").descriptor == AgentDescriptor(strategy: "boulware", spec: "patient"))
        #expect(try StrategySource(spec).needsProfile)
    }

    @Test("An unknown strategy or parameter fails when the source is made, not when a session starts")
    func unknownSpecsFailEarly() {
        #expect(throws: AgentSpecError.self) { try StrategySource(AgentSpec(strategy: "nobody")) }
        #expect(throws: AgentSpecError.self) { try StrategySource(AgentSpec(parsing: "boulware:speed=3")) }
    }

    @Test("A seat without a profile, or with one that does not fit, is a typed setup error")
    func seatsThatCannotBePlayed() throws {
        var file = try Support.scenarioFile("reference-supply")
        let source = try StrategySource(AgentSpec(strategy: "boulware"))
        var seat = Seat(file: file, role: .seller, sessionSeed: 1, session: SessionID(rawValue: "s"))
        seat.profile = nil
        #expect(throws: SessionSetupError.missingProfile(.seller)) { try source.makeStrategy(for: seat) }
        file.profiles[.seller]?.issues["price"]?.weight = -1
        let invalid = Seat(file: file, role: .seller, sessionSeed: 1, session: SessionID(rawValue: "s"))
        #expect {
            try source.makeStrategy(for: invalid)
        } throws: { error in
            guard let error = error as? SessionSetupError, error.code == .invalidScenario else { return false }
            return error.problems.contains { $0.path.contains("price") }
        }
    }

    @Test("The strategy built for a seat plays as the registry's strategy for the same context")
    func buildsTheRegistrysStrategy() async throws {
        let file = try Support.scenarioFile("reference-supply")
        let seat = Seat(file: file, role: .buyer, sessionSeed: 4, session: SessionID(rawValue: "s"))
        let cache = BiddingIndexCache()
        var fromSource = try StrategySource(AgentSpec(strategy: "random"), indexes: cache).makeStrategy(for: seat)
        var direct = try StrategyRegistry.builtIns.makeStrategy(
            AgentSpec(strategy: "random"), context: try AgentContext(scenario: file.scenario, role: .buyer, profile: file.profiles[.buyer]!, seed: seat.seed, indexes: cache)
        )
        for turn in [1, 3, 5] {
            let view = Support.view(file, .buyer, turn: turn, offer: nil)
            let mine = try await fromSource.respond(to: view), theirs = try await direct.respond(to: view)
            #expect(mine == theirs)
        }
    }
}
