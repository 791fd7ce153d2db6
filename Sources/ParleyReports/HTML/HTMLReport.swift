import Foundation
import ParleyAnalysis
public import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyTournament

/// A tournament as one self-contained HTML page (`index.html`): the sortable leaderboard with its intervals drawn,
/// the pairwise matrix overall and per scenario, outcome causes per agent, each scenario's outcome space, every
/// session in a filterable table, and replays of sessions in the two sides' utility space with their transcripts,
/// settlements and integrity. Inline CSS, script and SVG only: it opens from disk, with no network.
///
/// The tables are plain HTML and read without JavaScript; the script adds sorting, filters and replays. A
/// tournament of more than ``maximumSessions`` sessions embeds the first repetitions of every scenario and pairing
/// up to that many, and replays for about ``maximumReplays`` sessions (as many of each scenario and pairing, or one
/// from every few when there are more scenario-pairing cells than that); the page says so. The leaderboard, the matrix and the outcome counts always cover every session.
public struct HTMLReport: Sendable {
    /// The most sessions listed in the page.
    public static let maximumSessions = 20_000
    /// The most sessions the page can replay.
    public static let maximumReplays = 500
    /// The most frontier points drawn per scenario.
    static let maximumFrontierPoints = 400

    /// The tournament's report.
    public let report: TournamentReport
    /// The most sessions this page lists (``maximumSessions`` unless a test sets fewer).
    public var sessionLimit = Self.maximumSessions
    /// The most sessions this page replays, about (``maximumReplays`` unless a test sets fewer).
    public var replayLimit = Self.maximumReplays

    /// The page of a tournament's report.
    public init(report: TournamentReport) {
        self.report = report
    }

