import NIOCore

/// A task executor that runs jobs on one NIO event loop, so that a connection's handler runs on the thread that
/// reads and writes its socket.
///
/// A job enqueued from the loop itself is queued without a wake-up; from another thread, the loop is woken.
final class EventLoopExecutor: TaskExecutor {
    private let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
