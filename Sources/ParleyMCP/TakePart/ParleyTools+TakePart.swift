import Foundation
import MCP
import ParleyAgents
import ParleyArbiter
import ParleyAssembly
import ParleyLedger
import ParleyProtocol
import ParleyRecords

/// Taking part: a tools client (an assistant acting for a user) plays the buyer or the seller against any Parley agent,
/// sees the public state and its own profile, and offers, accepts or walks away through tools. The mandate holds as
/// for an LLM agent: a move below the principal's reservation value is refused with the reason and never played.
/// Every move is recorded in the transcript as decided by the client.
extension ParleyTools {
    /// The take-part tools.
    var takePartTools: [Tool] {
        let session: Value = ["type": "string", "description": "The handle start_session returned."]
        return [
            Tool(
                name: "start_session",
                description: "Join a negotiation as the buyer or the seller against a Parley agent. Returns a handle, your profile (what each issue's values are worth to you, and your walk-away value) and the public state; when it is your turn, answer with make_move.",
                inputSchema: Self.schema([
                    "scenario": ["type": "string", "description": "A scenario file (JSON) with both profiles."],
                    "role": ["type": "string", "enum": ["buyer", "seller"], "description": "The side you play."],
                    "opponent": ["type": "string", "description": "The other side's agent: a strategy spec (boulware:e=0.2), an agent server URL or an agent file."],
                    "seed": ["type": "integer", "minimum": 0, "description": "The session's seed; 1 by default."],
                ], required: ["scenario", "role", "opponent"])
            ),
            Tool(
                name: "make_move",
                description: "Your move when it is your turn: offer terms, accept the opponent's standing offer, or walk away. A move below your walk-away value is refused with the reason and not played. Returns the state after the opponent's answer.",
                inputSchema: Self.schema([
                    "session": session,
                    "action": ["type": "string", "enum": ["offer", "accept", "walkAway"]],
                    "terms": ["type": "object", "description": "For an offer: a value for every issue (options by name; numbers and money as whole numbers, money in minor units such as cents).", "additionalProperties": ["type": ["string", "integer"]]],
                    "note": ["type": "string", "maxLength": 280, "description": "A short message to the opponent."],
                ], required: ["session", "action"])
            ),
            Tool(
                name: "session_state", description: "The public state of a session you play: whose turn it is, the standing offer, every move so far, and the outcome once it has ended.",
                inputSchema: Self.schema(["session": session], required: ["session"]), annotations: .init(readOnlyHint: true)
            ),
        ]
    }

    func startSession(_ arguments: [String: Value]) async throws -> CallTool.Result {
        let file = try ScenarioLoader().load(try Self.text("scenario", in: arguments))
        guard let role = Role(rawValue: try Self.text("role", in: arguments)) else { throw ToolError.argument("role", "buyer or seller") }
        guard let profile = file.profile(for: role) else { throw ToolError("invalid_profile", "the scenario has no \(role) profile, so there is no mandate to hold the moves to") }
        let seed = arguments["seed"].map { $0.intValue.flatMap { $0 >= 0 ? UInt64($0) : nil } } ?? 1
        guard let seed else { throw ToolError.argument("seed", "an integer from 0") }
        let opponentName = try Self.text("opponent", in: arguments)
        let opponent = try factory.source(for: try AgentReference.load(opponentName))
        let mandate = Mandate(utility: try UtilityFunction(profile: profile, scenario: file.scenario))
        let seat = ClientSeat(patience: clientPatience, clock: clientClock)
        let client = ClientSource(seat: seat)
        let match = Match(file: file, buyer: role == .buyer ? client : opponent, seller: role == .seller ? client : opponent, seed: seed)
        let arbiter = self.arbiter
        let task = Task<SessionRecord?, Never> {
            do {
                let record = try await arbiter.play(match)
                await seat.end(record.settlement.outcome)
                return record
            } catch {
                await seat.end(.failure(by: role.opponent, error: "the session could not be played: \(error)"))
                return nil
            }
        }
        let id = await takePart.add(.init(seat: seat, role: role, file: file, mandate: mandate, opponent: opponentName, task: task))
        await seat.waitForTurnOrEnd()
        var result = try await state(of: id)
        if case .object(var fields)? = result.structuredContent {
            fields["profile"] = try Self.json(profile)
            result = CallTool.Result(content: result.content + [Self.text("Your profile (private to you): " + String(decoding: try WireCodec().encode(profile), as: UTF8.self))], structuredContent: .object(fields))
        }
        return result
    }

