import Foundation
import GRDB
import ParleyLedger
import ParleyStore
import Testing

@Suite("Signed settlements")
struct SigningTests {
    @Test func aSignedSessionVerifiesAgainstItsKeyOnly() async throws {
        let store = try SQLiteStore(path: Support.storePath())
        let session = try await Support.session()
        let arbiter = SigningKey()
        let stored = try store.save(session.record, profiles: session.profiles, signer: arbiter)
        #expect(stored.publicKey == arbiter.publicKey.rawValue)
        #expect(arbiter.publicKey.verifies(signature: try #require(stored.signature), finalHash: stored.finalHash))
        #expect(try store.verify(stored, trusting: arbiter.publicKey) == nil)
        #expect(try store.verify(stored, trusting: SigningKey().publicKey)?.reason == "the settlement is signed by another key")
        let unsigned = try store.save(session.record, profiles: session.profiles)
        #expect(try store.verify(unsigned) == nil)
        #expect(try store.verify(unsigned, trusting: arbiter.publicKey)?.reason == "the settlement is not signed")
    }

    /// Someone with write access edits a record and recomputes every hash after it, and the final hash. The
    /// chain alone is consistent again; only the signature shows the forgery.
    @Test func aFullyRehashedForgeryIsCaughtByTheSignature() async throws {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let session = try await Support.session()
        try store.save(session.record, profiles: session.profiles)
        try store.save(session.record, profiles: session.profiles, signer: SigningKey())
        for number in [1, 2] {
            var links = try store.links(of: store.session(String(number)))
            links[3].body = links[3].body.replacingOccurrences(of: #""by":"#, with: #""by" :"#)
            var chain = PackedChain()
            for link in links { chain.append { $0 += link.body.utf8 } }
            let forged = chain
            try await DatabaseQueue(path: path).write { db in
                try db.execute(
                    sql: "UPDATE chains SET records = ?, hashes = ? WHERE session = ?",
                    arguments: [String(decoding: forged.records, as: UTF8.self), Data(forged.hashes), number]
                )
                try db.execute(sql: "UPDATE sessions SET final_hash = ? WHERE number = ?", arguments: [forged.finalHash, number])
            }
        }
        // A thorough forger rewrites the store's sequence links too, so only the signature can give it away.
        try await DatabaseQueue(path: path).write { db in
            var previous = HashChain.origin
            for row in try Row.fetchAll(db, sql: "SELECT number, final_hash FROM sessions ORDER BY number") {
                previous = SequenceLink.next(after: previous, finalHash: row["final_hash"], entry: nil)
                try db.execute(sql: "UPDATE sessions SET link = ? WHERE number = ?", arguments: [previous, row["number"] as Int])
            }
        }
        let failures = try store.verifyAll().failures
        #expect(failures.map(\.session) == [2], "the unsigned forgery passes; the signed one does not")
        #expect(failures.first?.reason == "the settlement's signature does not match its final hash")
    }

    @Test func anEditedSignatureIsDetected() async throws {
        let path = try Support.storePath()
        let store = try SQLiteStore(path: path)
        let session = try await Support.session()
        try store.save(session.record, profiles: session.profiles, signer: SigningKey())
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE sessions SET signature = ?", arguments: [SigningKey().sign(finalHash: String(repeating: "0", count: 64))])
        }
        #expect(try store.verifyAll().failures.first?.reason == "the settlement's signature does not match its final hash")
    }

    @Test func keyFilesRoundTripAndBadOnesAreRefused() throws {
        let key = SigningKey()
        let reread = try SigningKey(file: key.fileContents)
        #expect(reread.publicKey == key.publicKey)
        #expect(try PublicKeyIdentity(file: key.publicKey.fileContents) == key.publicKey)
        #expect(try PublicKeyIdentity(file: key.fileContents) == key.publicKey, "a private key file also names its public key")
        #expect(!String(decoding: key.publicKey.fileContents, as: UTF8.self).contains("privateKey"))
        #expect(throws: KeyFileError.self) { try SigningKey(file: key.publicKey.fileContents) }
        #expect(throws: KeyFileError.self) { try PublicKeyIdentity(file: Data("{}".utf8)) }
        let hash = String(repeating: "ab", count: 32)
        #expect(key.publicKey.verifies(signature: key.sign(finalHash: hash), finalHash: hash))
        #expect(!key.publicKey.verifies(signature: key.sign(finalHash: hash), finalHash: String(repeating: "ac", count: 32)))
    }
}
