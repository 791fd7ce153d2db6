import MCP

/// A tool call that could not be carried out, with a stable code: returned to the client as an MCP tool error
/// (`isError: true`) whose text is `code: message` and whose structured content is `{"code", "message"}`.
public struct ToolError: Error, Sendable, Hashable {
    /// A stable code, such as `unknown_strategy` or `invalid_argument`.
    public var code: String
    /// What went wrong, never a private value.
    public var message: String

    /// An error.
    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    /// A required argument is missing or has the wrong type.
    static func argument(_ name: String, _ expected: String) -> ToolError {
        ToolError("invalid_argument", "'\(name)' must be \(expected)")
    }

    /// The error as a tool result.
    var result: CallTool.Result {
        CallTool.Result(content: [.text(text: "\(code): \(message)", annotations: nil, _meta: nil)], structuredContent: ["code": .string(code), "message": .string(message)], isError: true)
    }
}
