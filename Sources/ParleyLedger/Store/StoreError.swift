public import ParleyProtocol

/// Why the store could not do what was asked, with a stable code. Messages name the file and the cause; they
/// never quote stored values.
public struct StoreError: CodedError, Sendable, Hashable, CustomStringConvertible {
    /// Stable codes.
    public struct Code: ErrorCode {
        /// The code.
        public let rawValue: String
        /// Wraps a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The file exists but is not a Parley store (another SQLite database, or not SQLite at all).
        public static let notAStore = Code(rawValue: "not_a_store")
        /// SQLite reports the file as malformed.
        public static let corrupt = Code(rawValue: "corrupt")
        /// The file or the store is read-only.
        public static let readOnly = Code(rawValue: "read_only")
        /// Another writer held the store longer than the busy timeout.
        public static let locked = Code(rawValue: "locked")
        /// The store was written by a newer version of Parley.
        public static let newerSchema = Code(rawValue: "newer_schema")
        /// The disk (or the store's size limit) is full.
        public static let diskFull = Code(rawValue: "disk_full")
        /// The file cannot be opened (missing folder, no permission, or no store there when reading).
        public static let cannotOpen = Code(rawValue: "cannot_open")
        /// No session matches the reference.
        public static let notFound = Code(rawValue: "not_found")
        /// A tournament position is already stored: another run of the same tournament writes to the store.
        public static let positionTaken = Code(rawValue: "position_taken")
        /// A stored record cannot be read back.
        public static let unreadableRecord = Code(rawValue: "unreadable_record")
        /// The database server refused the user or password.
        public static let authenticationFailed = Code(rawValue: "authentication_failed")
        /// A store to be merged fails verification, so nothing of it was copied.
        public static let failsVerification = Code(rawValue: "fails_verification")
        /// Any other database failure.
        public static let database = Code(rawValue: "database")
    }

    /// The stable code.
    public var code: Code
    /// What went wrong and, where it helps, what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension StoreError {
    /// A tournament position is already stored: two runs of one tournament write to one store at once.
    public static func positionTaken(tournament: String, index: Int?) -> StoreError {
        StoreError(
            .positionTaken,
            "tournament \(tournament) already has " + (index.map { "a session at position \($0)" } ?? "sessions at positions of this batch") + ": another run of the same "
                + "tournament is writing to this store; let one run finish (a rerun resumes it), nothing of this batch was stored"
        )
    }
}