    func makeMove(_ arguments: [String: Value]) async throws -> CallTool.Result {
        let id = try Self.text("session", in: arguments)
        let running = try await takePart.running(id)
        guard let view = await running.seat.view else {
            if await running.seat.outcome != nil { throw ToolError("session_ended", "the session has ended; session_state shows how") }
            throw ToolError("out_of_turn", "it is not your turn; session_state shows the state")
        }
        let note = arguments["note"]?.stringValue
        let action: Action
        switch try Self.text("action", in: arguments) {
        case "offer":
            let terms = try Self.terms(arguments["terms"], scenario: running.file.scenario)
            guard running.mandate.utility.utility(of: terms) != nil else {
                throw ToolError("invalid_terms", "the terms must give one value from each issue's domain: " + running.file.scenario.issues.map(\.name).joined(separator: ", "))
            }
            action = .offer(terms, note: note)
        case "accept":
            guard view.standingOffer != nil else { throw ToolError("no_standing_offer", "there is no offer from the opponent to accept") }
            action = .accept(note: note)
        case "walkAway":
            action = .walkAway(note: note)
        default:
            throw ToolError.argument("action", "offer, accept or walkAway")
        }
        if let breach = running.mandate.breach(of: action, standingOffer: view.standingOffer) {
            throw ToolError(breach.code.rawValue, breach.message + "; the move was not played, and it is still your turn")
        }
        guard await running.seat.play(action) else { throw ToolError("out_of_turn", "it is not your turn") }
        await running.seat.waitForTurnOrEnd()
        return try await state(of: id)
    }

    /// The public state of a session, as text and structured content; once it has ended, its outcome and where it is stored.
    func state(of id: String) async throws -> CallTool.Result {
        let running = try await takePart.running(id)
        var fields: [String: Value] = ["session": .string(id), "role": .string(running.role.rawValue), "opponent": .string(running.opponent)]
        var lines: [String] = ["Session \(id): you are the \(running.role.rawValue) against \(running.opponent) on \(running.file.scenario.id)."]
        if let outcome = await running.seat.outcome {
            let record = await running.task.value
            var stored: StoredSession?
            if let record { stored = try await takePart.store(id, record, in: store) }
            fields["ended"] = true
            fields["outcome"] = .string(outcome.typeName)
            fields["agreement"] = outcome.agreement.map { Self.value($0.terms) } ?? .null
            fields["history"] = .array((record?.transcript.entries ?? []).map(Self.move))
            fields["storedSession"] = stored.map { .int($0.number) } ?? .null
            lines.append("It has ended: \(outcome.typeName)" + (outcome.agreement.map { " on " + Self.describe($0.terms) } ?? "") + ".")
            if let stored { lines.append("Stored as session \(stored.number) (final hash \(stored.finalHash.prefix(16))…).") }
        } else if let view = await running.seat.view {
            let mine = view.standingOffer.flatMap { running.mandate.utility.utility(of: $0) }
            fields["ended"] = false
            fields["yourTurn"] = true
            fields["turn"] = .int(view.turn)
            fields["round"] = .int(view.round)
            fields["roundsLeft"] = view.roundsLeft.map { .int($0) } ?? .null
            fields["standingOffer"] = view.standingOffer.map(Self.value) ?? .null
            fields["standingOfferWorthToYou"] = mine.map { .double($0) } ?? .null
            fields["history"] = .array(view.history.map(Self.move))
            lines.append("It is your turn (turn \(view.turn), round \(view.round)" + (view.roundsLeft.map { ", \($0) rounds left" } ?? "") + ").")
            if let offer = view.standingOffer { lines.append("The opponent offers \(Self.describe(offer))" + (mine.map { String(format: ", worth %.3f to you", $0) } ?? "") + ".") }
        }
        return CallTool.Result(content: [Self.text(lines.joined(separator: "\n"))], structuredContent: .object(fields))
    }

    private static func move(_ entry: TranscriptEntry) -> Value {
        var fields: [String: Value] = ["turn": .int(entry.turn), "by": .string(entry.by.rawValue)]
        switch entry.action.move {
        case .offer(let terms): fields["action"] = "offer"; fields["terms"] = value(terms)
        case .accept: fields["action"] = "accept"
        case .walkAway: fields["action"] = "walkAway"
        }
        if let note = entry.action.note { fields["note"] = .string(note) }
        if entry.trace?.decidedBy == .client { fields["decidedBy"] = "client" }
        return .object(fields)
    }

    private static func describe(_ terms: Terms) -> String {
        terms.values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Terms from a tool's object argument: every issue's value, strings as options, whole numbers as numbers.
    private static func terms(_ value: Value?, scenario: Scenario) throws -> Terms {
        guard case .object(let fields)? = value else { throw ToolError.argument("terms", "an object with a value for every issue") }
        var values: [String: TermValue] = [:]
        for (name, field) in fields {
            if let number = field.intValue {
                values[name] = .integer(Int64(number))
            } else if let text = field.stringValue {
                values[name] = .option(text)
            } else {
                throw ToolError.argument("terms.\(name.prefix(40))", "an option's name or a whole number")
            }
        }
        return Terms(values)
    }

    static func json(_ value: some Encodable) throws -> Value {
        try JSONDecoder().decode(Value.self, from: WireCodec().encode(value))
    }

    static func schema(_ properties: [String: Value], required: [String] = []) -> Value {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) }), "additionalProperties": false]
    }
}
