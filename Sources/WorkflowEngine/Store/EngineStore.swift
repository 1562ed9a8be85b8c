import SQLite
import Synchronization

/// Where an engine keeps its processes, step log, products and subscriptions: a database file
/// (WAL) or memory. A store outlives the engines opened on it, which is what a restart is: drop
/// an engine that died mid-step, open a new `Engine(store:)` on the same store and call
/// `recoverInterrupted()`. One live engine per store at a time.
///
/// The tables are the engine's own: nothing outside `WorkflowEngine` writes them, and only the
/// raw-commit floor benchmark reads them.
public final class EngineStore: Sendable {
    /// `package` for the benchmark that measures the raw-commit floor under the engine (it copies
    /// the step-log DDL and rows); no client of the library sees it.
    package let database: Database
    /// A crash armed through `armCrash(atStepLogWrite:)`, consulted at each step-log write.
    let crashPlan = Mutex(CrashPlan())
    /// See `observeStepBoundaries(_:)`.
    let boundaryObserver = Mutex<(@Sendable (String, Int) -> Bool)?>(nil)
    /// What every engine on this store starts its subscription cache with.
    let subscriptionSeed: [String: SubscriptionCache.Entry]
    /// Where the connection goes once this store is released (a restored copy's, see
    /// `CheckpointConnections`).
    private let connections: CheckpointConnections?

    /// Opens (or creates) a database file, or `:memory:` for a store that lives as long as this
    /// object. A corrupt, non-database or unwritable file gives `EngineError.storage` and is left
    /// untouched.
    public convenience init(path: String) throws {
        let database: Database
        do {
            database = try Database(path: path)
        } catch {
            throw EngineError.wrapping(error)
        }
        self.init(database: database)
    }

    /// A store on a connection the caller opened: the crash test child watches every statement
    /// of it. Visible inside this package only, so no client of the library sees SQLite.
    package init(database: Database) {
        self.database = database
        subscriptionSeed = [:]
        connections = nil
    }

    /// A store on a restored copy of a database, whose engines start with the subscriptions the
    /// checkpointed engine had loaded (see `SubscriptionCache`); its connection goes back to
    /// `connections` when the store is released.
    init(restoring database: Database, subscriptionSeed: [String: SubscriptionCache.Entry],
         connections: CheckpointConnections? = nil) {
        self.database = database
        self.subscriptionSeed = subscriptionSeed
        self.connections = connections
    }

    deinit {
        // Every engine on the store holds it, so none is left to use the connection.
        connections?.giveBack(database, crashed: crashPlan.withLock { $0.hasCrashed })
    }

    /// Entries in the step log of every process (each attempt of a step is its own entry): what
    /// `armCrash(atStepLogWrite:)` counts.
    public func stepLogCount() throws -> Int {
        try storage { try database.queryOne("SELECT count(*) FROM process_steps") { $0.int(0) } ?? 0 }
    }
}
