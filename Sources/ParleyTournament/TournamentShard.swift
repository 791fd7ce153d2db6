/// One of N deterministic slices of a tournament, `K/N`: the sessions whose position p has `p mod N = K − 1`.
///
/// Interleaved rather than cut into blocks, so every shard gets a share of every scenario and pairing and the
/// shards take about equally long. Each shard runs into its own store (`parley tournament --shard K/N`), and
/// `parley store merge` combines the stores into one whose leaderboard equals the unsharded run's.
public struct TournamentShard: Sendable, Hashable, LosslessStringConvertible {
    /// The shard's number K, from 1.
    public let number: Int
    /// How many shards N the tournament is cut into.
    public let count: Int

    /// The most shards a tournament can be cut into.
    public static let maximumCount = 100_000

    /// Shard `number` of `count`; nil unless `1 ≤ number ≤ count ≤` ``maximumCount``.
    public init?(number: Int, of count: Int) {
        guard count >= 1, count <= Self.maximumCount, number >= 1, number <= count else { return nil }
        self.number = number
        self.count = count
    }

    /// Parses `K/N`, as ``description`` writes it.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(number: number, of: count)
    }

    /// `K/N`.
    public var description: String { "\(number)/\(count)" }

    /// Whether the session at `position` belongs to this shard.
    public func contains(_ position: Int) -> Bool { position % count == number - 1 }

    /// How many of a tournament's `total` sessions belong to this shard.
    public func size(of total: Int) -> Int {
        total <= number - 1 ? 0 : (total - number) / count + 1
    }
}
