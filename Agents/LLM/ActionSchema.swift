import ParleyProtocol

/// The JSON Schema of the reply the model must give on a scenario: private reasoning, the move, the terms of an
/// offer (each issue within its domain), and a note for the opponent.
///
/// ```json
/// {"reasoning": "…", "action": "offer", "terms": {"price": 15000, "payment": "net30"}, "note": "Our best so far."}
/// ```
/// It is written for OpenAI's strict structured outputs: every property is required, `null` stands for absent,
/// and no other properties are allowed. vLLM, Ollama and llama.cpp accept the same schema.
enum ActionSchema {
    /// The name sent with the schema in `response_format`.
    static let name = "parley_action"

    /// The schema for a scenario.
    static func schema(for scenario: Scenario) -> JSONValue {
        var terms: [String: JSONValue] = [:]
        for issue in scenario.issues { terms[issue.name] = schema(of: issue.domain) }
        let termsObject: JSONValue = [
            "type": "object", "properties": .object(terms), "required": .array(scenario.issues.map { .string($0.name) }),
            "additionalProperties": false,
        ]
        return [
            "type": "object",
            "properties": [
                "reasoning": ["type": "string", "description": "Your private reasoning; never shown to the opponent."],
                "action": ["type": "string", "enum": ["offer", "accept", "walkAway"]],
                "terms": ["anyOf": [termsObject, ["type": "null"]], "description": "Every issue's value for an offer; null otherwise."],
                "note": [
                    "anyOf": [["type": "string", "maxLength": .integer(Int64(Action.maximumNoteLength))], ["type": "null"]],
                    "description": "A short message to the opponent, or null.",
                ],
            ],
            "required": ["reasoning", "action", "terms", "note"],
            "additionalProperties": false,
        ]
    }

    private static func schema(of domain: Domain) -> JSONValue {
        switch domain {
        case .money(_, let range), .integer(let range):
            ["type": "integer", "minimum": .integer(range.min), "maximum": .integer(range.max)]
        case .options(let names):
            ["type": "string", "enum": .array(names.map { .string($0) })]
        }
    }
}
