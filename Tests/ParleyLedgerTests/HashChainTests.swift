import Foundation
import ParleyArbiter
import ParleyLedger
import ParleyProtocol
import ParleyRecords
import ParleyTesting
import Testing

@Suite("Hash chain")
struct HashChainTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let vectorPath = "Protocols/Spec/Vectors/transcript-chain.json"

    /// A small session written out by hand, so the vector does not depend on any strategy.
    static func sampleRecord() -> (SessionRecord, [Role: Profile]) {
        let file = ReferenceScenarios.supply(prices: 5)
        let low: Terms = ["price": .integer(100), "quantity": .integer(80), "delivery_days": .integer(2)]
        let high: Terms = ["price": .integer(300), "quantity": .integer(60), "delivery_days": .integer(6)]
        let header = Transcript.Header(
            sessionID: SessionID(rawValue: "s-vector"), scenario: file.scenario,
            buyer: AgentDescriptor(strategy: "boulware", spec: "boulware:e=0.2"), seller: AgentDescriptor(strategy: "conceder", spec: "conceder"),
            seed: 18_446_744_073_709_551_557, startedAt: Date(timeIntervalSince1970: 1_800_000_000)
        )
        let entries = [
            TranscriptEntry(turn: 1, round: 1, by: .buyer, action: .offer(low, note: "opening \"low\""), elapsed: 0.000125),
            TranscriptEntry(turn: 2, round: 1, by: .seller, action: .offer(high), elapsed: 0.0005),
            TranscriptEntry(turn: 3, round: 2, by: .buyer, action: .accept, elapsed: 0.00075),
        ]
        let outcome = Outcome.agreement(Agreement(terms: high, proposer: .seller, turns: 3))
        let transcript = Transcript(header: header, entries: entries, outcome: outcome, elapsed: 0.001)
        let settlement = Settlement(outcome: outcome, turns: 3, rounds: 2, elapsed: 0.001, analysis: nil)
        return (SessionRecord(transcript: transcript, settlement: settlement), file.profiles)
    }

    struct Vector: Codable, Equatable {
        var description: String
        var links: [ChainLink]
        var finalHash: String
    }

    @Test func testVectorMatches() throws {
        let (record, profiles) = Self.sampleRecord()
        let links = try record.chain(profiles: profiles).links
        let computed = Vector(
            description: "A three-action session: header, three events, settlement. Recompute each hash as SHA-256(previous hash bytes ‖ UTF-8 body); the first previous hash is 32 zero bytes.",
            links: links, finalHash: links.last!.hash
        )
        let url = Self.repository.appendingPathComponent(Self.vectorPath)
        if ProcessInfo.processInfo.environment["PARLEY_WRITE_VECTORS"] == "1" {
            try WireCodec().encode(computed, pretty: true).write(to: url)
        }
        let stored = try WireCodec().decode(Vector.self, from: Data(contentsOf: url))
        #expect(stored == computed)
        #expect(HashChain.firstBreak(in: stored.links) == nil)
    }

    @Test func everyEditRemovalInsertionOrSwapBreaksTheChain() throws {
        let (record, profiles) = Self.sampleRecord()
        let chain = try record.chain(profiles: profiles)
        let links = chain.links
        #expect(chain.count == 5 && chain.finalHash == links.last?.hash)
        #expect(HashChain.link(links.map(\.body)) == links, "chaining the bodies again gives the same links")
        #expect(links.map(\.kind) == [.header, .event, .event, .event, .settlement])
        #expect(HashChain.firstBreak(in: links) == nil)

        var edited = links
        edited[2].body = edited[2].body.replacingOccurrences(of: "300", with: "400")
        #expect(HashChain.firstBreak(in: edited)?.index == 2)

        var rehashed = edited
        rehashed[2].hash = HashChain.hash(previous: links[1].hash, body: rehashed[2].body)
        #expect(HashChain.firstBreak(in: rehashed)?.index == 3, "re-hashing an edited record breaks its successor")

        var removed = links
        removed.remove(at: 1)
        #expect(HashChain.firstBreak(in: removed) != nil)

        var swapped = links
        swapped.swapAt(1, 2)
        #expect(HashChain.firstBreak(in: swapped) != nil)
    }

    @Test func sameSessionSameChain() throws {
        let (record, profiles) = Self.sampleRecord()
        #expect(try record.chain(profiles: profiles) == record.chain(profiles: profiles))
    }
}
