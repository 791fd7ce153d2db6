/// One BOA component as a spec writes it: `time(e=0.2)`, `combi(t=0.98,window=max)` or just `frequency`.
/// Parameters inside the parentheses are separated by `,` (or `;`, which needs no quoting in a list of agents).
public struct ComponentSpec: Sendable, Hashable, CustomStringConvertible {
    /// The component's name.
    public var name: String
    /// Parameter values by name, as written.
    public var parameters: [String: String]

    /// Creates a spec.
    public init(name: String, parameters: [String: String] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// Parses `name` or `name(key=value,…)`; `role` (`bid`, `accept`, `model`) names the slot in errors.
    public init(parsing text: String, role: String) throws(AgentSpecError) {
        func malformed(_ why: String) -> AgentSpecError {
            AgentSpecError(.invalidParameter, "boa: \(role)=\(text) \(why); write a component such as time(e=0.2) or frequency")
        }
        guard let open = text.firstIndex(of: "(") else {
            guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw malformed("is not a component name") }
            self.init(name: text)
            return
        }
        guard text.last == ")", text.firstIndex(of: ")") == text.index(before: text.endIndex) else { throw malformed("has unbalanced parentheses") }
        let name = String(text[..<open])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw malformed("has no component name") }
        var parameters: [String: String] = [:]
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        for part in inside.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else { throw malformed("has '\(part)', which is not key=value") }
            guard parameters.updateValue(pair[1], forKey: pair[0]) == nil else { throw malformed("gives '\(pair[0])' twice") }
        }
        self.init(name: name, parameters: parameters)
    }

    /// `name` or `name(key=value;…)`, parameters sorted by name.
    public var description: String {
        parameters.isEmpty ? name : name + "(" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";") + ")"
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
