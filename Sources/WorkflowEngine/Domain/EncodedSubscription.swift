/// A subscription turned into JSON (for the state and the audit trail) and into the rows that
/// store it, with the type information of each block for lifecycle checks.
struct EncodedSubscription: Sendable {
    let info: SubscriptionInfo
    let json: JSON
    let tree: StorageTree
    let blocks: [String: BlockInfo]
    /// The version the store must still hold for the save to go through (nil for a new subscription).
    let expectedVersion: Int?
    /// True when `model` is the stored dump of `expectedVersion` unchanged, so its rows are
    /// already stored and a save writes only the subscription row.
    let blocksAsStored: Bool

    init(info: SubscriptionInfo, fixedInputs: [String: String], model: [String: JSON], blocks: [String: BlockInfo],
         expectedVersion: Int?, blocksAsStored: Bool = false) {
        self.info = info
        self.blocks = blocks
        self.expectedVersion = expectedVersion
        self.blocksAsStored = blocksAsStored
        tree = StorageTree(subscriptionID: info.subscriptionID, model: model)
        var object = model
        for (key, value) in fixedInputs { object[key] = .string(value) }
        object.merge(info.jsonObject) { _, common in common }
        json = .object(object)
    }

    /// Every field the blocks owned by this subscription lack for `lifecycle`, in model order.
    func missingFields(for lifecycle: Lifecycle) -> [DomainError.MissingField] {
        var missing: [DomainError.MissingField] = []
        let owned = blocks.filter { $0.value.owner == info.subscriptionID }
        for (id, block) in owned.sorted(by: { $0.value.path.lexicographicallyPrecedes($1.value.path) }) {
            let object = tree.blockObjects[id] ?? [:]
            for (field, required) in block.requirements.sorted(by: { $0.key < $1.key })
            where required.lifecycles.contains(lifecycle) {
                switch object[field] {
                case nil, .null?, .array([])?:
                    missing.append(.init(block: block.name, field: field, path: (block.path + [field]).joined(separator: ".")))
                default: continue
                }
            }
        }
        return missing
    }
}

/// The rows a subscription's model is stored as: one instance per owned block (plus a root
/// instance whose id is the subscription id), one value row per scalar field (JSON text), and
/// one relation per block-valued field, also for blocks owned by other subscriptions (in-use-by).
struct StorageTree: Sendable {
    struct Instance: Sendable { let id: String; let blockName: String; let label: String? }
    struct Value: Sendable { let instanceID: String; let field: String; let json: String }
    struct Relation: Sendable {
        let inUseByID: String
        let dependsOnID: String
        let order: Int
        let attribute: String
        let isList: Bool
    }

    static let rootBlockName = "__root__"
    static let identityKeys: Set<String> = ["name", "subscription_instance_id", "owner_subscription_id", "label"]

    private(set) var instances: [Instance] = []
    private(set) var values: [Value] = []
    private(set) var relations: [Relation] = []
    private(set) var blockObjects: [String: [String: JSON]] = [:]
    let subscriptionID: String

    init(subscriptionID: String, model: [String: JSON]) {
        self.subscriptionID = subscriptionID
        instances.append(Instance(id: subscriptionID, blockName: StorageTree.rootBlockName, label: nil))
        visit(instanceID: subscriptionID, object: model, isRoot: true)
    }

    /// The identity of a block dump, or nil when `value` is not a block.
    static func blockIdentity(_ value: JSON) -> (id: String, owner: String, name: String)? {
        guard case .object(let object) = value,
              let id = object["subscription_instance_id"]?.stringValue,
              let owner = object["owner_subscription_id"]?.stringValue,
              let name = object["name"]?.stringValue else { return nil }
        return (id, owner, name)
    }

    private mutating func visit(instanceID: String, object: [String: JSON], isRoot: Bool) {
        for key in object.keys.sorted() {
            if !isRoot && StorageTree.identityKeys.contains(key) { continue }
            let value = object[key]!
            if StorageTree.blockIdentity(value) != nil {
                link(from: instanceID, to: value, order: 0, attribute: key, isList: false)
            } else if case .array(let items) = value, !items.isEmpty,
                      items.allSatisfy({ StorageTree.blockIdentity($0) != nil }) {
                for (order, item) in items.enumerated() {
                    link(from: instanceID, to: item, order: order, attribute: key, isList: true)
                }
            } else if value != .null {
                values.append(Value(instanceID: instanceID, field: key, json: value.serialized()))
            }
        }
    }

    private mutating func link(from parent: String, to block: JSON, order: Int, attribute: String, isList: Bool) {
        guard let identity = StorageTree.blockIdentity(block), case .object(let object) = block else { return }
        relations.append(Relation(inUseByID: parent, dependsOnID: identity.id, order: order, attribute: attribute, isList: isList))
        guard identity.owner == subscriptionID, blockObjects[identity.id] == nil else { return }
        blockObjects[identity.id] = object
        instances.append(Instance(id: identity.id, blockName: identity.name, label: object["label"]?.stringValue))
        visit(instanceID: identity.id, object: object, isRoot: false)
    }
}