    /// The page, read from the store as a stream plus one record per replayed session.
    public func html(store: some TranscriptStore) throws -> String {
        let plan = report.plan
        let agentIndex = Dictionary(plan.agents.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let scenarioIndex = Dictionary(plan.scenarios.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairings = plan.agents.count * (plan.selfPlay ? plan.agents.count : plan.agents.count - 1)
        let cells = max(1, plan.scenarios.count * pairings)
        let total = report.tournament.completed
        let sessionsPerCell = total > sessionLimit ? max(1, sessionLimit / cells) : Int.max
        let replaysPerCell = total > replayLimit ? max(1, replayLimit / cells) : Int.max
        // With more scenario-pairing cells than replays, one replay from every few cells, spread evenly.
        let replayCellStride = total > replayLimit ? max(1, (cells + replayLimit - 1) / replayLimit) : 1
        let repetitions = max(1, plan.repetitions)

        var data = HTMLReportData(agents: plan.agents, scenarios: plan.scenarios.map { HTMLReportData.ScenarioData(id: $0.id) })
        var matrices = PairwiseMatrices(agents: plan.agents.count, scenarios: plan.scenarios.count)
        var outcomes = [[String: Int]](repeating: [:], count: plan.agents.count)
        var replayTargets: [TournamentEntry] = []
        var firstSession: [Int: Int] = [:]
        try store.forEachEntry(of: report.tournament.id) { entry in
            guard let buyer = agentIndex[entry.buyer], let seller = agentIndex[entry.seller], let scenario = scenarioIndex[entry.scenarioID] else { return }
            matrices.add(entry, scenario: scenario, buyer: buyer, seller: seller)
            for (agent, role) in [(buyer, Role.buyer), (seller, .seller)] {
                outcomes[agent][Self.cause(of: entry, for: role), default: 0] += 1
            }
            if firstSession[scenario] == nil { firstSession[scenario] = entry.session }
            guard entry.repetition < sessionsPerCell else { return }
            data.sessions.append(entry, scenario: scenario, buyer: buyer, seller: seller)
            if entry.repetition < replaysPerCell, (entry.index / repetitions) % replayCellStride == 0 { replayTargets.append(entry) }
        }
        var pictures: [String] = []
        for (position, scenario) in plan.scenarios.enumerated() {
            guard let number = firstSession[position] else {
                pictures.append("")
                continue
            }
            let (record, profiles) = try store.record(of: store.session(String(number)))
            let picture = try ScenarioPicture(record: record, profiles: profiles, id: scenario.id)
            data.scenarios[position] = picture.data
            pictures.append(picture.svg)
        }
        var texts: [String: Int] = [:]
        for entry in replayTargets {
            data.replays[String(entry.index)] = try Self.replay(of: entry, in: store) { text in
                if let known = texts[text] { return known }
                texts[text] = data.moveTexts.count
                data.moveTexts.append(text)
                return data.moveTexts.count - 1
            }
        }
        return HTMLPage(
            report: report, data: data, matrices: matrices, outcomes: outcomes, scenarioPictures: pictures,
            sampled: data.sessions.index.count < total ? (data.sessions.index.count, total) : nil,
            replays: (data.replays.count, total)
        ).render()
    }

    /// How a session ended, as one agent's outcome counts name it: `agreement`, `deadline`, or the kind of end and
    /// whether this agent or its opponent caused it.
    static func cause(of entry: TournamentEntry, for role: Role) -> String {
        guard let causedBy = entry.causedBy else { return entry.outcome.rawValue }
        return entry.outcome.rawValue + (causedBy == role ? " (by it)" : " (by the opponent)")
    }

    /// A session's moves in utility space, its end, and whether its chain and signature verify; `text` gives each
    /// move text's position in the shared table.
    static func replay(of entry: TournamentEntry, in store: some TranscriptStore, text: (String) -> Int) throws -> HTMLReportData.Replay {
        let stored = try store.session(String(entry.session))
        let (record, profiles, verification) = try store.verifiedRecord(of: stored)
        let scenario = record.transcript.header.scenario
        let buyer = try profiles[.buyer].map { try UtilityFunction(profile: $0, scenario: scenario) }
        let seller = try profiles[.seller].map { try UtilityFunction(profile: $0, scenario: scenario) }
        func rounded(_ value: Double?) -> Double? { value.map { ($0 * 10_000).rounded() / 10_000 } }
        var replay = HTMLReportData.Replay()
        var standing: Terms?
        for (position, move) in record.transcript.entries.enumerated() {
            let accepted: Terms? = if case .accept = move.action.move { standing } else { nil }
            let terms = move.action.offeredTerms ?? accepted
            if let offered = move.action.offeredTerms { standing = offered }
            replay.moves.append([
                Double(move.turn), move.by == .buyer ? 0 : 1, rounded(terms.flatMap { buyer?.utility(of: $0) }), rounded(terms.flatMap { seller?.utility(of: $0) }),
                Double(text(Self.describe(move.action))),
            ])
            if let note = move.action.note { replay.notes[String(position)] = note }
            if let trace = move.trace, let json = try? WireCodec().encode(trace) { replay.traces[String(position)] = String(String(decoding: json, as: UTF8.self).prefix(4_000)) }
        }
        let settlement = record.settlement
        replay.outcome = String(describing: settlement.outcome)
        if let analysis = settlement.analysis {
            if analysis.agreed { replay.agreement = [analysis.buyer.utility, analysis.seller.utility] }
            replay.distanceToPareto = analysis.distanceToPareto
            replay.distanceToNash = analysis.distanceToNash
        }
        replay.finalHash = stored.finalHash
        if let failure = verification {
            replay.integrity = "fails verification: \(failure.reason)"
        } else {
            replay.integrity = stored.signature == nil ? "chain verified; not signed" : "chain verified; signature verified (key \(stored.publicKey?.prefix(12) ?? "")…)"
        }
        return replay
    }

    /// An action as text.
    static func describe(_ action: Action) -> String {
        switch action.move {
        case .offer(let terms): "offer " + terms.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        case .accept: "accept"
        case .walkAway(let reason): "walk away" + (reason.map { ": \($0)" } ?? "")
        }
    }
}

extension HTMLReportData.SessionColumns {
    /// Appends one session's row.
    mutating func append(_ entry: TournamentEntry, scenario: Int, buyer: Int, seller: Int) {
        index.append(entry.index)
        session.append(entry.session)
        self.scenario.append(scenario)
        self.buyer.append(buyer)
        self.seller.append(seller)
        repetition.append(entry.repetition)
        outcome.append(entry.outcome.rawValue)
        causedBy.append(entry.causedBy?.rawValue)
        rounds.append(entry.rounds)
        buyerUtility.append(entry.buyerPayoff)
        sellerUtility.append(entry.sellerPayoff)
        distanceToPareto.append(entry.distanceToPareto)
    }
}
