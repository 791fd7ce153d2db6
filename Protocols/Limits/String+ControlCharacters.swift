extension String {
    /// The text with every control character (Unicode general category Cc) written as an escape such as
    /// `\u{1B}`, so text that came from elsewhere (an agent's note, a server's message) cannot move a
    /// terminal's cursor, clear its screen or forge lines when printed.
    public var escapingControlCharacters: String {
        guard Limits.hasControlCharacters(self) else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Each line of the text with its control characters escaped, the line breaks kept.
    public var escapingControlCharactersInLines: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapingControlCharacters }.joined(separator: "\n")
    }
}
