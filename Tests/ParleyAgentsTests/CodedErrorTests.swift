import ParleyAgents
import ParleyProtocol
import Testing

@Suite("Coded errors: a stable code and a message, one shape for every public error")
struct CodedErrorTests {
    /// The code of any coded error, as programs read it.
    static func code(of error: some CodedError) -> String { error.code.rawValue }

    @Test("Setup and bidding errors carry their codes, their details and a message that names the place")
    func agentErrors() {
        let missing = SessionSetupError.missingProfile(.seller)
        #expect(Self.code(of: missing) == "missing_profile" && missing.role == .seller)
        #expect(missing.message.contains("$.profiles.seller"))
        let problem = ValidationProblem(path: "$.issues[0].name", code: "empty_name", message: "must not be empty")
        let invalid = SessionSetupError.invalidScenario([problem])
        #expect(Self.code(of: invalid) == "invalid_scenario" && invalid.problems == [problem])
        #expect(invalid.description.contains("$.issues[0].name"))
        let tooLarge = BiddingIndexError.outcomeSpaceTooLarge(limit: 10)
        #expect(Self.code(of: tooLarge) == "outcome_space_too_large" && tooLarge.limit == 10)
        #expect(Self.code(of: AgentSpecError(.unknownStrategy, "unknown strategy 'x'")) == "unknown_strategy")
    }

    @Test("Codes are open: a new code is a static member, equal by its text")
    func openCodes() {
        #expect(SessionSetupError.Code(rawValue: "missing_profile") == .missingProfile)
        #expect(SessionSetupError.Code(rawValue: "something_new").description == "something_new")
    }
}
