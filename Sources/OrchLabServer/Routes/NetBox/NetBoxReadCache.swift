import NetBoxSim
import Synchronization

/// Rendered NetBox GET answers, keyed by the request and valid while NetBox's change count
/// stays the same: every successful write logs a change, so any write invalidates them all.
/// Clients poll lists (pynetbox `.filter()`, dashboards); re-serializing full device and
/// interface objects was most of their cost.
final class NetBoxReadCache: Sendable {
    private struct Entry {
        let changeCount: Int
        let reply: Reply
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The cached answer for `call`, or `render()`'s, stored under the change count read
    /// before rendering (so a write during rendering can only make the entry newer, never stale).
    func reply(_ call: HTTPCall, netbox: NetBox, render: () throws -> Reply) rethrows -> Reply {
        let key = call.origin + " " + call.segments.joined(separator: "/") + "?"
            + call.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let changeCount = netbox.changeCount
        if let entry = entries.withLock({ $0[key] }), entry.changeCount == changeCount { return entry.reply }
        let reply = try render()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(changeCount: changeCount, reply: reply)
        }
        return reply
    }
}
