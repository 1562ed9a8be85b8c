import SQLite
import Synchronization

/// The rows each recently saved or loaded subscription owns, by the version they belong to.
/// Every step that touches a model loads it and saves it back, and each of those read the same
/// three tables again; a hit here needs only the `subscriptions` row the caller reads anyway.
///
/// An entry is used only while the stored version equals its version (every write of a
/// subscription's rows bumps the version in the same transaction) and no transaction has rolled
/// back since it was made (a rolled-back save may have left an entry for a version that was
/// never committed).
final class StoredRowsCache: Sendable {
    private struct Entry {
        let version: Int
        let rollbackCount: Int
        let rows: StoredRows
    }

    /// Enough for the subscriptions a run of workflows works on; cleared when full.
    static let capacity = 4_096

    private let database: Database
    private let entries = Mutex<[String: Entry]>([:])

    init(database: Database) {
        self.database = database
    }

    /// The rows of `subscriptionID` at `version`, from the cache or else from the store.
    func rows(of subscriptionID: String, at version: Int) throws -> StoredRows {
        let rollbacks = database.rollbackCount
        if let entry = entries.withLock({ $0[subscriptionID] }), entry.version == version, entry.rollbackCount == rollbacks {
            return entry.rows
        }
        let rows = try StoredRows(of: subscriptionID, in: database)
        remember(rows, of: subscriptionID, at: version, rollbackCount: rollbacks)
        return rows
    }

    /// Records the rows a save just wrote (inside its transaction: a rollback voids the entry).
    func saved(_ tree: StorageTree, at version: Int) {
        remember(StoredRows(tree), of: tree.subscriptionID, at: version, rollbackCount: database.rollbackCount)
    }

    func forget(_ subscriptionID: String) {
        _ = entries.withLock { $0.removeValue(forKey: subscriptionID) }
    }

    private func remember(_ rows: StoredRows, of subscriptionID: String, at version: Int, rollbackCount: Int) {
        entries.withLock { entries in
            if entries.count >= StoredRowsCache.capacity && entries[subscriptionID] == nil { entries.removeAll(keepingCapacity: true) }
            entries[subscriptionID] = Entry(version: version, rollbackCount: rollbackCount, rows: rows)
        }
    }
}
