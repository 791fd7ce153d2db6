import Foundation

/// A request handed to the transfer thread, with the continuation that receives its result.
struct PendingTransfer: Sendable {
    /// Identifies the transfer for cancellation.
    let id: UInt64
    /// What to send.
    let request: HTTPRequest
    /// Resumed exactly once, on the transfer thread.
    let continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>
}
