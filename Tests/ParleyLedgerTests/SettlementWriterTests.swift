import Foundation
@testable import ParleyAnalysis
@testable import ParleyLedger
import ParleyProtocol
import ParleyRecords
import Testing

@Suite("The direct settlement writer agrees with the generic encoder")
struct SettlementWriterTests {
    static let terms: Terms = ["zeta": .integer(-9_007_199_254_740_991), "alpha": .option("a \"quoted\" \\ name"), "émoji😀": .option("\u{1}\u{1F}")]
    static let outcomes: [Outcome] = [
        .agreement(Agreement(terms: terms, proposer: .seller, turns: 20_000)),
        .walkAway(by: .buyer, reason: "too far\n\u{7F}"),
        .walkAway(by: .seller, reason: nil),
        .deadline,
        .turnTimeout(by: .buyer),
        .violation(by: .seller, code: .valueOutOfDomain),
        .failure(by: .buyer, error: "crashed: \"\u{0}\""),
    ]

    /// An analysis with the Nash point or not, and with the other optional fields (the Kalai–Smorodinsky and
    /// egalitarian points, one side's discounted utility and the discount time, the other's model accuracy) or not.
    static func analysis(nash: Bool, kalai: Bool) -> SettlementAnalysis {
        SettlementAnalysis(
            buyer: .init(utility: 0.904040404040404, reservation: 1e-7, maximum: 1, discountedUtility: kalai ? 0.8123456789012345 : nil),
            seller: .init(utility: 0.1, reservation: 0.3, maximum: 0.3, modelAccuracy: kalai ? ModelAccuracy(pearson: -0.25, kendall: 0.3333333333333333) : nil),
            agreed: nash, individuallyRational: kalai, socialWelfare: 1.004040404040404, nashProduct: 0, paretoOptimal: !nash,
            distanceToPareto: .leastNonzeroMagnitude, distanceToNash: nash ? 0.25 : nil, distanceToKalaiSmorodinsky: kalai ? 1e21 : nil,
            distanceToEgalitarian: kalai ? 3e-9 : nil,
            nash: nash ? OutcomePoint(terms: terms, buyer: 0.5, seller: -0.0) : nil,
            kalaiSmorodinsky: kalai ? OutcomePoint(terms: ["alpha": .option("x")], buyer: 123456.5, seller: 1) : nil,
            egalitarian: kalai ? OutcomePoint(terms: terms, buyer: 0.25, seller: 0.75) : nil,
            frontierSize: 14_000, outcomeCount: 67_108_864, discountTime: kalai ? 0.37 : nil
        )
    }

    @Test(arguments: outcomes)
    func everyOutcomeWithAndWithoutAnalysisEncodesIdentically(outcome: Outcome) throws {
        let analyses = [nil] + [(true, true), (true, false), (false, true), (false, false)].map { Self.analysis(nash: $0.0, kalai: $0.1) }
        let order = CanonicalIssueOrder(names: Array(Self.terms.values.keys))
        for analysis in analyses {
            for elapsed in [0, 1e-7, 2.5, 1e22] {
                let settlement = Settlement(outcome: outcome, turns: 7, rounds: 4, elapsed: elapsed, analysis: analysis)
                #expect(settlement.hasFiniteNumbers)
                let reference = try CanonicalJSON.encodeThroughWireFormat(settlement)
                for issueOrder: CanonicalIssueOrder in [order, [], ["alpha"]] {
                    var written: [UInt8] = []
                    settlement.writeCanonical(into: &written, issueOrder: issueOrder)
                    #expect(Data(written) == reference)
                }
                #expect(try CanonicalJSON.encode(settlement) == reference)
            }
        }
    }

    @Test func aSettlementWithANumberThatIsNotFiniteIsLeftToTheGenericEncoder() {
        let changes: [(inout SettlementAnalysis) -> Void] = [
            { $0.distanceToPareto = .infinity }, { $0.buyer.discountedUtility = .nan }, { $0.discountTime = -.infinity },
            { $0.egalitarian?.seller = .infinity }, { $0.distanceToEgalitarian = .nan }, { $0.seller.modelAccuracy?.kendall = .nan },
        ]
        for change in changes {
            var analysis = Self.analysis(nash: true, kalai: true)
            change(&analysis)
            #expect(!Settlement(outcome: .deadline, turns: 1, rounds: 1, elapsed: 0, analysis: analysis).hasFiniteNumbers)
        }
        #expect(!Settlement(outcome: .deadline, turns: 1, rounds: 1, elapsed: .nan, analysis: nil).hasFiniteNumbers)
    }

    @Test(arguments: [Int64.min, -1, 0, 7, 10, 9_007_199_254_740_991, Int64.max])
    func integersAreWrittenAsSwiftPrintsThem(value: Int64) {
        var output: [UInt8] = []
        CanonicalJSON.writeInteger(value, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(value))
        output = []
        CanonicalJSON.writeDigits(of: UInt64.max, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(UInt64.max))
    }
}
