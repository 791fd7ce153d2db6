import Crypto

/// A session's hash chain in the compact form the store keeps: every record's canonical body on its own line,
/// and the hashes as consecutive runs of 32 bytes.
///
/// Canonical JSON escapes every control character, so a body never contains a newline and the lines split
/// back into exactly the records. Building a chain writes each body once, straight into ``records``, and
/// hashes it there: no intermediate strings.
public struct PackedChain: Sendable, Hashable {
    /// The records' canonical bodies in order, UTF-8, separated by `\n`.
    public private(set) var records: [UInt8] = []
    /// The hashes in order, 32 bytes each: `hashes[32i..<32i+32]` closes record `i`.
    public private(set) var hashes: [UInt8] = []

    /// An empty chain.
    public init() {}

    /// A chain as stored; nothing is checked until it is verified (see ``links`` and ``HashChain/firstBreak(in:)``).
    public init(records: [UInt8], hashes: [UInt8]) {
        self.records = records
        self.hashes = hashes
    }

    /// The number of hashes, which is the number of records in an intact chain.
    public var count: Int { hashes.count / 32 }

    /// The last hash in hex: the session's final hash.
    public var finalHash: String? {
        hashes.count >= 32 ? HashChain.hex(hashes[(hashes.count - 32)...]) : nil
    }

    /// Reserves room for about `bytes` bytes of records and `links` links, so that appending does not reallocate.
    public mutating func reserveCapacity(bytes: Int, links: Int) {
        records.reserveCapacity(bytes)
        hashes.reserveCapacity(32 * links)
    }

    /// Appends one record whose body `write` appends to the buffer it is given, and chains its hash.
    public mutating func append(_ write: (inout [UInt8]) throws -> Void) rethrows {
        if !hashes.isEmpty { records.append(UInt8(ascii: "\n")) }
        let start = records.count
        try write(&records)
        var hasher = SHA256()
        if hashes.isEmpty {
            hasher.update(data: PackedChain.zeroHash)
        } else {
            hashes.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[($0.count - 32)...])) }
        }
        records.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[start...])) }
        hasher.finalize().withUnsafeBytes { hashes.append(contentsOf: $0) }
    }

    /// The records one by one, with their kinds by position and their hashes in hex. When bodies and hashes
    /// do not pair up (a damaged store), the shorter side is padded with empty strings so that verification
    /// names the first record at fault.
    public var links: [ChainLink] {
        let bodies = records.isEmpty && hashes.isEmpty ? [] : records.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let total = max(bodies.count, count)
        return (0..<total).map { index in
            let kind: ChainLink.Kind = index == 0 ? .header : index == total - 1 ? .settlement : .event
            let body = index < bodies.count ? String(decoding: bodies[index], as: UTF8.self) : ""
            let hash = index < count ? HashChain.hex(hashes[(32 * index)..<(32 * index + 32)]) : ""
            return ChainLink(index: index, kind: kind, body: body, hash: hash)
        }
    }

    private static let zeroHash = [UInt8](repeating: 0, count: 32)
}
