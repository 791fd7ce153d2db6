import ParleyAgents
import ParleyProtocol
import Testing

@Suite("Bidding index")
struct BiddingTests {
    @Test func nearestAtOrAboveMatchesBruteForce() throws {
        let file = try Support.scenarioFile("industrial-components")
        let context = try Support.context(file, .seller)
        let index = try context.biddingIndex()
        let space = try #require(OutcomeSpace(file.scenario))
        let all = context.utility.utilities(over: space)
        #expect(index.count == space.count)
        for target in stride(from: -0.1, through: 1.1, by: 0.037) {
            let terms = index.terms(nearestAtOrAbove: target)
            let utility = try #require(context.utility.utility(of: terms))
            let bruteBest = all.filter { $0 >= target }.min() ?? all.max()!
            #expect(utility == bruteBest, "target \(target)")
        }
    }

    @Test func indexesAreBuiltOncePerProfile() throws {
        let file = try Support.scenarioFile("reference-supply")
        let cache = BiddingIndexCache()
        for seed in 0..<5 {
            _ = try TimeDependent(exponent: 0.2, context: Support.context(file, .buyer, seed: UInt64(seed), cache: cache))
        }
        #expect(cache.count == 1)
        _ = try Hardliner(context: Support.context(file, .seller, cache: cache))
        #expect(cache.count == 2)
    }
}
