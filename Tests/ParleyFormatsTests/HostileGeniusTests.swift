import Foundation
import ParleyAgents
import ParleyFormats
import ParleyProtocol
import PropertyBased
import Testing

/// GENIUS files damaged in every way a seed can choose: the import either gives a valid scenario or a clear
/// problem, and never traps.
@Suite("Hostile GENIUS files")
struct HostileGeniusTests {
    static let values = ["", "-1", "0", "1", "0.5", "1e308", "-1e308", "nan", "inf", "abc", "9999999999999999999", " 2 ", "1.0000001", "\u{0}"]

    /// One file damaged by a few operations: an attribute's value replaced, a line dropped or repeated, the text cut.
    static func damage(_ text: String, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let index = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                // Replace the value of one attribute on the line.
                let parts = lines[index].components(separatedBy: "\"")
                guard parts.count >= 3 else { continue }
                var changed = parts
                let slot = 1 + 2 * Int.random(in: 0..<(parts.count / 2), using: &generator)
                changed[slot] = values[Int.random(in: 0..<values.count, using: &generator)]
                lines[index] = changed.joined(separator: "\"")
            case 1: lines.remove(at: index)
            case 2: lines.insert(lines[index], at: index)
            default: lines = Array(lines.prefix(index))
            }
            if lines.isEmpty { lines = [""] }
        }
        return lines.joined(separator: "\n")
    }

    @Test func damagedFilesNeverTrap() async {
        await propertyCheck(count: 600, input: Gen.uint64(in: .min ... .max), Gen.int(in: 0...2), Gen.int(in: 1...40)) { seed, target, steps in
            var files = [OfficeChairs.domain, OfficeChairs.buyer, OfficeChairs.seller]
            files[target] = Self.damage(files[target], seed: seed)
            let result = Result { () throws(ScenarioLoader.Failure) in
                try GeniusImport(rounds: 10, realSteps: steps).convert(
                    domain: ("d.xml", Data(files[0].utf8)), buyer: ("b.xml", Data(files[1].utf8)), seller: ("s.xml", Data(files[2].utf8))
                )
            }
            switch result {
            case .success(let imported):
                #expect(imported.file.validate().isEmpty)
            case .failure(let failure):
                #expect(!failure.problems.isEmpty)
                #expect(failure.problems.allSatisfy { !$0.code.isEmpty && !$0.message.isEmpty })
            }
        }
    }

    @Test func damagedGeniusWebProfilesNeverTrap() async {
        let profiles = [GeniusWebImportTests.buyer, GeniusWebImportTests.seller]
        await propertyCheck(count: 600, input: Gen.uint64(in: .min ... .max), Gen.int(in: 0...1)) { seed, target in
            var files = profiles
            files[target] = Self.damage(files[target].replacingOccurrences(of: ", ", with: ",\n"), seed: seed)
            let result = Result { () throws(ScenarioLoader.Failure) in
                try GeniusWebImport().convert(buyer: ("b.json", Data(files[0].utf8)), seller: ("s.json", Data(files[1].utf8)))
            }
            switch result {
            case .success(let imported): #expect(imported.file.validate().isEmpty)
            case .failure(let failure): #expect(!failure.problems.isEmpty)
            }
        }
    }

    @Test(arguments: [0, -1, GeniusImport.maximumRealSteps + 1, Int.max])
    func anImpossibleStepCountIsRefused(steps: Int) {
        #expect(throws: ScenarioLoader.Failure.self) {
            try GeniusImport(realSteps: steps).convert(
                domain: ("d.xml", Data(OfficeChairs.domain.utf8)), buyer: ("b.xml", Data(OfficeChairs.buyer.utf8)), seller: ("s.xml", Data(OfficeChairs.seller.utf8))
            )
        }
    }
}
