import SQLite

/// A subscription related to another through in-use-by relations.
struct RelatedSubscription: Sendable, Equatable {
    let subscriptionID: String
    let status: Lifecycle
    let insync: Bool
}

/// Stores subscriptions as rows (subscriptions, instances, values, relations) and loads them
/// back as the JSON dump the typed models decode from.
final class SubscriptionStore: Sendable {
    let database: Database
    let products: ProductStore
    let cache: SubscriptionCache

    init(database: Database, products: ProductStore, seed: [String: SubscriptionCache.Entry] = [:]) {
        self.database = database
        self.products = products
        cache = SubscriptionCache(database: database, seed: seed)
    }

    /// Saves a model inside the caller's transaction. An update must find the version the model
    /// was loaded at (optimistic locking); blocks of other subscriptions only get relation rows.
    func save(_ subscription: EncodedSubscription) throws {
        let info = subscription.info
        let id = SQLValue.text(info.subscriptionID)
        let columns: [SQLValue] = [
            .text(info.description), .text(info.status.rawValue), .text(info.product.productID), .text(info.customerID),
            .bool(info.insync), .optional(info.startDate), .optional(info.endDate), .optional(info.note), .int(info.version),
        ]
        if let expected = subscription.expectedVersion {
            let changed = try database.run("""
                UPDATE subscriptions SET description = ?, status = ?, product_id = ?, customer_id = ?, insync = ?,
                start_date = ?, end_date = ?, note = ?, version = ? WHERE subscription_id = ? AND version = ?
                """, columns + [id, .int(expected)])
            if changed == 0 {
                let found = try database.queryOne("SELECT version FROM subscriptions WHERE subscription_id = ?", [id]) { $0.int(0) }
                throw DomainError.staleVersion(subscriptionID: info.subscriptionID, expected: expected, found: found)
            }
            if !subscription.blocksAsStored {
                try updateRows(of: info.subscriptionID, from: cache.rows(of: info.subscriptionID, at: expected), to: subscription.tree)
            }
        } else {
            try database.run("""
                INSERT INTO subscriptions (description, status, product_id, customer_id, insync, start_date, end_date, note, version, subscription_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, columns + [id])
            try insertRows(subscription.tree)
        }
        cache.saved(subscription)
    }

    /// Whether a subscription exists, with the columns start checks need.
    func summary(_ id: String) throws -> (status: Lifecycle, insync: Bool, productID: String, version: Int, customerID: String)? {
        try database.queryOne("SELECT status, insync, product_id, version, customer_id FROM subscriptions WHERE subscription_id = ?",
                              [.text(id)]) { row in
            (Lifecycle(rawValue: row.string(0)) ?? .initial, row.bool(1), row.string(2), row.int(3), row.string(4))
        }
    }

    func count() throws -> Int {
        try database.queryOne("SELECT count(*) FROM subscriptions") { $0.int(0) } ?? 0
    }

    func setInsync(_ id: String, _ insync: Bool) throws {
        cache.forget(id)
        try database.run("UPDATE subscriptions SET insync = ?, version = version + 1 WHERE subscription_id = ? AND insync != ?",
                         [.bool(insync), .text(id), .bool(insync)])
    }

    /// Subscriptions using blocks owned by `id`.
    func users(of id: String) throws -> [RelatedSubscription] {
        try related("""
            SELECT s.subscription_id, s.status, s.insync FROM subscription_instances owned
            JOIN subscription_instance_relations r ON r.depends_on_id = owned.subscription_instance_id
            JOIN subscription_instances user ON user.subscription_instance_id = r.in_use_by_id
            JOIN subscriptions s ON s.subscription_id = user.subscription_id
            WHERE owned.subscription_id = ?1 AND user.subscription_id != ?1
            """, id)
    }

    /// Subscriptions whose blocks `id` uses.
    func dependencies(of id: String) throws -> [RelatedSubscription] {
        try related("""
            SELECT s.subscription_id, s.status, s.insync FROM subscription_instances user
            JOIN subscription_instance_relations r ON r.in_use_by_id = user.subscription_instance_id
            JOIN subscription_instances dep ON dep.subscription_instance_id = r.depends_on_id
            JOIN subscriptions s ON s.subscription_id = dep.subscription_id
            WHERE user.subscription_id = ?1 AND dep.subscription_id != ?1
            """, id)
    }

    /// Distinct and ordered by id here, not in SQL: these run on every status change and are
    /// nearly always empty, and DISTINCT/ORDER BY made SQLite set up a temporary b-tree and a
    /// sorter each time.
    private func related(_ sql: String, _ id: String) throws -> [RelatedSubscription] {
        let rows = try database.query(sql, [.text(id)]) { row in
            RelatedSubscription(subscriptionID: row.string(0), status: Lifecycle(rawValue: row.string(1)) ?? .initial,
                                insync: row.bool(2))
        }
        guard rows.count > 1 else { return rows }
        var seen = Set<String>()
        return rows.filter { seen.insert($0.subscriptionID).inserted }.sorted { $0.subscriptionID < $1.subscriptionID }
    }
}
