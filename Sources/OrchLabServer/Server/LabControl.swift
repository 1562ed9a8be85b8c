import Foundation
import RouterSim
import SQLite
import Synchronization
import WorkflowEngine

/// The lab API's changes to the fleet (pastes, injected faults), journaled in its own tables
/// (`orchlab_lab_*`) through its own connection: the server's database file, or memory.
///
/// The fleet keeps its configs in memory and is deterministic, so the server persists its
/// inputs, not its state: every change is written to `orchlab_lab_journal` in the order it was
/// applied, and a restart replays the journal into a fresh fleet, which rebuilds the same
/// running and startup configs, history and faults.
final class LabControl: Sendable {
    let fleet: Fleet
    private let database: Database
    /// Applying a change and journaling it happen together, so the journal order is the fleet's;
    /// the lock also guards the journal's size.
    private let order: Mutex<JournalSize>

    /// The most entries and bytes the journal keeps (`ServerLimits`; tests pass smaller ones).
    let journalLimits: (entries: Int, bytes: Int)

    init(fleet: Fleet, database: Database,
         journalLimits: (entries: Int, bytes: Int) = (ServerLimits.maxJournalEntries, ServerLimits.maxJournalBytes)) throws {
        self.fleet = fleet
        self.database = database
        self.journalLimits = journalLimits
        try database.execute("""
            CREATE TABLE IF NOT EXISTS orchlab_lab_journal (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, device TEXT NOT NULL,
                actor TEXT NOT NULL, body TEXT NOT NULL)
            """)
        try database.execute("""
            CREATE TABLE IF NOT EXISTS orchlab_lab_faults (
                id INTEGER PRIMARY KEY AUTOINCREMENT, spec TEXT NOT NULL, active INTEGER NOT NULL)
            """)
        order = Mutex(try database.queryOne("SELECT count(*), coalesce(sum(length(body)), 0) FROM orchlab_lab_journal") { row in
            JournalSize(entries: row.int(0), bytes: row.int(1))
        } ?? JournalSize(entries: 0, bytes: 0))
        try replay()
    }

    /// Pastes a session into a device; refused sessions are journaled too (they are history).
    func paste(_ text: String, to device: String, actor: String) throws -> PasteResult {
        try order.withLock { size in
            _ = try fleet.faults(device)
            // An oversize paste is refused before it is journaled, so it never grows the journal
            // a restart replays.
            try Fleet.checkPaste(text, device: device)
            try journal("paste", device: device, actor: actor, body: text, size: &size)
            return try fleet.apply(paste: text, to: device, actor: actor)
        }
    }

    /// Active faults, oldest first.
    func faults() throws -> [LabFault] {
        try database.query("SELECT id, spec FROM orchlab_lab_faults WHERE active = 1 ORDER BY id") { row in
            LabFault(id: row.int(0), kind: try LabFault.Kind(json: JSON.parse(row.string(1))))
        }
    }

    func add(_ kind: LabFault.Kind, actor: String) throws -> LabFault {
        try order.withLock { size in
            try requireRoom(size, bytes: 0)
            let active = try database.queryOne("SELECT count(*) FROM orchlab_lab_faults WHERE active = 1") { $0.int(0) } ?? 0
            guard active < ServerLimits.maxActiveFaults else {
                throw LabRequestError("at most \(ServerLimits.maxActiveFaults) faults may be active at once; DELETE /lab/faults/{id} some first")
            }
            switch kind {
            case .device(let name, _): _ = try fleet.faults(name)
            case .linkDown(let port):
                guard fleet.spec.links.contains(where: { $0.a == port || $0.b == port }) else { throw RouterError.noLink(at: port) }
            }
            let id = try database.transaction { () throws -> Int in
                _ = try database.run("INSERT INTO orchlab_lab_faults (spec, active) VALUES (?, 1)", [.text(kind.json.serialized())])
                return Int(database.lastInsertRowID)
            }
            try apply(LabFault(id: id, kind: kind), actor: actor, size: &size)
            return LabFault(id: id, kind: kind)
        }
    }

