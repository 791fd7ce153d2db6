import Foundation
public import ParleyAnalysis

/// A side's ``ParleyAnalysis/ModelUsage`` as every store keeps it in one text column: JSON with sorted keys, `NULL`
/// for a side that consulted no model. Numbers round-trip exactly, so verification compares what was stored with
/// what the transcript gives again.
public enum ModelUsageColumn {
    /// The column's text for a usage.
    public static func text(_ usage: ModelUsage?) -> String? {
        guard let usage else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(usage)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The usage a column holds. Text that is no usage (a row edited by hand) reads as a usage of zeros, as SQLite
    /// reads a number column holding text as 0: no session's side has that usage (a side with a model made at least one
    /// move), so verification names the entry as changed instead of stopping at it.
    public static func usage(_ text: String?) -> ModelUsage? {
        guard let text else { return nil }
        return (try? JSONDecoder().decode(ModelUsage.self, from: Data(text.utf8))) ?? ModelUsage()
    }
}
