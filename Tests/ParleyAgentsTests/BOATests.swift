import ParleyAgents
import ParleyProtocol
import ParleyTesting
import Testing

@Suite("BOA components")
struct BOATests {
    static let combinations: [String] = ["next", "prev", "const(c=0.6)", "time(t=0.9)", "combi(t=0.95;window=max)", "combi(t=0.9;window=avg)"].flatMap { accept in
        ["none", "frequency", "frequency(rate=0.5)", "bayes"].map { "boa:bid=time(e=0.3):accept=\(accept):model=\($0)" }
    }

    /// Every assembly keeps the contract: deterministic, within the rules, never below its reservation value.
    @Test(arguments: combinations)
    func everyAssemblyConforms(spec: String) async throws {
        let file = try Support.scenarioFile("industrial-components")
        let parsed = try AgentSpec(parsing: spec)
        let problems = try await StrategyConformance.check(file: file, make: { try StrategyRegistry.builtIns.makeStrategy(parsed, context: $0) }, seeds: [1])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func theFrequencyModelLearnsWeightsFromUnchangedIssuesAndWorthFromCounts() throws {
        let issues = [Issue(name: "a", domain: .options(["x", "y"])), Issue(name: "b", domain: .options(["p", "q", "r"]))]
        let space = try #require(OutcomeSpace(issues: issues))
        func ordinal(_ a: String, _ b: String) -> Int { space.ordinal(of: ["a": .option(a), "b": .option(b)])! }
        var model = FrequencyModel(radices: space.radices, learningRate: 0.2)
        #expect(model.estimatedUtility(of: ordinal("x", "p"), in: space) == 1, "every value is worth 1 before any offer")
        model.observe(offer: ordinal("x", "p"), in: space, at: 0)
        #expect(model.weights == [0.5, 0.5], "the first offer changes no weight")
        model.observe(offer: ordinal("x", "q"), in: space, at: 0.1)
        // a unchanged: (0.5 + 0.2, 0.5) / 1.2.
        #expect(abs(model.weights[0] - 0.7 / 1.2) < 1e-15 && abs(model.weights[1] - 0.5 / 1.2) < 1e-15)
        #expect(model.counts == [[2, 0], [1, 1, 0]])
        // (x, q): a worth 2/2, b worth 1/1; (y, r): both 0.
        #expect(abs(model.estimatedUtility(of: ordinal("x", "q"), in: space) - 1) < 1e-15)
        #expect(model.estimatedUtility(of: ordinal("y", "r"), in: space) == 0)
        #expect(abs(model.estimatedUtility(of: ordinal("y", "p"), in: space) - 0.5 / 1.2) < 1e-15)
    }

    /// A model that rates outcomes by a fixed table, for the offering tests.
    struct TableModel: OpponentModel {
        let ratings: [Int: Double]
        mutating func observe(offer ordinal: Int, in space: OutcomeSpace, at progress: Double) {}
        func estimatedUtility(of ordinal: Int, in space: OutcomeSpace) -> Double { ratings[ordinal] ?? 0 }
    }

    static func state(_ file: ScenarioFile, turn: Int, received: [NegotiationState.Received] = [], lastOwnOffer: Double? = nil, model: (any OpponentModel)? = nil) throws -> NegotiationState {
        let context = try Support.context(file, .buyer)
        return NegotiationState(
            view: Support.view(file, .buyer, turn: turn, offer: nil), utility: context.utility, index: try context.biddingIndex(), received: received,
            lastOwnOffer: lastOwnOffer, model: model
        )
    }

    @Test func withAModelTheOfferIsTheOpponentsBestWithinTheBandAndTheCandidates() throws {
        let file = try Support.scenarioFile("reference-supply")
        let plain = try Self.state(file, turn: 61)
        let offering = TimeOffering(exponent: 1, band: 0.01, candidates: 16)
        let first = offering.rank(in: plain)
        let index = plain.index
        // Rate every outcome by its rank among the candidates: the best-rated in reach is the one chosen.
        let reach = (first..<min(index.count, first + 16)).filter { index.utilities[$0] <= index.utilities[first] + 0.01 }
        var ratings: [Int: Double] = [:]
        for rank in first..<min(index.count, first + 40) { ratings[Int(index.ordinals[rank])] = Double((rank * 7919) % 101) }
        let best = reach.max { ratings[Int(index.ordinals[$0])]! < ratings[Int(index.ordinals[$1])]! || (ratings[Int(index.ordinals[$0])]! == ratings[Int(index.ordinals[$1])]! && $0 > $1) }!
        let modelled = try Self.state(file, turn: 61, model: TableModel(ratings: ratings))
        #expect(offering.rank(in: modelled) == best)
        #expect(index.utilities[best] >= index.utilities[first] && index.utilities[best] <= index.utilities[first] + 0.01)
    }

    @Test func acceptanceConditionsFollowTheirFormulas() throws {
        let file = try Support.scenarioFile("reference-supply")
        let history: [NegotiationState.Received] = [.init(progress: 0.2, utility: 0.3), .init(progress: 0.5, utility: 0.55), .init(progress: 0.8, utility: 0.5), .init(progress: 0.96, utility: 0.45)]
        let late = try Self.state(file, turn: 195, received: history, lastOwnOffer: 0.7)  // round 98 of 100: t = 97/99
        let t = late.progress
        #expect(t > 0.97 && t < 0.99)
        typealias AC = AcceptanceConditions
        #expect(AC.Relative(.next).accepts(0.6, next: 0.6, in: late) && !AC.Relative(.next).accepts(0.59, next: 0.6, in: late))
        #expect(AC.Relative(.next, alpha: 0.5, beta: 0.1).accepts(0.4, next: 0.6, in: late) && !AC.Relative(.next, alpha: 0.5, beta: 0.1).accepts(0.39, next: 0.6, in: late))
        #expect(AC.Relative(.previous).accepts(0.7, next: 1, in: late) && !AC.Relative(.previous).accepts(0.69, next: 0, in: late))
        #expect(!AC.Relative(.previous).accepts(1, next: 0, in: try Self.state(file, turn: 1)), "no previous offer: AC_prev never accepts")
        #expect(AC.Constant(threshold: 0.5).accepts(0.5, next: 1, in: late) && !AC.Constant(threshold: 0.5).accepts(0.49, next: 0, in: late))
        #expect(AC.Time(time: 0.97).accepts(0, next: 1, in: late) && !AC.Time(time: 0.99).accepts(1, next: 0, in: late))
        // Window [t − (1 − t), t) ≈ [0.96, 0.98): only the offer at 0.96 besides the standing one (the last in the history).
        let withStanding = try Self.state(file, turn: 195, received: history + [.init(progress: t, utility: 0.44)])
        #expect(AC.Combined(time: 0.97, window: .max).accepts(0.45, next: 0.9, in: withStanding))
        #expect(!AC.Combined(time: 0.97, window: .max).accepts(0.449, next: 0.9, in: withStanding))
        #expect(!AC.Combined(time: 0.99, window: .max).accepts(0.45, next: 0.9, in: withStanding), "before T only AC_next applies")
        #expect(AC.Combined(time: 0.97, window: .max).accepts(0.9, next: 0.9, in: withStanding), "AC_next always applies")
        let early = try Self.state(file, turn: 195, received: [.init(progress: 0.5, utility: 0.4), .init(progress: 0.965, utility: 0.5), .init(progress: 0.97, utility: 0.3), .init(progress: t, utility: 0.2)])
        #expect(AC.Combined(time: 0.97, window: .avg).accepts(0.4, next: 0.9, in: early) && !AC.Combined(time: 0.97, window: .avg).accepts(0.39, next: 0.9, in: early))
    }

    @Test func specsComposeAndBadComponentsAreNamed() throws {
        let spec = try AgentSpec(parsing: "boa:bid=time(e=0.2),accept=combi(t=0.98,window=max),model=frequency")
        #expect(spec.parameters == ["bid": "time(e=0.2)", "accept": "combi(t=0.98,window=max)", "model": "frequency"])
        #expect(try ComponentSpec(parsing: "combi(t=0.98,window=max)", role: "accept") == ComponentSpec(name: "combi", parameters: ["t": "0.98", "window": "max"]))
        #expect(ComponentSpec(name: "combi", parameters: ["t": "0.98", "window": "max"]).description == "combi(t=0.98;window=max)")
        #expect(AgentSpec.agents(inList: "boulware, boa:bid=time(e=0.2),accept=combi(t=0.98,window=max),model=frequency,linear,") == [
            "boulware", "boa:bid=time(e=0.2),accept=combi(t=0.98,window=max),model=frequency", "linear",
        ])
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        for (text, code, words) in [
            ("boa:accept=maybe", "invalid_parameter", "known: next, prev, const, time, combi"),
            ("boa:accept=combi(t=0.98;w=max)", "unknown_parameter", "has no parameter 'w'"),
            ("boa:accept=combi(window=mid)", "invalid_parameter", "window must be max or avg"),
            ("boa:bid=time(e=0)", "invalid_parameter", "e must be a number from 0.001"),
            ("boa:bid=time(e=0.2", "invalid_parameter", "unbalanced parentheses"),
            ("boa:model=psychic", "invalid_parameter", "known: frequency, bayes, oracle"),
            ("boulware:model=psychic", "invalid_parameter", "known: frequency, bayes, oracle"),
            ("boa:model=oracle", "invalid_parameter", "only an experiment reveals: run parley run or parley tournament with --reveal-profiles"),
            ("boa:model=bayes(sigma=0)", "invalid_parameter", "sigma must be a number from 0.01"),
        ] {
            let error = #expect(throws: AgentSpecError.self) { try StrategyRegistry.builtIns.makeStrategy(AgentSpec(parsing: text), context: context) }
            #expect(error?.code.rawValue == code, "\(text)")
            #expect(error?.message.contains(words) == true, "\(text): \(error?.message ?? "")")
        }
    }
}

@Suite("AgentK's estimate")
struct AgentKTests {
    /// emax = μ + (1 − μ) · √3 · σ over the offers received, worked by hand for three offers.
    @Test func theEstimatedMaximumFollowsItsFormula() throws {
        let file = try Support.scenarioFile("reference-supply")
        let context = try Support.context(file, .buyer)
        let index = try context.biddingIndex()
        var agent = try AgentK(context: context)
        #expect(agent.expectedMaximum == 0)
        var values: [Double] = []
        for (position, rank) in [index.count / 10, index.count / 4, index.count / 3].enumerated() {
            let terms = index.terms(atRank: rank)
            values.append(context.utility.utility(of: terms)!)
            _ = agent.respond(to: Support.view(file, .buyer, turn: 2 * position + 3, offer: terms))
        }
        let mean = values.reduce(0, +) / 3
        let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        #expect(abs(agent.expectedMaximum - (mean + (1 - mean) * 3.0.squareRoot() * deviation)) < 1e-12)
        #expect(agent.targetUtility(at: 1) >= agent.expectedMaximum - 1e-12 && agent.targetUtility(at: 0) == index.maximum)
    }
}
