import SQLite
import Synchronization

/// What the store last read or wrote of each recent subscription, by the version it belongs to:
/// the rows it owns, its dump's blocks (with the versions of the other subscriptions they show)
/// and its blocks' type information. Every step that touches a model loads it and saves it back,
/// and each of those read the same tables again; a hit here needs only the `subscriptions` row
/// the caller reads anyway.
///
/// An entry is used only while the stored version equals its version (every write of a
/// subscription's rows bumps the version in the same transaction) and no transaction has rolled
/// back since it was made (a rolled-back save may have left an entry for a version that was
/// never committed).
///
/// A store restored from a checkpoint starts with the entries the checkpointed engine had as its
/// `seed`: those were committed, so one is right whenever the stored version still equals its
/// version, rollbacks or not (a later commit of the subscription bumps the version past it).
final class SubscriptionCache: Sendable {
    struct Entry: Sendable {
        let version: Int
        let rollbackCount: Int
        let rows: StoredRows
        /// The type information of the blocks, once a typed save told it (lifecycle checks need
        /// it, and a save that only changes common fields carries it over).
        var blocks: [String: BlockInfo]?
        /// The blocks part of the dump once loaded (also carried over by such a save).
        var dumpBlocks: DumpBlocks?
    }

    /// Enough for the subscriptions a run of workflows works on; cleared when full.
    static let capacity = 4_096

    private let database: Database
    private let entries = Mutex<[String: Entry]>([:])
    private let seed: [String: Entry]

    init(database: Database, seed: [String: Entry] = [:]) {
        self.database = database
        self.seed = seed
    }

    /// The entries a copy of the database can start with (see `seed`): the seed's and those made
    /// since the last rollback. Taken with no transaction open.
    func committedEntries() -> [String: Entry] {
        let rollbacks = database.rollbackCount
        return entries.withLock { entries in seed.merging(entries.filter { $0.value.rollbackCount == rollbacks }) { $1 } }
    }

    /// The rows of `subscriptionID` at `version`, from the cache or else from the store.
    func rows(of subscriptionID: String, at version: Int) throws -> StoredRows {
        if let entry = entry(of: subscriptionID, at: version) { return entry.rows }
        let rollbacks = database.rollbackCount
        let rows = try StoredRows(of: subscriptionID, in: database)
        entries.withLock { Self.store(Entry(version: version, rollbackCount: rollbacks, rows: rows), for: subscriptionID, in: &$0) }
        return rows
    }

    /// Records the rows a save just wrote (inside its transaction: a rollback voids the entry).
    func saved(_ subscription: EncodedSubscription) {
        let id = subscription.info.subscriptionID
        let rollbacks = database.rollbackCount
        entries.withLock { entries in
            var blocks: [String: BlockInfo]? = subscription.blocks.isEmpty ? nil : subscription.blocks
            var dumpBlocks: DumpBlocks?
            if let previous = entries[id], previous.version == subscription.expectedVersion, previous.rollbackCount == rollbacks {
                // Blocks saved as stored: the same types and dump as the version they replace.
                if blocks == nil { blocks = previous.blocks }
                if subscription.blocksAsStored { dumpBlocks = previous.dumpBlocks }
            }
            Self.store(Entry(version: subscription.info.version, rollbackCount: rollbacks, rows: StoredRows(subscription.tree),
                        blocks: blocks, dumpBlocks: dumpBlocks), for: id, in: &entries)
        }
    }

    /// The block type information recorded for `version`, if a save left it.
    func blocks(of subscriptionID: String, at version: Int) -> [String: BlockInfo]? {
        entry(of: subscriptionID, at: version)?.blocks
    }

    /// The dump's blocks cached for `version`; the caller checks the other subscriptions' versions.
    func dumpBlocks(of subscriptionID: String, at version: Int) -> DumpBlocks? {
        entry(of: subscriptionID, at: version)?.dumpBlocks
    }

    /// Adds the dump's blocks to the entry for `version` (made by `rows(of:at:)` just before).
    func remember(dumpBlocks: DumpBlocks, of subscriptionID: String, at version: Int) {
        entries.withLock { entries in
            guard entries[subscriptionID]?.version == version else { return }
            entries[subscriptionID]?.dumpBlocks = dumpBlocks
        }
    }

    func forget(_ subscriptionID: String) {
        _ = entries.withLock { $0.removeValue(forKey: subscriptionID) }
    }

    /// The entry for `version`, if no rollback has happened since it was made, else the seed's.
    private func entry(of subscriptionID: String, at version: Int) -> Entry? {
        let rollbacks = database.rollbackCount
        if let entry = entries.withLock({ $0[subscriptionID] }), entry.version == version, entry.rollbackCount == rollbacks {
            return entry
        }
        guard let seeded = seed[subscriptionID], seeded.version == version else { return nil }
        return seeded
    }

    private static func store(_ entry: Entry, for subscriptionID: String, in entries: inout [String: Entry]) {
        if entries.count >= SubscriptionCache.capacity && entries[subscriptionID] == nil { entries.removeAll(keepingCapacity: true) }
        entries[subscriptionID] = entry
    }
}

/// The blocks part of a subscription's dump, and the versions of the other subscriptions whose
/// blocks it includes.
struct DumpBlocks: Sendable {
    let object: [String: JSON]
    let foreign: [String: Int]
}
