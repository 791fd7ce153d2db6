import ArgumentParser
import Foundation
import ParleyLedger

/// `parley keys …`: settlement-signing keys.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the Ed25519 keys that sign settlements.",
        subcommands: [Generate.self]
    )

    /// `parley keys generate`.
    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new Ed25519 key pair: NAME.key (private, owner-only) and NAME.pub (public).",
            discussion: "Sign with `parley run --signing-key NAME.key`; check with `parley transcripts verify --public-key NAME.pub`."
        )

        @Option(help: "The path of the key files, without extension.")
        var out = "parley-signing"

        @Flag(help: "Replace existing key files.")
        var force = false

        func run() async throws {
            let (privatePath, publicPath) = (out + ".key", out + ".pub")
            for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) && !force {
                throw ValidationError("\(path) already exists; use --force to replace it")
            }
            let key = SigningKey()
            guard FileManager.default.createFile(atPath: privatePath, contents: key.fileContents, attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write \(privatePath)")
            }
            try key.publicKey.fileContents.write(to: URL(fileURLWithPath: publicPath))
            print("wrote \(privatePath) (keep it secret) and \(publicPath)")
            print("public key: \(key.publicKey)")
        }
    }

    /// Reads a private key file for signing.
    static func signingKey(at path: String) throws -> SigningKey {
        try readKeyFile(path) { try SigningKey(file: $0) }
    }

    /// Reads a public (or private) key file for verification.
    static func publicKey(at path: String) throws -> PublicKeyIdentity {
        try readKeyFile(path) { try PublicKeyIdentity(file: $0) }
    }

    private static func readKeyFile<Key>(_ path: String, _ read: (Data) throws -> Key) throws -> Key {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read the key file \(path)") }
        do {
            return try read(data)
        } catch {
            throw ValidationError("\(path): \(error)")
        }
    }
}
