import Foundation
import SQLite

/// Write-through copy of the NetBox store in `netbox_*` tables: one table per object type (id +
/// the object's JSON), the id sequences, and the change log. Each NetBox call's changes are
/// committed in one transaction on NetBox's own connection before the call returns.
final class SQLitePersistence {
    private let database: Database
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    init(database: Database) throws {
        self.database = database
        for type in ObjectType.allCases {
            try database.execute("CREATE TABLE IF NOT EXISTS \(type.table) (id INTEGER PRIMARY KEY, data TEXT NOT NULL)")
        }
        try database.execute("""
            CREATE TABLE IF NOT EXISTS netbox_sequences (object_type TEXT PRIMARY KEY, last_id INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS netbox_changes (
                id INTEGER PRIMARY KEY, time REAL NOT NULL /* seconds since 2001-01-01, exact for Date */, actor TEXT NOT NULL, action TEXT NOT NULL,
                object_type TEXT NOT NULL, object_id INTEGER NOT NULL, before TEXT, after TEXT);
            CREATE INDEX IF NOT EXISTS netbox_changes_object ON netbox_changes (object_type, object_id);
            """)
    }

    /// Writes one call's changes and drops change-log rows with ids up to `keepingChangesAfter`,
    /// so the file's log stays as bounded as the one in memory.
    func write(_ changes: [ObjectChange], sequences: [ObjectType: Int], keepingChangesAfter oldestDropped: Int) throws {
        try database.transaction {
            if oldestDropped > 0 { try database.run("DELETE FROM netbox_changes WHERE id <= ?", [.int(oldestDropped)]) }
            for change in changes {
                if let after = change.afterSnapshot { try upsert(after.object) } else {
                    try database.run("DELETE FROM \(change.objectType.table) WHERE id = ?", [.int(change.objectID)])
                }
                try database.run(
                    "INSERT INTO netbox_changes (id, time, actor, action, object_type, object_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [.int(change.id), .real(change.time.timeIntervalSinceReferenceDate), .text(change.actor),
                     .text(change.action.rawValue), .text(change.objectType.rawValue), .int(change.objectID),
                     .optional(try change.beforeSnapshot.map { try text($0.object) }),
                     .optional(try change.afterSnapshot.map { try text($0.object) })])
            }
            try writeSequences(sequences)
        }
    }

    /// Replaces the stored objects with the whole store (after a seed load).
    func writeAll(_ store: NetBoxStore) throws {
        try database.transaction {
            for type in ObjectType.allCases { try database.run("DELETE FROM \(type.table)") }
            for object in store.allObjects { try upsert(object) }
            try writeSequences(store.sequences)
        }
    }

    func saveSequences(_ sequences: [ObjectType: Int]) throws {
        try database.transaction { try writeSequences(sequences) }
    }

    private func writeSequences(_ sequences: [ObjectType: Int]) throws {
        for (type, lastID) in sequences {
            try database.run(
                "INSERT INTO netbox_sequences (object_type, last_id) VALUES (?, ?) ON CONFLICT (object_type) DO UPDATE SET last_id = excluded.last_id",
                [.text(type.rawValue), .int(lastID)])
        }
    }

    private func upsert(_ object: any NetBoxObject) throws {
        try database.run(
            "INSERT INTO \(type(of: object).objectType.table) (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            [.int(object.id), .text(try text(object))])
    }

    private func text(_ object: any NetBoxObject) throws -> String {
        String(decoding: try encoder.encode(object), as: UTF8.self)
    }

    private func snapshot(_ type: ObjectType, _ text: String) throws -> ObjectSnapshot {
        let data = Data(text.utf8)
        switch type {
        case .site: return .site(try decoder.decode(Site.self, from: data))
        case .manufacturer: return .manufacturer(try decoder.decode(Manufacturer.self, from: data))
        case .deviceType: return .deviceType(try decoder.decode(DeviceType.self, from: data))
        case .deviceRole: return .deviceRole(try decoder.decode(DeviceRole.self, from: data))
        case .device: return .device(try decoder.decode(Device.self, from: data))
        case .interface: return .interface(try decoder.decode(Interface.self, from: data))
        case .cable: return .cable(try decoder.decode(Cable.self, from: data))
        case .prefix: return .prefix(try decoder.decode(Prefix.self, from: data))
        case .ipAddress: return .ipAddress(try decoder.decode(IPAddress.self, from: data))
        }
    }

    /// Loads everything stored into `store` and returns the newest `ChangeLogLimits.entries`
    /// change-log entries (oldest first) and the largest change id ever stored.
    func restore(into store: NetBoxStore) throws -> (changes: [ObjectChange], lastID: Int) {
        for type in ObjectType.allCases {
            let texts = try database.query("SELECT data FROM \(type.table) ORDER BY id") { $0.string(0) }
            for text in texts {
                let snapshot = try snapshot(type, text)
                if case .interface(let interface) = snapshot {
                    store.putInterface(interface, keepSorted: false)
                } else {
                    store.put(snapshot)
                }
            }
        }
        for deviceID in store.interfacesByDevice.keys { store.sortInterfaces(ofDevice: deviceID) }
        let sequences = try database.query("SELECT object_type, last_id FROM netbox_sequences") { ($0.string(0), $0.int(1)) }
        for (name, lastID) in sequences {
            if let type = ObjectType(rawValue: name) { store.restoreSequence(type, lastID) }
        }
        let newestID = try database.query("SELECT COALESCE(MAX(id), 0) FROM netbox_changes") { $0.int(0) }.first ?? 0
        let newestFirst = try database.query(
            "SELECT id, time, actor, action, object_type, object_id, before, after FROM netbox_changes ORDER BY id DESC LIMIT ?",
            [.int(ChangeLogLimits.entries)]
        ) { row in
            guard let action = ObjectChange.Action(rawValue: row.string(3)),
                  let type = ObjectType(rawValue: row.string(4))
            else { throw SQLitePersistenceError.corruptChange(id: row.int(0)) }
            return ObjectChange(
                id: row.int(0), time: Date(timeIntervalSinceReferenceDate: row.double(1)), actor: row.string(2), action: action,
                objectType: type, objectID: row.int(5),
                beforeSnapshot: try row.optionalString(6).map { try snapshot(type, $0) },
                afterSnapshot: try row.optionalString(7).map { try snapshot(type, $0) })
        }
        return (newestFirst.reversed(), newestID)
    }
}

