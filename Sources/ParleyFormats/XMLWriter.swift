/// Writes indented XML elements whose content is attributes and child elements, escaping attribute values.
struct XMLWriter: Sendable {
    private(set) var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    private var depth = 0

    /// A writer for a document.
    init() {}

    /// Opens an element.
    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    /// Closes the innermost open element, named `name`.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An element without children.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    /// Appends another writer's elements (without its declaration) at this depth.
    mutating func append(_ other: XMLWriter) {
        let indentation = String(repeating: "  ", count: depth)
        for line in other.text.split(separator: "\n").dropFirst() { text += indentation + line + "\n" }
    }

    private mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes what an attribute value cannot hold as it is: markup characters, quotes, and line breaks and tabs
    /// (which parsers would otherwise turn into spaces).
    static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
