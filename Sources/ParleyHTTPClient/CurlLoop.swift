import CCurl
import Dispatch
import Foundation
import Synchronization

/// The transfer thread of an ``HTTPClient``: one libcurl multi handle that drives every transfer, and a task
/// executor that runs jobs between transfers.
///
/// Requests and jobs arrive through a locked inbox. The thread is woken with `curl_multi_wakeup` only while it
/// waits in `curl_multi_poll`: what arrives while it works, such as a task resumed by a finished transfer and
/// the next request that task sends, is picked up before it waits again, without a wake-up. Everything else,
/// the multi handle's state, the easy handles and each transfer's buffers, belongs to the thread alone.
final class CurlLoop: TaskExecutor {
    private struct Inbox: Sendable {
        var started = false
        var stopping = false
        /// Set once the thread has ended; jobs then run on Dispatch's global queue.
        var ended = false
        /// Set while the thread waits in `curl_multi_poll`, the only time it must be woken.
        var waiting = false
        var lastID: UInt64 = 0
        var arrivals: [PendingTransfer] = []
        var cancellations: [UInt64] = []
        var jobs: [UnownedJob] = []
        /// Set while the thread runs, so that other threads can wake it.
        var multi: MultiHandle?
        /// The transfer thread, once it runs.
        var thread: pthread_t?

        var isIdle: Bool { arrivals.isEmpty && cancellations.isEmpty && jobs.isEmpty && !stopping }
    }

    private let inbox = Mutex(Inbox())
    private let configuration: HTTPClient.Configuration
    /// Signalled once when the thread has ended, for ``stop()`` to wait on.
    private let threadEnded = DispatchSemaphore(value: 0)

    init(configuration: HTTPClient.Configuration) {
        self.configuration = configuration
    }

    /// Whether the thread has ended (after ``stop()``).
    var hasEnded: Bool { inbox.withLock { $0.ended } }

    /// A new transfer identifier.
    func nextID() -> UInt64 {
        inbox.withLock { inbox in
            inbox.lastID += 1
            return inbox.lastID
        }
    }

