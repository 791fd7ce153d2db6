import Foundation
import Logging
public import MCP
import ParleyAgents
import ParleyAnalysis
public import ParleyArbiter
public import ParleyAssembly
public import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyReports

/// Parley's MCP tools: what an assistant may ask of Parley, each with a JSON Schema for its input, a text answer for
/// people and structured content for programs. Errors are MCP tool errors carrying Parley's stable codes
/// (``ToolError``).
///
/// - `list_strategies`: the built-in strategies and their parameters.
/// - `list_scenarios`: the scenario files in a folder (`Examples/Scenarios` by default).
/// - `scenario_stats`: a scenario's outcomes, opposition and solution points.
/// - `run_session`: one session between two agents (strategy specs or agent files), stored when the server has a store.
/// - `run_tournament`: a tournament between agents on scenarios, stored, with progress notifications.
/// - `list_transcripts`, `show_transcript`, `verify_transcripts`: the store's sessions.
/// - `start_session`, `make_move`, `session_state`: the client plays a side itself, under its principal's mandate.
public struct ParleyTools: Sendable {
    /// Builds agents from what a tool call names.
    public let factory: AgentFactory
    /// The store sessions are written to and read from, if any.
    public let store: (any TranscriptStore)?
    /// Where `list_scenarios` looks by default.
    public let scenarioFolder: String
    /// The arbiter sessions run through.
    public let arbiter: Arbiter<ContinuousClock>
    /// The sessions clients play through the take-part tools.
    let takePart = TakePartSessions()
    /// How long a session a client plays waits for its move before it ends as the client's turn time-out.
    public var clientPatience: Duration = .seconds(600)
    /// The clock ``clientPatience`` is counted on.
    public var clientClock: any Clock<Duration> = ContinuousClock()

    /// Tools over a factory and, optionally, a store.
    public init(factory: AgentFactory, store: (any TranscriptStore)?, scenarioFolder: String = "Examples/Scenarios") {
        self.factory = factory
        self.store = store
        self.scenarioFolder = scenarioFolder
        self.arbiter = Arbiter(clock: ContinuousClock(), logger: Logger(label: "parley.mcp") { _ in SwiftLogNoOpLogHandler() })
    }

    /// The tools, with their input schemas.
    public var tools: [Tool] {
        func schema(_ properties: [String: Value], required: [String] = []) -> Value { Self.schema(properties, required: required) }
        let path: Value = ["type": "string", "description": "A scenario file (JSON)."]
        return ([
            Tool(name: "list_strategies", description: "The built-in negotiation strategies and their parameters.", inputSchema: schema([:]), annotations: .init(readOnlyHint: true)),
            Tool(
                name: "list_scenarios", description: "The scenario files in a folder: id, name, issues and deadline.",
                inputSchema: schema(["folder": ["type": "string", "description": "The folder; Examples/Scenarios by default."]]), annotations: .init(readOnlyHint: true)
            ),
            Tool(
                name: "scenario_stats", description: "A scenario's outcomes, each side's acceptable share, opposition, and its Nash, Kalai–Smorodinsky and egalitarian points.",
                inputSchema: schema(["scenario": path], required: ["scenario"]), annotations: .init(readOnlyHint: true)
            ),
            Tool(
                name: "run_session",
                description: "Run one negotiation between a buyer and a seller agent (a strategy spec such as boulware:e=0.2, or an agent file) on a scenario; stored when the server has a store.",
                inputSchema: schema([
                    "scenario": path, "buyer": ["type": "string", "description": "The buyer's agent."], "seller": ["type": "string", "description": "The seller's agent."],
                    "seed": ["type": "integer", "minimum": 0, "description": "The seed; 1 by default."],
                ], required: ["scenario", "buyer", "seller"])
            ),
            Tool(
                name: "list_transcripts", description: "The store's sessions, newest first.",
                inputSchema: schema(["limit": ["type": "integer", "minimum": 1, "maximum": 1000, "description": "At most this many; 20 by default."]]),
                annotations: .init(readOnlyHint: true)
            ),
            Tool(
                name: "show_transcript", description: "A stored session as `parley run` prints it.",
                inputSchema: schema(["session": ["type": "string", "description": "The session's number or id."]], required: ["session"]),
                annotations: .init(readOnlyHint: true)
            ),
            Tool(
                name: "verify_transcripts", description: "Recompute every stored session's hash chain and the store's sequence; name whatever was changed.",
                inputSchema: schema([:]), annotations: .init(readOnlyHint: true)
            ),
            tournamentTool,
        ] + takePartTools).map { tool in
            Tool(
                name: tool.name, description: tool.description, inputSchema: tool.inputSchema, annotations: tool.annotations,
                outputSchema: ToolOutputSchemas.byTool[tool.name]
            )
        }
    }

