import Foundation
import MCP
import ParleyAssembly
@testable import ParleyMCP
import ParleyTesting
import Testing

/// The take-part tools called directly (the stdio server and the official Python client are MCPCommandTests'): the
/// mistakes a client can make each get their code, and a client that does not come back loses on time.
@Suite("MCP take-part tools: mistakes named, and a session never waits forever")
struct TakePartToolsTests {
    static func code(_ result: CallTool.Result) -> String? {
        guard result.isError == true, case .object(let fields)? = result.structuredContent else { return nil }
        return fields["code"]?.stringValue
    }

    @Test func mistakesGetTheirCodesAndTheTurnStaysTheClients() async throws {
        let tools = ParleyTools(factory: AgentFactory(), store: InMemoryStore())
        let started = await tools.call("start_session", arguments: [
            "scenario": "Examples/Scenarios/raw-materials-indexation.json", "role": "buyer", "opponent": "conceder",
        ])
        guard case .object(let state)? = started.structuredContent, let handle = state["session"]?.stringValue else {
            Issue.record("no session: \(started)")
            return
        }
        #expect(state["yourTurn"]?.boolValue == true, "the seller opens; the buyer answers")
        let missing = await tools.call("make_move", arguments: ["session": .string(handle), "action": "offer", "terms": ["price_per_tonne": 800000]])
        #expect(Self.code(missing) == "invalid_terms")
        let wrongType = await tools.call("make_move", arguments: ["session": .string(handle), "action": "offer", "terms": ["price_per_tonne": 1.5]])
        #expect(Self.code(wrongType) == "invalid_argument")
        let worthless = await tools.call("make_move", arguments: ["session": .string(handle), "action": "accept"])
        #expect(Self.code(worthless) == "acceptance_below_reservation", "the seller's opening offer is worth less than walking away")
        let nonsense = await tools.call("make_move", arguments: ["session": .string(handle), "action": "haggle"])
        #expect(Self.code(nonsense) == "invalid_argument")
        #expect(Self.code(await tools.call("make_move", arguments: ["session": "play-99", "action": "walkAway"])) == "unknown_session")
        #expect(Self.code(await tools.call("start_session", arguments: ["scenario": "Examples/Scenarios/raw-materials-indexation.json", "role": "broker", "opponent": "conceder"])) == "invalid_argument")
        let still = await tools.call("session_state", arguments: ["session": .string(handle)])
        guard case .object(let after)? = still.structuredContent else { Issue.record("no state"); return }
        #expect(after["yourTurn"]?.boolValue == true && after["turn"] == state["turn"], "no refused move was played")
        let walked = await tools.call("make_move", arguments: ["session": .string(handle), "action": "walkAway", "note": "not today"])
        guard case .object(let ended)? = walked.structuredContent else { Issue.record("no state"); return }
        #expect(ended["ended"]?.boolValue == true && ended["outcome"]?.stringValue == "walkAway" && ended["storedSession"]?.intValue == 1)
    }

    @Test func aClientThatDoesNotComeBackLosesOnTime() async throws {
        let clock = ManualClock()
        var tools = ParleyTools(factory: AgentFactory(), store: nil)
        tools.clientClock = clock
        let started = await tools.call("start_session", arguments: [
            "scenario": "Examples/Scenarios/raw-materials-indexation.json", "role": "buyer", "opponent": "conceder",
        ])
        guard case .object(let state)? = started.structuredContent, let handle = state["session"]?.stringValue else {
            Issue.record("no session: \(started)")
            return
        }
        await clock.waitForSleepers()
        clock.advance(by: .seconds(599))
        let waiting = await tools.call("session_state", arguments: ["session": .string(handle)])
        #expect(waiting.structuredContent?.objectValue?["yourTurn"]?.boolValue == true, "still the client's turn before its patience runs out")
        clock.advance(by: .seconds(1))
        try await tools.takePart.running(handle).seat.waitForEnd()
        let ended = await tools.call("session_state", arguments: ["session": .string(handle)])
        #expect(ended.structuredContent?.objectValue?["outcome"]?.stringValue == "turnTimeout")
        #expect(Self.code(await tools.call("make_move", arguments: ["session": .string(handle), "action": "walkAway"])) == "session_ended")
    }
}
