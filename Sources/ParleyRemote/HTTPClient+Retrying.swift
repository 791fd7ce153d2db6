import ParleyHTTPClient
import ParleyProtocol

extension HTTPClient {
    /// Sends a request to an agent, repeating it while its connection fails before an answer (up to `retries` times;
    /// every call of the agent API and of its A2A binding is idempotent), and turns a non-2xx answer into an error:
    /// the agent API's error when the body is one.
    func sendToAgent(_ request: HTTPRequest, retries: Int) async throws(RemoteAgentError) -> HTTPResponse {
        var attempt = 0
        while true {
            let response: HTTPResponse
            do {
                response = try await send(request)
            } catch {
                attempt += 1
                if error.isRetryable, attempt <= retries, !Task.isCancelled { continue }
                throw .transport(url: request.url, error)
            }
            guard response.isSuccess else {
                if let body = try? WireCodec().decode(WireMessage<APIErrorBody>.self, from: response.body) {
                    throw .rejected(url: request.url, status: response.status, body.body.error)
                }
                throw .unexpectedStatus(url: request.url, status: response.status, body: String(decoding: response.body.prefix(300), as: UTF8.self))
            }
            return response
        }
    }
}
