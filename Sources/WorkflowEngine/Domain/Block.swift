import Foundation
import Synchronization

/// The fields of a product block, as a Codable struct whose properties are all optional (or have
/// defaults) so an empty block exists in the `initial` lifecycle.
///
///     struct NodeBlock: ProductBlockModel {
///         static let blockName = "Node"
///         static let requirements: [String: Required] = ["node_id": .fromProvisioning, "node_name": .fromProvisioning]
///         var node_id: Int?
///         var node_name: String?
///     }
///
/// Nested blocks are `Block<Other>` properties (or arrays of them). A block owned by another
/// subscription (e.g. a Port's `node`) is assigned from that subscription and is saved only as an
/// in-use-by relation, never modified.
public protocol ProductBlockModel: Codable, Sendable {
    init()
    static var blockName: String { get }
    /// Field name → the lifecycles in which it must have a value; `set_status` names a missing one.
    static var requirements: [String: Required] { get }
}

extension ProductBlockModel {
    public static var requirements: [String: Required] { [:] }
}

/// The fields of a product (the subscription model minus its common fields): its root blocks.
///
///     struct NodeModel: ProductModel { var node = Block<NodeBlock>() }
public protocol ProductModel: Codable, Sendable {
    init()
}

/// One product-block instance: its fields plus identity (instance id and owning subscription).
/// Reads and writes of fields go straight through: `subscription.node.node_name = "loc1-core"`.
@dynamicMemberLookup
public struct Block<Fields: ProductBlockModel>: Codable, Sendable {
    /// Empty until the block is first saved (the engine assigns ids from its seeded generator).
    public internal(set) var subscriptionInstanceID: String
    public internal(set) var ownerSubscriptionID: String
    public var label: String?
    public var fields: Fields

    public init(_ fields: Fields = Fields(), label: String? = nil) {
        self.fields = fields
        self.label = label
        subscriptionInstanceID = ""
        ownerSubscriptionID = ""
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }

    enum IdentityKeys: String, CodingKey {
        case name, label
        case subscriptionInstanceID = "subscription_instance_id"
        case ownerSubscriptionID = "owner_subscription_id"
    }

    public init(from decoder: any Decoder) throws {
        fields = try Fields(from: decoder)
        let container = try decoder.container(keyedBy: IdentityKeys.self)
        subscriptionInstanceID = try container.decode(String.self, forKey: .subscriptionInstanceID)
        ownerSubscriptionID = try container.decode(String.self, forKey: .ownerSubscriptionID)
        label = try container.decodeIfPresent(String.self, forKey: .label)
    }

    public func encode(to encoder: any Encoder) throws {
        var instanceID = subscriptionInstanceID
        var owner = ownerSubscriptionID
        if let collector = encoder.userInfo[BlockCollector.key] as? BlockCollector {
            if instanceID.isEmpty { instanceID = collector.ids.next() }
            if owner.isEmpty { owner = collector.subscriptionID }
            let type = BlockType.of(Fields.self)
            if let unknown = type.unknownRequirement { throw DomainError.unknownRequiredField(block: Fields.blockName, field: unknown) }
            collector.record(instanceID, BlockInfo(name: Fields.blockName, owner: owner, requirements: type.requirements,
                                                   path: encoder.codingPath.map(\.stringValue)))
        }
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: IdentityKeys.self)
        try container.encode(Fields.blockName, forKey: .name)
        try container.encode(instanceID, forKey: .subscriptionInstanceID)
        try container.encode(owner, forKey: .ownerSubscriptionID)
        try container.encode(label, forKey: .label)
    }
}

/// What the engine learns about each block while encoding a model.
struct BlockInfo: Sendable {
    let name: String
    let owner: String
    let requirements: [String: Required]
    let path: [String]
}

/// Passed to the encoder through `userInfo`: assigns ids to new blocks and records each block's
/// type information, which the JSON alone does not carry.
final class BlockCollector: @unchecked Sendable {
    static let key = CodingUserInfoKey(rawValue: "orchlab.blockCollector")!
    let subscriptionID: String
    let ids: IDGenerator
    private(set) var blocks: [String: BlockInfo] = [:]

    init(subscriptionID: String, ids: IDGenerator) {
        self.subscriptionID = subscriptionID
        self.ids = ids
    }

    func record(_ instanceID: String, _ info: BlockInfo) {
        blocks[instanceID] = info
    }
}

/// What the engine checks once per block type (it runs on every block of every save): its
/// requirements, and the first of them that names no property (found by reflection).
struct BlockType: Sendable {
    let requirements: [String: Required]
    let unknownRequirement: String?

    private static let cache = Mutex<[ObjectIdentifier: BlockType]>([:])

    static func of<Fields: ProductBlockModel>(_ type: Fields.Type) -> BlockType {
        if let known = cache.withLock({ $0[ObjectIdentifier(type)] }) { return known }
        let names = Set(Mirror(reflecting: Fields()).children.compactMap(\.label))
        let checked = BlockType(requirements: Fields.requirements,
                                unknownRequirement: Fields.requirements.keys.sorted().first { !names.contains($0) })
        cache.withLock { $0[ObjectIdentifier(type)] = checked }
        return checked
    }
}
