import SQLite

extension SubscriptionStore {
    /// The subscription's JSON dump (common fields, product, fixed inputs, blocks), as stored.
    func domainModel(_ id: String) throws -> JSON {
        guard let row = try database.queryOne("""
            SELECT description, status, product_id, customer_id, insync, start_date, end_date, note, version
            FROM subscriptions WHERE subscription_id = ?
            """, [.text(id)], { row in
                (row.string(0), row.string(1), row.string(2), row.string(3), row.bool(4), row.optionalString(5),
                 row.optionalString(6), row.optionalString(7), row.int(8))
            })
        else { throw EngineError.unknownSubscription(id) }
        guard let product = try products.product(id: row.2) else { throw EngineError.unknownProduct(row.2) }
        var object = try blocks(of: id, at: row.8)
        for (key, value) in product.fixedInputs { object[key] = .string(value) }
        object["subscription_id"] = .string(id)
        object["description"] = .string(row.0)
        object["status"] = .string(row.1)
        object["customer_id"] = .string(row.3)
        object["insync"] = .bool(row.4)
        object["start_date"] = row.5.map(JSON.string) ?? .null
        object["end_date"] = row.6.map(JSON.string) ?? .null
        object["note"] = row.7.map(JSON.string) ?? .null
        object["version"] = .int(row.8)
        object["product"] = product.snapshot.json
        return .object(object)
    }

    /// The blocks part of the dump, cached with the versions of the other subscriptions whose
    /// blocks it includes: a lock or unlock saves the blocks unchanged, so the next load of the
    /// model finds them here.
    private func blocks(of id: String, at version: Int) throws -> [String: JSON] {
        if let cached = cache.dumpBlocks(of: id, at: version), try versions(of: Array(cached.foreign.keys)) == cached.foreign {
            return cached.object
        }
        var foreign: [String: Int] = [:]
        let object = try instanceFields(id, OwnedBlocks(try cache.rows(of: id, at: version), of: id), depth: 0, &foreign)
        cache.remember(dumpBlocks: DumpBlocks(object: object, foreign: foreign), of: id, at: version)
        return object
    }

