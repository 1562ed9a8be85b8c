/// How much of the object change log NetBox keeps. The log is written on every successful call,
/// so without a bound it grows for as long as the lab runs; past either limit the oldest entries
/// are dropped, in memory and in the SQLite file alike.
public enum ChangeLogLimits {
    /// Entries kept.
    public static let entries = 10_000
    /// Estimated bytes kept (the text in the before/after snapshots plus a fixed overhead per
    /// entry). The newest entry is always kept, however big.
    public static let bytes = 16 * 1024 * 1024
}

/// The newest change-log entries within `ChangeLogLimits`. Ids keep counting across dropped
/// entries: `lastID` is the number of changes ever logged, and a reader that sees the first id
/// above 1 knows older entries were dropped.
struct ChangeLog {
    /// Kept entries are `storage[head...]`; dropped ones are cut off in batches, so dropping one
    /// entry per call does not move the whole array each time.
    private var storage: [ObjectChange] = []
    private var head = 0
    private(set) var bytes = 0
    private(set) var lastID = 0

    /// A log holding `restored` (oldest first), trimmed to the limits.
    init(restored: [ObjectChange] = [], lastID: Int = 0) {
        self.lastID = max(lastID, restored.last?.id ?? 0)
        append(contentsOf: restored)
    }

    var entries: ArraySlice<ObjectChange> { storage[head...] }
    var count: Int { storage.count - head }
    var firstID: Int? { storage.count > head ? storage[head].id : nil }

    mutating func append(contentsOf changes: [ObjectChange]) {
        for change in changes {
            storage.append(change)
            bytes += change.estimatedBytes
            lastID = max(lastID, change.id)
        }
        while count > 1, count > ChangeLogLimits.entries || bytes > ChangeLogLimits.bytes {
            bytes -= storage[head].estimatedBytes
            head += 1
        }
        if head > 1024, head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}

extension ObjectChange {
    /// A rough upper estimate of what the entry holds in memory: its strings plus overhead.
    var estimatedBytes: Int {
        128 + actor.utf8.count + (beforeSnapshot?.estimatedBytes ?? 0) + (afterSnapshot?.estimatedBytes ?? 0)
    }
}

extension ObjectSnapshot {
    var estimatedBytes: Int {
        let text: [String]
        var extra = 0
        switch self {
        case .site(let o): text = [o.name, o.slug, o.description]
        case .manufacturer(let o): text = [o.name, o.slug]
        case .deviceType(let o): text = [o.model, o.slug]
        case .deviceRole(let o): text = [o.name, o.slug, o.color]
        case .device(let o): text = [o.name, o.description]
        case .interface(let o): text = [o.name, o.type, o.description, o.cableEnd ?? ""]
        case .cable(let o):
            text = [o.label, o.description]
            extra = 8 * (o.aTerminations.count + o.bTerminations.count)
        case .prefix(let o): text = [o.description]
        case .ipAddress(let o): text = [o.description, o.dnsName]
        }
        return 160 + extra + text.reduce(0) { $0 + $1.utf8.count }
    }
}
