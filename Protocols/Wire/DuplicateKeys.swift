import Foundation

/// Finds a key that appears twice in one JSON object, which JSON parsers disagree about (Foundation keeps one
/// of them silently), so Parley refuses such a message instead of guessing which value was meant.
enum DuplicateKeys {
    private enum Frame {
        case object(keys: Set<String>, key: String?, expectingKey: Bool)
        case array(index: Int)
    }

    /// The JSON path of the first key that appears twice in one object (`$.opponentAction.type`), or `nil`.
    /// Malformed JSON gives `nil`: the decoder reports it.
    static func firstDuplicate(in data: Data) -> String? {
        data.withUnsafeBytes { firstDuplicate(in: $0) }
    }

    private static func firstDuplicate(in bytes: UnsafeRawBufferPointer) -> String? {
        var stack: [Frame] = []
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(.object(keys: [], key: nil, expectingKey: true))
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            case UInt8(ascii: ","):
                switch stack.last {
                case .object(let keys, let key, _): stack[stack.count - 1] = .object(keys: keys, key: key, expectingKey: true)
                case .array(let index): stack[stack.count - 1] = .array(index: index + 1)
                case nil: return nil
                }
            case UInt8(ascii: "\""):
                guard let (text, end) = string(in: bytes, from: position) else { return nil }
                position = end
                if case .object(var keys, _, true) = stack.last {
                    guard keys.insert(text).inserted else { return path(of: stack.dropLast()) + "." + text }
                    stack[stack.count - 1] = .object(keys: keys, key: text, expectingKey: false)
                }
            default:
                break
            }
            position += 1
        }
        return nil
    }

    /// The path of the value the innermost frame of `stack` is reading.
    private static func path(of stack: ArraySlice<Frame>) -> String {
        stack.reduce("$") { path, frame in
            switch frame {
            case .object(_, let key, _): path + "." + (key ?? "")
            case .array(let index): path + "[\(index)]"
            }
        }
    }

    /// The string starting at the quote at `start`, unescaped, and the position of its closing quote.
    private static func string(in bytes: UnsafeRawBufferPointer, from start: Int) -> (String, Int)? {
        var position = start + 1
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            if byte == UInt8(ascii: "\"") {
                let literal = bytes[start...position]
                guard escaped else { return (String(decoding: UnsafeRawBufferPointer(rebasing: literal.dropFirst().dropLast()), as: UTF8.self), position) }
                let text = (try? JSONSerialization.jsonObject(with: Data(literal), options: .fragmentsAllowed)) as? String
                return text.map { ($0, position) }
            }
            position += 1
        }
        return nil
    }
}
