import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyRecords
import ParleyLedger
import ParleyProtocol
import ParleyReports
import ParleyStore

/// `parley transcripts …`: read, export and verify the stored sessions.
struct Transcripts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show, export and verify stored sessions and multi-deal negotiations.",
        subcommands: [List.self, Show.self, Export.self, Verify.self]
    )

    /// The store to read, shared by every subcommand.
    struct StoreOption: ParsableArguments {
        @Option(help: ArgumentHelp(stringLiteral: StoreLocation.help))
        var store = "parley.sqlite"

        func open() throws -> any TranscriptStore {
            try StoreLocation.open(store, readOnly: true)
        }
    }

    /// `parley transcripts list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored sessions, newest first.")

        @OptionGroup var options: StoreOption
        @Option(help: "Only sessions of this scenario id.") var scenario: String?
        @Option(help: "Only sessions in which this agent (a strategy name or a full spec) played either side.") var agent: String?
        @Option(help: "Only sessions with this outcome (agreement, walkAway, deadline, turnTimeout, violation, failure).") var outcome: String?
        @Option(help: "Only sessions started on or after this date (YYYY-MM-DD or ISO 8601).") var since: String?
        @Option(help: "Only sessions started before this date (YYYY-MM-DD or ISO 8601).") var until: String?
        @Option(help: "At most this many sessions.") var limit: Int?
        @Flag(help: "List the stored multi-deal negotiations (`parley rfq`, multi-deal tournaments) instead of sessions.") var multiDeals = false

        func run() async throws {
            if multiDeals { return try listMultiDeals() }
            let filter = SessionFilter(
                scenario: scenario, agent: agent, outcome: try outcome.map(Self.outcome),
                since: try since.map { try Self.date($0) }, until: try until.map { try Self.date($0) }, limit: limit
            )
            let sessions = try options.open().sessions(matching: filter)
            print("   #  started               scenario                 buyer            seller           outcome      turns  session")
            for session in sessions {
                let cause = session.causedBy.map { "(\($0))" } ?? ""
                let columns: [String] = [
                    String(session.number).leftPadded(4), session.startedAt.padded(21), session.scenarioID.padded(24),
                    session.buyer.padded(16), session.seller.padded(16), (session.outcome.rawValue + cause).padded(12),
                    String(session.turns).leftPadded(5), session.sessionID.rawValue,
                ]
                print(columns.joined(separator: " ").escapingControlCharacters)
            }
            print("\(sessions.count) session\(sessions.count == 1 ? "" : "s")")
        }

        /// The multi-deal negotiations, newest first, filtered by scenario, agent (the centre or an edge) and date.
        func listMultiDeals() throws {
            let since = try since.map { StoredSession.timestamp(try Self.date($0)) }, until = try until.map { StoredSession.timestamp(try Self.date($0)) }
            if outcome != nil { throw ValidationError("--outcome selects sessions; a multi-deal negotiation has one per edge (see `transcripts show --multi-deal N`)") }
            let matching = try options.open().multiDeals().reversed().filter { stored in
                let summary = stored.summary
                if let scenario, summary.scenarioID != scenario { return false }
                if let agent, !([summary.centre] + summary.edges.map(\.agent)).contains(where: { $0 == agent || $0.hasPrefix(agent + ":") || $0.hasSuffix("+" + agent) }) { return false }
                if let since, summary.startedAt < since { return false }
                if let until, summary.startedAt >= until { return false }
                return true
            }.prefix(max(0, limit ?? .max))
            print("   #  started               scenario                 centre                    mode        deals  centre  regret  sessions  id")
            for stored in matching {
                let summary = stored.summary
                let columns: [String] = [
                    String(stored.number).leftPadded(4), summary.startedAt.padded(21), summary.scenarioID.padded(24), summary.centre.padded(25),
                    summary.mode.rawValue.padded(11), String(summary.deals).leftPadded(5), String(format: "%.3f", summary.centreUtility).leftPadded(7),
                    (summary.regret.map { String(format: "%.3f", $0) } ?? "–").leftPadded(7),
                    "\(stored.sessions.first ?? 0)–\(stored.sessions.last ?? 0)".leftPadded(9), summary.multiDealID,
                ]
                print(columns.joined(separator: " ").escapingControlCharacters)
            }
            print("\(matching.count) multi-deal negotiation\(matching.count == 1 ? "" : "s")")
        }

        static func outcome(_ text: String) throws -> Outcome.Kind {
            guard let kind = Outcome.Kind(rawValue: text) else {
                throw ValidationError("'\(text)' is not an outcome; write one of \(Outcome.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }

        static func date(_ text: String) throws -> Date {
            if let date = try? Date(text, strategy: .iso8601) { return date }
            if let day = try? Date(text + "T00:00:00Z", strategy: .iso8601) { return day }
            throw ValidationError("'\(text)' is not a date; write YYYY-MM-DD or an ISO 8601 time")
        }
    }

    /// `parley transcripts show REF`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a stored session as `parley run` prints it.")

        @OptionGroup var options: StoreOption
        @Argument(help: "The session's number in the store, or its session id (with --multi-deal: the negotiation's number or m-… id).") var session: String
        @Flag(help: "Also print what each consulted model was sent and answered: the system prompt when it changed, then every question and reply.")
        var prompts = false
        @Flag(help: "Show a stored multi-deal negotiation as `parley rfq` prints it, with its edge sessions' numbers.") var multiDeal = false
        @Flag(help: "With --multi-deal: also print every session's moves.") var turns = false

        func run() async throws {
            let store = try options.open()
            if multiDeal {
                let stored = try store.multiDeal(session)
                let record = try store.record(of: stored)
                print("Stored multi-deal \(stored.number) (\(stored.summary.multiDealID)) · final hash \(stored.finalHash)" + (stored.publicKey.map { " · signed by \($0)" } ?? ""))
                print("Edge sessions: " + zip(record.sessions, stored.sessions).map { "\($0.edge) \($1)" }.joined(separator: ", ") + " (`parley transcripts show N`)")
                print(MultiDealReport(record: record, turns: turns).text)
                if prompts { for session in record.sessions { print("\n── \(session.edge)" + Self.conversations(session.record.transcript.entries)) } }
                return
            }
            let stored = try store.session(session)
            let (record, profiles) = try store.record(of: stored)
            let landscape = try? profiles[.buyer].flatMap { buyer in
                try profiles[.seller].map { try OutcomeLandscape(scenario: record.transcript.header.scenario, buyer: buyer, seller: $0) }
            }
            print("Stored session \(stored.number) · final hash \(stored.finalHash)" + (stored.publicKey.map { " · signed by \($0)" } ?? ""))
            print(ReadableReport(record: record, landscape: landscape).text)
            if prompts { print(Self.conversations(record.transcript.entries)) }
        }

        /// Every consulted model's conversation, move by move, with control characters escaped.
        static func conversations(_ entries: [TranscriptEntry]) -> String {
            var lines: [String] = []
            for entry in entries {
                guard let trace = entry.trace else { continue }
                lines.append("\nTurn \(entry.turn), \(entry.by.rawValue), decided by the \(trace.decidedBy.rawValue):")
                for attempt in trace.attempts {
                    if let system = attempt.system { lines.append("  [\(attempt.number)] system:\n" + Self.indented(system)) }
                    lines.append("  [\(attempt.number)] asked:\n" + Self.indented(attempt.asked))
                    lines.append("  [\(attempt.number)] reply" + (attempt.rejection.map { " (refused: \($0.code.rawValue))" } ?? "") + ":\n" + Self.indented(attempt.reply ?? "(none)"))
                }
            }
            return lines.isEmpty ? "\nNo move of this session consulted a model." : lines.joined(separator: "\n")
        }

        private static func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + String($0).escapingControlCharacters }.joined(separator: "\n")
        }
    }

    /// `parley transcripts export`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export sessions as JSON, JSON Lines or CSV.",
            discussion: """
                json: {"protocol": "parley/1", "sessions": [{"number", "finalHash", "transcript", "settlement", "profiles"}]}.
                jsonl: one line per chained record: {"body", "hash", "index", "kind", "session", "sessionID"}, where body is the
                record's canonical JSON verbatim, so the hash chain can be recomputed from the export alone.
                csv: one row per session: its summary, final hash and signer.
                agreement: one agreement record per line (Protocols/Spec/Schemas/AgreementRecord.schema.json) for each session
                that ended in agreement: terms, parties, final hash and signature, for an order, checkout or payment step.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv, agreement }

        @OptionGroup var options: StoreOption
        @Argument(help: "The session's number or session id.") var session: String?
        @Flag(help: "Export every session.") var all = false
        @Option(help: "json, jsonl, csv or agreement.") var format: Format = .json
        @Flag(help: "Export multi-deal negotiations (by number or m-… id, or --all of them), as json or jsonl.") var multiDeal = false

        func validate() throws {
            guard (session == nil) == all else { throw ValidationError("give a session, or --all, but not both") }
            if multiDeal, format != .json, format != .jsonl {
                throw ValidationError("a multi-deal negotiation is exported as json or jsonl; its agreements are its sessions': `--format agreement` with their numbers")
            }
        }

        func run() async throws {
            let store = try options.open()
            if multiDeal {
                let multiDeals = all ? try store.multiDeals() : [try store.multiDeal(session!)]
                let output = FileHandle.standardOutput
                return try TranscriptExport(store: store).write(multiDeals, as: format == .json ? .json : .jsonl) { output.write($0) }
            }
            let sessions = all ? try store.sessions().reversed() : [try store.session(session!)]
            if format == .agreement, !all, let only = sessions.first, only.outcome != .agreement {
                throw ValidationError("session \(only.number) ended without agreement (\(only.outcome)): there is no agreement to export")
            }
            let output = FileHandle.standardOutput
            let exported: TranscriptExport.Format = switch format {
            case .json: .json
            case .jsonl: .jsonl
            case .csv: .csv
            case .agreement: .agreement
            }
            try TranscriptExport(store: store).write(sessions, as: exported) { output.write($0) }
        }
    }

    /// `parley transcripts verify`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every hash chain, the store's sequence and its tournaments; exit 1 and name each place where anything was changed, removed, duplicated or reordered.",
            discussion: "Prints the store's head (COUNT:LINK). Keep it outside the store: `verify --head COUNT:LINK` later shows that no session was removed from the end."
        )

        @OptionGroup var options: StoreOption
        @Argument(help: "The session's number or session id (default: every session).") var session: String?
        @Flag(help: "Verify every session (the default when no session is given).") var all = false
        @Option(help: "Require every session to be signed by this key (a .pub or .key file from `parley keys generate`).") var publicKey: String?
        @Option(help: "A head printed by an earlier verify (COUNT:LINK): the store must still hold it.") var head: String?

        func validate() throws {
            if let head, StoreHead(head) == nil { throw ValidationError("--head must be COUNT:LINK, as verify prints it") }
        }

        func run() async throws {
            let store = try options.open()
            let trusted = try publicKey.map { try Keys.publicKey(at: $0) }
            let checked: Int
            let failures: [VerificationFailure]
            var head: StoreHead?
            var multiDeals = 0
            if let session, !all {
                checked = 1
                failures = try store.verify(store.session(session), trusting: trusted).map { [$0] } ?? []
            } else {
                let verification = try store.verifyAll(trusting: trusted, expecting: self.head.flatMap(StoreHead.init))
                (checked, failures, head) = (verification.checked, verification.failures, verification.head)
                multiDeals = verification.multiDealsChecked
            }
            guard failures.isEmpty else {
                for failure in failures { print("BROKEN \(failure)") }
                print("\(failures.count) of \(checked) session\(checked == 1 ? "" : "s") failed verification in \(StoreLocation.display(options.store))")
                throw ExitCode(1)
            }
            let signatures = trusted.map { " and signed by \($0)" } ?? ""
            let negotiations = multiDeals == 0 ? "" : " and \(multiDeals) multi-deal negotiation\(multiDeals == 1 ? "" : "s")"
            print("verified \(checked) session\(checked == 1 ? "" : "s")\(negotiations) in \(StoreLocation.display(options.store)): every hash chain is intact\(signatures)")
            if let head { print("the sequence and every tournament are intact; head \(head)") }
        }
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : padding(toLength: width, withPad: " ", startingAt: 0) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
