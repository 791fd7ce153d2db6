import ParleyProtocol
import Foundation

/// An `Encoder` that builds a ``JSONValue`` tree directly, with no JSON text in between.
///
/// It encodes exactly what `WireCodec` would (dates as ISO 8601 strings, absent optionals omitted), so
/// ``CanonicalJSON`` gives the same bytes as canonicalizing `WireCodec`'s output; a test checks this on real
/// sessions. It exists because parsing JSON text back is two orders of magnitude slower.
final class CanonicalEncoder: Encoder {
    // A class because Encoder containers share and mutate one storage tree while encoding.
    final class Node {
        var value: JSONValue?
        var members: [(key: String, node: Node)]?
        var items: [Node]?

        init(_ value: JSONValue? = nil) { self.value = value }

        /// A node holding a whole parsed document.
        init(json: JSONValue) {
            switch json {
            case .object(let object): members = object.map { ($0.key, Node(json: $0.value)) }
            case .array(let array): items = array.map(Node.init(json:))
            default: value = json
            }
        }

        func set(_ node: Node, for key: String) {
            if let index = members?.firstIndex(where: { $0.key == key }) {
                members?[index].node = node
            } else {
                members?.append((key, node))
            }
        }
    }

    let node: Node
    /// Not tracked: nothing Parley encodes reads it, and building it costs an allocation per value.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node = Node()) {
        self.node = node
    }

    /// The tree of a value.
    static func tree(_ value: some Encodable) throws -> Node {
        let encoder = CanonicalEncoder()
        if let primitive = primitive(value) {
            encoder.node.value = primitive
        } else {
            try encoder.encodeValue(value)
        }
        return encoder.node
    }

    func encodeValue(_ value: some Encodable) throws {
        if type(of: value) == Date.self, let date = value as? Date {
            node.value = .string(date.formatted(.iso8601))
        } else if type(of: value) == Data.self, let data = value as? Data {
            node.value = .string(data.base64EncodedString())
        } else if type(of: value) == URL.self, let url = value as? URL {
            node.value = .string(url.absoluteString)
        } else {
            try value.encode(to: self)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    /// The JSON of a primitive value, found by comparing metatypes (no dynamic casts).
    fileprivate static func primitive<T>(_ value: T) -> JSONValue? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Double.self { return .number(unsafeBitCast(value, to: Double.self)) }
        if T.self == Int.self { return .integer(Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Int64.self { return .integer(unsafeBitCast(value, to: Int64.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == UInt64.self {
            let number = unsafeBitCast(value, to: UInt64.self)
            return number <= UInt64(Int64.max) ? .integer(Int64(number)) : .unsigned(number)
        }
        if T.self == Float.self { return .number(Double(unsafeBitCast(value, to: Float.self))) }
        if T.self == Int32.self { return .integer(Int64(unsafeBitCast(value, to: Int32.self))) }
        if T.self == UInt32.self { return .integer(Int64(unsafeBitCast(value, to: UInt32.self))) }
        if T.self == UInt.self { return .unsigned(UInt64(unsafeBitCast(value, to: UInt.self))) }
        return nil
    }

    fileprivate func child(value: some Encodable) throws -> Node {
        let encoder = CanonicalEncoder()
        if let primitive = Self.primitive(value) {
            encoder.node.value = primitive
        } else {
            try encoder.encodeValue(value)
        }
        return encoder.node
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: CanonicalEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func set(_ node: Node, for key: Key) { encoder.node.set(node, for: key.stringValue) }

        mutating func encodeNil(forKey key: Key) throws { set(Node(.null), for: key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(Node(.string(value)), for: key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(Node(.bool(value)), for: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(Node(.number(value)), for: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(Node(.integer(Int64(value))), for: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(Node(.integer(value)), for: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            set(Node(value <= UInt64(Int64.max) ? .integer(Int64(value)) : .unsigned(value)), for: key)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try encoder.child(value: value), for: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = CanonicalEncoder()
            set(nested.node, for: key)
            return nested.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = CanonicalEncoder()
            set(nested.node, for: key)
            return nested.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = CanonicalEncoder()
            set(nested.node, for: key)
            return nested
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: CanonicalEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int { encoder.node.items?.count ?? 0 }

        private func append(_ node: Node) { encoder.node.items?.append(node) }

        mutating func encodeNil() throws { append(Node(.null)) }
        mutating func encode(_ value: String) throws { append(Node(.string(value))) }
        mutating func encode(_ value: Bool) throws { append(Node(.bool(value))) }
        mutating func encode(_ value: Double) throws { append(Node(.number(value))) }
        mutating func encode(_ value: Int) throws { append(Node(.integer(Int64(value)))) }
        mutating func encode(_ value: Int64) throws { append(Node(.integer(value))) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            append(try encoder.child(value: value))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = CanonicalEncoder()
            append(nested.node)
            return nested.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = CanonicalEncoder()
            append(nested.node)
            return nested.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let nested = CanonicalEncoder()
            append(nested.node)
            return nested
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: CanonicalEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.node.value = .null }
        mutating func encode(_ value: String) throws { encoder.node.value = .string(value) }
        mutating func encode(_ value: Bool) throws { encoder.node.value = .bool(value) }
        mutating func encode(_ value: Double) throws { encoder.node.value = .number(value) }
        mutating func encode(_ value: Int) throws { encoder.node.value = .integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { encoder.node.value = .integer(value) }
        mutating func encode(_ value: UInt64) throws {
            encoder.node.value = value <= UInt64(Int64.max) ? .integer(Int64(value)) : .unsigned(value)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            if let primitive = CanonicalEncoder.primitive(value) {
                encoder.node.value = primitive
            } else {
                try encoder.encodeValue(value)
            }
        }
    }
}
