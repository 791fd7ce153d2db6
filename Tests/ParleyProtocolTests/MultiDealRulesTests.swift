import Foundation
import ParleyAgents
import ParleyProtocol
import PropertyBased
import Testing

@Suite("Multi-deal rules: binding commitments, never beyond the need, superseded sessions that name their cause")
struct MultiDealRulesTests {
    /// The reference deal with its quantity issue limited to `quantities` (the buyer opens each session).
    static func edge(_ id: String, quantities: ClosedRange<Int64> = 10...100) -> MultiDealScenario.Edge {
        var file = ReferenceScenarios.reference
        file.scenario.issues = file.scenario.issues.map { issue in
            guard issue.name == "quantity" else { return issue }
            return Issue(name: "quantity", domain: .integer(SteppedRange(min: quantities.lowerBound, max: quantities.upperBound, step: 10)))
        }
        file.scenario.id = id
        return MultiDealScenario.Edge(id: id, scenario: file)
    }

    static func scenario(_ need: Need, mode: MultiDealScenario.Mode = .parallel, edges: [MultiDealScenario.Edge]? = nil) -> MultiDealScenario {
        MultiDealScenario(
            id: "rfq", name: "RFQ", centre: .buyer, mode: mode, need: need, reservation: 0.2,
            edges: edges ?? ["acme", "bolt", "crane"].map { edge($0) }
        )
    }

    static func terms(quantity: Int64, price: Int64 = 15000) -> Terms {
        Terms(["price": .integer(price), "quantity": .integer(quantity), "delivery_days": .integer(5)])
    }

    static func code(_ body: () throws(ProtocolViolation) -> Void) -> ViolationCode? {
        do {
            try body()
            return nil
        } catch {
            return error.code
        }
    }

    @Test("Single sourcing: the first agreement meets the need, the other sessions end superseded, and a late accept is refused")
    func singleSourcing() throws {
        var rules = MultiDealRules(scenario: Self.scenario(.single))
        #expect(rules.openEdges == [0, 1, 2])
        try rules.apply(.offer(Self.terms(quantity: 50), note: nil), by: .buyer, edge: 0)
        try rules.apply(.offer(Self.terms(quantity: 50), note: nil), by: .buyer, edge: 1)
        try rules.apply(.offer(Self.terms(quantity: 60, price: 17000), note: nil), by: .seller, edge: 1)
        let superseded = try rules.apply(.accept(note: nil), by: .seller, edge: 0)
        #expect(superseded == [1, 2])
        #expect(rules.commitments.map(\.edge) == [0])
        #expect(rules.state(of: 1) == .ended(.superseded(Supersession(cause: .needMet, after: "acme"))))
        #expect(Supersession(cause: .needMet, after: "acme").description == "superseded: the centre's need was met by the agreement with acme")
        // The centre's late accept of bolt's standing offer, after the need was met.
        #expect(Self.code { () throws(ProtocolViolation) in try rules.apply(.accept(note: nil), by: .buyer, edge: 1) } == .superseded)
        #expect(Self.code { () throws(ProtocolViolation) in try rules.apply(.walkAway(note: nil), by: .seller, edge: 2) } == .superseded)
        #expect(rules.isFinished && rules.commitments.count == 1)
    }

    @Test("A split order: the centre can never offer or accept beyond what it still needs, and the need met supersedes the rest")
    func splitOrder() throws {
        var rules = MultiDealRules(scenario: Self.scenario(.split(issue: "quantity", total: 100, shortfallPenalty: 0.1)))
        try rules.apply(.offer(Self.terms(quantity: 70), note: nil), by: .buyer, edge: 0)
        try rules.apply(.accept(note: nil), by: .seller, edge: 0)
        #expect(rules.remainingQuantity == 30 && rules.openEdges == [1, 2])
        #expect(Self.code { () throws(ProtocolViolation) in try rules.apply(.offer(Self.terms(quantity: 40), note: nil), by: .buyer, edge: 1) } == .exceedsNeed)
        try rules.apply(.offer(Self.terms(quantity: 30), note: nil), by: .buyer, edge: 1)
        try rules.apply(.offer(Self.terms(quantity: 40), note: nil), by: .seller, edge: 1)
        #expect(Self.code { () throws(ProtocolViolation) in try rules.apply(.accept(note: nil), by: .buyer, edge: 1) } == .exceedsNeed, "accepting 40 of 30 needed")
        try rules.apply(.offer(Self.terms(quantity: 30), note: nil), by: .buyer, edge: 1)
        #expect(try rules.apply(.accept(note: nil), by: .seller, edge: 1) == [2])
        #expect(rules.remainingQuantity == 0)
        #expect(rules.state(of: 2) == .ended(.superseded(Supersession(cause: .needMet, after: "bolt"))))
    }

