import SQLite

/// The instance, value and relation rows of the blocks one subscription owns, read with one
/// query per table: loading a model and diffing an update both need all of them, and a query
/// per block made loads the largest share of a model step's queries.
struct StoredRows: Sendable {
    let instances: [String: StorageTree.Instance]
    let values: [StorageTree.Value]
    let relations: [StorageTree.Relation]

    /// The rows a save of `tree` leaves in the store.
    init(_ tree: StorageTree) {
        instances = Dictionary(uniqueKeysWithValues: tree.instances.map { ($0.id, $0) })
        values = tree.values
        relations = tree.relations
    }

    init(of subscriptionID: String, in database: Database) throws {
        let id = SQLValue.text(subscriptionID)
        instances = Dictionary(uniqueKeysWithValues: try database.query(
            "SELECT subscription_instance_id, block_name, label FROM subscription_instances WHERE subscription_id = ?", [id]
        ) { row in (row.string(0), StorageTree.Instance(id: row.string(0), blockName: row.string(1), label: row.optionalString(2))) })
        values = try database.query("""
            SELECT v.subscription_instance_id, v.field, v.value FROM subscription_instances i
            JOIN subscription_instance_values v ON v.subscription_instance_id = i.subscription_instance_id
            WHERE i.subscription_id = ?
            """, [id]) { row in StorageTree.Value(instanceID: row.string(0), field: row.string(1), json: row.string(2)) }
        relations = try database.query("""
            SELECT r.in_use_by_id, r.depends_on_id, r.order_id, r.domain_model_attr, r.is_list FROM subscription_instances i
            JOIN subscription_instance_relations r ON r.in_use_by_id = i.subscription_instance_id
            WHERE i.subscription_id = ?
            """, [id]) { row in
                StorageTree.Relation(inUseByID: row.string(0), dependsOnID: row.string(1), order: row.int(2),
                                     attribute: row.string(3), isList: row.bool(4))
            }
    }
}

/// The primary key of a value row.
struct ValueKey: Hashable {
    let instanceID: String
    let field: String

    init(_ value: StorageTree.Value) {
        instanceID = value.instanceID
        field = value.field
    }
}

/// The primary key of a relation row.
struct RelationKey: Hashable {
    let inUseByID: String
    let attribute: String
    let order: Int

    init(_ relation: StorageTree.Relation) {
        inUseByID = relation.inUseByID
        attribute = relation.attribute
        order = relation.order
    }
}
