import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyProtocol
import ParleyRecords
import ParleyReports
import ParleyTournament
import Testing

@Suite("Tournament plans")
struct TournamentPlanTests {
    @Test func everyAgentMeetsEveryOtherInBothRolesOnEveryScenario() throws {
        let plan = try TournamentSupport.plan(agents: "boulware,linear,conceder", repetitions: 2)
        #expect(plan.total == 2 * 6 * 2)
        let sessions = (0..<plan.total).map(plan.session(at:))
        #expect(sessions.map(\.index) == Array(0..<plan.total))
        for scenario in 0..<2 {
            for buyer in 0..<3 {
                for seller in 0..<3 where seller != buyer {
                    let matching = sessions.filter { $0.scenario == scenario && $0.buyer == buyer && $0.seller == seller }
                    #expect(matching.map(\.repetition) == [0, 1])
                }
            }
        }
        #expect(!sessions.contains { $0.buyer == $0.seller }, "no self-play unless asked")
        #expect(try TournamentSupport.plan(agents: "boulware,linear,conceder", repetitions: 2, selfPlay: true).total == 2 * 9 * 2)
    }

    @Test func seedsAreDerivedFromTheCoordinatesAndDiffer() throws {
        let plan = try TournamentSupport.plan()
        let again = try TournamentSupport.plan()
        let seeds = (0..<plan.total).map { plan.session(at: $0).seed }
        #expect(seeds == (0..<again.total).map { again.session(at: $0).seed })
        #expect(Set(seeds).count == seeds.count)
        let other = try TournamentSupport.plan(seed: 8)
        #expect(other.session(at: 3).seed != plan.session(at: 3).seed)
        #expect(plan.session(at: 5).seed == TournamentPlan.sessionSeed(
            tournamentSeed: 7, scenario: plan.scenarios[plan.session(at: 5).scenario].scenario.id,
            buyer: plan.agents[plan.session(at: 5).buyer].description, seller: plan.agents[plan.session(at: 5).seller].description, repetition: 1
        ))
    }

    @Test func theIdFollowsEverythingThatDecidesResults() throws {
        let plan = try TournamentSupport.plan()
        #expect(plan.id == (try TournamentSupport.plan()).id)
        #expect(plan.id.hasPrefix("t-") && plan.id.count == 18)
        #expect(plan.id != (try TournamentSupport.plan(seed: 8)).id)
        #expect(plan.id != (try TournamentSupport.plan(repetitions: 3)).id)
        #expect(plan.id != (try TournamentSupport.plan(agents: "linear,boulware,conceder,tit-for-tat,random")).id)
        var edited = try TournamentSupport.file("reference-supply")
        edited.profiles[.buyer]?.reservation = 0.1
        let editedPlan = try TournamentPlan(scenarios: [edited, plan.scenarios[1]], agents: plan.agents, repetitions: 2, seed: 7)
        #expect(plan.id != editedPlan.id, "an edited scenario file makes a new tournament")
        // Revealing profiles (an oracle experiment) makes another tournament; not revealing them leaves the stored
        // plan as it was before the option existed.
        #expect(!plan.planJSON.contains("revealsProfiles"))
        let revealing = try TournamentPlan(scenarios: plan.scenarios, agents: plan.agents, repetitions: plan.repetitions, seed: plan.seed, revealsProfiles: true)
        #expect(revealing.planJSON.contains("\"revealsProfiles\":true") && revealing.id != plan.id)
    }

    @Test func badPlansAreRefusedWithCodes() throws {
        let file = try TournamentSupport.file("reference-supply")
        let boulware = AgentSpec(strategy: "boulware")
        #expect(throws: TournamentError.self) { try TournamentPlan(scenarios: [], agents: [boulware, AgentSpec(strategy: "linear")]) }
        #expect(throws: TournamentError(.emptyPlan, "a tournament needs at least two agents (or one with self-play)")) {
            try TournamentPlan(scenarios: [file], agents: [boulware])
        }
        #expect(try TournamentPlan(scenarios: [file], agents: [boulware], selfPlay: true).total == 1)
        do {
            _ = try TournamentPlan(scenarios: [file], agents: [boulware, boulware])
            Issue.record("a duplicate agent was accepted")
        } catch {
            #expect(error.code == .duplicateAgent)
        }
        let tuned = try AgentSpec(parsing: "boulware:e=0.1")
        #expect(try TournamentPlan(scenarios: [file], agents: [boulware, tuned]).total == 2, "the same strategy twice with different parameters")
        do {
            _ = try TournamentPlan(scenarios: [file, file], agents: [boulware, tuned])
            Issue.record("a duplicate scenario was accepted")
        } catch {
            #expect(error.code == .duplicateScenario)
        }
    }
}