    @Test("An edge accepting a centre offer that no longer fits ends its session superseded, not in a deal beyond the need")
    func anOfferOvertakenByACommitment() throws {
        var rules = MultiDealRules(scenario: Self.scenario(.split(issue: "quantity", total: 100, shortfallPenalty: 0)))
        try rules.apply(.offer(Self.terms(quantity: 60), note: nil), by: .buyer, edge: 0)
        try rules.apply(.offer(Self.terms(quantity: 60), note: nil), by: .buyer, edge: 1)
        try rules.apply(.accept(note: nil), by: .seller, edge: 0)
        #expect(rules.state(of: 1) == .open, "forty units still fit with bolt")
        #expect(try rules.apply(.accept(note: nil), by: .seller, edge: 1) == [1])
        #expect(rules.state(of: 1) == .ended(.superseded(Supersession(cause: .noRoom, after: "acme"))))
        #expect(rules.commitments.reduce(0) { $0 + ($1.quantity ?? 0) } == 60)
    }

    @Test("An edge whose smallest quantity no longer fits is superseded as soon as the commitment lands")
    func noRoomAtOnce() throws {
        let edges = [Self.edge("acme"), Self.edge("bolt"), Self.edge("crane", quantities: 50...100)]
        var rules = MultiDealRules(scenario: Self.scenario(.split(issue: "quantity", total: 100, shortfallPenalty: 0), edges: edges))
        try rules.apply(.offer(Self.terms(quantity: 60), note: nil), by: .buyer, edge: 0)
        #expect(try rules.apply(.accept(note: nil), by: .seller, edge: 0) == [2])
        #expect(rules.state(of: 2) == .ended(.superseded(Supersession(cause: .noRoom, after: "acme"))))
        #expect(rules.state(of: 1) == .open)
    }

    @Test("A table of combinations: an edge outside every listed set with the deals made cannot be committed to")
    func table() throws {
        let need = Need.table([.init(edges: ["acme", "bolt"], value: 1), .init(edges: ["crane"], value: 0.8), .init(edges: ["acme"], value: 0.6)])
        var rules = MultiDealRules(scenario: Self.scenario(need))
        try rules.apply(.offer(Self.terms(quantity: 50), note: nil), by: .buyer, edge: 0)
        #expect(try rules.apply(.accept(note: nil), by: .seller, edge: 0) == [2], "crane is in no listed set with acme")
        #expect(rules.state(of: 1) == .open)
        try rules.apply(.offer(Self.terms(quantity: 50), note: nil), by: .buyer, edge: 1)
        try rules.apply(.accept(note: nil), by: .seller, edge: 1)
        #expect(rules.isFinished)
        let deals = [Need.Deal(edge: "acme", utility: 0.8), Need.Deal(edge: "bolt", utility: 0.6)]
        #expect(abs(need.utility(of: deals, reservation: 0.2) - 0.7) < 1e-12)
        #expect(need.utility(of: [Need.Deal(edge: "bolt", utility: 0.9)], reservation: 0.2) == 0, "a set not listed is worth nothing")
        #expect(need.utility(of: [], reservation: 0.2) == 0.2)
    }

