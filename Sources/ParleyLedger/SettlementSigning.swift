import Crypto
public import Foundation
public import ParleyProtocol

/// The public half of a settlement-signing key: who signed. Written as the base64 of the raw 32-byte Ed25519 key.
public struct PublicKeyIdentity: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Base64 of the raw Ed25519 public key.
    public let rawValue: String

    /// Wraps a base64 public key; `nil` when it is not a valid Ed25519 public key.
    public init?(rawValue: String) {
        guard let data = Data(base64Encoded: rawValue), (try? Curve25519.Signing.PublicKey(rawRepresentation: data)) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// Reads a public key file, or the public half of a private key file (see ``SigningKey/fileContents``).
    public init(file data: Data) throws(KeyFileError) {
        guard let file = try? JSONDecoder().decode(SigningKey.File.self, from: data), file.type == "ed25519",
              let identity = PublicKeyIdentity(rawValue: file.publicKey)
        else { throw KeyFileError(message: "not a Parley Ed25519 key file") }
        self = identity
    }

    /// Whether `signature` (base64) is this key's Ed25519 signature of the final hash (hex).
    public func verifies(signature: String, finalHash: String) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: Data(base64Encoded: rawValue) ?? Data()),
              let signatureBytes = Data(base64Encoded: signature), let hash = HashChain.bytes(fromHex: finalHash)
        else { return false }
        return key.isValidSignature(signatureBytes, for: hash)
    }

    /// The contents of a public key file: `{"protocol": "parley/1", "type": "ed25519", "publicKey": "…"}`.
    public var fileContents: Data {
        SigningKey.fileData(SigningKey.File(type: "ed25519", publicKey: rawValue, privateKey: nil))
    }

    /// The base64 key.
    public var description: String { rawValue }
}

/// An Ed25519 key that signs settlements: the signature covers the session's final hash (its 32 raw bytes),
/// so it vouches for every record of the chain.
public struct SigningKey: Sendable {
    struct File: Codable {
        var `protocol` = "parley/1"
        var type: String
        var publicKey: String
        var privateKey: String?

        init(type: String, publicKey: String, privateKey: String?) {
            self.type = type
            self.publicKey = publicKey
            self.privateKey = privateKey
        }
    }

    /// The raw private key; `Curve25519.Signing.PrivateKey` is not `Sendable`, its bytes are.
    private let raw: Data
    private var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: raw) }

    /// A new random key.
    public init() { raw = Curve25519.Signing.PrivateKey().rawRepresentation }

    /// Reads a private key file written by ``fileContents``.
    public init(file data: Data) throws(KeyFileError) {
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.type == "ed25519",
              let encoded = file.privateKey, let raw = Data(base64Encoded: encoded),
              (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
        else { throw KeyFileError(message: "not a Parley Ed25519 private key file") }
        self.raw = raw
    }

    /// Who signs.
    public var publicKey: PublicKeyIdentity {
        PublicKeyIdentity(rawValue: key.publicKey.rawRepresentation.base64EncodedString())!
    }

    /// The contents of a private key file: `{"protocol": "parley/1", "type": "ed25519", "publicKey": "…", "privateKey": "…"}`.
    /// Keep it secret: write it with owner-only permissions.
    public var fileContents: Data {
        Self.fileData(File(type: "ed25519", publicKey: publicKey.rawValue, privateKey: raw.base64EncodedString()))
    }

    /// A key file's bytes: pretty JSON with sorted keys and a final newline.
    static func fileData(_ file: File) -> Data {
        ((try? WireCodec().encode(file, pretty: true)) ?? Data()) + Data("\n".utf8)
    }

    /// The base64 Ed25519 signature of a final hash (hex).
    public func sign(finalHash: String) -> String {
        let hash = HashChain.bytes(fromHex: finalHash) ?? []
        return ((try? key.signature(for: hash)) ?? Data()).base64EncodedString()
    }
}

/// A key file that cannot be used.
public struct KeyFileError: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The file is not a Parley Ed25519 key file of the kind needed.
        public static let invalidKeyFile = Code(rawValue: "invalid_key_file")
    }

    /// Always ``Code/invalidKeyFile``.
    public var code: Code { .invalidKeyFile }

    /// What is wrong (never the key itself).
    public var message: String
    /// The message.
    public var description: String { message }
}
