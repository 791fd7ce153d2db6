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

    /// The descriptions the schema gives its fields: a small model may copy one into its note, which must then not
    /// reach the opponent (``NoteRedactor``).
    static let descriptions = (
        reasoning: "Your private reasoning; never shown to the opponent.", terms: "Every issue's value for an offer; null otherwise.",
        note: "A short message to the opponent, or null."
    )

    /// The schema for a scenario, in a mode: the whole action in ``HybridMode/full``; the note in
    /// ``HybridMode/note``; the number of the move picked (1 to `choices`) and the note in ``HybridMode/choose``.
    static func schema(for scenario: Scenario, mode: HybridMode, choices: Int) -> JSONValue {
        guard mode != .full else { return schema(for: scenario) }
        var properties: [String: JSONValue] = [
            "reasoning": ["type": "string", "description": .string(descriptions.reasoning)],
            "note": note,
        ]
        var required: [JSONValue] = ["reasoning", "note"]
        if mode == .choose {
            properties["choice"] = ["type": "integer", "minimum": 1, "maximum": .integer(Int64(choices)), "description": "The number of the move you pick."]
            required.insert("choice", at: 1)
        }
        return ["type": "object", "properties": .object(properties), "required": .array(required), "additionalProperties": false]
    }

    private static var note: JSONValue {
        [
            "anyOf": [["type": "string", "maxLength": .integer(Int64(Action.maximumNoteLength))], ["type": "null"]],
            "description": .string(descriptions.note),
        ]
    }

    /// The schema of the whole action for a scenario.
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
                "reasoning": ["type": "string", "description": .string(descriptions.reasoning)],
                "action": ["type": "string", "enum": ["offer", "accept", "walkAway"]],
                "terms": ["anyOf": [termsObject, ["type": "null"]], "description": .string(descriptions.terms)],
                "note": note,
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