    @Test("Sequential mode: one session at a time, in order; acting in a later one is refused")
    func sequential() throws {
        var rules = MultiDealRules(scenario: Self.scenario(.split(issue: "quantity", total: 100, shortfallPenalty: 0), mode: .sequential))
        #expect(rules.openEdges == [0] && rules.state(of: 1) == .waiting)
        #expect(Self.code { () throws(ProtocolViolation) in try rules.apply(.offer(Self.terms(quantity: 50), note: nil), by: .buyer, edge: 1) } == .notStarted)
        try rules.apply(.walkAway(note: nil), by: .buyer, edge: 0)
        #expect(rules.openEdges == [1])
        try rules.apply(.offer(Self.terms(quantity: 40), note: nil), by: .buyer, edge: 1)
        try rules.apply(.accept(note: nil), by: .seller, edge: 1)
        #expect(rules.openEdges == [2] && rules.remainingQuantity == 60)
        rules.close(edge: 2, .turnTimeout(by: .seller))
        #expect(rules.isFinished && rules.state(of: 2) == .ended(.outcome(.turnTimeout(by: .seller))))
        #expect(Self.code { () throws(ProtocolViolation) in try rules.apply(.accept(note: nil), by: .buyer, edge: 7) } == .unknownEdge)
    }

    @Test("The utility of a combination: single sourcing, and a split order with its shortfall")
    func combinationUtility() {
        #expect(Need.single.utility(of: [Need.Deal(edge: "a", utility: 0.7)], reservation: 0.2) == 0.7)
        #expect(Need.single.utility(of: [], reservation: 0.2) == 0.2)
        let split = Need.split(issue: "quantity", total: 1000, shortfallPenalty: 0.1)
        let deals = [Need.Deal(edge: "a", utility: 0.8, quantity: 600), Need.Deal(edge: "b", utility: 0.5, quantity: 200)]
        // 0.6 × 0.8 + 0.2 × 0.5 + 0.2 × (0.3 − 0.1)
        #expect(abs(split.utility(of: deals, reservation: 0.3) - 0.62) < 1e-12)
        #expect(abs(split.utility(of: [], reservation: 0.3) - 0.2) < 1e-12)
    }

    /// Random moves by either side in random sessions, against every need and both modes: whatever happens, the
    /// centre never holds more than its need, a refused action changes nothing, every superseded session names an
    /// agreement that exists, and once the need is met nothing is left open.
    @Test func theCentreNeverHoldsMoreThanItsNeed() async {
        await propertyCheck(count: 400, input: Gen.uint64(in: .min ... .max)) { seed in
            var random = SeededGenerator(seed: seed)
            let needs: [Need] = [
                .single, .split(issue: "quantity", total: Int.random(in: 10...300, using: &random), shortfallPenalty: 0),
                .table([.init(edges: ["acme", "bolt"], value: 1), .init(edges: ["crane"], value: 0.5)]),
            ]
            let need = needs[Int.random(in: 0..<needs.count, using: &random)]
            let edges = [Self.edge("acme"), Self.edge("bolt", quantities: 40...100), Self.edge("crane", quantities: 90...100)]
            var rules = MultiDealRules(scenario: Self.scenario(need, mode: Bool.random(using: &random) ? .parallel : .sequential, edges: edges))
            for _ in 0..<60 where !rules.isFinished {
                let edge = Int.random(in: 0..<3, using: &random)
                let role: Role = Bool.random(using: &random) ? .buyer : .seller
                let action: Action = switch Int.random(in: 0..<10, using: &random) {
                case 0..<5: .offer(Self.terms(quantity: 10 * Int64.random(in: 1...10, using: &random)), note: nil)
                case 5..<9: .accept(note: nil)
                default: .walkAway(note: nil)
                }
                let before = rules
                do {
                    try rules.apply(action, by: role, edge: edge)
                } catch {
                    #expect(rules == before, "a refused action changes nothing")
                }
                let deals = rules.commitments.map { (edge: rules.scenario.edges[$0.edge].id, quantity: $0.quantity) }
                switch need {
                case .single: #expect(rules.commitments.count <= 1)
                case .split(_, let total, _): #expect(deals.reduce(0) { $0 + ($1.quantity ?? 0) } <= total)
                case .table(let combinations): #expect(combinations.contains { Set(deals.map(\.edge)).isSubset(of: $0.edges) })
                }
                for end in rules.ends {
                    if case .superseded(let supersession)? = end {
                        #expect(deals.contains { $0.edge == supersession.after })
                    }
                }
                if need.isMet(by: deals) { #expect(rules.isFinished, "once the need is met, nothing is left open") }
            }
        }
    }
}