    /// Answers a tool call; a failure is a tool error with its code, never a thrown error. `progress` reports a long
    /// call's progress (done, total, message) when the client asked for it.
    public func call(
        _ name: String, arguments: [String: Value], progress: (@Sendable (Double, Double?, String) async -> Void)? = nil
    ) async -> CallTool.Result {
        do {
            switch name {
            case "run_tournament": return try await runTournament(arguments, progress: progress)
            case "start_session": return try await startSession(arguments)
            case "make_move": return try await makeMove(arguments)
            case "session_state": return try await state(of: try Self.text("session", in: arguments))
            case "list_strategies": return try listStrategies()
            case "list_scenarios": return try listScenarios(folder: arguments["folder"]?.stringValue ?? scenarioFolder)
            case "scenario_stats": return try scenarioStats(try Self.text("scenario", in: arguments))
            case "run_session": return try await runSession(arguments)
            case "list_transcripts": return try listTranscripts(limit: arguments["limit"]?.intValue ?? 20)
            case "show_transcript": return try showTranscript(try Self.text("session", in: arguments))
            case "verify_transcripts": return try verifyTranscripts()
            default: throw ToolError("unknown_tool", "there is no tool '\(name.prefix(80))'")
            }
        } catch let error as ToolError {
            return error.result
        } catch let error as any CodedError {
            return ToolError(error.code.rawValue, error.message).result
        } catch {
            return ToolError("failed", "\(error)").result
        }
    }

    private func listStrategies() throws -> CallTool.Result {
        let registry = StrategyRegistry.builtIns
        let entries: [Value] = registry.names.compactMap { name in
            guard let entry = registry.entry(named: name) else { return nil }
            return [
                "name": .string(name), "summary": .string(entry.summary),
                "parameters": .array(entry.parameters.map { ["name": .string($0.name), "summary": .string($0.summary), "default": .string($0.defaultValue)] }),
            ]
        }
        let text = registry.names.compactMap { name in registry.entry(named: name).map { "\(name): \($0.summary)" } }.joined(separator: "\n")
        return CallTool.Result(content: [Self.text(text)], structuredContent: ["strategies": .array(entries)])
    }

