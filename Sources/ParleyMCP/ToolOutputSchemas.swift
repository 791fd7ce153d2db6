import MCP

/// The JSON Schema of each tool's structured content (`outputSchema`), so a client can check what it is given; an
/// error's structured content is `{code, message}` (``ToolError``) and is not held to them.
enum ToolOutputSchemas {
    static func object(_ properties: [String: Value], required: [String]) -> Value {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    static func array(of items: Value) -> Value { ["type": "array", "items": items] }

    static let string: Value = ["type": "string"]
    static let integer: Value = ["type": "integer"]
    static let number: Value = ["type": "number"]
    static let boolean: Value = ["type": "boolean"]
    static let terms: Value = ["type": "object", "additionalProperties": ["type": ["string", "integer"]], "description": "A value for every issue."]
    static func nullable(_ type: String) -> Value { ["type": .array([.string(type), "null"])] }
    static let point: Value = ["type": ["object", "null"], "properties": ["buyer": number, "seller": number]]

    /// By tool name.
    static let byTool: [String: Value] = [
        "list_strategies": object(["strategies": array(of: object(
            ["name": string, "summary": string, "parameters": array(of: object(["name": string, "summary": string, "default": string], required: ["name", "summary", "default"]))],
            required: ["name", "summary", "parameters"]
        ))], required: ["strategies"]),
        "list_scenarios": object(["scenarios": array(of: object(
            ["file": string, "id": string, "name": string, "issues": integer, "rounds": nullable("integer")], required: ["file", "id", "name", "issues", "rounds"]
        ))], required: ["scenarios"]),
        "scenario_stats": object(
            ["scenario": string, "outcomes": integer, "opposition": number, "frontier": integer, "nash": point, "kalaiSmorodinsky": point, "egalitarian": point],
            required: ["scenario", "outcomes", "opposition", "frontier", "nash", "kalaiSmorodinsky", "egalitarian"]
        ),
        "run_session": object(
            [
                "outcome": string, "turns": integer, "agreement": ["type": ["object", "null"], "additionalProperties": ["type": ["string", "integer"]]],
                "buyerUtility": nullable("number"), "sellerUtility": nullable("number"), "session": nullable("integer"), "finalHash": nullable("string"),
            ],
            required: ["outcome", "turns", "agreement", "buyerUtility", "sellerUtility", "session", "finalHash"]
        ),
        "list_transcripts": object(["sessions": array(of: object(
            ["session": integer, "id": string, "scenario": string, "buyer": string, "seller": string, "outcome": string],
            required: ["session", "id", "scenario", "buyer", "seller", "outcome"]
        ))], required: ["sessions"]),
        "show_transcript": object(["session": integer, "outcome": string, "finalHash": string], required: ["session", "outcome", "finalHash"]),
        "verify_transcripts": object(
            ["checked": integer, "failures": array(of: object(["session": integer, "code": string, "reason": string], required: ["session", "code", "reason"]))],
            required: ["checked", "failures"]
        ),
        "run_tournament": object(
            [
                "tournament": string, "sessions": integer, "played": integer,
                "leaderboard": array(of: object(
                    ["agent": string, "sessions": integer, "meanUtility": number, "agreementRate": number, "rank": nullable("string")],
                    required: ["agent", "sessions", "meanUtility", "agreementRate", "rank"]
                )),
            ],
            required: ["tournament", "sessions", "played", "leaderboard"]
        ),
        "start_session": session, "make_move": session, "session_state": session,
    ]

    /// The state of a session a client plays: while it is open, whose turn and the standing offer; once ended, the outcome.
    static let session: Value = object(
        [
            "session": string, "role": ["type": "string", "enum": ["buyer", "seller"]], "opponent": string, "ended": boolean, "yourTurn": boolean,
            "turn": integer, "round": integer, "roundsLeft": nullable("integer"),
            "standingOffer": ["type": ["object", "null"], "additionalProperties": ["type": ["string", "integer"]]], "standingOfferWorthToYou": nullable("number"),
            "history": array(of: object(
                ["turn": integer, "by": string, "action": ["type": "string", "enum": ["offer", "accept", "walkAway"]], "terms": terms, "note": string, "decidedBy": string],
                required: ["turn", "by", "action"]
            )),
            "outcome": string, "agreement": ["type": ["object", "null"], "additionalProperties": ["type": ["string", "integer"]]],
            "storedSession": nullable("integer"), "profile": ["type": "object", "description": "The client's own profile (start_session only)."],
        ],
        required: ["session", "role", "opponent"]
    )
}
