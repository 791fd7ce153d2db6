import Foundation

/// Fields of RFC 4180 CSV files.
enum CSV {
    /// A field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        // By UTF-8 bytes, not characters: these four are ASCII, and no other character's bytes can be mistaken for them.
        text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            : text
    }
}

extension CSV {
    /// One line of fields, with its line break.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
