import ParleyProtocol

extension StrategyRegistry {
    /// Parley's built-in strategies: `boulware`, `linear`, `conceder`, `hardliner`, `random`, `tit-for-tat`; the
    /// reference agents from the literature `micro`, `hardheaded`, `agentk`, `nice-tit-for-tat`, `cuhkagent`; and `boa`, assembled from components
    /// (``BOAComponents``).
    public static var builtIns: StrategyRegistry {
        var registry = StrategyRegistry()
        for (name, exponent, summary) in [
            ("boulware", 0.2, "time-dependent; holds firm, concedes near the deadline"),
            ("linear", 1.0, "time-dependent; concedes at a constant rate"),
            ("conceder", 2.0, "time-dependent; concedes early"),
        ] {
            registry.register(Entry(
                name: name, summary: summary,
                parameters: [
                    Parameter(name: "e", summary: "concession exponent (< 1 firm, 1 linear, > 1 yielding)", defaultValue: "\(exponent)"),
                    Parameter(name: "model", summary: "an opponent model (frequency, bayes or oracle): offer the opponent's best near the target", defaultValue: "none"),
                ]
            ) { parameters, context in
                let e = try parameters.double("e", default: exponent, in: 0.001...100)
                guard let model = parameters.values["model"], model != "none" else { return try TimeDependent(exponent: e, context: context) }
                return try BOAStrategy(
                    offering: TimeOffering(exponent: e), acceptance: AcceptanceConditions.Relative(.next),
                    model: BOAComponents.makeModel(try ComponentSpec(parsing: model, role: "model"), context: context), context: context
                )
            })
        }
        registry.register(Entry(name: "hardliner", summary: "always offers its best terms; accepts only those") { _, context in
            try Hardliner(context: context)
        })
        registry.register(Entry(name: "random", summary: "random acceptable offers from a seeded generator") { _, context in
            try RandomStrategy(context: context)
        })
        registry.register(Entry(
            name: "tit-for-tat", summary: "relative tit-for-tat; mirrors the opponent's concessions",
            parameters: [Parameter(name: "kindness", summary: "unconditional concession per turn, a fraction of the remaining range", defaultValue: "0.02")]
        ) { parameters, context in
            try TitForTat(kindness: parameters.double("kindness", default: 0.02, in: 0...1), context: context)
        })
        registry.register(Entry(name: "micro", summary: "MiCRO: concedes one outcome per new opponent offer (de Jonge, IJCAI 2022)") { _, context in
            try MiCRO(context: context)
        })
        registry.register(Entry(
            name: "hardheaded", summary: "HardHeaded, ANAC 2011 winner: firm concession, frequency model (van Krimpen et al. 2013)",
            parameters: [
                Parameter(name: "e", summary: "concession exponent", defaultValue: "0.05"),
                Parameter(name: "min", summary: "the utility its offers never go below", defaultValue: "0.6"),
            ]
        ) { parameters, context in
            try HardHeaded(
                context: context, exponent: parameters.double("e", default: 0.05, in: 0.001...100), minimumUtility: parameters.double("min", default: 0.6, in: 0...1)
            )
        })
        registry.register(Entry(
            name: "agentk", summary: "AgentK, ANAC 2010 winner: target from the estimated best opponent offer (Kawaguchi et al. 2012)",
            parameters: [
                Parameter(name: "alpha", summary: "concession exponent of the target", defaultValue: "3"),
                Parameter(name: "spread", summary: "how far above the target an offer may be worth", defaultValue: "0.05"),
            ]
        ) { parameters, context in
            try AgentK(context: context, alpha: parameters.double("alpha", default: 3, in: 0.01...100), spread: parameters.double("spread", default: 0.05, in: 0...1))
        })
        registry.register(Entry(
            name: "nice-tit-for-tat", summary: "Nice Tit-for-Tat: mirrors concession toward the Nash point, Bayesian model (Baarslag et al. 2013)"
        ) { _, context in
            try NiceTitForTat(context: context)
        })
        registry.register(Entry(
            name: "cuhkagent", summary: "CUHKAgent, ANAC 2012 winner: concedes until a non-exploitation point set by the opponent's concession (Hao and Leung 2014)",
            parameters: [
                Parameter(name: "alpha", summary: "shape of the concession before the non-exploitation point", defaultValue: "2"),
                Parameter(name: "lambda", summary: "the earliest non-exploitation point", defaultValue: "0.5"),
                Parameter(name: "beta", summary: "how strongly the discount factor postpones the point", defaultValue: "1.5"),
                Parameter(name: "w", summary: "how far the opponent's concession postpones the point", defaultValue: "0.5"),
                Parameter(name: "epsilon", summary: "share of offers drawn at random above the threshold", defaultValue: "0.1"),
                Parameter(name: "d", summary: "the discount factor assumed for a profile without one", defaultValue: "0.2"),
            ]
        ) { parameters, context in
            var values = CUHKAgent.Parameters()
            values.alpha = try parameters.double("alpha", default: values.alpha, in: 0.01...100)
            values.earliest = try parameters.double("lambda", default: values.earliest, in: 0.01...1)
            values.beta = try parameters.double("beta", default: values.beta, in: 0...100)
            values.weight = try parameters.double("w", default: values.weight, in: 0...1)
            values.exploration = try parameters.double("epsilon", default: values.exploration, in: 0...1)
            values.assumedDiscount = try parameters.double("d", default: values.assumedDiscount, in: 0.01...1)
            return try CUHKAgent(context: context, parameters: values)
        })
        registry.register(Entry(
            name: "boa", summary: "assembled from an offering policy, an acceptance condition and an opponent model (Baarslag et al. 2014)",
            parameters: [
                Parameter(name: "bid", summary: "the offering policy: time(e=…)", defaultValue: "time(e=0.2)"),
                Parameter(name: "accept", summary: "the acceptance condition: next, prev, const, time, combi", defaultValue: "next"),
                Parameter(name: "model", summary: "the opponent model: frequency, bayes, oracle, or none", defaultValue: "none"),
            ],
            inDefaultField: false
        ) { parameters, context in
            let model = parameters.values["model"] ?? "none"
            return try BOAStrategy(
                offering: BOAComponents.makeOffering(ComponentSpec(parsing: parameters.values["bid"] ?? "time(e=0.2)", role: "bid")),
                acceptance: BOAComponents.makeAcceptance(ComponentSpec(parsing: parameters.values["accept"] ?? "next", role: "accept")),
                model: model == "none" ? nil : BOAComponents.makeModel(ComponentSpec(parsing: model, role: "model"), context: context),
                context: context
            )
        })
        return registry
    }
}
