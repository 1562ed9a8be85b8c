import WorkflowEngine

/// The workshop's Node block: one enrolled NetBox device and its loopbacks. Every field is
/// optional while the subscription is initial and required from provisioning on.
public struct NodeBlock: ProductBlockModel {
    public static let blockName = "Node"
    public static let requirements: [String: Required] = [
        "node_id": .fromProvisioning, "node_name": .fromProvisioning, "node_status": .fromProvisioning,
        "ipv4_loopback": .fromProvisioning, "ipv6_loopback": .fromProvisioning,
    ]

    /// The NetBox device id.
    public var node_id: Int?
    public var node_name: String?
    /// The NetBox device status as the workflows last set it (`planned`, `active`).
    public var node_status: String?
    /// With prefix length, as NetBox holds it: `10.0.0.1/32`.
    public var ipv4_loopback: String?
    public var ipv6_loopback: String?

    public init() {}
}

/// The Node product's model: one Node block.
public struct NodeModel: ProductModel {
    public var node = Block<NodeBlock>()
    public init() {}
}
