import HummingbirdCore
import Logging
import NIOCore

/// A Hummingbird child channel whose connections are each handled on their own event loop rather than on Swift's
/// cooperative pool.
///
/// Hummingbird handles each connection in a task of the global executor, so a request hops from the event loop to
/// the pool and its response back. Preferring the connection's event loop as the task's executor removes both
/// hops: with libcurl's thread on the other side, a request then costs two thread wake-ups in all.
struct EventLoopBoundChannel<Inner: ServerChildChannel>: ServerChildChannel {
    /// The channel setup and handler this one wraps, such as `HTTP1Channel`.
    let inner: Inner

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        inner.setup(channel: channel, logger: logger)
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopExecutor(value.channel.eventLoop)) {
            await inner.handle(value: value, logger: logger)
        }
    }
}
