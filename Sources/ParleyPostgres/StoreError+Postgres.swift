import ParleyLedger
import PostgresNIO

extension StoreError {
    /// A PostgreSQL failure as a store error with a stable code; the message names the store (without its password)
    /// and the server's reason.
    init(postgres error: any Error, location: String) {
        guard let error = error as? PSQLError else {
            self.init(.database, "\(location): \(error)")
            return
        }
        let state = error.serverInfo?[.sqlState] ?? ""
        let reason = error.serverInfo?[.message] ?? "\(error.code)"
        switch state {
        case "28P01", "28000":
            self.init(.authenticationFailed, "\(location) refused the user: \(reason); check the user and password in the URL")
        case "3D000":
            self.init(.cannotOpen, "\(location): \(reason); create it first (createdb)")
        case "53100":
            self.init(.diskFull, "\(location): \(reason)")
        case "":
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
                self.init(.cannotOpen, "cannot reach \(location): \(cause); is the server running and listening there?")
            default:
                self.init(.database, "\(location): \(error.code)")
            }
        default:
            self.init(.database, "\(location): \(reason) (SQLSTATE \(state))")
        }
    }

    /// Whether the failure is PostgreSQL's word that the transaction lost a race (serialization failure or deadlock)
    /// and may succeed if run again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// Whether the failure is a unique key already taken.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}
