import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element with its attributes and child elements (text is not kept: the formats read here carry
/// everything in attributes), read by Foundation's `XMLParser`, which resolves no external entity.
struct XMLTree: Sendable, Hashable {
    /// The element's name.
    var name: String
    /// Its attributes.
    var attributes: [String: String]
    /// Its child elements, in order.
    var children: [XMLTree]
    /// The line it starts on, for messages.
    var line: Int

    /// The children with this name.
    func children(named name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// Parses a document; `nil` and the parser's line when it is not well-formed XML.
    static func parse(_ data: Data) -> Result<XMLTree, XMLSyntaxError> {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let finished = parser.parse()
        guard finished, parser.parserError == nil, let root = builder.root else {
            return .failure(XMLSyntaxError(line: parser.lineNumber))
        }
        return .success(root)
    }

    /// Collects elements as the parser meets them.
    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append(XMLTree(name: name, attributes: attributes, children: [], line: parser.lineNumber))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let element = stack.popLast() else { return }
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].children.append(element)
            }
        }
    }
}

/// A document that is not well-formed XML.
struct XMLSyntaxError: Error, Hashable {
    /// Where the parser stopped.
    var line: Int
}
