import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP connection to a loopback port, for clients that misbehave below HTTP: one that sends half a
/// request head and then nothing, say.
///
/// Its reads wait on a Dispatch thread, never on a thread of Swift's cooperative pool, which the server under
/// test (and every other test running meanwhile) needs.
final class RawConnection: @unchecked Sendable {
    // @unchecked: the descriptor is only read, by one caller at a time.
    private let descriptor: Int32

    /// Connects to `127.0.0.1:port`; throws if the connection is refused.
    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    /// Sends text as it is.
    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, $0.count - 1, Int32(MSG_NOSIGNAL)) }
    }

    /// Whether the server closed the connection within `milliseconds` (reading and dropping anything it sent).
    func closedByServer(within milliseconds: Int32) async -> Bool {
        await read(within: milliseconds).closed
    }

    /// Everything the server sends until it closes the connection or `milliseconds` pass without a byte.
    func answer(within milliseconds: Int32) async -> String {
        String(decoding: await read(within: milliseconds).bytes, as: UTF8.self)
    }

    private func read(within milliseconds: Int32) async -> (bytes: [UInt8], closed: Bool) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.read(within: milliseconds)) }
        }
    }

    private func read(within milliseconds: Int32) -> (bytes: [UInt8], closed: Bool) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received: [UInt8] = []
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&waiting, 1, milliseconds) > 0 {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (received, true) }
            received += buffer.prefix(count)
        }
        return (received, false)
    }
}
