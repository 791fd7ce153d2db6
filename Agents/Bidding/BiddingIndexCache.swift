public import ParleyProtocol
import Synchronization

/// Shares bidding indexes between sessions: each distinct profile on each distinct set of issues is indexed once,
/// and the least recently used indexes are dropped when the cache holds more than its byte limit.
///
/// Pass one cache to every session of a run, tournament or server. It is safe to use from many tasks at once; a
/// profile being indexed by one task is waited for, never built twice. A dropped index is rebuilt on its next
/// request, exactly as it was (an index follows from its profile alone), so the limit bounds memory, never results.
public final class BiddingIndexCache: Sendable {
    // A class because it is shared mutable state by purpose; the mutex makes it Sendable.
    private struct Key: Hashable {
        let issues: [Issue]
        let weightedValues: [[Double]]
    }

    private struct Entry {
        let index: BiddingIndex
        let bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    /// The default limit: 512 MiB of indexes.
    public static let defaultMaximumBytes = 512 << 20

    /// The most bytes of indexes kept; the newest index is kept whatever its size.
    public let maximumBytes: Int
    private let state = Mutex(State())

    /// An empty cache that keeps up to `maximumBytes` of indexes.
    public init(maximumBytes: Int = BiddingIndexCache.defaultMaximumBytes) {
        self.maximumBytes = max(0, maximumBytes)
    }

    /// The index of a utility function, built on first request (or again after it was dropped).
    public func index(for utility: UtilityFunction) throws(BiddingIndexError) -> BiddingIndex {
        let key = Key(issues: utility.issues, weightedValues: utility.weightedValues)
        return try state.withLock { (state: inout State) throws(BiddingIndexError) -> BiddingIndex in
            state.clock += 1
            if let entry = state.entries[key] {
                state.entries[key]?.lastUse = state.clock
                return entry.index
            }
            let index = try BiddingIndex(utility: utility)
            let bytes = index.count * (MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride)
                + utility.weightedValues.reduce(0) { $0 + $1.count * MemoryLayout<Double>.stride }
            state.entries[key] = Entry(index: index, bytes: bytes, lastUse: state.clock)
            state.bytes += bytes
            while state.bytes > maximumBytes, state.entries.count > 1,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.bytes -= oldest.value.bytes
            }
            return index
        }
    }

    /// The number of indexes held.
    public var count: Int { state.withLock { $0.entries.count } }

    /// The bytes the held indexes take, as the limit counts them.
    public var bytes: Int { state.withLock { $0.bytes } }
}
