public import ParleyProtocol

/// A profile's outcomes sorted by utility: finds the terms nearest a target utility in O(log n).
///
/// Built once per profile by enumerating the outcome space (O(n log n)); every turn afterwards is a binary
/// search, whatever the size of the space. Share it through a ``BiddingIndexCache``.
public struct BiddingIndex: Sendable {
    /// The outcome space indexed.
    public let space: OutcomeSpace
    /// Utilities in ascending order.
    public let utilities: [Double]
    /// The ordinal of the outcome at each position of ``utilities``.
    public let ordinals: [Int32]
    /// Every ``sampleStride``-th utility: a search narrows to one block of ``utilities`` in this small array
    /// (it stays in cache), then searches only that block, so a large space costs few cache misses per turn.
    private let samples: [Double]
    /// The distance between samples.
    private static let sampleStride = 64

    /// Builds the index of a utility function's outcome space.
    public init(utility: UtilityFunction) throws(BiddingIndexError) {
        let scenario = Scenario(id: "", name: "", issues: utility.issues, opener: .buyer, deadline: Deadline(rounds: 1))
        guard let space = OutcomeSpace(scenario), space.count <= Int(Int32.max) else {
            throw BiddingIndexError.outcomeSpaceTooLarge(limit: OutcomeSpace.maximumCount)
        }
        let values = utility.utilities(over: space)
        // Ascending utility; among equal utilities, the lower ordinal first, so the order is deterministic.
        let order = (0..<Int32(space.count)).sorted { left, right in
            let (a, b) = (values[Int(left)], values[Int(right)])
            return a < b || (a == b && left < right)
        }
        self.space = space
        self.ordinals = order
        let utilities = order.map { values[Int($0)] }
        self.utilities = utilities
        self.samples = Swift.stride(from: 0, to: utilities.count, by: Self.sampleStride).map { utilities[$0] }
    }

    /// The number of outcomes.
    public var count: Int { ordinals.count }

    /// The highest utility.
    public var maximum: Double { utilities[utilities.count - 1] }

    /// The lowest utility.
    public var minimum: Double { utilities[0] }

    /// The rank (position in ascending order) of the outcome with the smallest utility ≥ `target`, or the best
    /// outcome's rank when no outcome reaches the target.
    public func rank(nearestAtOrAbove target: Double) -> Int {
        // The first sample at or above the target bounds the answer from above; the sample before it, from below.
        let block = Self.firstIndex(in: samples, atOrAbove: target, from: 0, to: samples.count)
        let low = block == 0 ? 0 : (block - 1) * Self.sampleStride + 1
        let high = min(block * Self.sampleStride, utilities.count)
        return min(Self.firstIndex(in: utilities, atOrAbove: target, from: low, to: high), utilities.count - 1)
    }

    /// The first index in `low..<high` of an ascending array whose value is ≥ `target`, or `high` if none is.
    private static func firstIndex(in values: [Double], atOrAbove target: Double, from low: Int, to high: Int) -> Int {
        var (low, high) = (low, high)
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The terms at a rank.
    public func terms(atRank rank: Int) -> Terms { space.terms(at: Int(ordinals[rank])) }

    /// The terms with the smallest utility ≥ `target` (the best terms, if none reaches it).
    public func terms(nearestAtOrAbove target: Double) -> Terms { terms(atRank: rank(nearestAtOrAbove: target)) }
}

/// Why a bidding index could not be built.
public struct BiddingIndexError: CodedError, Hashable {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code's text.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The outcome space is larger than Parley enumerates.
        public static let outcomeSpaceTooLarge = Code(rawValue: "outcome_space_too_large")
    }

    /// What kind of failure.
    public var code: Code
    /// The largest outcome space enumerated.
    public var limit: Int

    /// The outcome space has more than `limit` outcomes.
    public static func outcomeSpaceTooLarge(limit: Int) -> Self {
        Self(code: .outcomeSpaceTooLarge, limit: limit)
    }

    /// For people.
    public var message: String { "the outcome space has more than \(limit) outcomes; use coarser issue steps" }

    /// The message.
    public var description: String { message }
}
