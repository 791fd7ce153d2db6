/// Values by key with the time of their last use and their size, so that the least recently used can be dropped
/// first. Not thread-safe: its owner guards it (``BiddingIndexCache`` holds two behind one mutex).
struct LeastRecentlyUsed<Key: Hashable, Value> {
    private struct Entry {
        let value: Value
        let bytes: Int
        var lastUse: UInt64
    }

    private var entries: [Key: Entry] = [:]
    /// The bytes of every value held.
    private(set) var bytes = 0

    /// The number of values held.
    var count: Int { entries.count }

    /// The value for a key, marked as used at `time`.
    mutating func value(for key: Key, usedAt time: UInt64) -> Value? {
        guard let index = entries.index(forKey: key) else { return nil }
        entries.values[index].lastUse = time
        return entries.values[index].value
    }

    /// Holds a value of `bytes` bytes, used at `time`.
    mutating func insert(_ value: Value, for key: Key, bytes: Int, usedAt time: UInt64) {
        if let old = entries.updateValue(Entry(value: value, bytes: bytes, lastUse: time), forKey: key) {
            self.bytes -= old.bytes
        }
        self.bytes += bytes
    }

    /// When the least recently used value was last used, if any is held.
    var oldestUse: UInt64? { entries.values.lazy.map(\.lastUse).min() }

    /// Drops the least recently used value.
    mutating func dropOldest() {
        guard let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) else { return }
        entries[oldest.key] = nil
        bytes -= oldest.value.bytes
    }
}
