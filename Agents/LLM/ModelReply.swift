import Foundation
import ParleyAgents
public import ParleyProtocol

/// The model's reply, read from its content: `{"reasoning", "action", "terms", "note"}`.
///
/// Reading is forgiving about packaging (a Markdown code fence, text around the object) and strict about the
/// content: the action must be a legal move of this turn and keep the mandate. Every refusal says why, in
/// words the model can act on, without the profile's values.
struct ModelReply: Decodable, Sendable {
    /// The model's private reasoning: recorded with the attempt, never sent.
    var reasoning: String?
    /// `offer`, `accept` or `walkAway`: the `action` field.
    var kind: String
    /// The terms of an offer.
    var terms: Terms?
    /// The note for the opponent.
    var note: String?

    private enum CodingKeys: String, CodingKey {
        case reasoning, terms, note
        case kind = "action"
    }

    /// Reads the reply from a completion's content.
    static func read(_ content: String) throws(DecisionAttempt.Rejection) -> ModelReply {
        try object(ModelReply.self, in: content)
    }

    /// Reads a JSON object of a reply's shape from a completion's content: the text from its first `{` to its last `}`.
    static func object<Reply: Decodable>(_ type: Reply.Type, in content: String) throws(DecisionAttempt.Rejection) -> Reply {
        guard let start = content.firstIndex(of: "{"), let end = content.lastIndex(of: "}"), start < end else {
            throw .init(code: LLMRejection.notAnAction, message: "the reply holds no JSON object")
        }
        do {
            return try JSONDecoder().decode(Reply.self, from: Data(content[start...end].utf8))
        } catch let error as DecodingError {
            throw .init(code: LLMRejection.notAnAction, message: "the JSON object is not an action: \(Self.describe(error))")
        } catch {
            throw .init(code: LLMRejection.notAnAction, message: "the reply is not valid JSON")
        }
    }

    /// The action the reply stands for; a note longer than ``Action/maximumNoteLength`` is cut to fit.
    func action() throws(DecisionAttempt.Rejection) -> Action {
        let note = Self.fitting(note)
        switch kind {
        case "offer":
            guard let terms else { throw .init(code: LLMRejection.invalidAction, message: "an offer needs terms with every issue") }
            return .offer(terms, note: note)
        case "accept":
            return .accept(note: note)
        case "walkAway":
            return .walkAway(note: note)
        default:
            throw .init(code: LLMRejection.invalidAction, message: "\"action\" must be \"offer\", \"accept\" or \"walkAway\", not \"\(kind.prefix(40))\"")
        }
    }

    /// A note as sent: `nil` when empty, cut to ``Action/maximumNoteLength`` when longer.
    static func fitting(_ note: String?) -> String? {
        note.flatMap { $0.isEmpty ? nil : String($0.prefix(Action.maximumNoteLength)) }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty ? context.debugDescription : "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        @unknown default: "it does not have the expected shape"
        }
    }
}

/// The stable codes of a rejected attempt (``DecisionAttempt/Rejection/code``).
public enum LLMRejection {
    /// The content is not a JSON object of the reply's shape.
    public static let notAnAction = DecisionAttempt.Rejection.Code(rawValue: "not_an_action")
    /// The action is not a legal move now: an unknown kind, terms outside the domains, accepting nothing.
    public static let invalidAction = DecisionAttempt.Rejection.Code(rawValue: "invalid_action")
    /// The action would give the principal less than walking away.
    public static let outOfMandate = DecisionAttempt.Rejection.Code(rawValue: "out_of_mandate")
    /// The reply was cut off at `max_tokens` (`finish_reason: length`).
    public static let truncated = DecisionAttempt.Rejection.Code(rawValue: "truncated")
    /// The response had no choices, or a choice without content.
    public static let emptyChoices = DecisionAttempt.Rejection.Code(rawValue: "empty_choices")
    /// The response body is not a chat completion.
    public static let unreadableResponse = DecisionAttempt.Rejection.Code(rawValue: "unreadable_response")
    /// 429: the endpoint asked to slow down.
    public static let rateLimited = DecisionAttempt.Rejection.Code(rawValue: "rate_limited")
    /// 5xx: the endpoint failed.
    public static let serverError = DecisionAttempt.Rejection.Code(rawValue: "server_error")
    /// The endpoint refused the `response_format`; the next request uses a simpler one.
    public static let unsupportedResponseFormat = DecisionAttempt.Rejection.Code(rawValue: "unsupported_response_format")
    /// Any other non-2xx answer, such as 401 for a wrong key.
    public static let refused = DecisionAttempt.Rejection.Code(rawValue: "refused")
    /// No answer within the turn's time.
    public static let timedOut = DecisionAttempt.Rejection.Code(rawValue: "timed_out")
    /// The endpoint could not be reached.
    public static let unreachable = DecisionAttempt.Rejection.Code(rawValue: "unreachable")
}
