extension StrategyRegistry {
    /// Parley's built-in strategies: `boulware`, `linear`, `conceder`, `hardliner`, `random`, `tit-for-tat`.
    public static var builtIns: StrategyRegistry {
        var registry = StrategyRegistry()
        for (name, exponent, summary) in [
            ("boulware", 0.2, "time-dependent; holds firm, concedes near the deadline"),
            ("linear", 1.0, "time-dependent; concedes at a constant rate"),
            ("conceder", 2.0, "time-dependent; concedes early"),
        ] {
            registry.register(Entry(
                name: name, summary: summary,
                parameters: [Parameter(name: "e", summary: "concession exponent (< 1 firm, 1 linear, > 1 yielding)", defaultValue: "\(exponent)")]
            ) { parameters, context in
                try TimeDependent(exponent: parameters.double("e", default: exponent, in: 0.001...100), context: context)
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
        return registry
    }
}
