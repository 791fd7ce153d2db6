extension Outcome {
    /// The outcome as an agent is told it: a failure names the side that failed but not what failed, so one
    /// side never learns the other's address, error text or internals. Every other outcome is told as it is.
    public var toldToParties: Outcome {
        if case .failure(let role, _) = self { return .failure(by: role, error: "the \(role)'s agent failed") }
        return self
    }
}
