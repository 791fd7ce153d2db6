/// How many connections a server holds and how long each may take to send a request, so that slow or idle
/// clients cannot exhaust it. A connection over the limit waits in the listen backlog until one closes.
public struct ConnectionLimits: Sendable, Hashable {
    /// The most connections open at once.
    public var maximumConnections: Int
    /// The time a new connection has to send its first request in full (head and body).
    public var requestTimeout: Duration
    /// The time a kept-alive connection has, after a response, to send its next request in full.
    public var keepAliveTimeout: Duration

    /// Limits; the defaults hold 4,096 connections, give a new one 10 seconds and a kept-alive one 60 seconds.
    public init(maximumConnections: Int = 4096, requestTimeout: Duration = .seconds(10), keepAliveTimeout: Duration = .seconds(60)) {
        self.maximumConnections = maximumConnections
        self.requestTimeout = requestTimeout
        self.keepAliveTimeout = keepAliveTimeout
    }
}
