import Crypto
import Foundation

/// One record of a hash-chained transcript: its canonical body and the chain's hash after it.
public struct ChainLink: Sendable, Hashable, Codable {
    /// What a record is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The session header: scenario, agents, seed, profiles.
        case header
        /// One action.
        case event
        /// The settlement: outcome and analysis.
        case settlement
    }

    /// The record's position in the chain, from 0 (the header).
    public var index: Int
    /// What the record is.
    public var kind: Kind
    /// The record's canonical JSON (see ``CanonicalJSON``).
    public var body: String
    /// `SHA-256(previous hash ‖ body)` in lowercase hex; the previous hash of the header is 32 zero bytes.
    public var hash: String

    /// Creates a link.
    public init(index: Int, kind: Kind, body: String, hash: String) {
        self.index = index
        self.kind = kind
        self.body = body
        self.hash = hash
    }
}

/// Links records into a hash chain and verifies one: any edited, removed, inserted or reordered record breaks
/// the chain at that record.
///
/// `hash₀ = SHA-256(32 zero bytes ‖ body₀)`, `hashᵢ = SHA-256(hashᵢ₋₁ ‖ bodyᵢ)`, where hashes are the raw 32
/// bytes and bodies the UTF-8 of their canonical JSON. The last hash is the session's final hash.
public enum HashChain {
    /// The hash that precedes the first record: 32 zero bytes, in hex.
    public static let origin = String(repeating: "0", count: 64)

    /// The next hash: SHA-256 of the previous hash's bytes followed by the body's bytes.
    public static func hash(previous: String, body: String) -> String {
        hex(digest(previous: bytes(fromHex: previous) ?? [UInt8](repeating: 0, count: 32), body: body))
    }

    /// Chains bodies in order.
    public static func link(_ records: [(kind: ChainLink.Kind, body: String)]) -> [ChainLink] {
        var previous = [UInt8](repeating: 0, count: 32)
        return records.enumerated().map { index, record in
            previous = digest(previous: previous, body: record.body)
            return ChainLink(index: index, kind: record.kind, body: record.body, hash: hex(previous))
        }
    }

    private static func digest(previous: [UInt8], body: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        var body = body
        body.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return Array(hasher.finalize())
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (position, byte) in bytes.enumerated() {
                buffer[2 * position] = digits[Int(byte >> 4)]
                buffer[2 * position + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }

    /// The first link whose hash does not follow from its predecessor and body, or whose index is out of place;
    /// `nil` when the whole chain holds.
    public static func firstBreak(in links: [ChainLink]) -> ChainLink? {
        var previous = origin
        for (position, link) in links.enumerated() {
            guard link.index == position, link.hash == hash(previous: previous, body: link.body) else { return link }
            previous = link.hash
        }
        return nil
    }

    static func bytes(fromHex hex: String) -> [UInt8]? {
        let characters = Array(hex.utf8)
        guard characters.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: characters[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