    /// Clears a fault; false when there is no active fault with that id.
    func remove(id: Int, actor: String) throws -> Bool {
        try order.withLock { size in
            try requireRoom(size, bytes: 0)
            guard let fault = try faults().first(where: { $0.id == id }) else { return false }
            _ = try database.run("UPDATE orchlab_lab_faults SET active = 0 WHERE id = ?", [.integer(Int64(id))])
            try apply(fault, actor: actor, size: &size)
            return true
        }
    }

    /// Brings the fleet in line with the active faults touching `fault`'s device or link.
    private func apply(_ fault: LabFault, actor: String, size: inout JournalSize) throws {
        let active = try faults()
        switch fault.kind {
        case .device(let name, _):
            let combined = active.reduce(DeviceFaults.none) { sum, other in
                if case .device(name, let faults) = other.kind { return sum.combined(with: faults) }
                return sum
            }
            try journal("faults", device: name, actor: actor, body: LabFault.Kind.device(name, combined).json.serialized(), size: &size)
            try fleet.setFaults(combined, on: name, actor: actor)
        case .linkDown(let port):
            let down = active.contains { $0.kind == .linkDown(port) }
            try journal("link", device: port.device, actor: actor, body: "\(down ? "down" : "up")\t\(port.port)", size: &size)
            try fleet.setLink(at: port, up: !down, actor: actor)
        }
    }

    private func journal(_ kind: String, device: String, actor: String, body: String, size: inout JournalSize) throws {
        let bytes = body.utf8.count
        try requireRoom(size, bytes: bytes)
        size = JournalSize(entries: size.entries + 1, bytes: size.bytes + bytes)
        _ = try database.run("INSERT INTO orchlab_lab_journal (kind, device, actor, body) VALUES (?, ?, ?, ?)",
                             [.text(kind), .text(device), .text(actor), .text(body)])
    }

    /// Refuses a change the journal has no room for, before anything is applied.
    private func requireRoom(_ size: JournalSize, bytes: Int) throws {
        guard size.entries < journalLimits.entries, size.bytes + bytes <= journalLimits.bytes else {
            throw LabJournalFull(entries: size.entries, bytes: size.bytes, limits: journalLimits)
        }
    }

    private func replay() throws {
        let entries = try database.query("SELECT kind, device, actor, body FROM orchlab_lab_journal ORDER BY seq") { row in
            (kind: row.string(0), device: row.string(1), actor: row.string(2), body: row.string(3))
        }
        for entry in entries {
            switch entry.kind {
            case "paste":
                _ = try? fleet.apply(paste: entry.body, to: entry.device, actor: entry.actor)
            case "faults":
                // A pattern journaled by an older OrchLab that this one refuses is skipped, not fatal.
                if case .device(_, let faults) = try LabFault.Kind(json: JSON.parse(entry.body)) {
                    try? fleet.setFaults(faults, on: entry.device, actor: entry.actor)
                }
            default:
                let parts = entry.body.split(separator: "\t", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                try fleet.setLink(at: PortRef(device: entry.device, port: parts[1]), up: parts[0] == "up", actor: entry.actor)
            }
        }
    }
}

struct JournalSize {
    let entries: Int
    let bytes: Int
}

/// The lab journal reached `ServerLimits.maxJournalEntries` or `maxJournalBytes`.
struct LabJournalFull: Error, CustomStringConvertible {
    let entries: Int
    let bytes: Int
    let limits: (entries: Int, bytes: Int)

    var description: String {
        "the lab journal holds \(entries) changes (\(bytes) bytes); at most \(limits.entries) changes and \(limits.bytes) bytes "
            + "are kept, so every restart replays in bounded time: start a fresh --db to go on"
    }
}
