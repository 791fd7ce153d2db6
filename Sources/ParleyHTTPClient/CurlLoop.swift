import CCurl
import Foundation
import Synchronization

/// The transfer thread of an ``HTTPClient``: one libcurl multi handle that drives every transfer.
///
/// Requests arrive through a locked inbox and wake the thread with `curl_multi_wakeup`. Everything else,
/// the multi handle's state, the easy handles and each transfer's buffers, belongs to the thread alone.
final class CurlLoop: Sendable {
    private struct Inbox: Sendable {
        var started = false
        var stopping = false
        var lastID: UInt64 = 0
        var arrivals: [PendingTransfer] = []
        var cancellations: [UInt64] = []
        /// Set while the thread runs, so that other threads can wake it.
        var multi: MultiHandle?
    }

    private let inbox = Mutex(Inbox())
    private let configuration: HTTPClient.Configuration

    init(configuration: HTTPClient.Configuration) {
        self.configuration = configuration
    }

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
            if inbox.started {
                inbox.multi?.wakeUp()
            } else {
                inbox.started = true
                let thread = Thread { [self] in run() }
                thread.name = "parley-http"
                thread.start()
            }
            return true
        }
        if !accepted { transfer.continuation.resume(returning: .failure(.cancelled)) }
    }

    /// Aborts a transfer if it is still running; it then fails as cancelled.
    func cancel(_ id: UInt64) {
        inbox.withLock { inbox in
            inbox.cancellations.append(id)
            inbox.multi?.wakeUp()
        }
    }

    /// Fails every transfer as cancelled and ends the thread.
    func stop() {
        inbox.withLock { inbox in
            inbox.stopping = true
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
        inbox.withLock { $0.multi = MultiHandle(pointer: multi) }

        var active: [UInt64: Transfer] = [:]
        var spareHandles: [UnsafeMutableRawPointer] = []
        func release(_ transfer: Transfer) {
            curl_multi_remove_handle(multi, transfer.easy)
            active[transfer.id] = nil
            curl_easy_reset(transfer.easy)
            if spareHandles.count < 64 { spareHandles.append(transfer.easy) } else { curl_easy_cleanup(transfer.easy) }
        }

        while true {
            let (arrivals, cancellations, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.arrivals.removeAll(keepingCapacity: true)
                    inbox.cancellations.removeAll(keepingCapacity: true)
                }
                if inbox.stopping { inbox.multi = nil }
                return (inbox.arrivals, inbox.cancellations, inbox.stopping)
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
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for easy in spareHandles { curl_easy_cleanup(easy) }
        curl_multi_cleanup(multi)
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
