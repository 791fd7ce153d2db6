public import ParleyProtocol
import Synchronization

/// Shares compiled profiles and bidding indexes between sessions: each distinct profile on each distinct set of
/// issues is compiled once and indexed once, and the least recently used are dropped when the cache holds more
/// than its byte limit.
///
/// Pass one cache to every session of a run, tournament or server. It is safe to use from many tasks at once; a
/// profile being indexed by one task is waited for, never built twice. A dropped entry is rebuilt on its next
/// request, exactly as it was (both follow from the profile alone), so the limit bounds memory, never results.
///
/// Finding an entry costs the same whatever the size of the outcome space: a profile is looked up by a hash of
/// what it says (weights, value functions, reservation value) and of its issues (a range's bounds, not its values),
/// and an index by its compiled profile's ``UtilityFunction/fingerprint``, computed once when the profile is
/// compiled; neither reads a table of a domain's values.
public final class BiddingIndexCache: Sendable {
    // A class because it is shared mutable state by purpose; the mutex makes it Sendable.

    /// The least recently used entries of both kinds are dropped first.
    private struct State {
        var profiles = LeastRecentlyUsed<CompiledProfileKey, UtilityFunction>()
        var indexes = LeastRecentlyUsed<IndexKey, BiddingIndex>()
        var clock: UInt64 = 0

        var bytes: Int { profiles.bytes + indexes.bytes }

        mutating func tick() -> UInt64 {
            clock += 1
            return clock
        }

        /// Drops the oldest entries until at most `limit` bytes are held, keeping the newest entry whatever its size.
        mutating func trim(to limit: Int) {
            while bytes > limit, profiles.count + indexes.count > 1 {
                switch (profiles.oldestUse, indexes.oldestUse) {
                case (let profile?, let index?): if profile < index { profiles.dropOldest() } else { indexes.dropOldest() }
                case (.some, nil): profiles.dropOldest()
                case (nil, .some): indexes.dropOldest()
                case (nil, nil): return
                }
            }
        }
    }

    /// The default limit: 512 MiB of indexes.
    public static let defaultMaximumBytes = 512 << 20

    /// The most bytes of compiled profiles and indexes kept; the newest entry is kept whatever its size.
    public let maximumBytes: Int
    private let state = Mutex(State())

    /// An empty cache that keeps up to `maximumBytes` of compiled profiles and indexes.
    public init(maximumBytes: Int = BiddingIndexCache.defaultMaximumBytes) {
        self.maximumBytes = max(0, maximumBytes)
    }

    /// A profile compiled against a scenario's issues, compiled on first request (or again after it was dropped).
    /// Throws the profile's validation problems, which are never cached.
    public func utility(of profile: Profile, on scenario: Scenario) throws(ValidationFailure) -> UtilityFunction {
        let key = CompiledProfileKey(issues: scenario.issues, profile: profile)
        return try state.withLock { (state: inout State) throws(ValidationFailure) -> UtilityFunction in
            let now = state.tick()
            if let utility = state.profiles.value(for: key, usedAt: now) { return utility }
            let utility = try UtilityFunction(profile: profile, scenario: scenario)
            state.profiles.insert(utility, for: key, bytes: utility.tableBytes, usedAt: now)
            state.trim(to: maximumBytes)
            return utility
        }
    }

    /// The index of a utility function, built on first request (or again after it was dropped).
    public func index(for utility: UtilityFunction) throws(BiddingIndexError) -> BiddingIndex {
        let key = IndexKey(utility: utility)
        return try state.withLock { (state: inout State) throws(BiddingIndexError) -> BiddingIndex in
            let now = state.tick()
            if let index = state.indexes.value(for: key, usedAt: now) { return index }
            let index = try BiddingIndex(utility: utility)
            let bytes = index.count * (MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride) + utility.tableBytes
            state.indexes.insert(index, for: key, bytes: bytes, usedAt: now)
            state.trim(to: maximumBytes)
            return index
        }
    }

    /// The number of indexes held.
    public var count: Int { state.withLock { $0.indexes.count } }

    /// The number of compiled profiles held.
    public var compiledProfileCount: Int { state.withLock { $0.profiles.count } }

    /// The bytes the held compiled profiles and indexes take, as the limit counts them.
    public var bytes: Int { state.withLock { $0.bytes } }
}

/// A profile on a scenario's issues. Hashing it reads the profile's description and the issues' names and
/// bounds, never a numeric domain's values, so it costs the same for 10 prices as for a million.
private struct CompiledProfileKey: Hashable {
    let issues: [Issue]
    let profile: Profile
}

/// A compiled profile's tables; hashed by their fingerprint, compared in full.
private struct IndexKey: Hashable {
    let fingerprint: Int
    let issues: [Issue]
    let weightedValues: [[Double]]

    init(utility: UtilityFunction) {
        fingerprint = utility.fingerprint
        issues = utility.issues
        weightedValues = utility.weightedValues
    }

    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
}

extension UtilityFunction {
    /// The bytes of its tables, as the cache counts them.
    fileprivate var tableBytes: Int { weightedValues.reduce(0) { $0 + $1.count * MemoryLayout<Double>.stride } }
}
