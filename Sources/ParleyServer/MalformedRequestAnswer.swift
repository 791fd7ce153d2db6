import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import ParleyProtocol

/// Answers a request the HTTP parser cannot read (a garbled request line or header, a body length that cannot
/// be, both a length and chunked encoding) with the API's own error body, 400 `malformed_json`, then closes the
/// connection, as it cannot tell where the next request would begin. Without it the answer has an empty body.
final class MalformedRequestAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let body = APIErrorBody(APIError(.malformedJSON, "the request is not readable HTTP: \(error)"))
        let data = (try? WireCodec().encode(WireMessage(body))) ?? Data("{}".utf8)
        let head = HTTPResponse(status: .badRequest, headerFields: [.contentType: "application/json", .contentLength: String(data.count), .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: data))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
