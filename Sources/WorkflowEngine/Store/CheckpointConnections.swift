import SQLite
import Synchronization

/// Connections that engines restored from checkpoints give back when their store goes, for the
/// next restore to reuse: `Engine(restoring:clock:ids:connections:)` then loads the checkpoint
/// into a connection that has the engine's statements prepared already, instead of opening one,
/// parsing the schema and preparing every statement again (most of a restore's cost, paid by
/// each of a chaos run's many short replays).
///
/// A connection comes back when the store it was given to is released (every engine on it and
/// its crash hooks gone), unless it is left in a state a fresh copy would not be in (a crash
/// fired and not lifted, a transaction open). Shared by any number of threads.
public final class CheckpointConnections: Sendable {
    private let spare = Mutex<[Database]>([])
    private let limit: Int

    /// Keeps at most `limit` idle connections (one per thread restoring at a time is enough).
    public init(keeping limit: Int = 16) {
        self.limit = limit
    }

    /// Idle connections kept right now.
    public var spareCount: Int { spare.withLock { $0.count } }

    /// An idle connection holding `image`, its statements still prepared, or a new one.
    func restore(_ image: DatabaseImage) throws -> Database {
        if let database = spare.withLock({ $0.popLast() }) {
            try storage { try database.deserialize(image, keepingStatements: true) }
            return database
        }
        let database = try storage { try Database(path: ":memory:") }
        try storage { try database.deserialize(image) }
        return database
    }

    /// Takes back the connection of a released store.
    func giveBack(_ database: Database, crashed: Bool) {
        guard !crashed, !database.isInTransaction else { return }
        database.statementObserver = nil
        spare.withLock { if $0.count < limit { $0.append(database) } }
    }
}
