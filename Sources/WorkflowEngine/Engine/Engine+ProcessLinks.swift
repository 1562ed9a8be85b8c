import SeededRandom
import SQLite

/// orchestrator-core 1.x's process-subscription links (`GET
/// /processes/process-subscriptions-by-subscription-id/{id}`), for API layers.
extension Engine {
    /// The links of a subscription to the processes that worked on it, oldest process start
    /// first (as 1.3.6 orders them; the process order breaks ties), each with the process's base
    /// fields. An unknown subscription has none.
    public func processLinks(ofSubscription subscriptionID: String) throws -> [JSON] {
        try storage {
            try core.database.query("""
                SELECT ps.process_id, ps.subscription_id, ps.created_at, p.workflow_target, p.workflow_name, p.is_task,
                       p.created_by, p.failed_reason, p.started_at, p.last_status, p.last_step, p.assignee,
                       p.last_modified_at, p.traceback
                FROM processes_subscriptions ps JOIN processes p ON p.process_id = ps.process_id
                WHERE ps.subscription_id = ? ORDER BY p.started_at, p.seq
                """, [.text(subscriptionID)]) { row in
                func optional(_ index: Int) -> JSON { row.optionalString(index).map(JSON.string) ?? .null }
                let processID = JSON.string(row.string(0))
                return [
                    "id": .string(Engine.linkID(process: row.string(0), subscription: row.string(1))),
                    "process_id": processID, "pid": processID, "subscription_id": .string(row.string(1)),
                    "workflow_target": .string(row.string(3)), "created_at": .string(row.string(2)),
                    "process": [
                        "process_id": processID, "workflow_name": .string(row.string(4)), "is_task": .bool(row.bool(5)),
                        "created_by": .string(row.string(6)), "failed_reason": optional(7), "started_at": .string(row.string(8)),
                        "last_status": .string(row.string(9)), "last_step": optional(10), "assignee": .string(row.string(11)),
                        "last_modified_at": .string(row.string(12)), "traceback": optional(13),
                    ],
                ]
            }
        }
    }

    /// The reference gives every link row its own UUID; the engine's links are keyed by their
    /// two ids, so the UUID is derived from them (RFC 9562 version 8 layout): stable across
    /// restarts and the same for every reader.
    static func linkID(process: String, subscription: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (process + "/" + subscription).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var generator = SplitMix64(seed: hash)
        var bytes = (0..<2).flatMap { _ in withUnsafeBytes(of: generator.next().bigEndian, Array.init) }
        bytes[6] = (bytes[6] & 0x0f) | 0x80
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let cuts = [0, 8, 12, 16, 20, 32].map { hex.index(hex.startIndex, offsetBy: $0) }
        return (0..<5).map { String(hex[cuts[$0]..<cuts[$0 + 1]]) }.joined(separator: "-")
    }
}
