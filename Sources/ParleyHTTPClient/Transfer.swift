import CCurl
import Foundation

/// One request in flight on the transfer thread: its easy handle, its buffers and its continuation.
///
/// Only the transfer thread touches a transfer. libcurl reaches it from its callbacks through the
/// `CURLOPT_PRIVATE`, `WRITEDATA` and `HEADERDATA` pointers; the loop's table of active transfers keeps it alive.
final class Transfer {
    let id: UInt64
    let easy: UnsafeMutableRawPointer
    private let continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>
    private let limit: Int
    private let timeout: Duration
    private var body = Data()
    private var headers: [HTTPHeaderField] = []
    private var overflowed = false
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private var finished = false

    init(_ pending: PendingTransfer, easy: UnsafeMutableRawPointer, configuration: HTTPClient.Configuration) {
        id = pending.id
        self.easy = easy
        continuation = pending.continuation
        limit = configuration.maximumResponseBytes
        timeout = pending.request.timeout ?? configuration.requestTimeout
        errorBuffer.initialize(to: 0)
        configure(pending.request, configuration: configuration)
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// The transfer an easy handle belongs to.
    static func owning(_ easy: UnsafeMutableRawPointer) -> Transfer? {
        var pointer: UnsafeMutableRawPointer?
        guard parley_curl_easy_get_pointer(easy, CURLINFO_PRIVATE, &pointer) == CURLE_OK, let pointer else { return nil }
        return Unmanaged<Transfer>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Resumes the waiting task, once.
    func finish(_ result: Result<HTTPResponse, HTTPClientError>) {
        guard !finished else { return }
        finished = true
        continuation.resume(returning: result)
    }

    /// The outcome of a finished transfer.
    func result(of code: CURLcode) -> Result<HTTPResponse, HTTPClientError> {
        if code == CURLE_OK {
            var status = 0, connections = 0
            _ = parley_curl_easy_get_long(easy, CURLINFO_RESPONSE_CODE, &status)
            _ = parley_curl_easy_get_long(easy, CURLINFO_NUM_CONNECTS, &connections)
            return .success(HTTPResponse(status: status, headers: headers, body: body, connectionsOpened: connections))
        }
        let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT: return .failure(.connectionRefused(detail))
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .failure(.hostNotFound(detail))
        case CURLE_OPERATION_TIMEDOUT: return .failure(.timedOut(timeout))
        case CURLE_FILESIZE_EXCEEDED: return .failure(.bodyTooLarge(limit: limit))
        case CURLE_WRITE_ERROR where overflowed: return .failure(.bodyTooLarge(limit: limit))
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: return .failure(.connectionLost(detail))
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .failure(.invalidURL(detail))
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
            CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .failure(.tls(detail))
        default: return .failure(.transport(code: Int(code.rawValue), message: detail))
        }
    }

    /// Appends received body bytes; refuses them (ending the transfer) past the limit.
    fileprivate func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= limit else {
            overflowed = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Records one header line; a status line starts a new response (after `100 Continue`, say).
    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        if bytes.starts(with: "HTTP/".utf8) {
            headers.removeAll()
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
            var value = bytes[(colon + 1)...]
            while let first = value.first, isBlank(first) { value = value.dropFirst() }
            while let last = value.last, isBlank(last) { value = value.dropLast() }
            headers.append(HTTPHeaderField(name: String(decoding: bytes[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
        }
        return bytes.count
    }

    private func configure(_ request: HTTPRequest, configuration: HTTPClient.Configuration) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = parley_curl_easy_set_string(easy, CURLOPT_URL, request.url)
        _ = parley_curl_easy_set_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = parley_curl_easy_set_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = parley_curl_easy_set_pointer(easy, CURLOPT_PRIVATE, context)
        _ = parley_curl_easy_set_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = parley_curl_easy_set_callback(easy, CURLOPT_WRITEFUNCTION, writeBody)
        _ = parley_curl_easy_set_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = parley_curl_easy_set_callback(easy, CURLOPT_HEADERFUNCTION, writeHeader)
        _ = parley_curl_easy_set_pointer(easy, CURLOPT_HEADERDATA, context)
        _ = parley_curl_easy_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.milliseconds)
        _ = parley_curl_easy_set_long(easy, CURLOPT_TIMEOUT_MS, timeout.milliseconds)
        _ = parley_curl_easy_set_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit))
        _ = parley_curl_easy_set_string(easy, CURLOPT_USERAGENT, configuration.userAgent)

        var fields = request.headers.map { "\($0.name): \($0.value)" }
        fields.append("Expect:")
        if request.body != nil, !request.headers.contains(where: { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }) {
            fields.append("Content-Type: application/json")
        }
        for field in fields { headerList = curl_slist_append(headerList, field) }
        _ = parley_curl_easy_set_slist(easy, CURLOPT_HTTPHEADER, headerList)

        if let body = request.body {
            _ = parley_curl_easy_set_long(easy, CURLOPT_POST, 1)
            _ = parley_curl_easy_set_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // COPYPOSTFIELDS copies the bytes, so the body need not outlive this call.
            if body.isEmpty {
                _ = parley_curl_easy_set_string(easy, CURLOPT_COPYPOSTFIELDS, "")
            } else {
                body.withUnsafeBytes { bytes in
                    _ = parley_curl_easy_set_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress!))
                }
            }
            if request.method != .post { _ = parley_curl_easy_set_string(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
        } else if request.method == .get {
            _ = parley_curl_easy_set_long(easy, CURLOPT_HTTPGET, 1)
        } else {
            _ = parley_curl_easy_set_string(easy, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
    }
}

/// libcurl's body callback: hands the bytes to the transfer.
private let writeBody: parley_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count))
}

/// libcurl's header callback: hands each header line to the transfer.
private let writeHeader: parley_curl_data_callback = { data, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}

extension Duration {
    /// Whole milliseconds, at least 1, for libcurl's `_MS` options.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
