import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request does not arrive in full in time, so slow clients cannot hold
/// connections open by trickling a header or a body.
///
/// A new connection must deliver a whole request (head, body and end) within `first`; after each response, a
/// kept-alive connection must deliver its next request within `between`. While a request is being answered there
/// is no deadline: the agent's own time limits apply. One handler per connection, on its event loop.
final class RequestReadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let first: TimeAmount
    private let between: TimeAmount
    private var deadline: Scheduled<Void>?
    /// Requests received in full and responses finished: equal when the connection waits for a request.
    private var received = 0, answered = 0

    init(first: Duration, between: Duration) {
        self.first = Self.amount(first)
        self.between = Self.amount(between)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context, after: first) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        arm(context, after: first)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            received += 1
            // A request can be answered before its end is read (a GET needs no body): then the connection is
            // already waiting for the next request, and its deadline runs again.
            if answered >= received { arm(context, after: between) } else { disarm() }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answered += 1
            if answered >= received { arm(context, after: between) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext, after delay: TimeAmount) {
        disarm()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: delay) { channel.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }

    private static func amount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(min(seconds, 1 << 32) * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
