import SQLite

/// Deleting processes and subscriptions, as orchestrator-core 1.x's `DELETE /processes/{id}` and
/// `DELETE /subscriptions/{id}` do (lab clean-up), but never leaving rows that point at nothing.
extension Engine {
    /// Deletes a process with its step log, its recorded form inputs and its subscription links,
    /// in any status (as orchestrator-core 1.3.6 does). The subscriptions it worked on are left
    /// as they are: a subscription an unfinished process had taken out of sync stays out of
    /// sync (abort first to put it back). Throws `unknownProcess`, or `alreadyRunning` while
    /// this engine runs the process: the reference deletes the row under the running worker,
    /// whose next step then writes into a process that no longer exists.
    public func deleteProcess(_ processID: String) throws {
        _ = try core.processRow(processID)
        try core.exclusively(all: [processID]) {
            try storage { try core.database.transaction { try core.deleteProcessRows(processID) } }
        }
    }

    /// Deletes a subscription, and first every process linked to it (with their steps, inputs
    /// and all their links, including links to other subscriptions), as orchestrator-core
    /// 1.3.6's `DELETE /subscriptions/{id}`. Returns the deleted processes' ids.
    ///
    /// Refused with `subscriptionInUse` while another subscription uses one of its blocks: the
    /// reference deletes the blocks and their relation rows, so the user's domain model loses
    /// a block it requires and can no longer be loaded. Refused with `alreadyRunning` while
    /// this engine runs one of its processes. A subscription it uses itself is left unchanged.
    @discardableResult
    public func deleteSubscription(_ subscriptionID: String) throws -> [String] {
        guard try storage({ try core.subscriptions.summary(subscriptionID) }) != nil else {
            throw EngineError.unknownSubscription(subscriptionID)
        }
        let users = try storage { try core.subscriptions.users(of: subscriptionID) }
        guard users.isEmpty else {
            throw EngineError.subscriptionInUse(subscriptionID, users: users.map(\.subscriptionID))
        }
        let processIDs = try storage { try core.processes.processes(linkedTo: subscriptionID) }
        return try core.exclusively(all: processIDs) {
            try storage {
                try core.database.transaction {
                    // Checked again inside the transaction, against a start that linked a new
                    // process or began using this subscription since the checks above.
                    let linked = try core.processes.processes(linkedTo: subscriptionID)
                    if let added = linked.first(where: { !processIDs.contains($0) }) { throw EngineError.alreadyRunning(added) }
                    let users = try core.subscriptions.users(of: subscriptionID)
                    guard users.isEmpty else {
                        throw EngineError.subscriptionInUse(subscriptionID, users: users.map(\.subscriptionID))
                    }
                    for processID in processIDs { try core.deleteProcessRows(processID) }
                    try core.subscriptions.delete(subscriptionID)
                }
            }
            return processIDs
        }
    }
}

extension EngineCore {
    /// Runs `body` while holding every process in `processIDs` as in flight, so no resume,
    /// retry or recovery runs one of them meanwhile.
    func exclusively<T>(all processIDs: [String], _ body: () throws -> T) throws -> T {
        let busy = inFlight.withLock { inFlight -> String? in
            if let running = processIDs.first(where: inFlight.contains) { return running }
            inFlight.formUnion(processIDs)
            return nil
        }
        if let busy { throw EngineError.alreadyRunning(busy) }
        defer { inFlight.withLock { $0.subtract(processIDs) } }
        return try body()
    }

    /// Deletes a process's rows inside the caller's transaction.
    func deleteProcessRows(_ processID: String) throws {
        for table in ["process_steps", "input_states", "processes_subscriptions", "processes"] {
            try database.run("DELETE FROM \(table) WHERE process_id = ?", [.text(processID)])
        }
    }
}

extension ProcessStore {
    /// Processes linked to a subscription, oldest first.
    func processes(linkedTo subscriptionID: String) throws -> [String] {
        try database.query("""
            SELECT p.process_id FROM processes_subscriptions ps JOIN processes p ON p.process_id = ps.process_id
            WHERE ps.subscription_id = ? ORDER BY p.seq
            """, [.text(subscriptionID)]) { $0.string(0) }
    }
}

extension SubscriptionStore {
    /// Deletes a subscription with its blocks, their values and the relations its blocks have
    /// to others, inside the caller's transaction. The caller has made sure no other
    /// subscription uses its blocks.
    func delete(_ subscriptionID: String) throws {
        let id = SQLValue.text(subscriptionID)
        let owned = "SELECT subscription_instance_id FROM subscription_instances WHERE subscription_id = ?"
        try database.run("DELETE FROM subscription_instance_relations WHERE in_use_by_id IN (\(owned))", [id])
        try database.run("DELETE FROM subscription_instance_relations WHERE depends_on_id IN (\(owned))", [id])
        try database.run("DELETE FROM subscription_instance_values WHERE subscription_instance_id IN (\(owned))", [id])
        try database.run("DELETE FROM subscription_instances WHERE subscription_id = ?", [id])
        try database.run("DELETE FROM subscriptions WHERE subscription_id = ?", [id])
        cache.forget(subscriptionID)
    }
}