    /// Queues a transfer, starting the thread on first use. After ``stop()``, fails it as cancelled.
    func submit(_ transfer: PendingTransfer) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.stopping else { return false }
            inbox.arrivals.append(transfer)
            wakeOrStart(&inbox)
            return true
        }
        if !accepted { transfer.continuation.resume(returning: .failure(.cancelled)) }
    }

    /// Runs a job on the transfer thread, between transfers; once the thread has ended, on Dispatch's global queue.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let queued = inbox.withLock { inbox in
            guard !inbox.ended else { return false }
            inbox.jobs.append(job)
            wakeOrStart(&inbox)
            return true
        }
        if !queued { runOnDispatch(job) }
    }

    /// Runs a job on Dispatch's global queue, for when the thread has ended.
    private func runOnDispatch(_ job: UnownedJob) {
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }

    /// Aborts a transfer if it is still running; it then fails as cancelled.
    func cancel(_ id: UInt64) {
        inbox.withLock { inbox in
            inbox.cancellations.append(id)
            wakeOrStart(&inbox)
        }
    }

    /// Fails every transfer as cancelled and ends the thread, and waits (up to 5 seconds) until it has ended, unless
    /// called on the thread itself: a process that exits right after its client is gone must not tear libcurl and
    /// OpenSSL down while the thread still cleans up its handles.
    func stop() {
        let wait = inbox.withLock { inbox in
            inbox.stopping = true
            if inbox.waiting { inbox.multi?.wakeUp() }
            let onThread = inbox.thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
            return inbox.started && !inbox.ended && !onThread
        }
        if wait { _ = threadEnded.wait(timeout: .now() + .seconds(5)) }
    }

    /// Starts the thread on first use, or wakes it if it is waiting; a working thread finds the inbox anyway.
    private func wakeOrStart(_ inbox: inout Inbox) {
        if !inbox.started {
            inbox.started = true
            // Named from inside: on Linux, a name given before `start()` never reaches the thread.
            Thread { [self] in
                Thread.current.name = "parley-http"
                run()
            }.start()
        } else if inbox.waiting {
            inbox.multi?.wakeUp()
        }
    }

    /// The thread's body: start arrivals, abort cancellations, let libcurl work, finish what is done, wait.
    private func run() {
        CurlGlobal.initialize()
        guard let multi = curl_multi_init() else {
            fatalError("libcurl could not create a multi handle (out of memory)")
        }
        _ = parley_curl_multi_set_long(multi, CURLMOPT_MAXCONNECTS, configuration.maximumIdleConnections)
        inbox.withLock { inbox in
            inbox.multi = MultiHandle(pointer: multi)
            inbox.thread = pthread_self()
        }

        var active: [UInt64: Transfer] = [:]
        var spareHandles: [UnsafeMutableRawPointer] = []
        func release(_ transfer: Transfer) {
            curl_multi_remove_handle(multi, transfer.easy)
            active[transfer.id] = nil
            curl_easy_reset(transfer.easy)
            if spareHandles.count < 64 { spareHandles.append(transfer.easy) } else { curl_easy_cleanup(transfer.easy) }
        }

        while true {
            let (arrivals, cancellations, jobs, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.arrivals.removeAll(keepingCapacity: true)
                    inbox.cancellations.removeAll(keepingCapacity: true)
                    inbox.jobs.removeAll(keepingCapacity: true)
                }
                if inbox.stopping { inbox.multi = nil }
                return (inbox.arrivals, inbox.cancellations, inbox.jobs, inbox.stopping)
            }
            for pending in arrivals {
                guard let easy = spareHandles.popLast() ?? curl_easy_init() else {
                    pending.continuation.resume(returning: .failure(.transport(code: -1, message: "libcurl could not create a handle")))
                    continue
                }
                let transfer = Transfer(pending, easy: easy, configuration: configuration)
                active[transfer.id] = transfer
                let added = curl_multi_add_handle(multi, easy)
                if added != CURLM_OK {
                    transfer.finish(.failure(.transport(code: Int(added.rawValue), message: String(cString: curl_multi_strerror(added)))))
                    release(transfer)
                }
            }
            for id in cancellations {
                guard let transfer = active[id] else { continue }
                transfer.finish(.failure(.cancelled))
                release(transfer)
            }
            if stopping {
                for transfer in active.values {
                    transfer.finish(.failure(.cancelled))
                    release(transfer)
                }
                for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
                break
            }

            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                let code = parley_curl_message_result(message)
                guard let transfer = Transfer.owning(easy) else { continue }
                transfer.finish(transfer.result(of: code))
                release(transfer)
            }
            // Jobs run after the transfers that finished, so a task waiting for one of them runs in this pass if
            // it was queued before; one resumed just now is in the inbox and runs in the next, without waiting.
            for job in jobs { job.runSynchronously(on: asUnownedTaskExecutor()) }
            let idle = inbox.withLock { inbox in
                inbox.waiting = inbox.isIdle
                return inbox.waiting
            }
            if idle {
                curl_multi_poll(multi, nil, 0, 1000, nil)
                inbox.withLock { $0.waiting = false }
            }
        }
        for easy in spareHandles { curl_easy_cleanup(easy) }
        curl_multi_cleanup(multi)
        let orphans = inbox.withLock { inbox in
            inbox.ended = true
            defer { inbox.jobs.removeAll() }
            return inbox.jobs
        }
        threadEnded.signal()
        for job in orphans { runOnDispatch(job) }
    }
}

/// A multi handle that other threads may only wake: `curl_multi_wakeup` is the one thread-safe call on it.
struct MultiHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    func wakeUp() { curl_multi_wakeup(pointer) }
}

/// libcurl's process-wide initialization, done once before the first handle; never undone, because Foundation
/// shares the library.
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Initializes libcurl if nothing has yet.
    static func initialize() { _ = initialized }
}
