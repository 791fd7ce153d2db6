import ParleyAnalysis
import ParleyProtocol
import ParleyLedger
import ParleyReports
import ParleyTournament
import Testing

@Suite("Leaderboard")
struct LeaderboardTests {
    static func entry(
        _ buyer: String, _ seller: String, buyerUtility: Double, sellerUtility: Double, outcome: Outcome.Kind = .agreement, causedBy: Role? = nil,
        rounds: Int = 10, nash: Double? = 0.1
    ) -> TournamentEntry {
        TournamentEntry(
            tournament: "t", index: 0, repetition: 0,
            summary: SessionSummary(
                sessionID: SessionID(rawValue: "s-1"), scenarioID: "s", buyer: buyer, seller: seller, seed: 1, startedAt: "2027-01-15T08:00:00Z",
                outcome: outcome, causedBy: causedBy, turns: 2 * rounds
            ),
            rounds: rounds, agreed: outcome == .agreement, buyerUtility: buyerUtility, sellerUtility: sellerUtility,
            buyerAdvantage: buyerUtility / 2, sellerAdvantage: sellerUtility / 2, welfare: buyerUtility + sellerUtility, distanceToNash: nash,
            distanceToPareto: 0.05
        )
    }

    @Test func figuresAreMeasuredFromEachAgentsOwnSide() throws {
        let board = Leaderboard(entries: [
            Self.entry("a", "b", buyerUtility: 0.8, sellerUtility: 0.4, rounds: 10),
            Self.entry("b", "a", buyerUtility: 0.5, sellerUtility: 0.6, rounds: 20, nash: nil),
            Self.entry("a", "b", buyerUtility: 0.3, sellerUtility: 0.2, outcome: .deadline, rounds: 50),
            Self.entry("b", "a", buyerUtility: 0.3, sellerUtility: 0.2, outcome: .walkAway, causedBy: .buyer, rounds: 3),
        ], agents: ["a", "b"])
        let a = try #require(board.rows.first { $0.agent == "a" })
        let b = try #require(board.rows.first { $0.agent == "b" })
        #expect(a.sessions == 4 && b.sessions == 4)
        #expect(abs(a.meanUtility - (0.8 + 0.6 + 0.3 + 0.2) / 4) < 1e-12)
        #expect(abs(b.meanUtility - (0.4 + 0.5 + 0.2 + 0.3) / 4) < 1e-12)
        #expect(abs(a.meanAdvantage - a.meanUtility / 2) < 1e-12)
        #expect(a.agreementRate == 0.5)
        #expect(a.meanRoundsToAgreement == 15)
        #expect(abs((a.meanDistanceToNash ?? 0) - 0.1) < 1e-12, "sessions without a Nash point are left out of its mean")
        #expect(a.failures == ["deadline": 1])
        #expect(b.failures == ["deadline": 1, "walkAway": 1], "a walk-away counts against the side that walked")
        #expect(board.sessions == 4 && board.agreementRate == 0.5)
        #expect(board.pairwise["a"]?["b"] == a.meanUtility)
        #expect(board.note?.contains("Fewer than 10") == true)
    }

    @Test func ranksAreRangesWhereIntervalsOverlap() throws {
        var entries: [TournamentEntry] = []
        for step in 0..<20 {
            let jitter = Double(step % 5) * 0.01
            entries.append(Self.entry("strong", "weak", buyerUtility: 0.9 - jitter, sellerUtility: 0.1 + jitter))
            entries.append(Self.entry("middle", "weak", buyerUtility: 0.6 - jitter, sellerUtility: 0.2 + jitter))
            entries.append(Self.entry("close", "weak", buyerUtility: 0.61 - jitter, sellerUtility: 0.2 + jitter))
        }
        let board = Leaderboard(entries: entries, agents: ["strong", "middle", "close", "weak"])
        #expect(board.rows.map(\.agent) == ["strong", "close", "middle", "weak"])
        #expect(board.rows.map(\.rank) == ["1", "2–3", "2–3", "4"])
        #expect(board.note == nil)
        let interval = try #require(board.rows[0].utilityInterval)
        // Utilities 0.90, 0.89, …, 0.86, four times each: sd = 0.01451, t(19) = 2.093.
        #expect(abs(interval - 2.093 * 0.014509525 / 20.0.squareRoot()) < 1e-6)
    }

