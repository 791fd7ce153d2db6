public import Foundation
public import ParleyProtocol

/// Reads a GENIUS scenario (a domain file and one utility-space file per side, in GENIUS's XML) into a Parley
/// scenario file. Which utility space is the buyer's is the caller's choice, never guessed.
///
/// What maps, and how:
/// - A **discrete** issue becomes an issue with options; each option is worth its evaluation divided by the
///   issue's highest evaluation, as GENIUS normalizes them.
/// - An **integer** issue (`lowerbound`, `upperbound`) keeps its values; its linear evaluator
///   (`slope`, `offset`: clamp(offset + slope × (v − lowerbound)) to [0, 1]; older files: `parameter1` × v +
///   `parameter0`) becomes a linear or piecewise-linear value function, exact at every value.
/// - A **real** issue is discretised into ``realSteps`` equal steps (``realSteps`` + 1 options named by their
///   value), each worth what its evaluator gives there.
/// - **Weights** are matched to issues by index. Weights whose sum is within ``weightTolerance`` of 1 are
///   renormalized, with a warning; others are an error.
/// - The **reservation** value and a **discount factor** in (0, 1) are kept (the profile's ``Profile/discount``; its
///   time runs over the imported scenario's rounds, as GENIUS's discrete timeline does). A factor outside (0, 1]
///   means no discount, as in GENIUS, with a warning.
/// - Constructs Parley cannot represent are errors that name them: nonlinear or constraint utility spaces, nested
///   objectives, evaluator functions other than linear and constant.
public struct GeniusImport: Sendable {
    /// Weights summing to within this distance of 1 are renormalized.
    public static let weightTolerance = 0.01
    /// The most steps a real issue is cut into.
    public static let maximumRealSteps = 10_000

    /// The deadline of the imported scenario, in rounds (GENIUS files do not state one).
    public var rounds: Int
    /// How many equal steps a real issue's range is cut into.
    public var realSteps: Int

    /// An importer; GENIUS files carry no deadline, so the scenario gets `rounds`.
    public init(rounds: Int = 100, realSteps: Int = 10) {
        self.rounds = rounds
        self.realSteps = realSteps
    }

    /// The scenario file, and what was changed or left out on the way.
    public struct Imported: Sendable, Hashable {
        /// The scenario with both profiles, validated.
        public var file: ScenarioFile
        /// Renormalized weights, discount factors read as none: one line each.
        public var warnings: [String]
    }

    /// Reads the three files and converts them.
    public func read(domain: String, buyer: String, seller: String) throws(ScenarioLoader.Failure) -> Imported {
        try convert(
            domain: (domain, try ScenarioLoader.contents(of: domain)), buyer: (buyer, try ScenarioLoader.contents(of: buyer)),
            seller: (seller, try ScenarioLoader.contents(of: seller))
        )
    }

    /// Converts a domain and two utility spaces, each given with the name messages use for it.
    public func convert(
        domain: (name: String, data: Data), buyer: (name: String, data: Data), seller: (name: String, data: Data)
    ) throws(ScenarioLoader.Failure) -> Imported {
        guard (1...Self.maximumRealSteps).contains(realSteps) else {
            throw ScenarioLoader.Failure(file: domain.name, problems: [
                .init(path: "$", code: "invalid_option", message: "real issues are cut into 1 to \(Self.maximumRealSteps) steps, not \(realSteps)"),
            ])
        }
        var reader = GeniusReader(realSteps: realSteps)
        let issues = try reader.domain(domain.name, domain.data)
        let buyerProfile = try reader.profile(buyer.name, buyer.data, issues: issues)
        let sellerProfile = try reader.profile(seller.name, seller.data, issues: issues)
        let id = Self.identifier(fromFileName: domain.name)
        let scenario = Scenario(
            id: id, name: reader.objectiveName ?? id, issues: issues.map(\.issue), opener: .buyer, deadline: Deadline(rounds: rounds)
        )
        let file = ScenarioFile(scenario: scenario, profiles: [.buyer: buyerProfile, .seller: sellerProfile])
        let problems = file.validate()
        guard problems.isEmpty else { throw ScenarioLoader.Failure(file: domain.name, problems: problems) }
        return Imported(file: file, warnings: reader.warnings)
    }

    /// `laptop_domain.xml` → `laptop`: the file's base name without `.xml` and `_domain`, in letters, digits and
    /// dashes.
    static func identifier(fromFileName path: String) -> String {
        var base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        for suffix in ["_domain", "-domain", "Domain"] where base.hasSuffix(suffix) && base.count > suffix.count {
            base.removeLast(suffix.count)
        }
        let cleaned = String(base.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return cleaned.isEmpty ? "genius" : cleaned
    }
}
