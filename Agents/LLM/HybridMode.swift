/// How far an LLM agent's model decides its moves: everything, only the note, or a pick among the strategy's offers.
///
/// In the hybrid modes the agent file's `fallback` strategy proposes every move, held to the mandate; the model
/// cannot move a number outside what that strategy allows, so a weak model cannot make a bad deal, and a strong one
/// can still persuade (the pattern NegMAS's LLM package calls a meta-negotiator).
public enum HybridMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The model decides the move and its note; the fallback moves only when the model cannot.
    case full
    /// The strategy decides the move; the model writes the note that goes with it.
    case note
    /// The strategy proposes its offer; the model picks one of up to `choices` offers within `band` of its utility
    /// (never below the walk-away value), or accepting the standing offer when it is worth as much, and writes the note.
    /// When the strategy accepts or walks away, the model writes the note only.
    case choose
}
