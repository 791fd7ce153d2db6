/// A set of positions in `0..<count`, one bit each.
public struct CompletedSet: Sendable, Hashable {
    private var words: [UInt64]
    /// How many members it has.
    public private(set) var members = 0

    /// An empty set over `0..<count`.
    public init(count: Int) {
        words = [UInt64](repeating: 0, count: (max(0, count) + 63) / 64)
    }

    /// Whether `index` is a member.
    public func contains(_ index: Int) -> Bool {
        index >= 0 && index / 64 < words.count && words[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    /// Adds `index`; positions outside the set's range are ignored.
    public mutating func insert(_ index: Int) {
        guard index >= 0, index / 64 < words.count, !contains(index) else { return }
        words[index / 64] |= 1 << UInt64(index % 64)
        members += 1
    }
}
