import Foundation
import ParleyLedger
import ParleyProtocol
import ParleyReports
import Testing

@Suite("parley transcripts export --format agreement: the hand-off of an agreed deal")
struct AgreementExportTests {
    @Test func anAgreementIsHandedOnWithItsProof() throws {
        let key = try CLI.temporaryPath("arbiter")
        #expect(try CLI.run("keys", "generate", "--out", key).status == 0)
        let store = try CLI.temporaryPath("agreements.sqlite")
        for (buyer, seller) in [("boulware", "conceder"), ("hardliner", "hardliner")] {
            let run = try CLI.run("run", "--scenario", "Examples/Scenarios/freight-incoterms.json", "--buyer", buyer, "--seller", seller, "--store", store, "--signing-key", key + ".key")
            #expect(run.status == 0, "\(run.errors)")
        }
        let export = try CLI.run("transcripts", "export", "1", "--format", "agreement", "--store", store)
        #expect(export.status == 0, "\(export.errors)")
        let record = try JSONDecoder().decode(AgreementRecord.self, from: Data(export.output.utf8))
        #expect(record.type == "parley.agreement/1" && record.session.number == 1 && record.scenario == "freight-incoterms")
        #expect(record.buyer.spec == "boulware" && record.seller.spec == "conceder")
        #expect(record.lineItems.map(\.issue) == ["incoterm", "freight_rate", "transit_days", "insurance"], "the scenario's order")
        #expect(record.lineItems.first { $0.issue == "freight_rate" }?.currency == Currency(rawValue: "EUR"))
        #expect(record.lineItems.allSatisfy { record.terms[$0.issue] == $0.value })
        // The proof: the signature is the arbiter key's signature of the final hash, which verify recomputes.
        let signature = try #require(record.signature)
        #expect(try #require(PublicKeyIdentity(rawValue: signature.publicKey)).verifies(signature: signature.value, finalHash: record.finalHash))
        let verified = try CLI.run("transcripts", "verify", "1", "--store", store, "--public-key", key + ".pub")
        #expect(verified.status == 0)
        let json = try CLI.run("transcripts", "export", "1", "--store", store)
        #expect(json.output.contains(#""finalHash":"\#(record.finalHash)""#))

        // The schema, checked by Python's jsonschema.
        let messages = try CLI.temporaryFile(#"[{"message": "AgreementRecord", "json": \#(export.output)}]"#)
        let validate = Process()
        validate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validate.arguments = ["python3", "Protocols/Spec/validate.py", "--messages", messages]
        validate.currentDirectoryURL = CLI.repository
        let output = Pipe()
        validate.standardOutput = output
        try validate.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validate.waitUntilExit()
        #expect(validate.terminationStatus == 0, "\(report)")

        // Two hardliners never agree: no agreement to hand on, said so; --all leaves the session out.
        let none = try CLI.run("transcripts", "export", "2", "--format", "agreement", "--store", store)
        #expect(none.status != 0 && none.errors.contains("session 2 ended without agreement"), "\(none.errors)")
        let all = try CLI.run("transcripts", "export", "--all", "--format", "agreement", "--store", store)
        #expect(all.output.split(separator: "\n").count == 1)
    }
}
