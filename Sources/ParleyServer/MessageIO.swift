import Foundation
import Hummingbird
import NIOCore
import ParleyProtocol

/// Reads request bodies into protocol messages and writes messages and errors as JSON responses.
///
/// A server holds one, so every response is encoded with the same codec.
struct MessageIO: Sendable {
    /// The largest body read, in bytes.
    let limit: Int
    private let codec = WireCodec()

    init(limit: Int) {
        self.limit = limit
    }

    /// Collects the body up to ``limit`` bytes and decodes it; every failure is an ``APIError``.
    func read<Body: Codable & Sendable & Hashable>(_ type: Body.Type, from request: Request) async throws(APIError) -> Body {
        let bytes = try await body(of: request)
        do {
            return try codec.decode(WireMessage<Body>.self, from: bytes).body
        } catch {
            throw APIError(error)
        }
    }

    /// Collects the body up to ``limit`` bytes; a larger or unreadable one is an ``APIError``.
    func body(of request: Request) async throws(APIError) -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.bodyTooLarge, "the body has \(length) bytes; this server accepts at most \(limit)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.bodyTooLarge, "the body is larger than \(limit) bytes, the most this server accepts")
        } catch {
            throw APIError(.malformedJSON, "the body could not be read")
        }
        return Data(buffer.readableBytesView)
    }

    /// A JSON response of any encodable value, unwrapped.
    func plainResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON response with a message, wrapped with the protocol version.
    func response(_ body: some Codable & Sendable & Hashable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? codec.encode(WireMessage(body))) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// The JSON response for an error, with its code's status.
    func response(_ error: APIError) -> Response {
        response(APIErrorBody(error), status: HTTPResponse.Status(code: error.code.status))
    }
}
