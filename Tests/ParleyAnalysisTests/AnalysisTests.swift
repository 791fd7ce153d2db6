import ParleyAgents
import ParleyAnalysis
import ParleyProtocol
import ParleyTesting
import Testing

@Suite("Settlement analysis")
struct AnalysisTests {
    /// A scenario small enough to work out by hand: x ∈ {0, 1, 2}, y ∈ {a, b}.
    ///
    /// | x,y | buyer | seller |
    /// |-----|-------|--------|
    /// | 0,a | 1.00  | 0.10   |
    /// | 0,b | 0.50  | 0.50   |  dominated by (2,a)
    /// | 1,a | 0.75  | 0.35   |
    /// | 1,b | 0.25  | 0.75   |
    /// | 2,a | 0.50  | 0.60   |
    /// | 2,b | 0.00  | 1.00   |
    static let handScenario = Scenario(
        id: "hand", name: "hand",
        issues: [Issue(name: "x", domain: .integer(SteppedRange(min: 0, max: 2))), Issue(name: "y", domain: .options(["a", "b"]))],
        opener: .buyer, deadline: Deadline(rounds: 5)
    )
    static let handBuyer = Profile(reservation: 0, issues: [
        "x": .init(weight: 0.5, value: .linear(.decreasing)), "y": .init(weight: 0.5, value: .table(["a": 1, "b": 0])),
    ])
    static let handSeller = Profile(reservation: 0.4, issues: [
        "x": .init(weight: 0.5, value: .linear(.increasing)), "y": .init(weight: 0.5, value: .table(["a": 0.2, "b": 1])),
    ])

