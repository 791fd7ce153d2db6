import ParleyProtocol

/// The components a `boa:` spec can name, each with its parameters, and the factories that build them.
public enum BOAComponents {
    /// One component a spec can name.
    public struct Component: Sendable {
        /// Its name in a spec.
        public var name: String
        /// One line on what it does, with its source.
        public var summary: String
        /// The parameters it takes.
        public var parameters: [StrategyRegistry.Parameter]
    }

    /// Offering policies (`bid=`).
    public static let offering = [
        Component(name: "time", summary: "time-dependent concession (Faratin et al. 1998); with a model, the opponent's best in a band above the target", parameters: [
            .init(name: "e", summary: "concession exponent (< 1 firm, 1 linear, > 1 yielding)", defaultValue: "0.2"),
            .init(name: "band", summary: "how far above the target an offer may be worth to the agent, with a model", defaultValue: "0.05"),
            .init(name: "candidates", summary: "how many outcomes above the target the model rates, at most", defaultValue: "256"),
        ]),
    ]

    /// Acceptance conditions (`accept=`), from Baarslag, Hindriks and Jonker (AAMAS 2012).
    public static let acceptance = [
        Component(name: "next", summary: "AC_next: accept what is worth at least a·(next offer) + b", parameters: [
            .init(name: "a", summary: "factor on the next offer's utility", defaultValue: "1"),
            .init(name: "b", summary: "margin added", defaultValue: "0"),
        ]),
        Component(name: "prev", summary: "AC_prev: accept what is worth at least a·(own previous offer) + b", parameters: [
            .init(name: "a", summary: "factor on the previous offer's utility", defaultValue: "1"),
            .init(name: "b", summary: "margin added", defaultValue: "0"),
        ]),
        Component(name: "const", summary: "AC_const: accept what is worth at least c", parameters: [
            .init(name: "c", summary: "the threshold utility", defaultValue: "0.8"),
        ]),
        Component(name: "time", summary: "AC_time: accept anything acceptable from relative time t on", parameters: [
            .init(name: "t", summary: "the time from which to accept", defaultValue: "0.99"),
        ]),
        Component(name: "combi", summary: "AC_combi: AC_next, or from time t on the best (max) or average (avg) offer of the last window", parameters: [
            .init(name: "t", summary: "the time from which the window rule applies", defaultValue: "0.98"),
            .init(name: "window", summary: "max or avg", defaultValue: "max"),
        ]),
    ]

    /// Opponent models (`model=`).
    public static let models = [
        Component(name: "frequency", summary: "HardHeaded's frequency model (van Krimpen et al. 2013)", parameters: [
            .init(name: "rate", summary: "weight an unchanged issue gains per offer", defaultValue: "0.2"),
        ]),
        Component(name: "bayes", summary: "scalable Bayesian model over issue weights and value shapes (Hindriks and Tykhonov 2008)", parameters: [
            .init(name: "concession", summary: "the assumed rate of the opponent's concession from 1", defaultValue: "0.2"),
            .init(name: "sigma", summary: "the spread of the likelihood", defaultValue: "0.3"),
        ]),
        Component(name: "oracle", summary: "knows the opponent's true profile: an upper bound, only with --reveal-profiles", parameters: []),
    ]

    /// The offering policy a spec names.
    public static func makeOffering(_ spec: ComponentSpec) throws(AgentSpecError) -> any OfferingPolicy {
        let parameters = try checked(spec, in: offering, role: "bid")
        return TimeOffering(
            exponent: try parameters.double("e", default: 0.2, in: 0.001...100), band: try parameters.double("band", default: 0.05, in: 0...1),
            candidates: Int(try parameters.double("candidates", default: 256, in: 1...4096))
        )
    }

    /// The acceptance condition a spec names.
    public static func makeAcceptance(_ spec: ComponentSpec) throws(AgentSpecError) -> any AcceptanceCondition {
        let parameters = try checked(spec, in: acceptance, role: "accept")
        switch spec.name {
        case "next": return AcceptanceConditions.Relative(.next, alpha: try parameters.double("a", default: 1, in: 0...10), beta: try parameters.double("b", default: 0, in: -1...1))
        case "prev": return AcceptanceConditions.Relative(.previous, alpha: try parameters.double("a", default: 1, in: 0...10), beta: try parameters.double("b", default: 0, in: -1...1))
        case "const": return AcceptanceConditions.Constant(threshold: try parameters.double("c", default: 0.8, in: 0...1))
        case "time": return AcceptanceConditions.Time(time: try parameters.double("t", default: 0.99, in: 0...1))
        default:
            let text = parameters.values["window"] ?? "max"
            guard let window = AcceptanceConditions.Combined.Window(rawValue: text) else {
                throw AgentSpecError(.invalidParameter, "boa: accept=combi: window must be max or avg, not '\(text)'")
            }
            return AcceptanceConditions.Combined(time: try parameters.double("t", default: 0.98, in: 0...1), window: window)
        }
    }

    /// The opponent model a spec names, for an agent.
    public static func makeModel(_ spec: ComponentSpec, context: AgentContext) throws -> any OpponentModel {
        let parameters = try checked(spec, in: models, role: "model")
        let space = try context.biddingIndex().space
        if spec.name == "oracle" {
            guard let truth = context.opponentUtility else {
                throw AgentSpecError(
                    .invalidParameter,
                    "model=oracle knows the opponent's profile, which only an experiment reveals: run parley run or parley tournament with --reveal-profiles"
                )
            }
            return OracleModel(truth: truth)
        }
        if spec.name == "bayes" {
            return BayesianModel(
                issues: space.issues, concession: try parameters.double("concession", default: 0.2, in: 0...1),
                sigma: try parameters.double("sigma", default: 0.3, in: 0.01...10)
            )
        }
        return FrequencyModel(radices: space.radices, learningRate: try parameters.double("rate", default: 0.2, in: 0...10))
    }

    /// The spec's parameters, once its component and every parameter name are known.
    private static func checked(_ spec: ComponentSpec, in components: [Component], role: String) throws(AgentSpecError) -> StrategyParameters {
        guard let component = components.first(where: { $0.name == spec.name }) else {
            throw AgentSpecError(.invalidParameter, "boa: \(role)=\(spec.name) is not a component; known: \(components.map(\.name).joined(separator: ", "))")
        }
        let known = Set(component.parameters.map(\.name))
        if let unknown = spec.parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw AgentSpecError(.unknownParameter, "boa: \(role)=\(spec.name) has no parameter '\(unknown)'; it takes \(known.sorted().joined(separator: ", "))")
        }
        return StrategyParameters(strategy: "boa: \(role)=\(spec.name)", values: spec.parameters)
    }
}
