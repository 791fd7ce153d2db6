/// A JSON-RPC 2.0 request, as A2A's JSON-RPC binding sends one (`SendMessage`, `GetTask`, `CancelTask`, …).
public struct A2ARequest: Sendable, Hashable, Codable {
    /// Always `2.0`.
    public var jsonrpc: String
    /// The request's identifier (a string or a number), echoed in the response.
    public var id: JSONValue?
    /// The method.
    public var method: String
    /// The parameters.
    public var params: JSONValue?

    /// A request.
    public init(id: JSONValue?, method: String, params: JSONValue?) {
        self.jsonrpc = "2.0"
        self.id = id
        self.method = method
        self.params = params
    }
}

/// A JSON-RPC 2.0 response: a result, or an error.
public struct A2AResponse: Sendable, Hashable, Codable {
    /// Always `2.0`.
    public var jsonrpc: String
    /// The request's identifier (`null` when the request could not be read).
    public var id: JSONValue
    /// The result, on success.
    public var result: JSONValue?
    /// The error, on failure.
    public var error: A2AError?

    /// A successful response.
    public init(id: JSONValue, result: JSONValue) {
        self.jsonrpc = "2.0"
        self.id = id
        self.result = result
    }

    /// A failed response.
    public init(id: JSONValue, error: A2AError) {
        self.jsonrpc = "2.0"
        self.id = id
        self.error = error
    }

    private enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    /// Encodes `id` always (as `null` when unknown), and exactly one of `result` and `error`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encodeIfPresent(error, forKey: .error)
    }
}

/// A JSON-RPC 2.0 request with typed parameters: what a client sends, and how a server reads a method's parameters
/// without passing them through ``JSONValue``.
public struct A2ACall<Params: Codable & Sendable>: Sendable, Codable {
    /// Always `2.0`.
    public var jsonrpc: String
    /// The request's identifier.
    public var id: JSONValue?
    /// The method.
    public var method: String
    /// The parameters.
    public var params: Params

    /// A request.
    public init(id: JSONValue?, method: String, params: Params) {
        self.jsonrpc = "2.0"
        self.id = id
        self.method = method
        self.params = params
    }
}

/// A JSON-RPC 2.0 response with a typed result, or an error.
public struct A2AReply<Result: Codable & Sendable>: Sendable, Codable {
    /// Always `2.0`.
    public var jsonrpc: String
    /// The request's identifier.
    public var id: JSONValue?
    /// The result, on success.
    public var result: Result?
    /// The error, on failure.
    public var error: A2AError?

    /// A successful response.
    public init(id: JSONValue?, result: Result) {
        self.jsonrpc = "2.0"
        self.id = id
        self.result = result
    }
}

/// `SendMessage`'s parameters.
public struct A2ASendMessageParams: Sendable, Codable {
    /// The message.
    public var message: A2AMessage

    /// Parameters.
    public init(message: A2AMessage) {
        self.message = message
    }
}

/// `SendMessage`'s result: the task (Parley's agents always answer with the task).
public struct A2ASendMessageResult: Sendable, Codable {
    /// The task.
    public var task: A2ATask

    /// A result.
    public init(task: A2ATask) {
        self.task = task
    }
}

/// A JSON-RPC error: its numeric code (JSON-RPC's and A2A's), a message, and its details in `data`, an array of typed
/// objects as A2A 1.0 requires; Parley's stable code and path travel in a `google.rpc.ErrorInfo`'s `metadata`.
public struct A2AError: Error, Sendable, Hashable, Codable {
    /// The JSON-RPC code: `-32700` parse error, `-32600` invalid request, `-32601` method not found, `-32602` invalid
    /// params, `-32603` internal error, `-32001` task not found, `-32002` task not cancelable, `-32003` push
    /// notifications not supported, `-32004` unsupported operation, `-32007` no extended card, `-32008` extension
    /// support required, `-32009` version not supported.
    public var code: Int
    /// What went wrong, for people.
    public var message: String
    /// The error's details: `[{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "INVALID_SCENARIO",
    /// "domain": "parley", "metadata": {"code": "invalid_scenario", "path": "$.scenario.issues"}}]`.
    public var data: JSONValue?

    /// An error with any details.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// An error carrying Parley's stable code, and the JSON path at fault when known, in an `ErrorInfo` detail.
    public init(code: Int, message: String, parleyCode: String, path: String? = nil) {
        var metadata: [String: JSONValue] = ["code": .string(parleyCode)]
        if let path { metadata["path"] = .string(path) }
        let detail: [String: JSONValue] = [
            "@type": .string(Self.errorInfoType), "reason": .string(parleyCode.uppercased()), "domain": .string("parley"), "metadata": .object(metadata),
        ]
        self.init(code: code, message: message, data: .array([.object(detail)]))
    }

    /// The type URL of `google.rpc.ErrorInfo`.
    public static let errorInfoType = "type.googleapis.com/google.rpc.ErrorInfo"

    /// Parley's stable code, from the first detail whose `metadata` has one.
    public var parleyCode: String? { metadata("code") }

    /// The JSON path at fault, from the first detail whose `metadata` has one.
    public var path: String? { metadata("path") }

    private func metadata(_ field: String) -> String? {
        guard case .array(let details)? = data else { return nil }
        for case .object(let detail) in details {
            if case .object(let metadata)? = detail["metadata"], case .string(let value)? = metadata[field] { return value }
        }
        return nil
    }
}