    private func listScenarios(folder: String) throws -> CallTool.Result {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw ToolError("not_found", "cannot read the folder '\(folder.prefix(200))'")
        }
        var entries: [Value] = []
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let file = try? ScenarioLoader().load(path) else { continue }
            entries.append([
                "file": .string(path), "id": .string(file.scenario.id), "name": .string(file.scenario.name), "issues": .int(file.scenario.issues.count),
                "rounds": file.scenario.deadline.rounds.map { .int($0) } ?? .null,
            ])
        }
        let text = entries.compactMap { entry in entry.objectValue.flatMap { "\($0["id"]?.stringValue ?? ""): \($0["name"]?.stringValue ?? "") (\($0["file"]?.stringValue ?? ""))" } }
        return CallTool.Result(content: [Self.text(text.joined(separator: "\n"))], structuredContent: ["scenarios": .array(entries)])
    }

    private func scenarioStats(_ path: String) throws -> CallTool.Result {
        let file = try ScenarioLoader().load(path)
        guard let buyer = file.profile(for: .buyer), let seller = file.profile(for: .seller) else {
            throw ToolError("missing_profile", "the scenario needs both profiles for its statistics")
        }
        let statistics = ScenarioStatistics(try OutcomeLandscape(scenario: file.scenario, buyer: buyer, seller: seller))
        func point(_ point: OutcomePoint?) -> Value {
            guard let point else { return .null }
            return ["buyer": .double(point.buyer), "seller": .double(point.seller)]
        }
        let structured: Value = [
            "scenario": .string(file.scenario.id), "outcomes": .int(statistics.outcomeCount), "opposition": .double(statistics.opposition),
            "frontier": .int(statistics.frontier.count), "nash": point(statistics.nash), "kalaiSmorodinsky": point(statistics.kalaiSmorodinsky),
            "egalitarian": point(statistics.egalitarian),
        ]
        let text = String(format: "%@: %d outcomes, opposition %.3f, %d on the Pareto frontier", file.scenario.id, statistics.outcomeCount, statistics.opposition, statistics.frontier.count)
        return CallTool.Result(content: [Self.text(text)], structuredContent: .some(structured))
    }

    private func runSession(_ arguments: [String: Value]) async throws -> CallTool.Result {
        let file = try ScenarioLoader().load(try Self.text("scenario", in: arguments))
        let seed = arguments["seed"].map { value -> UInt64? in value.intValue.flatMap { $0 >= 0 ? UInt64($0) : nil } } ?? 1
        guard let seed else { throw ToolError.argument("seed", "an integer from 0") }
        let buyer = try factory.source(for: try AgentReference.load(try Self.text("buyer", in: arguments)))
        let seller = try factory.source(for: try AgentReference.load(try Self.text("seller", in: arguments)))
        let landscape = try OutcomeLandscape(file: file)
        let record = try await arbiter.play(Match(file: file, buyer: buyer, seller: seller, seed: seed, landscape: landscape))
        let stored = try store?.save(record, profiles: file.profiles)
        let analysis = record.settlement.analysis
        let structured: Value = [
            "outcome": .string(record.settlement.outcome.typeName), "turns": .int(record.settlement.turns),
            "agreement": record.settlement.outcome.agreement.map { Self.value($0.terms) } ?? .null,
            "buyerUtility": analysis.map { .double($0.buyer.utility) } ?? .null, "sellerUtility": analysis.map { .double($0.seller.utility) } ?? .null,
            "session": stored.map { .int($0.number) } ?? .null, "finalHash": stored.map { .string($0.finalHash) } ?? .null,
        ]
        let text = ReadableReport(record: record, landscape: landscape).text + (stored.map { "\n\nStored as session \($0.number)." } ?? "")
        return CallTool.Result(content: [Self.text(text)], structuredContent: .some(structured))
    }

    private func listTranscripts(limit: Int) throws -> CallTool.Result {
        let store = try requireStore()
        let sessions = try store.sessions(matching: SessionFilter(limit: min(max(limit, 1), 1000)))
        let entries: [Value] = sessions.map {
            ["session": .int($0.number), "id": .string($0.sessionID.rawValue), "scenario": .string($0.scenarioID), "buyer": .string($0.buyer), "seller": .string($0.seller), "outcome": .string($0.outcome.rawValue)]
        }
        let text = sessions.map { "\($0.number) \($0.scenarioID) \($0.buyer) vs \($0.seller): \($0.outcome.rawValue)" }.joined(separator: "\n")
        return CallTool.Result(content: [Self.text(text.isEmpty ? "No sessions are stored." : text)], structuredContent: ["sessions": .array(entries)])
    }

    private func showTranscript(_ reference: String) throws -> CallTool.Result {
        let store = try requireStore()
        let stored = try store.session(reference)
        let (record, profiles) = try store.record(of: stored)
        let landscape = profiles[.buyer].flatMap { buyer in profiles[.seller].flatMap { try? OutcomeLandscape(scenario: record.transcript.header.scenario, buyer: buyer, seller: $0) } }
        return CallTool.Result(
            content: [Self.text(ReadableReport(record: record, landscape: landscape).text)],
            structuredContent: ["session": .int(stored.number), "outcome": .string(stored.outcome.rawValue), "finalHash": .string(stored.finalHash)]
        )
    }

    private func verifyTranscripts() throws -> CallTool.Result {
        let verification = try requireStore().verifyAll()
        let failures: [Value] = verification.failures.map { ["session": .int($0.session), "code": .string($0.code.rawValue), "reason": .string($0.reason)] }
        let text = verification.failures.isEmpty
            ? "All \(verification.checked) sessions verify."
            : verification.failures.map { "session \($0.session): \($0.code.rawValue): \($0.reason)" }.joined(separator: "\n")
        return CallTool.Result(content: [Self.text(text)], structuredContent: ["checked": .int(verification.checked), "failures": .array(failures)])
    }

    func requireStore() throws -> any TranscriptStore {
        guard let store else { throw ToolError("no_store", "the server was started without a store (parley mcp --store FILE)") }
        return store
    }

    static func text(_ name: String, in arguments: [String: Value]) throws -> String {
        guard let text = arguments[name]?.stringValue, !text.isEmpty else { throw ToolError.argument(name, "a non-empty string") }
        return text
    }

    static func value(_ terms: Terms) -> Value {
        .object(terms.values.mapValues { value in
            switch value {
            case .integer(let number): .int(Int(clamping: number))
            case .option(let name): .string(name)
            }
        })
    }
}

extension ParleyTools {
    /// A text content block.
    static func text(_ text: String) -> Tool.Content {
        .text(text: text, annotations: nil, _meta: nil)
    }
}
