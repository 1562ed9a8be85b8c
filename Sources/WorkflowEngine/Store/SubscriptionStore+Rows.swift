import SQLite

/// Writing a model's rows. An update writes only the rows that differ from the stored ones:
/// most saves change a status or a field or two, and every written row dirties pages that a
/// file database must append to its WAL at commit.
extension SubscriptionStore {
    func insertRows(_ tree: StorageTree) throws {
        for instance in tree.instances { try insert(instance, of: tree.subscriptionID) }
        for value in tree.values { try insert(value) }
        for relation in tree.relations { try insert(relation) }
    }

    /// Makes the stored rows of `subscriptionID` (currently `stored`) equal to `tree`'s, row by row.
    func updateRows(of subscriptionID: String, from stored: StoredRows, to tree: StorageTree) throws {
        let storedInstances = stored.instances
        let storedValues = Dictionary(uniqueKeysWithValues: stored.values.map { (ValueKey($0), $0.json) })
        let storedRelations = Dictionary(uniqueKeysWithValues: stored.relations.map { (RelationKey($0), $0) })

        let instances = Dictionary(uniqueKeysWithValues: tree.instances.map { ($0.id, $0) })
        let values = Dictionary(uniqueKeysWithValues: tree.values.map { (ValueKey($0), $0) })
        let relations = Dictionary(uniqueKeysWithValues: tree.relations.map { (RelationKey($0), $0) })

        for (key, _) in storedRelations where relations[key] == nil {
            try database.run("DELETE FROM subscription_instance_relations WHERE in_use_by_id = ? AND domain_model_attr = ? AND order_id = ?",
                             [.text(key.inUseByID), .text(key.attribute), .int(key.order)])
        }
        for (key, _) in storedValues where values[key] == nil {
            try database.run("DELETE FROM subscription_instance_values WHERE subscription_instance_id = ? AND field = ?",
                             [.text(key.instanceID), .text(key.field)])
        }
        for (instanceID, instance) in storedInstances where instances[instanceID] == nil {
            // Their relations would point at nothing, and their dumps could no longer be loaded.
            let users = try database.query("""
                SELECT DISTINCT i.subscription_id FROM subscription_instance_relations r
                JOIN subscription_instances i ON i.subscription_instance_id = r.in_use_by_id
                WHERE r.depends_on_id = ? AND i.subscription_id != ? ORDER BY i.subscription_id
                """, [.text(instanceID), .text(subscriptionID)]) { $0.string(0) }
            guard users.isEmpty else {
                throw DomainError.blockInUse(subscriptionID: subscriptionID, block: instance.blockName, users: users)
            }
            try database.run("DELETE FROM subscription_instances WHERE subscription_instance_id = ?", [.text(instanceID)])
        }
        for instance in tree.instances {
            switch storedInstances[instance.id] {
            case nil: try insert(instance, of: subscriptionID)
            case let stored? where stored.blockName != instance.blockName || stored.label != instance.label:
                try database.run("UPDATE subscription_instances SET block_name = ?, label = ? WHERE subscription_instance_id = ?",
                                 [.text(instance.blockName), .optional(instance.label), .text(instance.id)])
            default: continue
            }
        }
        for value in tree.values {
            switch storedValues[ValueKey(value)] {
            case nil: try insert(value)
            case let stored? where stored != value.json:
                try database.run("UPDATE subscription_instance_values SET value = ? WHERE subscription_instance_id = ? AND field = ?",
                                 [.text(value.json), .text(value.instanceID), .text(value.field)])
            default: continue
            }
        }
        for relation in tree.relations {
            switch storedRelations[RelationKey(relation)] {
            case nil: try insert(relation)
            case let stored? where stored.dependsOnID != relation.dependsOnID || stored.isList != relation.isList:
                try database.run("""
                    UPDATE subscription_instance_relations SET depends_on_id = ?, is_list = ?
                    WHERE in_use_by_id = ? AND domain_model_attr = ? AND order_id = ?
                    """, [.text(relation.dependsOnID), .bool(relation.isList), .text(relation.inUseByID),
                          .text(relation.attribute), .int(relation.order)])
            default: continue
            }
        }
    }

    private func insert(_ instance: StorageTree.Instance, of subscriptionID: String) throws {
        try database.run("INSERT INTO subscription_instances (subscription_instance_id, subscription_id, block_name, label) VALUES (?, ?, ?, ?)",
                         [.text(instance.id), .text(subscriptionID), .text(instance.blockName), .optional(instance.label)])
    }

    private func insert(_ value: StorageTree.Value) throws {
        try database.run("INSERT INTO subscription_instance_values (subscription_instance_id, field, value) VALUES (?, ?, ?)",
                         [.text(value.instanceID), .text(value.field), .text(value.json)])
    }

    private func insert(_ relation: StorageTree.Relation) throws {
        try database.run("""
            INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr, is_list)
            VALUES (?, ?, ?, ?, ?)
            """, [.text(relation.inUseByID), .text(relation.dependsOnID), .int(relation.order), .text(relation.attribute),
                  .bool(relation.isList)])
    }
}