    @Test func aSampleTooSmallToRankSaysSo() {
        let board = Leaderboard(entries: [Self.entry("a", "b", buyerUtility: 0.7, sellerUtility: 0.3)], agents: ["a", "b"])
        #expect(board.rows.allSatisfy { $0.rank == nil && $0.utilityInterval == nil })
        #expect(board.note?.hasPrefix("Too few sessions to rank") == true)
        #expect(board.table.contains("Too few sessions to rank"))
    }

    @Test func formatsCarryEveryAgentAndAKey() {
        let board = Leaderboard(entries: [
            Self.entry("boulware:e=0.1", "a,b", buyerUtility: 0.7, sellerUtility: 0.3),
            Self.entry("a,b", "boulware:e=0.1", buyerUtility: 0.6, sellerUtility: 0.5),
        ], agents: ["boulware:e=0.1", "a,b"])
        let csv = board.csv.split(separator: "\n")
        #expect(csv.count == 3)
        #expect(csv[0].hasPrefix("best_rank,worst_rank,agent,sessions,mean_utility"))
        #expect(csv.contains { $0.contains("\"a,b\"") }, "fields with commas are quoted")
        #expect(board.markdown.contains("| agent |") && board.markdown.contains("d(Pareto)"))
        #expect(board.markdown.contains("advantage: mean (u − r)/(max − r)"))
        #expect(board.table.split(separator: "\n")[0].hasPrefix("rank  agent"))
        // Nothing discounts: no undiscounted column, and its CSV field is empty.
        #expect(!board.table.contains("undiscounted") && !board.markdown.contains("| undiscounted |"))
        // Nor does any agent consult a model: no LLM columns, and their fourteen CSV fields are empty.
        #expect(!board.table.contains("LLM moves") && !board.markdown.contains("tokens/session |"))
        #expect(csv[0].hasSuffix(",mean_undiscounted_utility,mean_model_pearson,mean_model_kendall,llm_requests,llm_prompt_tokens,llm_completion_tokens,llm_cost,llm_currency,llm_latency_seconds,llm_model_moves,llm_fallback_moves,llm_strategy_moves,llm_mandate_refusals,llm_notes_withheld,llm_judged_notes,llm_mean_note_leak,llm_mean_note_format"))
        #expect(csv.dropFirst().allSatisfy { $0.hasSuffix(String(repeating: ",", count: 17)) })
    }

