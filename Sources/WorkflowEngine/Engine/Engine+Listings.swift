import SQLite

/// Lists in orchestrator-core's REST shapes (`GET /subscriptions/`, `GET /processes/`), for API
/// layers and for workflows whose forms offer existing subscriptions, so none of them reads the
/// engine's tables.
extension Engine {
    /// Subscriptions in orchestrator-core's list shape, with their product, oldest id first.
    public func subscriptionList(ids: [String]? = nil) throws -> [JSON] {
        var sql = """
            SELECT s.subscription_id, s.description, s.status, s.insync, s.customer_id, s.product_id, s.start_date,
                   s.end_date, s.note, s.version, p.name, p.description, p.product_type, p.tag, p.status, p.created_at
            FROM subscriptions s JOIN products p ON p.product_id = s.product_id
            """
        var parameters: [SQLValue] = []
        if let ids {
            guard !ids.isEmpty else { return [] }
            sql += " WHERE s.subscription_id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))"
            parameters = ids.map(SQLValue.text)
        }
        return try core.database.query(sql + " ORDER BY s.subscription_id", parameters) { row in
            func optional(_ index: Int) -> JSON { row.optionalString(index).map(JSON.string) ?? .null }
            return [
                "subscription_id": .string(row.string(0)), "description": .string(row.string(1)),
                "status": .string(row.string(2)), "insync": .bool(row.bool(3)), "customer_id": .string(row.string(4)),
                "product_id": .string(row.string(5)), "start_date": optional(6), "end_date": optional(7),
                "note": optional(8), "version": .int(row.int(9)),
                // SubscriptionSchema's optional keys; the engine keeps no customer descriptions.
                "name": .null, "tag": .null, "customer_descriptions": [],
                "product": ["product_id": .string(row.string(5)), "name": .string(row.string(10)),
                            "description": .string(row.string(11)), "product_type": .string(row.string(12)),
                            "tag": .string(row.string(13)), "status": .string(row.string(14)),
                            "created_at": .string(row.string(15)), "end_date": .null],
            ]
        }
    }

    /// Processes in the list shape, each with the subscriptions it worked on.
    public func processList() throws -> [JSON] {
        var linked: [String: [String]] = [:]
        for (process, subscription) in try core.database.query(
            "SELECT process_id, subscription_id FROM processes_subscriptions ORDER BY created_at", [],
            { row in (row.string(0), row.string(1)) }) {
            linked[process, default: []].append(subscription)
        }
        let summaries = Dictionary(try subscriptionList().map { ($0["subscription_id"]?.stringValue ?? "", $0) },
                                   uniquingKeysWith: { first, _ in first })
        return try core.processes.processes().map { row in
            [
                "process_id": .string(row.processID), "workflow_id": .string(row.workflowName),
                "workflow_name": .string(row.workflowName), "workflow_target": .string(row.target.rawValue),
                "is_task": .bool(row.isTask), "created_by": .string(row.createdBy), "assignee": .string(row.assignee),
                "last_status": .string(row.lastStatus.rawValue), "last_step": row.lastStep.map(JSON.string) ?? .null,
                "failed_reason": row.failedReason.map(JSON.string) ?? .null, "started_at": .string(row.startedAt),
                "last_modified_at": .string(row.lastModifiedAt),
                "subscriptions": .array((linked[row.processID] ?? []).compactMap { summaries[$0] }),
            ]
        }
    }

    /// `created_at` of every product, by id.
    public func productCreationTimes() throws -> [String: String] {
        Dictionary(try core.database.query("SELECT product_id, created_at FROM products") { ($0.string(0), $0.string(1)) },
                   uniquingKeysWith: { first, _ in first })
    }
}
