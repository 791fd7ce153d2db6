extension HostileValues {
    /// A session start as JSON text: a hostile scenario, role, profile and seed.
    public mutating func sessionStart(id: String) -> String {
        let (scenario, profiles) = scenarioParts()
        var fields = [
            "\"protocol\": \"parley/1\"", "\"sessionID\": " + Self.quoted(hostile() ? name(id) : id), "\"scenario\": {\(scenario)}",
            "\"role\": " + (hostile() ? "\"mallory\"" : pick(["\"buyer\"", "\"seller\""])),
        ]
        if !hostile() { fields.append("\"profile\": " + profiles[0]) }
        if chance(0.5) { fields.append("\"seed\": " + integerText(usual: 0...Int64.max)) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A turn request as JSON text for a session: the turn, the elapsed time and the opponent's action, each
    /// from its usual range or hostile. `legalTerms` is a JSON object of terms inside the scenario's domains.
    public mutating func turnRequest(sessionID: String, turn: Int, legalTerms: String) -> String {
        var fields = [
            "\"protocol\": \"parley/1\"", "\"sessionID\": " + Self.quoted(sessionID),
            "\"turn\": " + (hostile() ? integerText(usual: 1...4) : String(turn)),
            "\"elapsed\": " + (chance(0.5) ? pick(Self.edgeNumbers) : numberText(usual: 0...100)),
        ]
        if turn > 1 || hostile() { fields.append("\"opponentAction\": " + action(legalTerms: legalTerms)) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// An action as JSON text: usually an offer of `legalTerms`, sometimes an offer with a value anywhere in
    /// `Int64`, an accept, a walk-away with hostile text, or an unknown kind.
    public mutating func action(legalTerms: String) -> String {
        let note = chance(0.3) ? ", \"note\": " + Self.quoted(hostile() ? String(repeating: "n", count: 281) : name("hello")) : ""
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return "{\"type\": \"accept\"\(note)}"
        case 1: return "{\"type\": \"walkAway\", \"reason\": \(Self.quoted(name("no")))\(note)}"
        case 2 where hostile(): return "{\"type\": \"counter\"\(note)}"
        case 3 where hostile():
            return "{\"type\": \"offer\", \"terms\": {\"price\": \(integerText(usual: 0...20_000))}\(note)}"
        default:
            return "{\"type\": \"offer\", \"terms\": \(legalTerms)\(note)}"
        }
    }
}
