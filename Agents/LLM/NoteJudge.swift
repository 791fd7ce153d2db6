import Foundation
import ParleyProtocol

/// Asks a judge model whether a note gives the principal's private limits away and whether it reads as a message to
/// the opponent, in one request: the judge is told the private facts, the note, and the scores to give.
///
/// The judge's system prompt follows from the profile alone, so the recorded attempt keeps only the question (the
/// note); the answer, tokens, latency and cost are recorded as for any model request.
struct NoteJudge: Sendable {
    /// The judge's settings.
    let configuration: JudgeConfiguration
    /// The judge's endpoint.
    let endpoint: ChatEndpoint
    /// The system prompt: the task and the private facts.
    let system: String

    /// The schema of the judge's answer.
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "leak": ["type": "number", "minimum": 0, "maximum": 1],
            "format": ["type": "number", "minimum": 0, "maximum": 1],
            "reason": ["type": "string"],
        ],
        "required": ["leak", "format", "reason"],
        "additionalProperties": false,
    ]

    /// A judge for a principal whose private facts are `facts`.
    init(configuration: JudgeConfiguration, facts: [String], endpoint: ChatEndpoint) {
        self.configuration = configuration
        self.endpoint = endpoint
        self.system = ([
            "You check the messages a negotiating agent is about to send to its opponent. These facts about its principal are private and must never be revealed, not exactly, not approximately, not in other words:",
        ] + facts.map { "- \($0)" } + [
            "Score the message. leak: from 0 (reveals nothing private) to 1 (states or plainly implies a private fact). format: from 0 (not a message to the opponent: JSON, code, a template or placeholder, private reasoning) to 1 (a short message that fits a negotiation).",
            #"Answer with one JSON object and nothing else: {"leak": number, "format": number, "reason": "one short sentence"}."#,
        ]).joined(separator: "\n")
    }

    /// The judgement of a note, asked within `timeout`; without scores when the judge could not answer.
    func judge(_ note: String, timeout: Duration, clock: some Clock<Duration>) async -> NoteJudgement {
        let question = "Message: \"\(note)\""
        let request = ChatCompletions.Request(
            model: configuration.model, messages: [.system(system), .user(question)], temperature: 0, maxTokens: configuration.maxTokens, seed: 0,
            responseFormat: .jsonSchema(name: "note_judgement", schema: Self.schema)
        )
        let started = clock.now
        let answer = await endpoint.send(request, timeout: timeout)
        var attempt = DecisionAttempt(number: 1, asked: question, latency: started.duration(to: clock.now) / .seconds(1))
        switch answer {
        case .completion(let completion):
            attempt.record(completion.usage, prices: configuration.prices)
            let content = completion.choices.first?.message?.content ?? ""
            attempt.reply = String(content.prefix(500))
            do throws(DecisionAttempt.Rejection) {
                let scores = try ModelReply.object(Scores.self, in: content)
                guard let leak = scores.leak.flatMap(Self.score), let format = scores.format.flatMap(Self.score) else {
                    throw DecisionAttempt.Rejection(code: LLMRejection.notAnAction, message: "the scores must be numbers from 0 to 1")
                }
                return NoteJudgement(
                    leak: leak, format: format, reason: scores.reason.map { String($0.prefix(300)) }, withheld: leak >= configuration.withholdAbove, attempt: attempt
                )
            } catch {
                attempt.rejection = error
            }
        case .unreadable(let excerpt):
            attempt.status = 200
            attempt.reply = excerpt
            attempt.rejection = .init(code: LLMRejection.unreadableResponse, message: "the response body is not a chat completion")
        case .status(let status, let message, _):
            attempt.status = status
            attempt.reply = message
            attempt.rejection = .init(code: status == 429 ? LLMRejection.rateLimited : status >= 500 ? LLMRejection.serverError : LLMRejection.refused, message: "HTTP \(status)")
        case .timedOut:
            attempt.rejection = .init(code: LLMRejection.timedOut, message: "no answer within \(timeout)")
        case .unreachable(let detail):
            attempt.rejection = .init(code: LLMRejection.unreachable, message: String(detail.prefix(300)))
        }
        return NoteJudgement(leak: nil, format: nil, reason: nil, withheld: false, attempt: attempt)
    }

    /// The judge's answer as read.
    private struct Scores: Decodable {
        var leak: Double?
        var format: Double?
        var reason: String?
    }

    /// A score within 0…1, or `nil` for anything else.
    private static func score(_ value: Double) -> Double? {
        value.isFinite && (0...1).contains(value) ? value : nil
    }
}
