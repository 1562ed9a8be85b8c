import Foundation
import SQLite

/// The simulated NetBox: DCIM and IPAM objects with NetBox 4.7's REST semantics, an object change
/// log, and optional persistence in SQLite.
///
/// The in-memory store is the source of truth; in SQLite mode every successful call writes its
/// changes through to the `netbox_*` tables on NetBox's own connection and commits before it
/// returns, so a workflow step that fails later cannot roll a NetBox write back (as with a real
/// external system). One lock serialises every call, which makes allocations atomic.
public final class NetBox: @unchecked Sendable {
    /// Recursive so that the calls inside a `batch` can take it again.
    private let lock = NSRecursiveLock()
    /// Set while a `batch` runs: calls inside it join the batch instead of committing alone.
    private var batchTime: Date?
    let store: NetBoxStore
    private var changeLog = ChangeLog()
    private let clock: @Sendable () -> Date
    private let persistence: SQLitePersistence?

    /// An in-memory NetBox. `clock` stamps `created`/`last_updated` and change-log entries.
    public init(clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
        self.persistence = nil
        store = NetBoxStore()
    }

    /// An in-memory NetBox holding what `checkpoint` held, independent of it and of every
    /// other NetBox restored from it.
    public init(restoring checkpoint: NetBoxCheckpoint, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
        self.persistence = nil
        store = checkpoint.store.copy()
        changeLog = checkpoint.changeLog
    }

    /// A NetBox kept in the SQLite file at `path` (typically the engine's database file), on a
    /// connection of its own. Reopening the file restores objects, id sequences and change log.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.clock = clock
        store = NetBoxStore()
        let persistence = try SQLitePersistence(database: Database(path: path))
        self.persistence = persistence
        let (restored, lastID) = try persistence.restore(into: store)
        changeLog = ChangeLog(restored: restored, lastID: lastID)
    }

    /// Runs one API call under the lock. On success its changes are logged (with `actor`) and
    /// written through; on failure every change it made is undone, so calls are all-or-nothing.
    func perform<T>(actor: String, _ body: (NetBoxStore, Date) throws(NetBoxError) -> T) throws(NetBoxError) -> T {
        lock.lock(); defer { lock.unlock() }
        if let batchTime { return try body(store, batchTime) }
        store.pending.removeAll(keepingCapacity: true)
        let now = clock()
        let value: T
        do {
            value = try body(store, now)
        } catch {
            store.undoPending()
            // Ids handed out by the failed call stay used, on disk too, as in NetBox.
            try? persistence?.saveSequences(store.sequences)
            throw error
        }
        let entries = store.pending.enumerated().map { offset, change in
            ObjectChange(
                id: changeLog.lastID + offset + 1, time: now, actor: actor, action: change.action,
                objectType: change.type, objectID: change.id,
                beforeSnapshot: change.before, afterSnapshot: change.after)
        }
        store.pending.removeAll(keepingCapacity: true)
        if let persistence {
            do {
                try persistence.write(entries, sequences: store.sequences, keepingChangesAfter: changeLog.lastID + entries.count - ChangeLogLimits.entries)
            } catch {
                store.undo(entries.map { ($0.objectType, $0.objectID, $0.beforeSnapshot) })
                throw .serverError("\(error)", exception: "OperationalError")
            }
        }
        changeLog.append(contentsOf: entries)
        return value
    }

    /// Runs several API calls as one, as NetBox runs a bulk PATCH/PUT/DELETE in one database
    /// transaction: if `body` throws, every change any call inside it made is undone; otherwise
    /// their changes are logged and written through together. A call whose error `body` catches
    /// and does not rethrow keeps whatever it changed before failing, so bulk callers rethrow.
    public func batch<T>(actor: String, _ body: () throws(NetBoxError) -> T) throws(NetBoxError) -> T {
        try perform(actor: actor) { _, now throws(NetBoxError) in
            let outer = batchTime
            batchTime = now
            defer { batchTime = outer }
            return try body()
        }
    }

    /// Direct access to the store under the lock (queries and seed loading).
    func locked<T, E: Error>(_ body: (NetBoxStore) throws(E) -> T) throws(E) -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(store)
    }

    /// Read-only access for serializers and reports; the reader is valid only inside `body`.
    public func withReader<T>(_ body: (NetBoxReader) throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(NetBoxReader(store: store))
    }

    /// Objects, id sequences and change log as they are now, for `init(restoring:)`. Only an
    /// in-memory NetBox can be checkpointed: a persistent one's file would not follow.
    public func checkpoint() throws(NetBoxError) -> NetBoxCheckpoint {
        lock.lock(); defer { lock.unlock() }
        guard persistence == nil, batchTime == nil else {
            throw .serverError("only an idle in-memory NetBox can be checkpointed", exception: "RuntimeError")
        }
        return NetBoxCheckpoint(store: store.copy(), changeLog: changeLog)
    }

    /// Kept change-log entries matching `query`, oldest first (the oldest are dropped past
    /// `ChangeLogLimits`).
    public func changes(_ query: ChangeLogQuery = ChangeLogQuery()) -> [ObjectChange] {
        lock.lock(); defer { lock.unlock() }
        return changeLog.entries.filter(query.matches)
    }

    /// How many changes were ever logged (the newest entry's id). It keeps counting when old
    /// entries are dropped, so it serves as a version number of NetBox's contents.
    public var changeCount: Int {
        lock.lock(); defer { lock.unlock() }
        return changeLog.lastID
    }

    /// Loads a lab, all or nothing: any problem throws a `NetBoxSeedError` naming the object and
    /// leaves NetBox unchanged. The loaded objects are the lab's initial state, so they are not
    /// written to the change log. Fixed ids are kept; sequences continue after the largest id.
    public func load(_ seed: NetBoxSeed) throws {
        lock.lock(); defer { lock.unlock() }
        var loader = SeedLoader(store: store, now: clock())
        try loader.build(seed)
        loader.commit()
        try persistence?.writeAll(store)
    }
}

/// NetBox's contents at one moment (see `NetBox.checkpoint()`). Immutable: restoring copies it.
public struct NetBoxCheckpoint: @unchecked Sendable {
    // The store is a class only so NetBox can mutate it in place; this copy is never mutated.
    fileprivate let store: NetBoxStore
    fileprivate let changeLog: ChangeLog
}
