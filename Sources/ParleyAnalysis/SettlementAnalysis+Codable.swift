extension SettlementAnalysis {
    private enum CodingKeys: String, CodingKey {
        case buyer, seller, agreed, individuallyRational, socialWelfare, nashProduct, paretoOptimal, distanceToPareto, distanceToNash
        case distanceToKalaiSmorodinsky, distanceToEgalitarian, nash, kalaiSmorodinsky, egalitarian, frontierSize, outcomeCount, discountTime
        /// The names earlier versions of Parley gave the Kalai–Smorodinsky point in stored records; read, never written.
        case legacyKalai = "kalai", legacyDistanceToKalai = "distanceToKalai"
    }

    /// Decodes an analysis, including one stored before the Kalai–Smorodinsky point had its full name (`kalai`,
    /// `distanceToKalai`) and before the egalitarian point was reported. Its stored bytes, which its chain hashes,
    /// are never rewritten.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        buyer = try container.decode(Side.self, forKey: .buyer)
        seller = try container.decode(Side.self, forKey: .seller)
        agreed = try container.decode(Bool.self, forKey: .agreed)
        individuallyRational = try container.decode(Bool.self, forKey: .individuallyRational)
        socialWelfare = try container.decode(Double.self, forKey: .socialWelfare)
        nashProduct = try container.decode(Double.self, forKey: .nashProduct)
        paretoOptimal = try container.decode(Bool.self, forKey: .paretoOptimal)
        distanceToPareto = try container.decode(Double.self, forKey: .distanceToPareto)
        distanceToNash = try container.decodeIfPresent(Double.self, forKey: .distanceToNash)
        distanceToKalaiSmorodinsky = try container.decodeIfPresent(Double.self, forKey: .distanceToKalaiSmorodinsky)
            ?? container.decodeIfPresent(Double.self, forKey: .legacyDistanceToKalai)
        distanceToEgalitarian = try container.decodeIfPresent(Double.self, forKey: .distanceToEgalitarian)
        nash = try container.decodeIfPresent(OutcomePoint.self, forKey: .nash)
        kalaiSmorodinsky = try container.decodeIfPresent(OutcomePoint.self, forKey: .kalaiSmorodinsky)
            ?? container.decodeIfPresent(OutcomePoint.self, forKey: .legacyKalai)
        egalitarian = try container.decodeIfPresent(OutcomePoint.self, forKey: .egalitarian)
        frontierSize = try container.decode(Int.self, forKey: .frontierSize)
        outcomeCount = try container.decode(Int.self, forKey: .outcomeCount)
        discountTime = try container.decodeIfPresent(Double.self, forKey: .discountTime)
    }

    /// Encodes the analysis under the current names; absent values are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(buyer, forKey: .buyer)
        try container.encode(seller, forKey: .seller)
        try container.encode(agreed, forKey: .agreed)
        try container.encode(individuallyRational, forKey: .individuallyRational)
        try container.encode(socialWelfare, forKey: .socialWelfare)
        try container.encode(nashProduct, forKey: .nashProduct)
        try container.encode(paretoOptimal, forKey: .paretoOptimal)
        try container.encode(distanceToPareto, forKey: .distanceToPareto)
        try container.encodeIfPresent(distanceToNash, forKey: .distanceToNash)
        try container.encodeIfPresent(distanceToKalaiSmorodinsky, forKey: .distanceToKalaiSmorodinsky)
        try container.encodeIfPresent(distanceToEgalitarian, forKey: .distanceToEgalitarian)
        try container.encodeIfPresent(nash, forKey: .nash)
        try container.encodeIfPresent(kalaiSmorodinsky, forKey: .kalaiSmorodinsky)
        try container.encodeIfPresent(egalitarian, forKey: .egalitarian)
        try container.encode(frontierSize, forKey: .frontierSize)
        try container.encode(outcomeCount, forKey: .outcomeCount)
        try container.encodeIfPresent(discountTime, forKey: .discountTime)
    }
}
