import ParleyAnalysis
import ParleyProtocol
import PropertyBased
import Testing

@Suite("Scenario statistics")
struct ScenarioStatisticsTests {
    /// One issue whose options are the outcomes, built so that the four solution points are four different
    /// outcomes. Reservations: buyer 0.1, seller 0.2; gains are utilities minus them.
    ///
    /// | option | buyer | seller | gains          | Nash   | min gain | KS shares (of 0.9, 0.78) |
    /// |--------|-------|--------|----------------|--------|----------|--------------------------|
    /// | o0     | 1.00  | 0.45   | 0.90, 0.25     | 0.225  | 0.25     | 1.000, 0.321             |
    /// | o1     | 0.90  | 0.40   | dominated by o0                                                 |
    /// | o2     | 0.70  | 0.62   | 0.60, 0.42     | 0.252  | 0.42     | 0.667, 0.538             |
    /// | o3     | 0.50  | 0.80   | 0.40, 0.60     | 0.240  | 0.40     | 0.444, 0.769             |
    /// | o4     | 0.20  | 0.98   | 0.10, 0.78     | 0.078  | 0.10     | 0.111, 1.000             |
    /// | o5     | 0.56  | 0.66   | 0.46, 0.46     | 0.2116 | 0.46     | 0.511, 0.590             |
    /// | o6     | 0.613 | 0.6446 | 0.513, 0.4446  | 0.228  | 0.4446   | 0.570, 0.570             |
    /// | o7     | 0.05  | 0.99   | below the buyer's reservation                                  |
    ///
    /// Nash is o2, Kalai–Smorodinsky o6, egalitarian o5, maximum welfare o0 (1.45); the nearest outcome to (1, 1)
    /// is o2, at √(0.3² + 0.38²).
    static let options = ["o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7"]
    static let buyerValues = [1.0, 0.9, 0.7, 0.5, 0.2, 0.56, 0.613, 0.05]
    static let sellerValues = [0.45, 0.4, 0.62, 0.8, 0.98, 0.66, 0.6446, 0.99]

    static func landscape(buyer: [Double], seller: [Double], reservations: (Double, Double)) throws -> OutcomeLandscape {
        let names = buyer.indices.map { "o\($0)" }
        let scenario = Scenario(id: "points", name: "points", issues: [Issue(name: "offer", domain: .options(names))], opener: .buyer, deadline: Deadline(rounds: 5))
        func profile(_ values: [Double], _ reservation: Double) -> Profile {
            Profile(reservation: reservation, issues: ["offer": .init(weight: 1, value: .table(Dictionary(uniqueKeysWithValues: zip(names, values))))])
        }
        return try OutcomeLandscape(scenario: scenario, buyer: profile(buyer, reservations.0), seller: profile(seller, reservations.1))
    }

    static func option(_ point: OutcomePoint?) -> String? {
        if case .option(let name)? = point?.terms["offer"] { name } else { nil }
    }

    @Test func handWorkedPointsFollowTheirDefinitions() throws {
        let statistics = ScenarioStatistics(try Self.landscape(buyer: Self.buyerValues, seller: Self.sellerValues, reservations: (0.1, 0.2)))
        #expect(statistics.outcomeCount == 8)
        #expect(Self.option(statistics.nash) == "o2")
        #expect(Self.option(statistics.kalaiSmorodinsky) == "o6")
        #expect(Self.option(statistics.egalitarian) == "o5")
        #expect(Self.option(statistics.maximumWelfare) == "o0")
        #expect(abs(statistics.opposition - (0.3 * 0.3 + 0.38 * 0.38).squareRoot()) < 1e-12)
        #expect(statistics.frontier.map { Self.option($0) } == ["o0", "o2", "o6", "o5", "o3", "o4", "o7"])
        #expect(statistics.acceptableShare == 7.0 / 8.0)
        #expect(statistics.buyer.acceptableShare == 7.0 / 8.0 && statistics.seller.acceptableShare == 1)
        #expect(statistics.buyer.best == 1 && statistics.buyer.worst == 0.05)
        #expect(statistics.seller.best == 0.99 && statistics.seller.worst == 0.4)
    }

    @Test func noAcceptableOutcomeMeansNoPointsWrittenAsNull() throws {
        let statistics = ScenarioStatistics(try Self.landscape(buyer: [1, 0], seller: [0, 1], reservations: (0.5, 0.5)))
        #expect(statistics.acceptableShare == 0)
        #expect(statistics.nash == nil && statistics.kalaiSmorodinsky == nil && statistics.egalitarian == nil && statistics.maximumWelfare == nil)
        let json = String(decoding: try WireCodec().encode(statistics), as: UTF8.self)
        for key in ["nash", "kalaiSmorodinsky", "egalitarian", "maximumWelfare"] { #expect(json.contains("\"\(key)\":null")) }
    }

    /// Against a plain scan of every acceptable outcome: the highest score, then the higher sum, then the lower
    /// ordinal. Utilities are drawn from a few levels, so ties are common.
    @Test func pointsEqualAScanOfEveryAcceptableOutcome() async throws {
        let levels = Gen.int(in: 0...4).map { Double($0) / 4 }
        let utilities = levels.array(of: 2...12)
        await propertyCheck(count: 300, input: utilities, utilities, Gen.int(in: 0...2), Gen.int(in: 0...2)) { buyer, seller, rb, rs in
            let count = min(buyer.count, seller.count)
            let (b, s) = (Array(buyer.prefix(count)), Array(seller.prefix(count)))
            let reservations = (Double(rb) / 4, Double(rs) / 4)
            let statistics = ScenarioStatistics(try Self.landscape(buyer: b, seller: s, reservations: reservations))
            let acceptable = (0..<count).filter { b[$0] >= reservations.0 && s[$0] >= reservations.1 }
            func scan(_ score: (Int) -> Double) -> String? {
                acceptable.max { x, y in
                    if score(x) != score(y) { return score(x) < score(y) }
                    if b[x] + s[x] != b[y] + s[y] { return b[x] + s[x] < b[y] + s[y] }
                    return x > y
                }.map { "o\($0)" }
            }
            let idealBuyer = acceptable.map { b[$0] }.max() ?? reservations.0
            let idealSeller = acceptable.map { s[$0] }.max() ?? reservations.1
            func share(_ value: Double, _ reservation: Double, _ ideal: Double) -> Double { ideal > reservation ? (value - reservation) / (ideal - reservation) : 1 }
            #expect(Self.option(statistics.nash) == scan { (b[$0] - reservations.0) * (s[$0] - reservations.1) })
            #expect(Self.option(statistics.egalitarian) == scan { min(b[$0] - reservations.0, s[$0] - reservations.1) })
            #expect(Self.option(statistics.maximumWelfare) == scan { b[$0] + s[$0] })
            #expect(Self.option(statistics.kalaiSmorodinsky) == scan { min(share(b[$0], reservations.0, idealBuyer), share(s[$0], reservations.1, idealSeller)) })
            func distanceToIdeal(_ index: Int) -> Double {
                let (gapB, gapS) = (1 - b[index], 1 - s[index])
                return (gapB * gapB + gapS * gapS).squareRoot()
            }
            let nearest = (0..<count).map(distanceToIdeal).min() ?? .infinity
            #expect(abs(statistics.opposition - nearest) < 1e-12)
            #expect(statistics.acceptableShare == Double(acceptable.count) / Double(count))
        }
    }
}
