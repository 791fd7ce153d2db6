import ParleyAnalysis
import ParleyProtocol
import ParleyRecords

extension Settlement {
    /// The settlement's canonical JSON, written directly: the last record of every chained session.
    ///
    /// It must equal ``CanonicalJSON/encode(_:)`` of the settlement byte for byte; a test checks this for every
    /// kind of outcome, with and without analysis. Keys are written in sorted order; terms in `issueOrder` (see
    /// ``TranscriptEntry/writeCanonical(into:issueOrder:)``). Only for settlements whose numbers are all finite
    /// (``hasFiniteNumbers``), as every settlement Parley computes is.
    func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
        var object = CanonicalObject(&output)
        if let analysis {
            object.key("analysis", &output)
            analysis.writeCanonical(into: &output, issueOrder: issueOrder)
        }
        object.number("elapsed", elapsed, &output)
        object.key("outcome", &output)
        outcome.writeCanonical(into: &output, issueOrder: issueOrder)
        object.integer("rounds", rounds, &output)
        object.integer("turns", turns, &output)
        object.close(&output)
    }

    /// Whether every number is finite, so that ``writeCanonical(into:issueOrder:)`` applies.
    var hasFiniteNumbers: Bool {
        guard elapsed.isFinite else { return false }
        guard let analysis else { return true }
        let optionals = [
            analysis.buyer.discountedUtility, analysis.seller.discountedUtility, analysis.discountTime, analysis.distanceToNash,
            analysis.buyer.modelAccuracy?.pearson, analysis.buyer.modelAccuracy?.kendall, analysis.seller.modelAccuracy?.pearson,
            analysis.seller.modelAccuracy?.kendall,
            analysis.distanceToKalaiSmorodinsky, analysis.distanceToEgalitarian,
        ]
        let points = [analysis.nash, analysis.kalaiSmorodinsky, analysis.egalitarian].flatMap { [$0?.buyer, $0?.seller] }
        let numbers = [
            analysis.buyer.utility, analysis.buyer.reservation, analysis.buyer.maximum, analysis.buyer.advantage,
            analysis.seller.utility, analysis.seller.reservation, analysis.seller.maximum, analysis.seller.advantage,
            analysis.socialWelfare, analysis.nashProduct, analysis.distanceToPareto,
        ]
        return numbers.allSatisfy(\.isFinite) && (optionals + points).allSatisfy { $0?.isFinite ?? true }
    }
}

extension SettlementAnalysis {
    /// Keys: agreed, buyer, discountTime, distanceToEgalitarian, distanceToKalaiSmorodinsky, distanceToNash,
    /// distanceToPareto, egalitarian, frontierSize, individuallyRational, kalaiSmorodinsky, nash, nashProduct,
    /// outcomeCount, paretoOptimal, seller, socialWelfare.
    fileprivate func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
        var object = CanonicalObject(&output)
        object.boolean("agreed", agreed, &output)
        object.key("buyer", &output)
        buyer.writeCanonical(into: &output)
        if let discountTime { object.number("discountTime", discountTime, &output) }
        if let distanceToEgalitarian { object.number("distanceToEgalitarian", distanceToEgalitarian, &output) }
        if let distanceToKalaiSmorodinsky { object.number("distanceToKalaiSmorodinsky", distanceToKalaiSmorodinsky, &output) }
        if let distanceToNash { object.number("distanceToNash", distanceToNash, &output) }
        object.number("distanceToPareto", distanceToPareto, &output)
        if let egalitarian {
            object.key("egalitarian", &output)
            egalitarian.writeCanonical(into: &output, issueOrder: issueOrder)
        }
        object.integer("frontierSize", frontierSize, &output)
        object.boolean("individuallyRational", individuallyRational, &output)
        if let kalaiSmorodinsky {
            object.key("kalaiSmorodinsky", &output)
            kalaiSmorodinsky.writeCanonical(into: &output, issueOrder: issueOrder)
        }
        if let nash {
            object.key("nash", &output)
            nash.writeCanonical(into: &output, issueOrder: issueOrder)
        }
        object.number("nashProduct", nashProduct, &output)
        object.integer("outcomeCount", outcomeCount, &output)
        object.boolean("paretoOptimal", paretoOptimal, &output)
        object.key("seller", &output)
        seller.writeCanonical(into: &output)
        object.number("socialWelfare", socialWelfare, &output)
        object.close(&output)
    }
}

extension SettlementAnalysis.Side {
    /// Keys: advantage, discountedUtility, maximum, modelAccuracy (kendall, pearson), reservation, utility.
    fileprivate func writeCanonical(into output: inout [UInt8]) {
        var object = CanonicalObject(&output)
        object.number("advantage", advantage, &output)
        if let discountedUtility { object.number("discountedUtility", discountedUtility, &output) }
        object.number("maximum", maximum, &output)
        if let modelAccuracy {
            object.key("modelAccuracy", &output)
            var inner = CanonicalObject(&output)
            inner.number("kendall", modelAccuracy.kendall, &output)
            inner.number("pearson", modelAccuracy.pearson, &output)
            inner.close(&output)
        }
        object.number("reservation", reservation, &output)
        object.number("utility", utility, &output)
        object.close(&output)
    }
}

extension OutcomePoint {
    /// Keys: buyer, seller, terms.
    fileprivate func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
        var object = CanonicalObject(&output)
        object.number("buyer", buyer, &output)
        object.number("seller", seller, &output)
        object.key("terms", &output)
        terms.writeCanonical(into: &output, issueOrder: issueOrder)
        object.close(&output)
    }
}

extension Outcome {
    /// Keys: agreement, by, code, error, reason, type.
    fileprivate func writeCanonical(into output: inout [UInt8], issueOrder: CanonicalIssueOrder) {
        var object = CanonicalObject(&output)
        if case .agreement(let agreement) = self {
            object.key("agreement", &output)
            // Keys: proposer, terms, turns.
            var inner = CanonicalObject(&output)
            inner.string("proposer", agreement.proposer.rawValue, &output)
            inner.key("terms", &output)
            agreement.terms.writeCanonical(into: &output, issueOrder: issueOrder)
            inner.integer("turns", agreement.turns, &output)
            inner.close(&output)
        }
        if let causedBy { object.string("by", causedBy.rawValue, &output) }
        switch self {
        case .violation(_, let code): object.string("code", code.rawValue, &output)
        case .failure(_, let error): object.string("error", error, &output)
        case .walkAway(_, let reason?): object.string("reason", reason, &output)
        case .agreement, .walkAway(_, nil), .deadline, .turnTimeout: break
        }
        object.string("type", typeName, &output)
        object.close(&output)
    }
}
