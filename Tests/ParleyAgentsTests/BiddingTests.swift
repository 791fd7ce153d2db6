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

    @Test func theSampledSearchFindsWhatAPlainBinarySearchFinds() throws {
        let file = ReferenceScenarios.supply(prices: 40)
        let index = try BiddingIndex(utility: UtilityFunction(profile: file.profiles[.seller]!, scenario: file.scenario))
        let utilities = index.utilities
        func plain(_ target: Double) -> Int {
            var (low, high) = (0, utilities.count)
            while low < high {
                let middle = (low + high) / 2
                if utilities[middle] < target { low = middle + 1 } else { high = middle }
            }
            return min(low, utilities.count - 1)
        }
        var targets = [-1, 0, 2, .infinity, -.infinity, index.minimum, index.maximum]
        for position in Swift.stride(from: 0, to: utilities.count, by: 37) {
            let value = utilities[position]
            targets += [value, value.nextUp, value.nextDown]
        }
        for target in targets {
            #expect(index.rank(nearestAtOrAbove: target) == plain(target), "target \(target)")
        }
    }

    @Test func indexesAreBuiltOncePerProfile() throws {
        let file = try Support.scenarioFile("reference-supply")
        let cache = BiddingIndexCache()
        for seed in 0..<5 {
            _ = try TimeDependent(exponent: 0.2, context: Support.context(file, .buyer, seed: UInt64(seed), cache: cache))
        }
        #expect(cache.count == 1 && cache.compiledProfileCount == 1)
        _ = try Hardliner(context: Support.context(file, .seller, cache: cache))
        #expect(cache.count == 2 && cache.compiledProfileCount == 2)
    }

    @Test func aProfileIsCompiledOnceAndFoundAgainWhenReadAfresh() throws {
        let file = try Support.scenarioFile("reference-supply")
        let cache = BiddingIndexCache()
        let profile = try #require(file.profile(for: .buyer))
        let first = try cache.utility(of: profile, on: file.scenario)
        // The same profile decoded again: equal, but in storage of its own.
        let again = try WireCodec().decode(Profile.self, from: WireCodec().encode(profile))
        let second = try cache.utility(of: again, on: file.scenario)
        #expect(cache.compiledProfileCount == 1)
        #expect(second.fingerprint == first.fingerprint && second.weightedValues == first.weightedValues)
        var other = profile
        other.reservation += 0.01
        #expect(try cache.utility(of: other, on: file.scenario).reservation == profile.reservation + 0.01)
        #expect(cache.compiledProfileCount == 2)
        // A profile that does not fit is reported every time and never kept.
        var broken = profile
        broken.issues["price"] = nil
        #expect(throws: ValidationFailure.self) { try cache.utility(of: broken, on: file.scenario) }
        #expect(cache.compiledProfileCount == 2)
    }

    @Test func theLeastRecentlyUsedIndexesAreDroppedAtTheByteLimitAndRebuiltTheSame() throws {
        let file = try Support.scenarioFile("reference-supply")
        var profiles: [Profile] = []
        for reservation in [0.1, 0.2, 0.3] {
            var profile = try #require(file.profile(for: .buyer))
            profile.reservation = reservation
            profile.issues["price"]?.weight += reservation / 10
            profile.issues["quantity"]?.weight -= reservation / 10
            profiles.append(profile)
        }
        let utilities = try profiles.map { try UtilityFunction(profile: $0, scenario: file.scenario) }
        let measure = BiddingIndexCache()
        _ = try measure.index(for: utilities[0])
        // Room for two indexes of this scenario, not three.
        let cache = BiddingIndexCache(maximumBytes: measure.bytes * 5 / 2)
        let first = try cache.index(for: utilities[0])
        _ = try cache.index(for: utilities[1])
        _ = try cache.index(for: utilities[0])  // the second is now the least recently used
        _ = try cache.index(for: utilities[2])
        #expect(cache.count == 2 && cache.bytes <= cache.maximumBytes)
        #expect(try cache.index(for: utilities[0]).ordinals == first.ordinals, "the most recently used one was kept")
        let rebuilt = try cache.index(for: utilities[1])
        #expect(rebuilt.ordinals == (try BiddingIndex(utility: utilities[1])).ordinals, "a dropped index comes back the same")
        #expect(cache.count == 2)
    }
}
