/// A store that several processes can draw one tournament's sessions from (`parley tournament --worker`): the
/// tournament is cut into blocks of positions, and each worker claims a block under a lease before playing it.
///
/// A claim is exclusive while its lease runs; a worker that dies loses only its lease, and its block is claimed
/// again once the lease expires. Sessions are stored with ``saveClaimed(_:signer:)``, which leaves out positions
/// already stored (by a worker whose lease expired while it was still playing), so every planned session is stored
/// exactly once whichever workers play it. Implemented by `ParleyPostgres.PostgresStore`.
public protocol TournamentClaims: TranscriptStore {
    /// Prepares a tournament's blocks of `blockSize` positions (once, whichever worker comes first).
    func prepareBlocks(of tournament: String, total: Int, blockSize: Int) throws(StoreError)

    /// Claims one block that is not done and not under another worker's unexpired lease, for `worker` until
    /// `leaseSeconds` from now; returns its positions, or `nil` when no block can be claimed now.
    func claimBlock(of tournament: String, worker: String, leaseSeconds: Double) throws(StoreError) -> Range<Int>?

    /// Marks a worker's block done: every position in it is stored.
    func finishBlock(of tournament: String, at start: Int, worker: String) throws(StoreError)

    /// Extends the leases of a worker's unfinished blocks to `leaseSeconds` from now: the worker is alive.
    func renewLeases(of tournament: String, worker: String, leaseSeconds: Double) throws(StoreError)

    /// How many of the tournament's blocks are not done yet.
    func unfinishedBlocks(of tournament: String) throws(StoreError) -> Int

    /// Stores claimed sessions like the tournament `save(_:signer:)`, leaving out any whose position is
    /// already stored; returns how many were stored.
    func saveClaimed(_ sessions: [(session: ChainedSession, entry: TournamentEntry)], signer: SigningKey?) async throws(StoreError) -> Int
}