    static func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func handWorkedFrontierNashAndKalai() throws {
        let landscape = try OutcomeLandscape(scenario: Self.handScenario, buyer: Self.handBuyer, seller: Self.handSeller)
        let pairs = landscape.frontier.points.map { landscape.space.terms(at: $0.ordinal) }
        #expect(pairs == [
            ["x": .integer(0), "y": .option("a")], ["x": .integer(1), "y": .option("a")], ["x": .integer(2), "y": .option("a")],
            ["x": .integer(1), "y": .option("b")], ["x": .integer(2), "y": .option("b")],
        ])
        // Nash: gains (b − 0)(s − 0.4) are 0.1 at (2,a), 0.0875 at (1,b), 0 at (2,b).
        #expect(landscape.nash?.terms == ["x": .integer(2), "y": .option("a")])
        // Kalai: ideal point (0.5, 1.0) among rational outcomes; min normalized gains 1/3, 0.5, 0.
        #expect(landscape.kalaiSmorodinsky?.terms == ["x": .integer(1), "y": .option("b")])
        #expect(Self.near(landscape.kalaiSmorodinsky?.buyer, 0.25) && Self.near(landscape.kalaiSmorodinsky?.seller, 0.75))
        // Egalitarian: the smaller gain is 0.2 at (2,a), 0.25 at (1,b), 0 at (2,b).
        #expect(landscape.egalitarian?.terms == ["x": .integer(1), "y": .option("b")])
    }

    @Test func handWorkedAgreementAnalysis() throws {
        let landscape = try OutcomeLandscape(scenario: Self.handScenario, buyer: Self.handBuyer, seller: Self.handSeller)
        let agreement = Agreement(terms: ["x": .integer(0), "y": .option("b")], proposer: .seller, turns: 4)
        let analysis = landscape.analyze(.agreement(agreement), rounds: 2, elapsed: 0)
        #expect(analysis.agreed && analysis.individuallyRational)
        #expect(Self.near(analysis.buyer.utility, 0.5) && Self.near(analysis.seller.utility, 0.5))
        #expect(Self.near(analysis.buyer.advantage, 0.5))
        #expect(Self.near(analysis.seller.advantage, 0.1 / 0.6))
        #expect(Self.near(analysis.socialWelfare, 1.0))
        #expect(Self.near(analysis.nashProduct, 0.05))
        #expect(!analysis.paretoOptimal)
        #expect(Self.near(analysis.distanceToPareto, 0.1))
        #expect(Self.near(analysis.distanceToNash, 0.1))
        #expect(Self.near(analysis.distanceToKalaiSmorodinsky, (0.125 as Double).squareRoot()))
        #expect(Self.near(analysis.distanceToEgalitarian, (0.125 as Double).squareRoot()))
        // Neither profile discounts time, so nothing is discounted.
        #expect(analysis.discountTime == nil && analysis.buyer.discountedUtility == nil && analysis.seller.discountedUtility == nil)
        #expect(analysis.frontierSize == 5 && analysis.outcomeCount == 6)

        let onFrontier = landscape.analyze(.agreement(Agreement(terms: ["x": .integer(1), "y": .option("b")], proposer: .buyer, turns: 3)), rounds: 2, elapsed: 0)
        #expect(onFrontier.paretoOptimal)
        #expect(onFrontier.distanceToPareto == 0)
    }

    @Test func noAgreementIsMeasuredFromTheDisagreementPoint() throws {
        let landscape = try OutcomeLandscape(scenario: Self.handScenario, buyer: Self.handBuyer, seller: Self.handSeller)
        let analysis = landscape.analyze(.walkAway(by: .seller, reason: nil), rounds: 1, elapsed: 0)
        #expect(!analysis.agreed && !analysis.paretoOptimal)
        #expect(analysis.buyer.utility == 0 && analysis.seller.utility == 0.4)
        #expect(analysis.buyer.advantage == 0 && analysis.seller.advantage == 0)
        #expect(analysis.nashProduct == 0)
        #expect(Self.near(analysis.distanceToNash, (0.25 + 0.04 as Double).squareRoot()))
    }

    /// A random scenario and profiles; `coarse` draws values from {0, 0.5, 1} so many outcomes tie.
    static func randomCase(seed: UInt64, coarse: Bool) -> (Scenario, Profile, Profile) {
        var random = SeededGenerator(seed: seed)
        func value() -> Double { coarse ? Double(Int.random(in: 0...2, using: &random)) / 2 : Double.random(in: 0...1, using: &random) }
        let scenario = Scenario(
            id: "r", name: "r",
            issues: [
                Issue(name: "options", domain: .options(["p", "q", "r", "s"])),
                Issue(name: "count", domain: .integer(SteppedRange(min: 0, max: 8, step: 2))),
                Issue(name: "days", domain: .integer(SteppedRange(min: 1, max: 7))),
            ],
            opener: .buyer, deadline: Deadline(rounds: 10)
        )
        func profile() -> Profile {
            var weights = (0..<3).map { _ in coarse ? Double(Int.random(in: 1...2, using: &random)) : Double.random(in: 0.05...1, using: &random) }
            let total = weights.reduce(0, +)
            weights = weights.map { $0 / total }
            weights[2] = 1 - weights[0] - weights[1]
            return Profile(reservation: Double.random(in: 0...0.6, using: &random), issues: [
                "options": .init(weight: weights[0], value: .table(["p": value(), "q": value(), "r": value(), "s": value()])),
                "count": .init(weight: weights[1], value: .linear(Bool.random(using: &random) ? .increasing : .decreasing)),
                "days": .init(weight: weights[2], value: .piecewise([.init(at: 1, value: value()), .init(at: 4, value: value()), .init(at: 7, value: value())])),
            ])
        }
        return (scenario, profile(), profile())
    }

    @Test(arguments: [(UInt64(1), false), (2, false), (3, false), (4, true), (5, true), (6, true)])
    func matchesBruteForce(seed: UInt64, coarse: Bool) throws {
        let (scenario, buyer, seller) = Self.randomCase(seed: seed, coarse: coarse)
        #expect(buyer.validate(against: scenario).isEmpty && seller.validate(against: scenario).isEmpty)
        let landscape = try OutcomeLandscape(scenario: scenario, buyer: buyer, seller: seller)
        let space = landscape.space
        let b = landscape.buyer.utilities(over: space)
        let s = landscape.seller.utilities(over: space)
        let all = (0..<space.count)

        // Pareto: a pair is optimal when no outcome is at least as good for both and better for one. O(n²).
        func dominated(_ i: Int) -> Bool { all.contains { b[$0] >= b[i] && s[$0] >= s[i] && (b[$0] > b[i] || s[$0] > s[i]) } }
        struct Pair: Hashable { let b: Double, s: Double }
        let bruteFrontier = Set(all.filter { !dominated($0) }.map { Pair(b: b[$0], s: s[$0]) })
        #expect(Set(landscape.frontier.points.map { Pair(b: $0.buyer, s: $0.seller) }) == bruteFrontier)
        #expect(landscape.frontier.points.count == bruteFrontier.count)
        for i in all {
            #expect(landscape.frontier.isOptimal(buyer: b[i], seller: s[i]) == !dominated(i))
        }

        // Nash and Kalai: best scores over every rational outcome.
        let (rb, rs) = (buyer.reservation, seller.reservation)
        let rational = all.filter { b[$0] >= rb && s[$0] >= rs }
        if rational.isEmpty {
            #expect(landscape.nash == nil && landscape.kalaiSmorodinsky == nil && landscape.egalitarian == nil)
            return
        }
        let nashBest = rational.map { (b[$0] - rb) * (s[$0] - rs) }.max()!
        let nash = try #require(landscape.nash)
        #expect((nash.buyer - rb) * (nash.seller - rs) == nashBest)
        let idealB = rational.map { b[$0] }.max()!
        let idealS = rational.map { s[$0] }.max()!
        func kalaiScore(_ bu: Double, _ su: Double) -> Double {
            min(idealB > rb ? (bu - rb) / (idealB - rb) : 1, idealS > rs ? (su - rs) / (idealS - rs) : 1)
        }
        let kalai = try #require(landscape.kalaiSmorodinsky)
        #expect(kalaiScore(kalai.buyer, kalai.seller) == rational.map { kalaiScore(b[$0], s[$0]) }.max()!)
        let egalitarian = try #require(landscape.egalitarian)
        #expect(min(egalitarian.buyer - rb, egalitarian.seller - rs) == rational.map { min(b[$0] - rb, s[$0] - rs) }.max()!)

        // Distances: brute minimum over the frontier pairs, for a handful of agreements.
        for i in stride(from: 0, to: space.count, by: 17) {
            let analysis = landscape.analyze(.agreement(Agreement(terms: space.terms(at: i), proposer: .buyer, turns: 1)), rounds: 1, elapsed: 0)
            let brute = bruteFrontier.map { (($0.b - b[i]) * ($0.b - b[i]) + ($0.s - s[i]) * ($0.s - s[i])).squareRoot() }.min()!
            #expect(analysis.distanceToPareto == brute)
            #expect(analysis.paretoOptimal == !dominated(i))
        }
    }

    @Test func frontierOfAMillionOutcomes() throws {
        let file = ReferenceScenarios.supply(prices: 1000)
        let landscape = try OutcomeLandscape(scenario: file.scenario, buyer: file.profiles[.buyer]!, seller: file.profiles[.seller]!)
        #expect(landscape.space.count == 1_000_000)
        // Along the frontier buyer utility falls strictly while seller utility rises strictly.
        let points = landscape.frontier.points
        #expect(points.count > 1)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.buyer > $1.buyer && $0.seller < $1.seller })
        #expect(landscape.nash != nil)
    }
}
