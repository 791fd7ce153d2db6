import Crypto
import Foundation

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
        var hasher = SHA256()
        hasher.update(data: bytes(fromHex: previous) ?? [UInt8](repeating: 0, count: 32))
        hasher.update(data: Array(body.utf8))
        return hex(Array(hasher.finalize()))
    }

    /// Chains bodies in order.
    public static func link(_ bodies: [String]) -> [ChainLink] {
        var chain = PackedChain()
        for body in bodies { chain.append { $0 += body.utf8 } }
        return chain.links
    }

    /// The first link whose hash does not follow from its predecessor and body, or whose index is out of place;
    /// `nil` when the whole chain holds. Up to the first break, the stored and the recomputed hashes agree, so
    /// chaining the bodies afresh and comparing finds it.
    public static func firstBreak(in links: [ChainLink]) -> ChainLink? {
        zip(links, link(links.map(\.body))).first { stored, recomputed in stored.index != recomputed.index || stored.hash != recomputed.hash }?.0
    }

    /// Lowercase hex of bytes.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (position, byte) in bytes.enumerated() {
                buffer[2 * position] = digits[Int(byte >> 4)]
                buffer[2 * position + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }

    /// The 32 bytes of a 64-digit hex hash, or `nil` if it is not one.
    public static func bytes(fromHex hex: String) -> [UInt8]? {
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
