import Foundation

/// The parts of a GeniusWeb `LinearAdditiveUtilitySpace` document that ``GeniusWebExport`` writes, as JSON.
enum GeniusWebJSON {
    /// An issue's values: a list of names, or a number range `[min, max, step]`.
    enum ValueSet: Encodable {
        case values([String])
        case range([Int64])

        private enum CodingKeys: String, CodingKey { case values, range }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .values(let names): try container.encode(names, forKey: .values)
            case .range(let bounds): try container.encode(bounds, forKey: .range)
            }
        }
    }

    /// An issue's utilities: per value, or linear between two numbers (held beyond them).
    enum Utility: Encodable {
        case discrete([Double], names: [String])
        case number(low: Int64, lowUtility: Double, high: Int64, highUtility: Double)

        private enum CodingKeys: String, CodingKey { case discreteutils, numberutils }
        private struct Discrete: Encodable { let valueUtilities: [String: Double] }
        private struct Number: Encodable { let lowValue: Int64, lowUtility: Double, highValue: Int64, highUtility: Double }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .discrete(let utilities, let names):
                try container.encode(Discrete(valueUtilities: Dictionary(uniqueKeysWithValues: zip(names, utilities))), forKey: .discreteutils)
            case .number(let low, let lowUtility, let high, let highUtility):
                try container.encode(Number(lowValue: low, lowUtility: lowUtility, highValue: high, highUtility: highUtility), forKey: .numberutils)
            }
        }
    }

    /// A value in a bid: a discrete value's name, or a number.
    enum BidValue: Encodable {
        case text(String)
        case number(Int64)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }
    }

    /// A bid: one value per issue.
    struct Bid: Encodable {
        let issuevalues: [String: BidValue]
    }

    /// A domain: its name and its issues' values.
    struct Domain: Encodable {
        let name: String
        let issuesValues: [String: ValueSet]
    }

    /// The utility space.
    struct Space: Encodable {
        let name: String
        let domain: Domain
        let issueUtilities: [String: Utility]
        let issueWeights: [String: Double]
        let reservationBid: Bid?
    }

    private struct Document: Encodable {
        let space: Space
        enum CodingKeys: String, CodingKey { case space = "LinearAdditiveUtilitySpace" }
    }

    /// The document holding `space`, with sorted keys so that the same profile always gives the same bytes.
    static func text(of space: Space) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every number is finite (the profile was validated), so encoding cannot fail.
        let data = (try? encoder.encode(Document(space: space))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