    /// Under discounting profiles, agents are ranked by what their principals got (utility × δ^t), with the
    /// undiscounted mean beside it; a side whose profile does not discount counts its utility.
    @Test func discountedUtilityRanksAndUndiscountedStandsBesideIt() throws {
        var entries: [TournamentEntry] = []
        for step in 0..<10 {
            let jitter = Double(step % 5) * 0.001
            // "slow" gets more, but late: discounted it gets less than "quick".
            var slow = Self.entry("slow", "other", buyerUtility: 0.8 + jitter, sellerUtility: 0.3)
            slow.buyerDiscountedUtility = 0.4 + jitter
            var quick = Self.entry("quick", "other", buyerUtility: 0.6 + jitter, sellerUtility: 0.3)
            quick.buyerDiscountedUtility = 0.55 + jitter
            entries += [slow, quick]
        }
        let board = Leaderboard(entries: entries, agents: ["slow", "quick", "other"])
        #expect(board.rows.map(\.agent) == ["quick", "slow", "other"])
        let quick = try #require(board.rows.first { $0.agent == "quick" })
        #expect(abs(quick.meanUtility - 0.552) < 1e-12 && abs((quick.meanUndiscountedUtility ?? 0) - 0.602) < 1e-12)
        // The seller's profile does not discount: no undiscounted figure of its own.
        #expect(board.rows.first { $0.agent == "other" }?.meanUndiscountedUtility == nil)
        #expect(board.pairwise["quick"]?["other"] == quick.meanUtility)
        #expect(board.table.split(separator: "\n")[0].contains("±95%  undiscounted"))
        #expect(board.table.contains("Some profiles discount time"))
        #expect(board.markdown.contains("| ±95% | undiscounted |"))
        let csv = board.csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csv[1].hasPrefix("1,1,quick,") && csv[1].hasSuffix(",\(quick.meanUndiscountedUtility!),," + String(repeating: ",", count: 14)))
    }

    /// Model accuracy is averaged over the sessions in which an agent carried a model, and shown only then.
    @Test func modelAccuracyIsAveragedAndShownWhenPresent() throws {
        var first = Self.entry("modelled", "plain", buyerUtility: 0.6, sellerUtility: 0.4)
        first.buyerModelAccuracy = ModelAccuracy(pearson: 0.8, kendall: 0.6)
        var second = Self.entry("plain", "modelled", buyerUtility: 0.5, sellerUtility: 0.5)
        second.sellerModelAccuracy = ModelAccuracy(pearson: 0.4, kendall: 0.2)
        let board = Leaderboard(entries: [first, second], agents: ["modelled", "plain"])
        let modelled = try #require(board.rows.first { $0.agent == "modelled" })
        #expect(abs((modelled.meanModelPearson ?? 0) - 0.6) < 1e-12 && abs((modelled.meanModelKendall ?? 0) - 0.4) < 1e-12)
        #expect(board.rows.first { $0.agent == "plain" }?.meanModelPearson == nil)
        #expect(board.table.split(separator: "\n")[0].contains("rounds  model r  model τ  no agreement"))
        #expect(board.csv.split(separator: "\n")[0].contains(",mean_model_pearson,mean_model_kendall,llm_requests,"))
    }

    /// What an agent's model cost is summed over its sessions, on whichever side it played, and shown only then.
    @Test func modelUsageIsSummedAndShownWhenPresent() throws {
        var usage = ModelUsage()
        (usage.requests, usage.promptTokens, usage.completionTokens, usage.cost, usage.currency) = (4, 4000, 400, 0.25, Currency(rawValue: "USD"))
        (usage.latency, usage.modelMoves, usage.fallbackMoves) = (2, 3, 1)
        var first = Self.entry("llm", "plain", buyerUtility: 0.6, sellerUtility: 0.4)
        first.buyerModelUsage = usage
        var second = Self.entry("plain", "llm", buyerUtility: 0.5, sellerUtility: 0.5)
        second.sellerModelUsage = usage
        let board = Leaderboard(entries: [first, second], agents: ["llm", "plain"])
        let total = try #require(board.rows.first { $0.agent == "llm" }?.modelUsage)
        #expect(total.requests == 8 && total.tokens == 8800 && total.cost == 0.5 && total.meanLatency == 0.5 && total.modelMoves == 6)
        #expect(board.rows.first { $0.agent == "plain" }?.modelUsage == nil)
        let header = board.table.split(separator: "\n")[0]
        #expect(header.contains("LLM moves  tokens/session") && header.contains("cost  latency  no agreement"))
        let line = try #require(board.table.split(separator: "\n").first { $0.contains("llm ") })
        #expect(line.contains("75%") && line.contains("4400") && line.contains("0.5000 USD") && line.contains("0.50 s"), "\(line)")
        #expect(board.csv.contains(",8,8000,800,0.5,USD,4.0,6,2,0,0,0,0,,"))
        #expect(!board.table.contains("note leak"), "no judge, no judge columns")
    }
}