enum SQLitePersistenceError: Error, CustomStringConvertible {
    case corruptChange(id: Int)

    var description: String {
        switch self {
        case .corruptChange(let id): return "netbox_changes row \(id) has an unknown action or object type"
        }
    }
}

extension NetBoxStore {
    var allObjects: [any NetBoxObject] {
        var objects: [any NetBoxObject] = []
        objects += sites.values.map { $0 as any NetBoxObject }
        objects += manufacturers.values.map { $0 as any NetBoxObject }
        objects += deviceTypes.values.map { $0 as any NetBoxObject }
        objects += deviceRoles.values.map { $0 as any NetBoxObject }
        objects += devices.values.map { $0 as any NetBoxObject }
        objects += interfaces.values.map { $0 as any NetBoxObject }
        objects += cables.values.map { $0 as any NetBoxObject }
        objects += prefixes.values.map { $0 as any NetBoxObject }
        objects += ipAddresses.values.map { $0 as any NetBoxObject }
        return objects
    }

    func restoreSequence(_ type: ObjectType, _ lastID: Int) {
        switch type {
        case .site: sites.restoreSequence(lastID)
        case .manufacturer: manufacturers.restoreSequence(lastID)
        case .deviceType: deviceTypes.restoreSequence(lastID)
        case .deviceRole: deviceRoles.restoreSequence(lastID)
        case .device: devices.restoreSequence(lastID)
        case .interface: interfaces.restoreSequence(lastID)
        case .cable: cables.restoreSequence(lastID)
        case .prefix: prefixes.restoreSequence(lastID)
        case .ipAddress: ipAddresses.restoreSequence(lastID)
        }
    }
}