    private func versions(of ids: [String]) throws -> [String: Int] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try database.query(
            "SELECT subscription_id, version FROM subscriptions WHERE subscription_id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))",
            ids.map(SQLValue.text)) { ($0.string(0), $0.int(1)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Values and child blocks of one instance (the root instance's id is the subscription id).
    /// Blocks the subscription owns come from `owned`; blocks of other subscriptions are read
    /// here, noting their owners' versions in `foreign`.
    private func instanceFields(_ instanceID: String, _ owned: OwnedBlocks, depth: Int,
                                _ foreign: inout [String: Int]) throws -> [String: JSON] {
        guard depth < 64 else { throw EngineError.storage("block nesting deeper than 64 at \(instanceID)", code: "corrupt") }
        var object: [String: JSON] = [:]
        let values: [(String, String)]
        let relations: [(String, String, Bool)]
        if owned.instances[instanceID] != nil {
            values = owned.values[instanceID] ?? []
            relations = owned.relations[instanceID] ?? []
        } else {
            values = try database.query("SELECT field, value FROM subscription_instance_values WHERE subscription_instance_id = ?",
                                        [.text(instanceID)]) { ($0.string(0), $0.string(1)) }
            relations = try database.query("""
                SELECT depends_on_id, domain_model_attr, is_list FROM subscription_instance_relations
                WHERE in_use_by_id = ? ORDER BY domain_model_attr, order_id
                """, [.text(instanceID)]) { ($0.string(0), $0.string(1), $0.bool(2)) }
        }
        for (field, text) in values { object[field] = try StoredValue.parse(text) }
        for (childID, attribute, isList) in relations {
            let child = try block(childID, owned, depth: depth + 1, &foreign)
            if isList {
                object[attribute] = .array((object[attribute]?.arrayValue ?? []) + [child])
            } else {
                object[attribute] = child
            }
        }
        return object
    }

    private func block(_ instanceID: String, _ owned: OwnedBlocks, depth: Int, _ foreign: inout [String: Int]) throws -> JSON {
        let row: (String, String, String?)
        if let instance = owned.instances[instanceID] {
            row = (owned.subscriptionID, instance.blockName, instance.label)
        } else {
            // The owner's version comes in the same statement, before the block's rows: a save of
            // the owner in between leaves the cached blocks older than the version they name,
            // which the next load sees as a miss.
            guard let found = try database.queryOne("""
                SELECT i.subscription_id, i.block_name, i.label, s.version FROM subscription_instances i
                JOIN subscriptions s ON s.subscription_id = i.subscription_id WHERE i.subscription_instance_id = ?
                """, [.text(instanceID)], { ($0.string(0), $0.string(1), $0.optionalString(2), $0.int(3)) })
            else { throw EngineError.storage("relation to missing block instance \(instanceID)", code: "corrupt") }
            row = (found.0, found.1, found.2)
            if foreign[found.0] == nil { foreign[found.0] = found.3 }
        }
        var object = try instanceFields(instanceID, owned, depth: depth, &foreign)
        object["name"] = .string(row.1)
        object["subscription_instance_id"] = .string(instanceID)
        object["owner_subscription_id"] = .string(row.0)
        object["label"] = row.2.map(JSON.string) ?? .null
        return .object(object)
    }

    /// The dump with, on every block, the blocks of *other* subscriptions that use it
    /// (`in_use_by_ids`, `in_use_by_relations`), as the reference's domain-model endpoint.
    func domainModelWithRelations(_ id: String) throws -> JSON {
        try annotate(domainModel(id), owner: id)
    }

    private func annotate(_ value: JSON, owner: String) throws -> JSON {
        switch value {
        case .array(let items):
            return .array(try items.map { try annotate($0, owner: owner) })
        case .object(var object):
            for (key, child) in object where key != "product" { object[key] = try annotate(child, owner: owner) }
            if let identity = StorageTree.blockIdentity(value) {
                let users = try database.query("""
                    SELECT i.subscription_instance_id, i.subscription_id FROM subscription_instance_relations r
                    JOIN subscription_instances i ON i.subscription_instance_id = r.in_use_by_id
                    WHERE r.depends_on_id = ? AND i.subscription_id != ? ORDER BY i.subscription_id, i.subscription_instance_id
                    """, [.text(identity.id), .text(identity.owner)]) { ($0.string(0), $0.string(1)) }
                object["in_use_by_ids"] = .array(users.map { .string($0.0) })
                object["in_use_by_relations"] = .array(users.map {
                    ["subscription_instance_id": .string($0.0), "subscription_id": .string($0.1)]
                })
            }
            return .object(object)
        default:
            return value
        }
    }
}

/// A subscription's own rows grouped by instance, relations in the order blocks are listed in.
private struct OwnedBlocks {
    let subscriptionID: String
    let instances: [String: StorageTree.Instance]
    let values: [String: [(String, String)]]
    let relations: [String: [(String, String, Bool)]]

    init(_ rows: StoredRows, of subscriptionID: String) {
        self.subscriptionID = subscriptionID
        instances = rows.instances
        values = Dictionary(grouping: rows.values, by: \.instanceID).mapValues { $0.map { ($0.field, $0.json) } }
        relations = Dictionary(grouping: rows.relations, by: \.inUseByID).mapValues { group in
            group.sorted { ($0.attribute, $0.order) < ($1.attribute, $1.order) }.map { ($0.dependsOnID, $0.attribute, $0.isList) }
        }
    }
}

/// Value rows hold JSON text; most are short strings or numbers, parsed here without a decoder.
enum StoredValue {
    static func parse(_ text: String) throws -> JSON {
        let utf8 = text.utf8
        if utf8.count >= 2, utf8.first == UInt8(ascii: "\""), utf8.last == UInt8(ascii: "\""),
           !utf8.contains(UInt8(ascii: "\\")) {
            return .string(String(text.dropFirst().dropLast()))
        }
        if let int = Int(text) { return .int(int) }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: return try JSON.parse(text)
        }
    }
}
