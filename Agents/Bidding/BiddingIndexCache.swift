public import ParleyProtocol
import Synchronization

/// Shares bidding indexes between sessions: each distinct profile on each distinct set of issues is indexed once.
///
/// Pass one cache to every session of a run or tournament. It is safe to use from many tasks at once; a
/// profile being indexed by one task is waited for, never built twice.
public final class BiddingIndexCache: Sendable {
    // A class because it is shared mutable state by purpose; the mutex makes it Sendable.
    private struct Key: Hashable {
        let issues: [Issue]
        let weightedValues: [[Double]]
    }

    private let entries = Mutex<[Key: BiddingIndex]>([:])

    /// An empty cache.
    public init() {}

    /// The index of a utility function, built on first request.
    public func index(for utility: UtilityFunction) throws(BiddingIndexError) -> BiddingIndex {
        let key = Key(issues: utility.issues, weightedValues: utility.weightedValues)
        return try entries.withLock { (entries: inout [Key: BiddingIndex]) throws(BiddingIndexError) -> BiddingIndex in
            if let index = entries[key] { return index }
            let index = try BiddingIndex(utility: utility)
            entries[key] = index
            return index
        }
    }

    /// The number of indexes built so far.
    public var count: Int { entries.withLock { $0.count } }
}
