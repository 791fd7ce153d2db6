import ParleyProtocol
import Foundation

/// The OpenAI chat-completions wire format, as far as the LLM agent uses it: `POST /v1/chat/completions`.
enum ChatCompletions {
    /// One message of the conversation.
    struct Message: Codable, Sendable, Hashable {
        /// `system`, `user` or `assistant`.
        var role: String
        /// The text. Some servers send `null` for an assistant message without text.
        var content: String?
        /// The tool calls of an assistant's reply, when it called a tool (never sent).
        var toolCalls: [ToolCall]?

        private enum CodingKeys: String, CodingKey {
            case role, content
            case toolCalls = "tool_calls"
        }

        init(role: String, content: String?) {
            self.role = role
            self.content = content
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(role, forKey: .role)
            try container.encode(content, forKey: .content)
        }

        /// The reply's text: its content, or else the arguments of its call of the tool named `tool`; `nil` when it
        /// has neither. A call of another tool is the second value.
        func reply(tool: String) -> (text: String?, otherTool: String?) {
            if let content, !content.isEmpty { return (content, nil) }
            guard let call = toolCalls?.first else { return (nil, nil) }
            return call.function.name == tool ? (call.function.arguments, nil) : (call.function.arguments, call.function.name)
        }

        static func system(_ text: String) -> Message { Message(role: "system", content: text) }
        static func user(_ text: String) -> Message { Message(role: "user", content: text) }
        static func assistant(_ text: String) -> Message { Message(role: "assistant", content: text) }
    }

    /// A tool call in a reply: `{"type": "function", "function": {"name": …, "arguments": "<JSON text>"}}`.
    struct ToolCall: Codable, Sendable, Hashable {
        struct Function: Codable, Sendable, Hashable {
            var name: String
            var arguments: String
        }

        var function: Function
    }

    /// The one tool offered when the action is asked for as a tool call.
    struct Tool: Sendable, Hashable {
        var name: String
        var description: String
        var parameters: JSONValue
    }

    /// How the reply's shape is requested.
    enum ResponseFormat: Sendable, Hashable {
        /// Structured output: the reply must match the schema.
        case jsonSchema(name: String, schema: JSONValue)
        /// JSON mode: the reply is a JSON object.
        case jsonObject
    }

    /// The request body.
    struct Request: Encodable, Sendable {
        var model: String
        var messages: [Message]
        var temperature: Double?
        var maxTokens: Int
        var seed: Int?
        var responseFormat: ResponseFormat?
        /// The tool the reply must call, if the action is asked for as a tool call.
        var tool: Tool?

        private enum CodingKeys: String, CodingKey {
            case model, messages, temperature, seed, stream, tools
            case maxTokens = "max_tokens"
            case responseFormat = "response_format"
            case toolChoice = "tool_choice"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(model, forKey: .model)
            try container.encode(messages, forKey: .messages)
            try container.encodeIfPresent(temperature, forKey: .temperature)
            try container.encode(maxTokens, forKey: .maxTokens)
            try container.encodeIfPresent(seed, forKey: .seed)
            try container.encode(false, forKey: .stream)
            switch responseFormat {
            case .jsonSchema(let name, let schema):
                let format: JSONValue = [
                    "type": "json_schema", "json_schema": ["name": .string(name), "strict": true, "schema": schema],
                ]
                try container.encode(format, forKey: .responseFormat)
            case .jsonObject:
                try container.encode(["type": "json_object"] as JSONValue, forKey: .responseFormat)
            case nil:
                break
            }
            if let tool {
                let function: JSONValue = ["name": .string(tool.name), "description": .string(tool.description), "parameters": tool.parameters]
                try container.encode([["type": "function", "function": function]] as JSONValue, forKey: .tools)
                try container.encode(["type": "function", "function": ["name": .string(tool.name)]] as JSONValue, forKey: .toolChoice)
            }
        }
    }

    /// The response body of a 200.
    struct Response: Decodable, Sendable {
        struct Choice: Decodable, Sendable {
            var message: Message?
            var finishReason: String?

            private enum CodingKeys: String, CodingKey {
                case message
                case finishReason = "finish_reason"
            }
        }

        struct Usage: Decodable, Sendable {
            var promptTokens: Int?
            var completionTokens: Int?
            var totalTokens: Int?

            private enum CodingKeys: String, CodingKey {
                case promptTokens = "prompt_tokens"
                case completionTokens = "completion_tokens"
                case totalTokens = "total_tokens"
            }

            /// The largest count believed; an endpoint's larger or negative counts are clamped into `0 … 2⁴⁰`.
            static let maximumCount = 1 << 40

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                func count(_ key: CodingKeys) -> Int? {
                    // A count that is no integer at all (a fraction, 1e30) is ignored, not a reason to drop the reply.
                    (try? container.decodeIfPresent(Double.self, forKey: key)).flatMap { $0 }.map { Int(min(max($0, 0), Double(Self.maximumCount))) }
                }
                promptTokens = count(.promptTokens)
                completionTokens = count(.completionTokens)
                totalTokens = count(.totalTokens)
            }

            /// The tokens the exchange cost.
            var spent: Int { totalTokens ?? ((promptTokens ?? 0) + (completionTokens ?? 0)) }
        }

        var choices: [Choice]
        var usage: Usage?
    }

    /// The body of an error answer, `{"error": {"message": …, "type": …, "code": …}}`, as far as it is read.
    struct ErrorBody: Decodable, Sendable {
        struct Detail: Decodable, Sendable {
            var message: String?
        }

        var error: Detail
    }
}
