import ParleyAgents
import ParleyAnalysis
import ParleyArbiter
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Synchronization
import Testing

@Suite("A match: the one way a session is played from agents")
struct MatchTests {
    @Test("Playing a match equals running the arbiter on the strategies built for its seats, and replays exactly")
    func playEqualsRunningItsSeats() async throws {
        let file = try Support.file()
        let match = Match(
            file: file, buyer: try StrategySource(AgentSpec(strategy: "tit-for-tat")), seller: try StrategySource(AgentSpec(strategy: "random")), seed: 5,
            landscape: try OutcomeLandscape(file: file)
        )
        let played = try await Support.arbiter(ManualClock()).play(match)
        let run = await Support.arbiter(ManualClock()).run(
            match.setup, buyer: try match.buyer.makeStrategy(for: match.seat(.buyer)), seller: try match.seller.makeStrategy(for: match.seat(.seller))
        )
        #expect(played == run)
        #expect(try await Support.arbiter(ManualClock()).play(match) == played)
        #expect(played.settlement.analysis != nil)
        #expect(played.transcript.header.buyer == AgentDescriptor(strategy: "tit-for-tat", spec: "tit-for-tat"))
        #expect(played.transcript.header.seed == 5)
    }

    @Test("A match's id is fixed by the seed, the scenario and the agents' names, unless given")
    func ids() throws {
        let file = try Support.file()
        let boulware = try StrategySource(AgentSpec(strategy: "boulware")), conceder = try StrategySource(AgentSpec(strategy: "conceder"))
        let match = Match(file: file, buyer: boulware, seller: conceder, seed: 1)
        #expect(match.id == .derived(seed: 1, scenario: file.scenario.id, buyer: "boulware", seller: "conceder"))
        #expect(Match(file: file, buyer: boulware, seller: conceder, seed: 2).id != match.id)
        #expect(Match(file: file, buyer: conceder, seller: boulware, seed: 1).id != match.id)
        #expect(Match(file: file, buyer: boulware, seller: conceder, seed: 1, id: SessionID(rawValue: "mine")).id == SessionID(rawValue: "mine"))
        #expect(match.setup.landscape == nil)
    }

    @Test("Each side is built for its own seat: its role, its profile, its seed, its session id")
    func seatsReachTheirSources() async throws {
        let file = try Support.file()
        let recorder = SeatRecorder(seats: .init([]))
        let match = Match(file: file, buyer: recorder, seller: recorder, seed: 3, id: SessionID(rawValue: "m"))
        _ = try await Support.arbiter(ManualClock()).play(match)
        let seen = recorder.seats.value.withLock { $0 }
        #expect(seen.map(\.role) == [.buyer, .seller])
        #expect(seen.map(\.profile) == [file.profiles[.buyer], file.profiles[.seller]])
        #expect(seen.map(\.sessionID.rawValue) == ["m-buyer", "m-seller"])
        #expect(seen.map(\.seed) == [SeededGenerator.derive(3, 1), SeededGenerator.derive(3, 2)])
    }

    @Test("An agent that cannot be built for its seat fails the match before any turn")
    func unbuildableAgentsThrow() async throws {
        var file = try Support.file()
        file.profiles[.seller] = nil
        let match = Match(file: file, buyer: try StrategySource(AgentSpec(strategy: "boulware")), seller: try StrategySource(AgentSpec(strategy: "boulware")), seed: 1)
        await #expect(throws: SessionSetupError.missingProfile(.seller)) { try await Support.arbiter(ManualClock()).play(match) }
    }
}

/// A source that records every seat it is asked to build for, and walks away at once.
struct SeatRecorder: AgentSource {
    let seats: Mutex<[Seat]>.Box

    var descriptor: AgentDescriptor { AgentDescriptor(strategy: "recorder", spec: "recorder") }
    var needsProfile: Bool { true }

    func makeStrategy(for seat: Seat) throws -> any Strategy {
        seats.value.withLock { $0.append(seat) }
        return FixedStrategy(.walkAway(reason: "done"))
    }
}

