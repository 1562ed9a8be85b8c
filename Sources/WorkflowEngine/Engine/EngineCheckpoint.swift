import SQLite

/// An in-memory engine's whole database at one moment, to open copies of later: chaos testing
/// replays a fault from the step before it instead of from the start. Taken between engine
/// calls (never while a step is committing); each restore gets its own independent copy.
public struct EngineCheckpoint: Sendable {
    let image: DatabaseImage
    /// The subscriptions the engine had loaded, so a restored engine need not read them again.
    let subscriptions: [String: SubscriptionCache.Entry]

    /// The size of the copied database, in bytes.
    public var byteCount: Int { image.byteCount }
}

extension Engine {
    /// Copies the engine's database. Throws `EngineError.storage` for a file database (copy the
    /// file instead) or while a step is committing.
    public func checkpoint() throws -> EngineCheckpoint {
        guard database.isInMemory else { throw EngineError.storage("only an in-memory engine can be checkpointed", code: "misuse") }
        return try storage {
            EngineCheckpoint(image: try database.serialize(), subscriptions: core.subscriptions.cache.committedEntries())
        }
    }

    /// A new engine on a fresh in-memory copy of `checkpoint`. Interrupted processes stay as they
    /// were: call `recoverInterrupted()` as after a crash.
    ///
    /// Given `connections`, the copy goes into an idle connection kept there, if any, and the
    /// connection goes back there once the engine's store is released (see
    /// `CheckpointConnections`): what many short-lived restores, as chaos replays, should use.
    public convenience init(restoring checkpoint: EngineCheckpoint, clock: any EngineClock, ids: IDGenerator,
                            connections: CheckpointConnections? = nil) throws {
        let database: Database
        if let connections {
            database = try connections.restore(checkpoint.image)
        } else {
            database = try storage { try Database(path: ":memory:") }
            try storage { try database.deserialize(checkpoint.image) }
        }
        let store = EngineStore(restoring: database, subscriptionSeed: checkpoint.subscriptions, connections: connections)
        try self.init(store: store, clock: clock, ids: ids)
    }
}
