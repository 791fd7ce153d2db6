import Foundation
import ParleyHTTPClient
import ScriptedChatServer
import Testing

/// The test endpoint must speak OpenAI's chat-completions format exactly, or the LLM agent's tests prove nothing.
@Suite("The scripted chat-completions server speaks OpenAI's wire format")
struct ScriptedChatServerTests {
    static func post(_ url: String, _ body: String, key: String? = nil) async throws -> (HTTPResponse, [String: Any]) {
        let response = try await LLMSupport.client.send(HTTPRequest(
            method: .post, url: url + "/v1/chat/completions", headers: HTTPHeaderField.bearer(key), body: Data(body.utf8)
        ))
        let json = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any], "\(response.status)")
        return (response, json)
    }

    static let request = #"{"model": "m", "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]}"#

    @Test func aCompletionHasOpenAIsShape() async throws {
        let server = ScriptedChatServer(replies: [.content("hello", finishReason: "length", promptTokens: 7, completionTokens: 3)])
        try await LLMSupport.withServer(server) { url in
            let (response, json) = try await Self.post(url, Self.request)
            #expect(response.status == 200 && response.header("Content-Type") == "application/json")
            #expect(Set(json.keys) == ["id", "object", "created", "model", "system_fingerprint", "choices", "usage"])
            #expect(json["object"] as? String == "chat.completion" && json["model"] as? String == "m" && json["created"] is Int)
            let choice = try #require((json["choices"] as? [[String: Any]])?.first)
            #expect(Set(choice.keys) == ["index", "message", "logprobs", "finish_reason"])
            #expect(choice["index"] as? Int == 0 && choice["finish_reason"] as? String == "length" && choice["logprobs"] is NSNull)
            let message = try #require(choice["message"] as? [String: Any])
            #expect(message["role"] as? String == "assistant" && message["content"] as? String == "hello" && message["refusal"] is NSNull)
            let usage = try #require(json["usage"] as? [String: Int])
            #expect(usage == ["prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10])
            #expect(server.received.map(\.model) == ["m"] && server.received[0].messages.map(\.role) == ["system", "user"])
        }
    }

    @Test func refusalsUseOpenAIsErrorBody() async throws {
        let server = ScriptedChatServer(apiKey: "sk-k", responseFormats: ["json_object"], replies: [
            .error(status: 429, type: "rate_limit_exceeded", message: "slow down", retryAfter: "3"),
        ])
        try await LLMSupport.withServer(server) { url in
            let (limited, limitedBody) = try await Self.post(url, Self.request, key: "sk-k")
            #expect(limited.status == 429 && limited.header("Retry-After") == "3")
            let error = try #require(limitedBody["error"] as? [String: Any])
            #expect(Set(error.keys) == ["message", "type", "param", "code"])
            #expect(error["message"] as? String == "slow down" && error["type"] as? String == "rate_limit_exceeded" && error["param"] is NSNull)

            let (unauthorized, unauthorizedBody) = try await Self.post(url, Self.request)
            #expect(unauthorized.status == 401 && (unauthorizedBody["error"] as? [String: Any])?["code"] as? String == "invalid_api_key")

            let cases = [
                (#"{"messages": [{"role": "user", "content": "u"}]}"#, "model"),
                (#"{"model": "m", "messages": []}"#, "messages"),
                (#"{"model": "m", "messages": [{"role": "robot", "content": "u"}]}"#, "role"),
                (#"{"model": "m", "messages": [{"role": "user", "content": "u"}], "stream": true}"#, "stream"),
                (#"{"model": "m", "messages": [{"role": "user", "content": "u"}], "response_format": {"type": "json_schema"}}"#, "response_format"),
            ]
            for (body, named) in cases {
                let (response, json) = try await Self.post(url, body, key: "sk-k")
                let error = try #require(json["error"] as? [String: Any])
                #expect(response.status == 400 && error["type"] as? String == "invalid_request_error", "\(body)")
                #expect((error["message"] as? String)?.contains(named) == true, "\(error) names \(named)")
            }
            let (ranOut, ranOutBody) = try await Self.post(url, Self.request, key: "sk-k")
            #expect(ranOut.status == 500 && (ranOutBody["error"] as? [String: Any])?["type"] as? String == "server_error")
            #expect(server.received.count == 2, "refused requests never reach the script")
        }
    }
}
