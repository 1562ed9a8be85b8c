/// The fleet's history, bounded: each router keeps its newest `RouterLimits.historyEntriesPerRouter`
/// entries within `RouterLimits.historyBytesPerRouter` estimated bytes, and fleet-wide events
/// (link changes) their newest `RouterLimits.fleetHistoryEntries`. Sequence numbers keep counting
/// across dropped entries, so a gap shows that older history was dropped.
///
/// Nothing else reads old entries: `show` answers from the running and startup configs, and
/// every paste's diff is in its own entry, so dropping an entry loses only that record.
struct HistoryLog {
    private struct Lane {
        var entries: [HistoryEntry] = []
        var bytes = 0

        mutating func append(_ entry: HistoryEntry, entryLimit: Int, byteLimit: Int) {
            entries.append(entry)
            bytes += entry.estimatedBytes
            var drop = 0
            while entries.count - drop > 1, entries.count - drop > entryLimit || bytes > byteLimit {
                bytes -= entries[drop].estimatedBytes
                drop += 1
            }
            entries.removeFirst(drop)
        }
    }

    private var devices: [String: Lane] = [:]
    private var fleetWide = Lane()
    private(set) var lastSequence = 0

    mutating func append(device: String?, time: Duration, actor: String, _ event: HistoryEvent) -> Int {
        lastSequence += 1
        let entry = HistoryEntry(sequence: lastSequence, time: time, device: device, actor: actor, event: event)
        if let device {
            devices[device, default: Lane()].append(entry, entryLimit: RouterLimits.historyEntriesPerRouter,
                                                    byteLimit: RouterLimits.historyBytesPerRouter)
        } else {
            fleetWide.append(entry, entryLimit: RouterLimits.fleetHistoryEntries, byteLimit: RouterLimits.historyBytesPerRouter)
        }
        return lastSequence
    }

    /// The kept entries, oldest first; only `device`'s when given.
    func entries(device: String?) -> [HistoryEntry] {
        if let device { return devices[device]?.entries ?? [] }
        return (devices.values.flatMap(\.entries) + fleetWide.entries).sorted { $0.sequence < $1.sequence }
    }

    /// Estimated bytes kept for `device` (fleet-wide events when nil).
    func bytes(device: String?) -> Int {
        guard let device else { return fleetWide.bytes }
        return devices[device]?.bytes ?? 0
    }
}

extension HistoryEntry {
    /// What the entry costs in memory, roughly: its text plus a fixed overhead per value. Only
    /// used to bound the log, so it errs on the high side.
    var estimatedBytes: Int {
        let overhead = 64
        let base = overhead + actor.utf8.count + (device?.utf8.count ?? 0)
        switch event {
        case .paste(let lines, let results, let diff, _):
            return base + diff.utf8.count + lines.reduce(0) { $0 + $1.utf8.count + 16 }
                + results.reduce(0) { $0 + $1.estimatedBytes }
        case .refused(let lines, let error):
            return base + error.description.utf8.count + lines.reduce(0) { $0 + $1.utf8.count + 16 }
        case .reloaded(let diff):
            return base + diff.utf8.count
        case .faultChanged(let device, let faults):
            return base + device.utf8.count + faults.rejectedLinePatterns.reduce(0) { $0 + $1.utf8.count + 16 }
        case .linkChanged(let link, _):
            return base + [link.a.device, link.a.port, link.b.device, link.b.port].reduce(0) { $0 + $1.utf8.count }
        }
    }
}

extension LineResult {
    var estimatedBytes: Int {
        var bytes = 64 + text.utf8.count
        switch outcome {
        case .applied(let note): bytes += note?.utf8.count ?? 0
        case .rejected(let error): bytes += error.message.utf8.count
        case .comment, .notExecuted: break
        }
        return bytes
    }
}
